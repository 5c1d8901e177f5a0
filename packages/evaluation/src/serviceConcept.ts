import type { Finding, Locale } from './finding.ts';
import { message, stepLabel } from './messages.ts';
import type { OrderedJourney } from './orderedJourney.ts';

/**
 * The map must reflect the service concept: differentiators, the reason customers come, are
 * excellent (+2); an accepted sacrifice may score below 0 (a slow-food restaurant never tops
 * waiting time) but never −2. An unscored step is not judged.
 */
export function serviceConceptFindings(journey: OrderedJourney, locale: Locale): Finding[] {
  const findings: Finding[] = [];
  for (const placed of journey.steps) {
    const { step } = placed;
    if (step.score === null || step.serviceConcept === null) continue;
    const label = stepLabel(placed, locale);
    if (step.serviceConcept === 'differentiator' && step.score < 2) {
      findings.push({
        rule: 'service-concept.differentiator-not-excellent',
        // A differentiator that is only "good" misses the promise; at 0 or below it breaks it.
        severity: step.score <= 0 ? 'critical' : 'warning',
        stepIds: [step.id],
        message: message(locale, 'service-concept.differentiator-not-excellent', { step: label, score: step.score }),
      });
    } else if (step.serviceConcept === 'sacrifice' && step.score <= -2) {
      findings.push({
        rule: 'service-concept.sacrifice-too-costly',
        severity: 'warning',
        stepIds: [step.id],
        message: message(locale, 'service-concept.sacrifice-too-costly', { step: label }),
      });
    } else if (step.serviceConcept === 'sacrifice' && step.score <= 0) {
      findings.push({
        rule: 'service-concept.sacrifice-accepted',
        severity: 'info',
        stepIds: [step.id],
        message: message(locale, 'service-concept.sacrifice-accepted', { step: label, score: step.score }),
      });
    }
  }
  return findings;
}
