import type { StepRecord } from '@klantreis/schema';
import type { Finding, Locale } from './finding.ts';
import { message, stepLabel, type Cause } from './messages.ts';
import type { OrderedJourney, PlacedStep } from './orderedJourney.ts';

// Paying leaves no field of its own on a step, so it is read from the words on it. The list is
// short on purpose: a false "paying" only turns a −1 before a +2 into anticipation.
const PAYING_WORDS =
  /\b(pay|pays|paying|payment|checkout|check-out|till|cashier|price|cost|costs|betalen|betaling|betaalt|afrekenen|kassa|prijs|kosten)\b/i;

/** Why a step counts as the sacrifice before a peak: the customer waits, or pays. Null otherwise. */
export function sacrificeCause(step: StepRecord): Cause | null {
  if (step.wait !== null) return 'wait';
  if (PAYING_WORDS.test(step.title) || PAYING_WORDS.test(step.description)) return 'pay';
  for (const touchpoint of step.touchpoints) if (PAYING_WORDS.test(touchpoint.name)) return 'pay';
  for (const element of step.kano) if (PAYING_WORDS.test(element.text)) return 'pay';
  return null;
}

export interface PleasurePain {
  findings: Finding[];
  /** The −1 steps that build a peak: other rules do not report these as pain points. */
  anticipationStepIds: Set<string>;
}

/**
 * "Hunger is the best sauce": a −1 step of waiting or paying followed later in the same phase
 * by a +2 step is anticipation that builds the peak; at −2 it is pain. The peak named is the
 * first +2 step after it in the phase.
 */
export function pleasurePain(journey: OrderedJourney, locale: Locale): PleasurePain {
  const findings: Finding[] = [];
  const anticipationStepIds = new Set<string>();
  // Walk each phase backwards, remembering the nearest +2 step ahead: one pass, not n².
  let nextPeak: PlacedStep | null = null;
  let phaseId: string | null = null;
  const reversed: Finding[] = [];
  for (let i = journey.steps.length - 1; i >= 0; i--) {
    const placed = journey.steps[i]!;
    const { step } = placed;
    if (step.phaseId !== phaseId) {
      phaseId = step.phaseId;
      nextPeak = null;
    }
    if (step.score === null) continue;
    if (step.score >= 2) {
      nextPeak = placed;
      continue;
    }
    if (nextPeak === null || (step.score !== -1 && step.score !== -2)) continue;
    const cause = sacrificeCause(step);
    if (cause === null) continue;
    const params = { step: stepLabel(placed, locale), peak: stepLabel(nextPeak, locale), cause };
    if (step.score === -1) {
      anticipationStepIds.add(step.id);
      reversed.push({
        rule: 'pleasure-pain.anticipation',
        severity: 'positive',
        stepIds: [step.id, nextPeak.step.id],
        message: message(locale, 'pleasure-pain.anticipation', {
          ...params,
          minutes: cause === 'wait' ? step.wait!.minutes : null,
        }),
      });
    } else {
      reversed.push({
        rule: 'pleasure-pain.pain',
        severity: 'warning',
        stepIds: [step.id, nextPeak.step.id],
        message: message(locale, 'pleasure-pain.pain', params),
      });
    }
  }
  for (let i = reversed.length - 1; i >= 0; i--) findings.push(reversed[i]!);
  return { findings, anticipationStepIds };
}
