import type { Finding, Locale } from './finding.ts';
import { message, stepLabel } from './messages.ts';
import type { CurvePoint, OrderedJourney } from './orderedJourney.ts';
import { mostIntenseIndex, rememberedScore, type RememberedModel } from './rememberedModel.ts';

export interface PeakEnd {
  /** The score the journey is remembered by, under the chosen model. */
  remembered: number | null;
  mean: number | null;
  start: number | null;
  /** The highest score. */
  peak: number | null;
  /** The lowest score. */
  trough: number | null;
  end: number | null;
  /** Least-squares slope of the score per scored step (the curve's steps numbered 0, 1, 2, …); null below two steps. */
  slope: number | null;
  /** The score with the largest |score|, a tie going to the negative one: what the peak-end rule takes as the peak. */
  mostIntense: number | null;
  mostIntenseStepId: string | null;
  peakStepId: string | null;
  troughStepId: string | null;
  startStepId: string | null;
  endStepId: string | null;
}

const EMPTY: PeakEnd = {
  remembered: null,
  mean: null,
  start: null,
  peak: null,
  trough: null,
  end: null,
  slope: null,
  mostIntense: null,
  mostIntenseStepId: null,
  peakStepId: null,
  troughStepId: null,
  startStepId: null,
  endStepId: null,
};

/** Least-squares slope of y over x = 0, 1, …, n−1; null when it is undefined. */
export function leastSquaresSlope(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 2) return null;
  const meanX = (n - 1) / 2;
  let meanY = 0;
  for (const v of values) meanY += v;
  meanY /= n;
  let covariance = 0;
  let varianceX = 0;
  for (let i = 0; i < n; i++) {
    const dx = i - meanX;
    covariance += dx * (values[i]! - meanY);
    varianceX += dx * dx;
  }
  return covariance / varianceX;
}

/** The peak-end figures of an emotion curve (scored steps in display order). */
export function computePeakEnd(curve: readonly CurvePoint[], model: RememberedModel): PeakEnd {
  if (curve.length === 0) return { ...EMPTY };
  const scores = curve.map((point) => point.score);
  let peakAt = 0;
  let troughAt = 0;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    if (scores[i]! > scores[peakAt]!) peakAt = i;
    if (scores[i]! < scores[troughAt]!) troughAt = i;
    sum += scores[i]!;
  }
  const intenseAt = mostIntenseIndex(scores);
  const last = curve.length - 1;
  return {
    remembered: rememberedScore(scores, model),
    mean: sum / scores.length,
    start: scores[0]!,
    peak: scores[peakAt]!,
    trough: scores[troughAt]!,
    end: scores[last]!,
    slope: leastSquaresSlope(scores),
    mostIntense: scores[intenseAt]!,
    mostIntenseStepId: curve[intenseAt]!.stepId,
    peakStepId: curve[peakAt]!.stepId,
    troughStepId: curve[troughAt]!.stepId,
    startStepId: curve[0]!.stepId,
    endStepId: curve[last]!.stepId,
  };
}

/**
 * The end below +1 ("finish strong"), every −2 in one finding ("this is what they will
 * remember"), and a start at −1 or below. A start that is anticipation building a peak
 * (see pleasurePain.ts) is not flagged as a weak start.
 */
export function peakEndFindings(
  journey: OrderedJourney,
  peakEnd: PeakEnd,
  locale: Locale,
  anticipationStepIds: ReadonlySet<string>,
): Finding[] {
  const findings: Finding[] = [];
  if (peakEnd.end === null || peakEnd.endStepId === null || peakEnd.start === null || peakEnd.startStepId === null) {
    return findings;
  }
  const label = (stepId: string) => stepLabel(journey.byStepId.get(stepId)!, locale);

  const darkRed = journey.curve.filter((point) => point.score <= -2);
  if (darkRed.length > 0) {
    findings.push({
      rule: 'peak-end.dark-red',
      severity: 'critical',
      stepIds: darkRed.map((point) => point.stepId),
      message: message(locale, 'peak-end.dark-red', { steps: darkRed.map((point) => label(point.stepId)) }),
    });
  }
  if (peakEnd.start <= -1 && !anticipationStepIds.has(peakEnd.startStepId)) {
    findings.push({
      rule: 'peak-end.weak-start',
      severity: 'warning',
      stepIds: [peakEnd.startStepId],
      message: message(locale, 'peak-end.weak-start', { step: label(peakEnd.startStepId), score: peakEnd.start }),
    });
  }
  if (peakEnd.end < 1) {
    findings.push({
      rule: 'peak-end.weak-end',
      // A negative end drags the whole memory down; a neutral one only misses the chance.
      severity: peakEnd.end < 0 ? 'critical' : 'warning',
      stepIds: [peakEnd.endStepId],
      message: message(locale, 'peak-end.weak-end', { step: label(peakEnd.endStepId), score: peakEnd.end }),
    });
  } else if (peakEnd.end >= 2) {
    findings.push({
      rule: 'peak-end.strong-end',
      severity: 'positive',
      stepIds: [peakEnd.endStepId],
      message: message(locale, 'peak-end.strong-end', { step: label(peakEnd.endStepId) }),
    });
  }
  return findings;
}
