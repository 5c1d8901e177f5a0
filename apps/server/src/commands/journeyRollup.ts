import { evaluateJourney, journeyHealth, orderJourney, rememberedScore, type Evaluation } from '@klantreis/evaluation';
import type { JourneyMetrics } from '@klantreis/analytics';
import type { FindingCounts, JourneyFigures, JourneyHealth, MeasurementRollup, ScoreRollup, XlaRollup } from '@klantreis/core/contracts';
import type { JourneyDocument } from '@klantreis/schema';
import type { JourneyMeasurement } from './journeyAnalytics.ts';

// One journey's figures as the portfolio, the CLI and the experience map's stages show them:
// designed and measured scores, measurement, XLA, findings, open actions and health. Two halves
// because they cost differently: the designed half is the evaluation of the document (a few
// milliseconds), the measured half needs the imports in DuckDB, so the portfolio caches it
// (journeyRollupCache.ts) and recomputes it only when the imports or the mapping change.

/** What the document alone gives: the designed scores, the findings, the open actions. */
export interface DesignedRollup {
  designedRemembered: number | null;
  designedMean: number | null;
  findings: FindingCounts;
  openActions: number;
}

/** What the imported data gives; every figure null or absent without imports. */
export interface MeasuredRollup {
  measuredRemembered: number | null;
  measuredMean: number | null;
  measurement: MeasurementRollup | null;
  xla: XlaRollup | null;
}

export type JourneyRollup = JourneyFigures;

export const NO_MEASUREMENT: MeasuredRollup = { measuredRemembered: null, measuredMean: null, measurement: null, xla: null };

/** The designed half, from the evaluation (pass one in when you have it already). */
export function designedRollup(document: JourneyDocument, evaluation: Evaluation = evaluateJourney(document)): DesignedRollup {
  const findings: FindingCounts = { critical: 0, warning: 0, info: 0, positive: 0 };
  for (const finding of evaluation.findings) findings[finding.severity]++;
  return {
    designedRemembered: evaluation.peakEnd.remembered,
    designedMean: evaluation.peakEnd.mean,
    findings,
    openActions: document.actions.filter((action) => action.status !== 'done').length,
  };
}

/**
 * The measured curve: each step's mean survey answer on the −2..+2 axis, in display order,
 * for the steps that have answers. Its remembered score follows the same peak-end rule as the
 * designed curve.
 */
export function measuredCurve(document: JourneyDocument, metrics: JourneyMetrics): number[] {
  const byStep = new Map(metrics.steps.map((step) => [step.stepId, step.survey.axisMean]));
  const curve: number[] = [];
  for (const placed of orderJourney(document).steps) {
    const score = byStep.get(placed.step.id);
    if (score !== undefined && score !== null) curve.push(score);
  }
  return curve;
}

/** The drop-off share of the last period with a completion rate minus that of the period before; null with fewer than two. */
export function dropOffTrend(metrics: JourneyMetrics): number | null {
  const rates = metrics.trend.map((point) => point.completionRate).filter((rate): rate is number => rate !== null);
  const [before, last] = rates.slice(-2);
  if (before === undefined || last === undefined) return null;
  // Drop-off is 1 − completion, so its rise is the fall of completion.
  return before - last;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

export function measurementRollup(metrics: JourneyMetrics): MeasurementRollup {
  const waits = metrics.steps.map((step) => step.wait.measured.medianSeconds).filter((seconds): seconds is number => seconds !== null);
  const medianWaitSeconds = median(waits);
  return {
    cases: metrics.cases,
    completionRate: metrics.completionRate,
    dropOffTrend: dropOffTrend(metrics),
    medianWaitMinutes: medianWaitSeconds === null ? null : medianWaitSeconds / 60,
  };
}

/** XLA status counts; null when the journey has no indicators (then there is no agreement to judge). */
export function xlaRollup(document: JourneyDocument, measurement: JourneyMeasurement | null): XlaRollup | null {
  if (document.indicators.length === 0) return null;
  if (measurement === null) return { met: 0, atRisk: 0, missed: 0, noData: document.indicators.length };
  const { counts } = measurement.xla;
  return { met: counts.met, atRisk: counts['at-risk'], missed: counts.missed, noData: counts['no-data'] };
}

/** The measured half, from `JourneyAnalytics.measure()`; pass null for a journey without imports. */
export function measuredRollup(document: JourneyDocument, measurement: JourneyMeasurement | null): MeasuredRollup {
  const xla = xlaRollup(document, measurement);
  if (measurement === null || measurement.imports.length === 0) return { ...NO_MEASUREMENT, xla };
  const curve = measuredCurve(document, measurement.metrics);
  return {
    measuredRemembered: rememberedScore(curve),
    measuredMean: mean(curve),
    measurement: measurementRollup(measurement.metrics),
    xla,
  };
}

/** Puts the two halves together and judges the journey's health. */
export function combineRollup(designed: DesignedRollup, measured: MeasuredRollup): JourneyRollup {
  const scores: ScoreRollup = {
    designedRemembered: designed.designedRemembered,
    designedMean: designed.designedMean,
    measuredRemembered: measured.measuredRemembered,
    measuredMean: measured.measuredMean,
  };
  return {
    scores,
    measurement: measured.measurement,
    xla: measured.xla,
    findings: designed.findings,
    openActions: designed.openActions,
    health: journeyHealth({ findings: designed.findings, scores, measurement: measured.measurement, xla: measured.xla }),
  };
}

/**
 * Every figure of one journey: `measurement` is `JourneyAnalytics.measure(id, document)`'s
 * answer, or null for a journey without imports (or when you only want the designed figures).
 */
export function journeyRollup(document: JourneyDocument, measurement: JourneyMeasurement | null = null): JourneyRollup {
  return combineRollup(designedRollup(document), measuredRollup(document, measurement));
}
