import { MEASURE_SCALES, type MeasureScale } from '@klantreis/evaluation';
import type { JourneyAnalysis, Row } from './journeyAnalysis.ts';
import type { MetricsPeriod, SatisfactionTrendPoint } from './journeyMetrics.ts';

/** Survey answers about one step, the journey, or all steps. */
export interface SurveySummary {
  n: number;
  /** The mean on the −2..+2 axis, whatever scale each answer used. */
  axisMean: number | null;
  /** The mean on each scale used, in that scale's own numbers. */
  byScale: { scale: MeasureScale; n: number; mean: number }[];
  /** %(9–10) − %(0–6) of the 0–10 answers, −100..+100; null without 0–10 answers. */
  happiness: number | null;
  happinessN: number;
  /** The mean of the minutes respondents say they lost; null when nobody said. */
  lostMinutesMean: number | null;
  lostMinutesN: number;
}

export const EMPTY_SURVEY: SurveySummary = { n: 0, axisMean: null, byScale: [], happiness: null, happinessN: 0, lostMinutesMean: null, lostMinutesN: 0 };

/**
 * The SQL aggregates of a summary; `happiness` is IT experience management's formula (the same as
 * evaluation's happiness()), counted in SQL so that a million answers never reach JavaScript.
 */
export const SURVEY_AGGREGATES = `
  count(*) AS n, avg(axis) AS axis_mean,
  count(*) FILTER (WHERE scale = 'zero-to-ten') AS zero_to_ten,
  count(*) FILTER (WHERE scale = 'zero-to-ten' AND score >= 9) AS happy,
  count(*) FILTER (WHERE scale = 'zero-to-ten' AND score <= 6) AS unhappy,
  avg(lost_minutes) AS lost_mean, count(lost_minutes) AS lost_n`;

export function happinessOf(row: Row): number | null {
  const total = Number(row.zero_to_ten ?? 0);
  return total === 0 ? null : ((Number(row.happy) - Number(row.unhappy)) / total) * 100;
}

function summary(row: Row | undefined, scales: Row[]): SurveySummary {
  if (row === undefined || Number(row.n) === 0) return EMPTY_SURVEY;
  return {
    n: Number(row.n),
    axisMean: row.axis_mean === null ? null : Number(row.axis_mean),
    byScale: scales
      .map((s) => ({ scale: String(s.scale) as MeasureScale, n: Number(s.n), mean: Number(s.mean) }))
      .sort((a, b) => MEASURE_SCALES.indexOf(a.scale) - MEASURE_SCALES.indexOf(b.scale)),
    happiness: happinessOf(row),
    happinessN: Number(row.zero_to_ten ?? 0),
    lostMinutesMean: row.lost_mean === null ? null : Number(row.lost_mean),
    lostMinutesN: Number(row.lost_n ?? 0),
  };
}

/**
 * Per step, for the journey as a whole (answers without a step) and for all step answers
 * together; plus the journey-level mean per period for the touchpoint-versus-journey alert.
 */
export async function surveySummaries(
  analysis: JourneyAnalysis,
  period: MetricsPeriod,
): Promise<{ byStep: Map<number, SurveySummary>; journey: SurveySummary; allSteps: SurveySummary; journeyTrend: SatisfactionTrendPoint[]; empty: SurveySummary }> {
  // group: 0 = one step, 1 = the journey as a whole, 2 = every step answer together.
  const grouped = `CASE WHEN step IS NULL THEN 1 ELSE 0 END`;
  const totals = await analysis.query(`
    SELECT step, ${grouped} AS about_journey, GROUPING(step) AS all_steps, ${SURVEY_AGGREGATES}
    FROM responses GROUP BY GROUPING SETS ((step, about_journey), (about_journey))`);
  const scales = await analysis.query(`
    SELECT step, ${grouped} AS about_journey, GROUPING(step) AS all_steps, scale, count(*) AS n, avg(score) AS mean
    FROM responses GROUP BY GROUPING SETS ((step, about_journey, scale), (about_journey, scale))`);
  const pick = (rows: Row[], test: (row: Row) => boolean): Row[] => rows.filter(test);
  const isStep = (index: number) => (row: Row) => Number(row.all_steps) === 0 && row.step !== null && Number(row.step) === index;
  const isJourney = (row: Row) => Number(row.all_steps) === 0 && row.step === null;
  const isAllSteps = (row: Row) => Number(row.all_steps) === 1 && Number(row.about_journey) === 0;

  const byStep = new Map<number, SurveySummary>();
  for (const row of totals) {
    if (Number(row.all_steps) !== 0 || row.step === null) continue;
    const index = Number(row.step);
    byStep.set(index, summary(row, pick(scales, isStep(index))));
  }
  const journeyTrend = (
    await analysis.query(`
      SELECT strftime(date_trunc('${period}', ts), '%Y-%m-%d') AS period, count(*) AS n, avg(axis) AS axis_mean
      FROM responses WHERE step IS NULL AND ts IS NOT NULL GROUP BY 1 ORDER BY 1`)
  ).map((row) => ({ period: String(row.period), n: Number(row.n), axisMean: Number(row.axis_mean) }));
  return {
    byStep,
    journey: summary(totals.find(isJourney), pick(scales, isJourney)),
    allSteps: summary(totals.find(isAllSteps), pick(scales, isAllSteps)),
    journeyTrend,
    empty: EMPTY_SURVEY,
  };
}
