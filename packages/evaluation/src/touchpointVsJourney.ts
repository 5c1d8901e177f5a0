import type { Finding, Locale } from './finding.ts';
import { message } from './messages.ts';
import type { OrderedJourney } from './orderedJourney.ts';

// Rawson, Duncan & Jones (HBR 2013): every touchpoint of a pay-TV onboarding went well, yet
// satisfaction fell almost 40% over the three-month journey. Good touchpoints do not add up
// to a good journey; this rule makes "green touchpoints, unhappy customer" visible.

/** The touchpoints count as going well from this average on. */
export const TOUCHPOINTS_GOOD = 1;
/** A fall of this fraction or more from the first to the last period alerts. */
export const JOURNEY_FALL_ALERT = 0.2;

export interface TouchpointVsJourneyInput {
  /** The average score of the touchpoints, on the −2..+2 axis. */
  touchpointMean: number;
  /** The journey-level score per period, in time order, on the −2..+2 axis. */
  journeyScores: readonly number[];
}

export interface TouchpointVsJourneyResult {
  alert: boolean;
  /** `journey-low`: the last journey score is 0 or below; `journey-falling`: it fell by 20% or more. */
  reason: 'journey-low' | 'journey-falling' | null;
  /** The relative fall from the first to the last period (0.4 = fell 40%); null with fewer than two periods. */
  fall: number | null;
}

/**
 * A percentage fall is only meaningful on a scale with a true zero, which −2..+2 lacks (a fall
 * from +0.5 to −0.5 would be "−200%"). So the fall is measured on the CSAT 1–5 equivalent of
 * the axis (score + 3), the scale satisfaction percentages are usually quoted on:
 * fall = (csat(first) − csat(last)) / csat(first). Example: +2 → +0.1 is 5 → 3.1, a 38% fall.
 */
export function relativeFall(first: number, last: number): number {
  const from = first + 3;
  return (from - (last + 3)) / from;
}

function assertOnAxis(value: number, field: string): void {
  if (!Number.isFinite(value) || value < -2 || value > 2) {
    throw new RangeError(`${field}: must be a number from -2 to +2 on the satisfaction axis, got ${value}`);
  }
}

// Measured scores are averages: 0.2 computed as 0.19999999999999996 still counts as 20%.
const EPSILON = 1e-9;

/**
 * Alerts when the touchpoints average +1 or more while the journey-level score ends at 0 or
 * below, or falls by 20% or more from the first to the last period. No journey scores, no alert.
 */
export function touchpointVsJourneyAlert(input: TouchpointVsJourneyInput): TouchpointVsJourneyResult {
  assertOnAxis(input.touchpointMean, 'touchpointMean');
  input.journeyScores.forEach((score, i) => assertOnAxis(score, `journeyScores[${i}]`));
  const scores = input.journeyScores;
  const fall = scores.length >= 2 ? relativeFall(scores[0]!, scores[scores.length - 1]!) : null;
  if (scores.length === 0 || input.touchpointMean < TOUCHPOINTS_GOOD) return { alert: false, reason: null, fall };
  if (scores[scores.length - 1]! <= 0) return { alert: true, reason: 'journey-low', fall };
  if (fall !== null && fall >= JOURNEY_FALL_ALERT - EPSILON) return { alert: true, reason: 'journey-falling', fall };
  return { alert: false, reason: null, fall };
}

export interface TouchpointVsJourney {
  /** The average score of the scored steps that have at least one touchpoint; null when there are none. */
  touchpointMean: number | null;
  /** The journey-level score entered by hand. */
  journeyScore: number | null;
  alert: boolean;
}

/** The designed variant: the steps with a touchpoint against the journey score entered by hand. */
export function touchpointVsJourney(journey: OrderedJourney, locale: Locale): { summary: TouchpointVsJourney; findings: Finding[] } {
  const stepIds: string[] = [];
  let sum = 0;
  for (const { step } of journey.steps) {
    if (step.touchpoints.length === 0 || step.score === null) continue;
    stepIds.push(step.id);
    sum += step.score;
  }
  const touchpointMean = stepIds.length === 0 ? null : sum / stepIds.length;
  const journeyScore = journey.doc.journey.journeyScore;
  const alert =
    touchpointMean !== null &&
    journeyScore !== null &&
    touchpointVsJourneyAlert({ touchpointMean, journeyScores: [journeyScore] }).alert;
  const findings: Finding[] = alert
    ? [
        {
          rule: 'touchpoint-vs-journey.alert',
          severity: 'warning',
          stepIds,
          message: message(locale, 'touchpoint-vs-journey.alert', {
            touchpointMean: touchpointMean!,
            journeyScore: journeyScore!,
            stepCount: stepIds.length,
          }),
        },
      ]
    : [];
  return { summary: { touchpointMean, journeyScore, alert }, findings };
}
