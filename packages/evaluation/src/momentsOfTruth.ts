import type { Finding, Locale } from './finding.ts';
import { message, phaseLabel, stepLabel } from './messages.ts';
import type { OrderedJourney, PlacedStep } from './orderedJourney.ts';

/**
 * A phase's main need is met when its moment-of-truth steps score +1 or more: one finding per
 * phase where one of them scores lower, naming the phase and its need. Unscored steps are not judged.
 */
export function momentOfTruthFindings(journey: OrderedJourney, locale: Locale): Finding[] {
  const unmetByPhase = new Map<string, PlacedStep[]>();
  for (const placed of journey.steps) {
    const { step } = placed;
    if (!step.momentOfTruth || step.score === null || step.score >= 1 || placed.phase === null) continue;
    const list = unmetByPhase.get(placed.phase.id);
    if (list) list.push(placed);
    else unmetByPhase.set(placed.phase.id, [placed]);
  }
  const findings: Finding[] = [];
  journey.phases.forEach((phase, i) => {
    const unmet = unmetByPhase.get(phase.id);
    if (!unmet) return;
    findings.push({
      rule: 'moment-of-truth.unmet',
      // Neutral leaves the need unmet; negative means the customer leaves the phase let down.
      severity: unmet.some((placed) => placed.step.score! < 0) ? 'critical' : 'warning',
      stepIds: unmet.map((placed) => placed.step.id),
      message: message(locale, 'moment-of-truth.unmet', {
        phase: phaseLabel(phase, i + 1, locale),
        need: phase.momentOfTruth,
        steps: unmet.map((placed) => stepLabel(placed, locale)),
      }),
    });
  });
  return findings;
}
