import type { Finding, Locale } from './finding.ts';
import { kanoElementLabel, message, stepLabel } from './messages.ts';
import type { OrderedJourney } from './orderedJourney.ts';

/**
 * A must-be element on a negative step is critical: customers take it for granted, so its
 * failure dissatisfies whatever else goes well. An attractive element is a way to exceed
 * expectations, whatever the step scores.
 */
export function kanoFindings(journey: OrderedJourney, locale: Locale): Finding[] {
  const findings: Finding[] = [];
  for (const placed of journey.steps) {
    const { step } = placed;
    if (step.kano.length === 0) continue;
    const mustBe = step.kano.filter((element) => element.category === 'must-be');
    if (mustBe.length > 0 && step.score !== null && step.score < 0) {
      findings.push({
        rule: 'kano.must-be-failing',
        severity: 'critical',
        stepIds: [step.id],
        message: message(locale, 'kano.must-be-failing', {
          step: stepLabel(placed, locale),
          elements: mustBe.map((element) => kanoElementLabel(element, locale)),
          score: step.score,
        }),
      });
    }
    const attractive = step.kano.filter((element) => element.category === 'attractive');
    if (attractive.length > 0) {
      findings.push({
        rule: 'kano.delighter',
        severity: 'positive',
        stepIds: [step.id],
        message: message(locale, 'kano.delighter', {
          step: stepLabel(placed, locale),
          elements: attractive.map((element) => kanoElementLabel(element, locale)),
        }),
      });
    }
  }
  return findings;
}
