import type { Touchpoint } from '@klantreis/schema';
import type { Finding, Locale } from './finding.ts';
import { message, stepLabel, touchpointLabel } from './messages.ts';
import type { OrderedJourney } from './orderedJourney.ts';

// The "performance and improvement map": importance 1–5 across, the step's score up.

export const QUADRANTS = ['act-first', 'keep-up', 'low-priority', 'possible-overkill'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export interface ImportancePerformancePoint {
  stepId: string;
  touchpointId: string;
  importance: number;
  performance: number;
  quadrant: Quadrant;
}

export interface ImportancePerformance {
  points: ImportancePerformancePoint[];
}

/**
 * High importance is 4 or 5, low is 1 or 2; 3 is neither, so it is never urgent nor overkill.
 * Performance is high above 0 for keep-up, but overkill needs +1 or more: a neutral touchpoint
 * nobody cares about is not overdone.
 */
export function importancePerformanceQuadrant(importance: number, performance: number): Quadrant {
  if (importance >= 4) return performance <= 0 ? 'act-first' : 'keep-up';
  if (importance <= 2 && performance >= 1) return 'possible-overkill';
  return 'low-priority';
}

/**
 * One point per touchpoint that has an importance, on a scored step; one finding per step for
 * act-first (warning) and for possible overkill (info). A step that is anticipation building
 * a peak gets its point but no act-first finding: its −1 is part of the design.
 */
export function importancePerformance(
  journey: OrderedJourney,
  locale: Locale,
  anticipationStepIds: ReadonlySet<string>,
): { result: ImportancePerformance; findings: Finding[] } {
  const points: ImportancePerformancePoint[] = [];
  const findings: Finding[] = [];
  for (const placed of journey.steps) {
    const { step } = placed;
    if (step.score === null || step.touchpoints.length === 0) continue;
    const actFirst: Touchpoint[] = [];
    const overkill: Touchpoint[] = [];
    for (const touchpoint of step.touchpoints) {
      if (touchpoint.importance === null) continue;
      const quadrant = importancePerformanceQuadrant(touchpoint.importance, step.score);
      points.push({ stepId: step.id, touchpointId: touchpoint.id, importance: touchpoint.importance, performance: step.score, quadrant });
      if (quadrant === 'act-first') actFirst.push(touchpoint);
      else if (quadrant === 'possible-overkill') overkill.push(touchpoint);
    }
    const params = (touchpoints: Touchpoint[]) => ({
      step: stepLabel(placed, locale),
      touchpoints: touchpoints.map((touchpoint) => touchpointLabel(touchpoint, locale)),
      importances: touchpoints.map((touchpoint) => touchpoint.importance!),
      score: step.score!,
    });
    if (actFirst.length > 0 && !anticipationStepIds.has(step.id)) {
      findings.push({
        rule: 'importance-performance.act-first',
        severity: 'warning',
        stepIds: [step.id],
        message: message(locale, 'importance-performance.act-first', params(actFirst)),
      });
    }
    if (overkill.length > 0) {
      findings.push({
        rule: 'importance-performance.overkill',
        severity: 'info',
        stepIds: [step.id],
        message: message(locale, 'importance-performance.overkill', params(overkill)),
      });
    }
  }
  return { result: { points }, findings };
}
