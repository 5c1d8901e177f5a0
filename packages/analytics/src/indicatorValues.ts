import type { IndicatorMetric, IndicatorPeriod, IndicatorRecord } from '@klantreis/schema';
import type { JourneyAnalysis, Row } from './journeyAnalysis.ts';
import { happinessOf, SURVEY_AGGREGATES } from './surveyMetrics.ts';

/** An indicator's value over one period (the first day, YYYY-MM-DD) or over all data (`period` null). */
export interface PeriodValue {
  period: string | null;
  value: number | null;
  /** How many cases, visits, moves or answers the value rests on. */
  n: number;
}

export type IndicatorQuery = Pick<IndicatorRecord, 'metric' | 'stepId' | 'period'>;

/*
 * Each metric as SQL over the analysis tables, grouped by a period expression: a case counts in
 * the period it started, a wait in the period the customer arrived at the step, an answer in the
 * period it was given. Values are in the metric's unit (INDICATOR_METRICS): percent 0–100,
 * minutes, the −2..+2 axis, happiness points, contacts.
 */
type MetricSql = (options: { step: number | null; period: (timestamp: string) => string; wait: 'before' | 'during' | 'after' }) => string | null;

const caseStart = 'make_timestamp(first_t)';

const METRIC_SQL: Record<IndicatorMetric, MetricSql> = {
  'journey-score': ({ period }) => `SELECT ${period('ts')} AS period, avg(axis) AS value, count(*) AS n FROM responses WHERE step IS NULL AND ts IS NOT NULL GROUP BY ALL`,
  'step-score': ({ step, period }) =>
    step === null ? null : `SELECT ${period('ts')} AS period, avg(axis) AS value, count(*) AS n FROM responses WHERE step = ${step} AND ts IS NOT NULL GROUP BY ALL`,
  happiness: ({ step, period }) =>
    `SELECT ${period('ts')} AS period, ${SURVEY_AGGREGATES} FROM responses WHERE ts IS NOT NULL AND scale = 'zero-to-ten' ${step === null ? '' : `AND step = ${step}`} GROUP BY ALL`,
  'lost-time': ({ step, period }) =>
    `SELECT ${period('ts')} AS period, avg(lost_minutes) AS value, count(lost_minutes) AS n FROM responses WHERE ts IS NOT NULL AND lost_minutes IS NOT NULL ${step === null ? '' : `AND step = ${step}`} GROUP BY ALL`,
  'completion-rate': ({ period }) => `SELECT ${period(caseStart)} AS period, 100 * avg(completed::INTEGER) AS value, count(*) AS n FROM journey_cases GROUP BY ALL`,
  'drop-off-rate': ({ step, period }) =>
    step === null
      ? null
      : `SELECT ${period(caseStart)} AS period, 100 * avg((NOT completed AND last_step = ${step})::INTEGER) AS value, count(*) AS n
         FROM journey_cases WHERE list_contains(steps, ${step}) GROUP BY ALL`,
  'wait-p90': ({ step, period, wait }) => {
    if (step === null) return null;
    // Before: the moves into the step, counted when the customer arrives; during: the visits; after: the moves out.
    const { visits, where, gap, arrival } = {
      before: { visits: 'journey_visits', where: `next_step = ${step}`, gap: 'next_start - visit_end', arrival: 'next_start' },
      during: { visits: 'journey_visits_with_start', where: `step = ${step}`, gap: 'visit_end - visit_start', arrival: 'visit_start' },
      after: { visits: 'journey_visits_with_start', where: `step = ${step} AND next_step IS NOT NULL`, gap: 'next_start - visit_end', arrival: 'visit_start' },
    }[wait];
    return `SELECT ${period(`make_timestamp(${arrival})`)} AS period, quantile_cont(${gap}, 0.9) / 6e7 AS value, count(*) AS n
            FROM ${visits} WHERE ${where} GROUP BY ALL`;
  },
  'duration-median': ({ period }) => `SELECT ${period(caseStart)} AS period, quantile_cont(last_t - first_t, 0.5) / 6e7 AS value, count(*) AS n FROM journey_cases GROUP BY ALL`,
  'duration-p90': ({ period }) => `SELECT ${period(caseStart)} AS period, quantile_cont(last_t - first_t, 0.9) / 6e7 AS value, count(*) AS n FROM journey_cases GROUP BY ALL`,
  'repeat-contact-rate': ({ step, period }) =>
    step === null
      ? `SELECT ${period(caseStart)} AS period, 100 * avg((len(repeat_steps) > 0)::INTEGER) AS value, count(*) AS n FROM journey_cases GROUP BY ALL`
      : `SELECT ${period(caseStart)} AS period, 100 * avg(list_contains(repeat_steps, ${step})::INTEGER) AS value, count(*) AS n
         FROM journey_cases WHERE list_contains(steps, ${step}) GROUP BY ALL`,
  'contacts-per-case': ({ period }) => `SELECT ${period(caseStart)} AS period, avg(events) AS value, count(*) AS n FROM journey_cases GROUP BY ALL`,
};

function valueOf(metric: IndicatorMetric, row: Row): number | null {
  if (metric === 'happiness') return happinessOf(row);
  return row.value === null || row.value === undefined ? null : Number(row.value);
}

/**
 * The indicator's value per period, oldest first, and over all data. Null when the indicator
 * cannot be computed: a step metric without a step (or with a step deleted since).
 */
export async function indicatorValues(analysis: JourneyAnalysis, indicator: IndicatorQuery): Promise<{ overall: PeriodValue; series: PeriodValue[] } | null> {
  const step = indicator.stepId === null ? null : analysis.steps.findIndex((s) => s.id === indicator.stepId);
  if (step === -1) return null;
  const wait = step === null ? 'before' : (analysis.steps[step].wait?.moment ?? 'before');
  const build = METRIC_SQL[indicator.metric];
  const perPeriod = build({ step, wait, period: (timestamp) => `date_trunc('${indicator.period satisfies IndicatorPeriod}', ${timestamp})` });
  const overall = build({ step, wait, period: () => 'NULL' });
  if (perPeriod === null || overall === null) return null;
  // Each period's first day is written as a date once per group, not per row.
  const series = (await analysis.query(`SELECT strftime(period, '%Y-%m-%d') AS period, * EXCLUDE (period) FROM (${perPeriod}) ORDER BY period`))
    .map((row) => ({ period: String(row.period), value: valueOf(indicator.metric, row), n: Number(row.n ?? 0) }))
    .filter((point) => point.n > 0);
  const [all] = await analysis.query(overall);
  return { overall: { period: null, value: all === undefined ? null : valueOf(indicator.metric, all), n: Number(all?.n ?? 0) }, series };
}
