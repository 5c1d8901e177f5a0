import { INDICATOR_METRICS, type IndicatorDirection, type IndicatorRecord } from '@klantreis/schema';
import { indicatorValues, type PeriodValue } from './indicatorValues.ts';
import type { JourneyAnalysis } from './journeyAnalysis.ts';

export type IndicatorStatus = 'met' | 'at-risk' | 'missed' | 'no-data';
export type IndicatorTrend = 'improving' | 'worsening' | 'steady';

/** How many periods the trend shows. */
export const TREND_PERIODS = 6;

/**
 * Met, at risk or missed against the target. At risk means met, but by less than the margin:
 * an SLA or XLA is "at risk" when one bad period more would break it.
 */
export function indicatorStatus(value: number | null, target: number, direction: IndicatorDirection, margin: number): IndicatorStatus {
  if (value === null || !Number.isFinite(value)) return 'no-data';
  const slack = direction === 'at-least' ? value - target : target - value;
  if (slack < 0) return 'missed';
  return slack < margin ? 'at-risk' : 'met';
}

/** The direction of the last move between two periods; a change smaller than a thousandth of the target or 0.001 is steady. */
export function indicatorTrend(series: readonly PeriodValue[], direction: IndicatorDirection, target: number): IndicatorTrend | null {
  const known = series.filter((point): point is PeriodValue & { value: number } => point.value !== null);
  const [before, last] = known.slice(-2);
  if (before === undefined || last === undefined) return null;
  const change = last.value - before.value;
  if (Math.abs(change) < Math.max(0.001, Math.abs(target) / 1000)) return 'steady';
  return (change > 0) === (direction === 'at-least') ? 'improving' : 'worsening';
}

export interface IndicatorEvaluation {
  indicatorId: string;
  /** The latest period with data: the status is that period's. */
  period: string | null;
  value: number | null;
  n: number;
  status: IndicatorStatus;
  trend: IndicatorTrend | null;
  /** The last periods with data, oldest first, each with its own status. */
  series: (PeriodValue & { status: IndicatorStatus })[];
  /** Over all data, for reference. */
  overall: PeriodValue;
  /** Why there is no value: a step metric without a step. */
  problem: 'needs-step' | null;
}

export interface XlaEvaluation {
  indicators: IndicatorEvaluation[];
  /** An XLA needs at least one X (sentiment) indicator; without one it is only an SLA. */
  hasSentiment: boolean;
  counts: Record<IndicatorStatus, number>;
}

export async function evaluateIndicator(analysis: JourneyAnalysis, indicator: IndicatorRecord): Promise<IndicatorEvaluation> {
  const needsStep = INDICATOR_METRICS[indicator.metric].step === 'required' && indicator.stepId === null;
  const values = needsStep ? null : await indicatorValues(analysis, indicator);
  if (values === null) {
    return { indicatorId: indicator.id, period: null, value: null, n: 0, status: 'no-data', trend: null, series: [], overall: { period: null, value: null, n: 0 }, problem: 'needs-step' };
  }
  const recent = values.series.slice(-TREND_PERIODS);
  const latest = recent.at(-1);
  const status = (value: number | null) => indicatorStatus(value, indicator.target, indicator.direction, indicator.margin);
  return {
    indicatorId: indicator.id,
    period: latest?.period ?? null,
    value: latest?.value ?? null,
    n: latest?.n ?? 0,
    status: status(latest?.value ?? null),
    trend: indicatorTrend(recent, indicator.direction, indicator.target),
    series: recent.map((point) => ({ ...point, status: status(point.value) })),
    overall: values.overall,
    problem: null,
  };
}

export async function evaluateXla(analysis: JourneyAnalysis, indicators: readonly IndicatorRecord[]): Promise<XlaEvaluation> {
  const evaluations: IndicatorEvaluation[] = [];
  for (const indicator of indicators) evaluations.push(await evaluateIndicator(analysis, indicator));
  const counts: Record<IndicatorStatus, number> = { met: 0, 'at-risk': 0, missed: 0, 'no-data': 0 };
  for (const evaluation of evaluations) counts[evaluation.status]++;
  return { indicators: evaluations, hasSentiment: indicators.some((i) => i.kind === 'X'), counts };
}
