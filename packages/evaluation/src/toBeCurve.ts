import type { CurvePoint, OrderedJourney } from './orderedJourney.ts';
import { computePeakEnd, type PeakEnd } from './peakEnd.ts';
import type { RememberedModel } from './rememberedModel.ts';

// The to-be curve: the journey as the team designs it to become. A step's target score is
// where it should end up; a step without one is meant to stay as it is, so its as-is score
// stands in. That way the as-is and to-be remembered scores compare the same steps.

export interface ToBe extends PeakEnd {
  /** How many steps have a target score of their own. */
  targetCount: number;
  /** The to-be curve: every step with a target or an as-is score, in display order. */
  curve: CurvePoint[];
}

/** The to-be curve of a journey; null while no step has a target score. */
export function toBeCurve(journey: OrderedJourney): { curve: CurvePoint[]; targetCount: number } | null {
  const curve: CurvePoint[] = [];
  let targetCount = 0;
  for (const { step, position } of journey.steps) {
    // `?? null`: a snapshot written before targets existed has no field at all.
    const target = step.targetScore ?? null;
    if (target !== null) targetCount++;
    const score = target ?? step.score;
    if (score !== null) curve.push({ stepId: step.id, position, score });
  }
  return targetCount === 0 ? null : { curve, targetCount };
}

/** The peak-end figures of the to-be curve under the same model as the as-is curve. */
export function evaluateToBe(journey: OrderedJourney, model: RememberedModel): ToBe | null {
  const toBe = toBeCurve(journey);
  if (!toBe) return null;
  return { ...computePeakEnd(toBe.curve, model), targetCount: toBe.targetCount, curve: toBe.curve };
}
