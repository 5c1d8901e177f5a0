import { touchpointVsJourneyAlert, type MeasureScale, type TouchpointVsJourneyResult } from '@klantreis/evaluation';
import type { WAIT_MOMENTS } from '@klantreis/schema';
import { aggregateRow } from './aggregateRow.ts';
import { JourneyAnalysis, type ActivityCount, type AnalysedStep, type Row } from './journeyAnalysis.ts';
import type { AnalyticsDatabaseOptions } from './analyticsDatabase.ts';
import type { JourneyIndex } from './journeyIndex.ts';
import { surveySummaries, type SurveySummary } from './surveyMetrics.ts';
import { METRICS_PERIODS, type MetricsPeriod } from './names.ts';

export { METRICS_PERIODS, type MetricsPeriod };

/** A duration's spread in seconds over `n` measurements; null figures without any. */
export interface Spread {
  n: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface MeasuredWait {
  /** The designed wait's moment decides what is measured: before (from the previous step), during (in the step), after (to the next step). */
  moment: (typeof WAIT_MOMENTS)[number];
  designedMinutes: number | null;
  measured: Spread;
  /** The measured p90 is longer than the designed wait. */
  exceeded: boolean;
}

export interface StepMetrics {
  stepId: string;
  /** The log's activities mapped to this step. */
  activities: string[];
  events: number;
  /** Cases with at least one event at this step. */
  reach: number;
  /** Of the journey's cases, 0..1. */
  reachShare: number | null;
  /** Of the cases that reached the first mapped step, the share that reached this one too. */
  conversion: number | null;
  /** Cases whose last event is at this step without having reached an end step. */
  dropOff: number;
  /** Of the cases that reached this step, 0..1. */
  dropOffShare: number | null;
  timeToNext: Spread;
  timeFromPrevious: Spread;
  timeInStep: Spread;
  wait: MeasuredWait;
  /** Cases in which an activity of this step happens more than once, or that come back to the step. */
  repeatCases: number;
  repeatShare: number | null;
  survey: SurveySummary;
  designedScore: number | null;
  /** Measured (axis mean) minus designed score; a gap of 1 or more either way is shown on the map. */
  scoreGap: number | null;
  isEnd: boolean;
}

export interface VariantMetrics {
  stepIds: string[];
  cases: number;
  share: number;
}

export interface StepEdge {
  from: string;
  to: string;
  count: number;
  medianSeconds: number;
}

export interface TrendPoint {
  /** The first day of the period, YYYY-MM-DD; weeks start on Monday. */
  period: string;
  cases: number;
  completed: number;
  completionRate: number | null;
  durationMedianSeconds: number | null;
  contactsPerCase: number | null;
}

export interface SegmentPoint extends Omit<TrendPoint, 'period'> {
  segment: string | null;
}

export interface SegmentTrendPoint {
  segment: string | null;
  period: string;
  cases: number;
  completionRate: number | null;
}

export interface SatisfactionTrendPoint {
  period: string;
  n: number;
  axisMean: number;
}

export interface JourneyMetrics {
  period: MetricsPeriod;
  coverage: {
    /** Every event of the imported logs. */
    events: number;
    mappedEvents: number;
    /** mappedEvents / events, 0..1. */
    share: number | null;
    /** Every case of the imported logs. */
    cases: number;
    activities: ActivityCount[];
  };
  /** Cases with at least one mapped event: the journey's cases. */
  cases: number;
  completed: number;
  completionRate: number | null;
  /** From a case's first to its last mapped event. */
  duration: Spread;
  /** Mapped events per case. */
  contactsPerCase: number | null;
  endStepIds: string[];
  steps: StepMetrics[];
  variantCount: number;
  variants: VariantMetrics[];
  dfg: { edges: StepEdge[]; starts: Record<string, number>; ends: Record<string, number> };
  satisfaction: {
    /** Answers about the journey as a whole. */
    journey: SurveySummary;
    /** Answers about any step. */
    steps: SurveySummary;
    /** The mean of the steps' own means (each step counts once), on the −2..+2 axis. */
    touchpointMean: number | null;
    journeyTrend: SatisfactionTrendPoint[];
    /** touchpointVsJourneyAlert over the touchpoint mean and the journey-level mean per period. */
    alert: TouchpointVsJourneyResult | null;
  };
  trend: TrendPoint[];
  segments: SegmentPoint[];
  segmentTrend: SegmentTrendPoint[];
}

export interface JourneyMetricsOptions {
  period?: MetricsPeriod;
  variantLimit?: number;
  database?: AnalyticsDatabaseOptions;
}

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

function spread(n: unknown, quantiles: unknown): Spread {
  const values = Array.isArray(quantiles) ? quantiles.map(Number) : null;
  return { n: Number(n ?? 0), medianSeconds: values?.[0] ?? null, p90Seconds: values?.[1] ?? null };
}

const EMPTY_SPREAD: Spread = { n: 0, medianSeconds: null, p90Seconds: null };

/** Computes every step and journey metric from the journey index, its survey answers and the steps' activity mapping. */
export async function computeJourneyMetrics(
  index: JourneyIndex,
  surveyDirectories: readonly string[],
  steps: readonly AnalysedStep[],
  options: JourneyMetricsOptions = {},
): Promise<JourneyMetrics> {
  const analysis = await JourneyAnalysis.open(index, surveyDirectories, steps, options.database);
  try {
    return await journeyMetrics(analysis, options);
  } finally {
    analysis.close();
  }
}

/**
 * Median and p90 in seconds of a duration in microseconds. The quantiles are taken of the integer
 * microseconds (twice as fast as of seconds as doubles) and converted after.
 */
const SECONDS_SPREAD = (microseconds: string): string => `list_transform(quantile_cont(${microseconds}, [0.5, 0.9]), lambda q: q / 1e6)`;
const DURATION = 'last_t - first_t';

/** The tables number the steps by their position in the analysed steps they were built from. */
function stepIdAt(steps: readonly AnalysedStep[], index: unknown): string {
  const step = steps[Number(index)];
  if (step === undefined) throw new Error(`step number ${String(index)} is not one of the journey's ${steps.length} analysed steps`);
  return step.id;
}

export async function journeyMetrics(analysis: JourneyAnalysis, options: Pick<JourneyMetricsOptions, 'period' | 'variantLimit'> = {}): Promise<JourneyMetrics> {
  const period = options.period ?? 'month';
  const variantLimit = options.variantLimit ?? 10;
  const { steps } = analysis;
  const stepId = (index: unknown): string => stepIdAt(steps, index);

  const journey = aggregateRow(
    await analysis.query(`
    SELECT count(*) AS cases, count(*) FILTER (WHERE completed) AS completed,
           ${SECONDS_SPREAD(DURATION)} AS duration, avg(events) AS contacts
    FROM journey_cases`),
    'the journey\'s cases',
  );
  const cases = num(journey.cases);
  const completed = num(journey.completed);

  // Reach, conversion and repeats count each case once per step; time in the step per visit. A
  // step's events are those of its activities, counted in the index already.
  const perStep = new Map<number, Row>();
  for (const row of await analysis.query(`
    SELECT step, count(*) AS reach, count(*) FILTER (WHERE reached_first) AS with_first
    FROM (SELECT unnest(steps) AS step, reached_first FROM journey_cases) GROUP BY step`)) {
    perStep.set(num(row.step), { ...row });
  }
  for (const row of await analysis.query(`
    SELECT step, count(*) AS visits, ${SECONDS_SPREAD('visit_end - visit_start')} AS in_step FROM journey_visits_with_start GROUP BY step`)) {
    Object.assign(perStep.get(num(row.step)) ?? {}, { visits: row.visits, in_step: row.in_step });
  }
  for (const row of await analysis.query(`
    SELECT step, count(*) AS repeat_cases FROM (SELECT unnest(repeat_steps) AS step FROM journey_cases) GROUP BY step`)) {
    Object.assign(perStep.get(num(row.step)) ?? {}, { repeat_cases: row.repeat_cases });
  }
  const dropOffs = new Map<number, number>();
  for (const row of await analysis.query('SELECT last_step AS step, count(*) AS cases FROM journey_cases WHERE NOT completed GROUP BY last_step')) {
    dropOffs.set(num(row.step), num(row.cases));
  }

  // One pass over the moves from one visit to the next gives the DFG and both waits of every step.
  const edges: StepEdge[] = [];
  const toNext = new Map<number, Spread>();
  const fromPrevious = new Map<number, Spread>();
  for (const row of await analysis.query(`
    SELECT step AS from_step, next_step AS to_step, GROUPING(step) AS no_from, GROUPING(next_step) AS no_to, count(*) AS n,
           ${SECONDS_SPREAD('next_start - visit_end')} AS gaps
    FROM journey_visits WHERE next_step IS NOT NULL
    GROUP BY GROUPING SETS ((step, next_step), (step), (next_step))`)) {
    const gaps = spread(row.n, row.gaps);
    if (num(row.no_from) === 0 && num(row.no_to) === 0) {
      edges.push({ from: stepId(row.from_step), to: stepId(row.to_step), count: gaps.n, medianSeconds: gaps.medianSeconds ?? 0 });
    } else if (num(row.no_to) === 1) toNext.set(num(row.from_step), gaps);
    else fromPrevious.set(num(row.to_step), gaps);
  }
  edges.sort((a, b) => b.count - a.count || compareText(a.from, b.from) || compareText(a.to, b.to));

  const starts: Record<string, number> = {};
  const ends: Record<string, number> = {};
  for (const row of await analysis.query(`
    SELECT first_step, last_step, GROUPING(first_step) AS no_first, count(*) AS n
    FROM journey_cases GROUP BY GROUPING SETS ((first_step), (last_step)) ORDER BY n DESC`)) {
    if (num(row.no_first) === 0) starts[stepId(row.first_step)] = num(row.n);
    else ends[stepId(row.last_step)] = num(row.n);
  }

  const { variants, variantCount } = await topStepVariants(analysis, variantLimit, cases);
  const surveys = await surveySummaries(analysis, period);
  const firstStep = analysis.firstStep;
  const firstReach = firstStep === null ? 0 : num(perStep.get(firstStep)?.reach ?? 0);

  const stepMetrics: StepMetrics[] = steps.map((step, index) => {
    const row = perStep.get(index);
    const reach = num(row?.reach ?? 0);
    const dropOff = dropOffs.get(index) ?? 0;
    const timeInStep = row?.in_step === undefined ? EMPTY_SPREAD : spread(row.visits, row.in_step);
    const timeToNext = toNext.get(index) ?? EMPTY_SPREAD;
    const timeFromPrevious = fromPrevious.get(index) ?? EMPTY_SPREAD;
    const moment = step.wait?.moment ?? 'before';
    const measured = moment === 'before' ? timeFromPrevious : moment === 'after' ? timeToNext : timeInStep;
    const designedMinutes = step.wait?.minutes ?? null;
    const survey = surveys.byStep.get(index) ?? surveys.empty;
    const repeatCases = num(row?.repeat_cases ?? 0);
    return {
      stepId: step.id,
      activities: analysis.activities.filter((a) => a.stepId === step.id).map((a) => a.activity),
      events: analysis.activities.filter((a) => a.stepId === step.id).reduce((sum, a) => sum + a.events, 0),
      reach,
      reachShare: ratio(reach, cases),
      conversion: ratio(num(row?.with_first ?? 0), firstReach),
      dropOff,
      dropOffShare: ratio(dropOff, reach),
      timeToNext,
      timeFromPrevious,
      timeInStep,
      wait: {
        moment,
        designedMinutes,
        measured,
        exceeded: designedMinutes !== null && measured.p90Seconds !== null && measured.p90Seconds > designedMinutes * 60,
      },
      repeatCases,
      repeatShare: ratio(repeatCases, reach),
      survey,
      designedScore: step.score,
      scoreGap: step.score === null || survey.axisMean === null ? null : survey.axisMean - step.score,
      isEnd: analysis.endSteps.includes(index),
    };
  });

  // Grouped by the period's first moment, written as a date once per group rather than per case.
  const trendRows = await analysis.query(`
    SELECT strftime(period, '%Y-%m-%d') AS period, * EXCLUDE (period) FROM (
      SELECT date_trunc('${period}', make_timestamp(first_t)) AS period, segment,
             GROUPING(period) AS no_period, GROUPING(segment) AS no_segment,
             count(*) AS cases, count(*) FILTER (WHERE completed) AS completed,
             quantile_cont(${DURATION}, 0.5) / 1e6 AS duration_median,
             avg(events) AS contacts
      FROM journey_cases GROUP BY GROUPING SETS ((period), (segment), (period, segment))
    )
    ORDER BY period, segment NULLS FIRST`);
  const point = (row: Row): Omit<TrendPoint, 'period'> => ({
    cases: num(row.cases),
    completed: num(row.completed),
    completionRate: ratio(num(row.completed), num(row.cases)),
    durationMedianSeconds: numOrNull(row.duration_median),
    contactsPerCase: numOrNull(row.contacts),
  });
  const trend = trendRows.filter((row) => num(row.no_period) === 0 && num(row.no_segment) === 1).map((row) => ({ period: String(row.period), ...point(row) }));
  const segments = trendRows
    .filter((row) => num(row.no_period) === 1)
    .map((row) => ({ segment: row.segment === null ? null : String(row.segment), ...point(row) }))
    .sort((a, b) => b.cases - a.cases);
  const segmentTrend = trendRows
    .filter((row) => num(row.no_period) === 0 && num(row.no_segment) === 0)
    .map((row) => ({ segment: row.segment === null ? null : String(row.segment), period: String(row.period), cases: num(row.cases), completionRate: ratio(num(row.completed), num(row.cases)) }));

  const stepMeans = stepMetrics.map((s) => s.survey.axisMean).filter((mean): mean is number => mean !== null);
  const touchpointMean = stepMeans.length === 0 ? null : stepMeans.reduce((sum, mean) => sum + mean, 0) / stepMeans.length;
  const journeyScores = surveys.journeyTrend.map((p) => p.axisMean);
  if (journeyScores.length === 0 && surveys.journey.axisMean !== null) journeyScores.push(surveys.journey.axisMean);
  const mappedEvents = analysis.activities.filter((a) => a.stepId !== null).reduce((sum, a) => sum + a.events, 0);

  return {
    period,
    coverage: {
      events: analysis.totalEvents,
      mappedEvents,
      share: ratio(mappedEvents, analysis.totalEvents),
      cases: analysis.totalCases,
      activities: analysis.activities,
    },
    cases,
    completed,
    completionRate: ratio(completed, cases),
    duration: spread(journey.cases, journey.duration),
    contactsPerCase: numOrNull(journey.contacts),
    endStepIds: analysis.endSteps.map(stepId),
    steps: stepMetrics,
    variantCount,
    variants,
    dfg: { edges, starts, ends },
    satisfaction: {
      journey: surveys.journey,
      steps: surveys.allSteps,
      touchpointMean,
      journeyTrend: surveys.journeyTrend,
      alert: touchpointMean === null || journeyScores.length === 0 ? null : touchpointVsJourneyAlert({ touchpointMean, journeyScores }),
    },
    trend,
    segments,
    segmentTrend,
  };
}

/**
 * Real paths through the map: a case's steps in order, consecutive events at one step counted
 * once. Equal counts keep the order in which the variants first occur.
 */
async function topStepVariants(analysis: JourneyAnalysis, limit: number, cases: number): Promise<{ variants: VariantMetrics[]; variantCount: number }> {
  const found = await analysis.query(`
    WITH variants AS (SELECT path, count(*) AS cases, min(first_t) AS first_started FROM journey_cases GROUP BY path)
    SELECT path, cases, (SELECT count(*) FROM variants) AS variant_count
    FROM variants ORDER BY cases DESC, first_started, path LIMIT ${limit}`);
  const [first] = found;
  return {
    variantCount: first === undefined ? 0 : num(first.variant_count),
    variants: found.map((row) => ({
      stepIds: (row.path as unknown[]).map((index) => stepIdAt(analysis.steps, index)),
      cases: num(row.cases),
      share: cases === 0 ? 0 : num(row.cases) / cases,
    })),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type { MeasureScale, SurveySummary };
