import { formatDuration } from '@klantreis/evaluation';
import type { StepRecord } from '@klantreis/schema';
import type { CurveMeasured } from './layout/curveLayout.ts';
import type { ExportLocale } from './labels.ts';

// What a measured step shows under the curve, worded as the editor words it
// (apps/web/src/canvas/curveInput.ts with components/measurement/formatMeasures.ts and
// designGaps.ts, copied here in their smallest form so that every export, the shared view and
// presentation mode say what the editor says): "↘ 12% · 3 min", and a "!" when the measured p90
// wait is longer than the designed wait.

/** Measured figures per step, when the journey has imported data (the server fills this in). */
export interface MeasuredStep {
  /** Mean survey score on the −2..+2 axis; null when no answers. */
  score: number | null;
  /**
   * What the event logs measured at the step, when activities are mapped to it: the share of
   * the cases reaching it that end there (0..1) and the p90 of the wait the step designs, in
   * seconds. Absent or null for a step measured by survey answers only.
   */
  events?: { dropOffShare: number | null; waitP90Seconds: number | null } | null;
}

/** A step's figures as the measurement API gives them (StepMetrics of @klantreis/analytics), only what an export draws. */
export interface StepMetricsFigures {
  stepId: string;
  activities: readonly string[];
  dropOffShare: number | null;
  wait: { measured: { p90Seconds: number | null } };
  survey: { n: number; axisMean: number | null };
}

/** A figure that can be drawn: NaN and infinities are no figure. */
function finite(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/**
 * The measured steps of a measurement, as the editor picks them: a step with mapped activities
 * or with survey answers is measured, the others are not.
 */
export function measuredStepsFromMetrics(steps: readonly StepMetricsFigures[]): Map<string, MeasuredStep> {
  const measured = new Map<string, MeasuredStep>();
  for (const step of steps) {
    if (step.activities.length === 0 && step.survey.n === 0) continue;
    measured.set(step.stepId, {
      score: finite(step.survey.axisMean),
      events: step.activities.length === 0 ? null : { dropOffShare: finite(step.dropOffShare), waitP90Seconds: finite(step.wait.measured.p90Seconds) },
    });
  }
  return measured;
}

/** The curve's measured step: the score, the figures in words and whether the wait is longer than designed. */
export function curveMeasured(step: Pick<StepRecord, 'wait'>, measured: MeasuredStep, locale: ExportLocale): CurveMeasured {
  const events = measured.events ?? null;
  if (!events) return { score: measured.score };
  const p90 = events.waitP90Seconds;
  const designedMinutes = step.wait?.minutes ?? null;
  return {
    score: measured.score,
    figures: `↘ ${percentText(events.dropOffShare, locale)}${p90 !== null ? ` · ${durationText(p90, locale)}` : ''}`,
    waitExceeded: designedMinutes !== null && p90 !== null && p90 > designedMinutes * 60,
  };
}

/** A share 0..1 as "42%", in the reader's digits; "–" when there is none. */
export function percentText(share: number | null, locale: ExportLocale): string {
  if (share === null || !Number.isFinite(share)) return '–';
  const value = share * 100;
  const text = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(Math.abs(value));
  return `${value < 0 && Number(value.toFixed(0)) !== 0 ? '−' : ''}${text}%`;
}

/** Seconds with their units in the reader's language ("3 min", "1 uur, 20 min"); "–" when there are none. */
export function durationText(seconds: number | null, locale: ExportLocale): string {
  return seconds === null || !Number.isFinite(seconds) ? '–' : formatDuration(seconds, locale);
}
