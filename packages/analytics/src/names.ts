// The choices the command line and the web app offer (date formats, metric periods), without
// loading the importers, DuckDB or zod: `klantreis --help` lists them in a blink.
export { DATE_FORMATS, type DateFormat } from './timestampParser.ts';

export type MetricsPeriod = 'week' | 'month' | 'quarter';
export const METRICS_PERIODS: readonly MetricsPeriod[] = ['week', 'month', 'quarter'];
