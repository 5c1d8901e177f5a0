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
 * Each metric as SQL over the analysis tables, per period and over all data in one pass: a case
 * counts in the period it started, a wait in the period the customer arrived at the step, an
 * answer in the period it was given. `period(timestamp)` gives the columns period (the period's
 * first moment) and overall (1 on the row over all data). Values are in the metric's unit
 * (INDICATOR_METRICS): percent 0–100, minutes, the −2..+2 axis, happiness points, contacts.
 */
type MetricSql = (options: { step: number | null; period: (timestamp: string) => string; wait: 'before' | 'during' | 'after' }) => string | null;

const PER_PERIOD_AND_OVERALL = 'GROUP BY GROUPING SETS ((period), ())';

const caseStart = 'make_timestamp(first_t)';

const METRIC_SQL: Record<IndicatorMetric, MetricSql> = {
  'journey-score': ({ period }) => `SELECT ${period('ts')}, avg(axis) AS value, count(*) AS n FROM responses WHERE step IS NULL AND ts IS NOT NULL ${PER_PERIOD_AND_OVERALL}`,
  'step-score': ({ step, period }) =>
    step === null ? null : `SELECT ${period('ts')}, avg(axis) AS value, count(*) AS n FROM responses WHERE step = ${step} AND ts IS NOT NULL ${PER_PERIOD_AND_OVERALL}`,
  happiness: ({ step, period }) =>
    `SELECT ${period('ts')}, ${SURVEY_AGGREGATES} FROM responses WHERE ts IS NOT NULL AND scale = 'zero-to-ten' ${step === null ? '' : `AND step = ${step}`} ${PER_PERIOD_AND_OVERALL}`,
  'lost-time': ({ step, period }) =>
    `SELECT ${period('ts')}, avg(lost_minutes) AS value, count(lost_minutes) AS n FROM responses WHERE ts IS NOT NULL AND lost_minutes IS NOT NULL ${step === null ? '' : `AND step = ${step}`} ${PER_PERIOD_AND_OVERALL}`,
  'completion-rate': ({ period }) => `SELECT ${period(caseStart)}, 100 * avg(completed::INTEGER) AS value, count(*) AS n FROM journey_cases ${PER_PERIOD_AND_OVERALL}`,
  'drop-off-rate': ({ step, period }) =>
    step === null
      ? null
      : `SELECT ${period(caseStart)}, 100 * avg((NOT completed AND last_step = ${step})::INTEGER) AS value, count(*) AS n
         FROM journey_cases WHERE list_contains(steps, ${step}) ${PER_PERIOD_AND_OVERALL}`,
  'wait-p90': ({ step, period, wait }) => {
    if (step === null) return null;
    // Before: the moves into the step, counted when the customer arrives; during: the visits; after: the moves out.
    const { visits, where, gap, arrival } = {
      before: { visits: 'journey_visits', where: `next_step = ${step}`, gap: 'next_start - visit_end', arrival: 'next_start' },
      during: { visits: 'journey_visits_with_start', where: `step = ${step}`, gap: 'visit_end - visit_start', arrival: 'visit_start' },
      after: { visits: 'journey_visits_with_start', where: `step = ${step} AND next_step IS NOT NULL`, gap: 'next_start - visit_end', arrival: 'visit_start' },
    }[wait];
    return `SELECT ${period(`make_timestamp(${arrival})`)}, quantile_cont(${gap}, 0.9) / 6e7 AS value, count(*) AS n
            FROM ${visits} WHERE ${where} ${PER_PERIOD_AND_OVERALL}`;
  },
  'duration-median': ({ period }) => `SELECT ${period(caseStart)}, quantile_cont(last_t - first_t, 0.5) / 6e7 AS value, count(*) AS n FROM journey_cases ${PER_PERIOD_AND_OVERALL}`,
  'duration-p90': ({ period }) => `SELECT ${period(caseStart)}, quantile_cont(last_t - first_t, 0.9) / 6e7 AS value, count(*) AS n FROM journey_cases ${PER_PERIOD_AND_OVERALL}`,
  'repeat-contact-rate': ({ step, period }) =>
    step === null
      ? `SELECT ${period(caseStart)}, 100 * avg((len(repeat_steps) > 0)::INTEGER) AS value, count(*) AS n FROM journey_cases ${PER_PERIOD_AND_OVERALL}`
      : `SELECT ${period(caseStart)}, 100 * avg(list_contains(repeat_steps, ${step})::INTEGER) AS value, count(*) AS n
         FROM journey_cases WHERE list_contains(steps, ${step}) ${PER_PERIOD_AND_OVERALL}`,
  'contacts-per-case': ({ period }) => `SELECT ${period(caseStart)}, avg(events) AS value, count(*) AS n FROM journey_cases ${PER_PERIOD_AND_OVERALL}`,
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
  const wait = step === null ? 'before' : (analysis.steps[step]?.wait?.moment ?? 'before');
  const sql = METRIC_SQL[indicator.metric]({
    step,
    wait,
    period: (timestamp) => `date_trunc('${indicator.period satisfies IndicatorPeriod}', ${timestamp}) AS period, GROUPING(period) AS overall`,
  });
  if (sql === null) return null;
  // Each period's first day is written as a date once per group, not per row.
  const rows = await analysis.query(`SELECT strftime(period, '%Y-%m-%d') AS period, * EXCLUDE (period) FROM (${sql}) ORDER BY period`);
  const series = rows
    .filter((row) => Number(row.overall) === 0)
    .map((row) => ({ period: String(row.period), value: valueOf(indicator.metric, row), n: Number(row.n ?? 0) }))
    .filter((point) => point.n > 0);
  const all = rows.find((row) => Number(row.overall) === 1);
  return { overall: { period: null, value: all === undefined ? null : valueOf(indicator.metric, all), n: Number(all?.n ?? 0) }, series };
}
