import { describe, expect, it } from 'vitest';
import { evaluateJourney } from './evaluateJourney.ts';
import { buildJourney, stepIdByTitle } from './testJourneyBuilder.ts';

const serviceConcept = (doc: ReturnType<typeof buildJourney>, locale: 'nl' | 'en' = 'en') =>
  evaluateJourney(doc, { locale }).findings.filter((f) => f.rule.startsWith('service-concept.'));

describe('service concept', () => {
  it('flags a differentiator below +2, critical at 0 or below', () => {
    const doc = buildJourney([
      { title: 'Fresh food', score: 1, role: 'differentiator' },
      { title: 'Wine list', score: 0, role: 'differentiator' },
      { title: 'Chef at the table', score: 2, role: 'differentiator' },
      2,
    ]);
    const findings = serviceConcept(doc);
    expect(findings.map((f) => [f.rule, f.severity, f.stepIds[0]])).toEqual([
      ['service-concept.differentiator-not-excellent', 'critical', stepIdByTitle(doc, 'Wine list')],
      ['service-concept.differentiator-not-excellent', 'warning', stepIdByTitle(doc, 'Fresh food')],
    ]);
    expect(findings[1]!.message).toBe(
      '“Fresh food” is a differentiator, the reason customers choose you, but it scores +1. A differentiator must be excellent (+2).',
    );
    expect(serviceConcept(doc, 'nl')[1]!.message).toContain('“Fresh food” is een onderscheidend element');
  });

  it('accepts a sacrifice at −1 or 0 and flags one at −2', () => {
    // The slow-food restaurant: waiting is the sacrifice, never dark red.
    const doc = buildJourney([
      { title: 'Waiting for a table', score: -1, role: 'sacrifice' },
      { title: 'Waiting for the food', score: -2, role: 'sacrifice' },
      { title: 'Bill', score: 0, role: 'sacrifice' },
      { title: 'Coffee', score: 1, role: 'sacrifice' },
      2,
    ]);
    const findings = serviceConcept(doc);
    expect(findings.map((f) => [f.rule, f.severity, f.stepIds[0]])).toEqual([
      ['service-concept.sacrifice-too-costly', 'warning', stepIdByTitle(doc, 'Waiting for the food')],
      ['service-concept.sacrifice-accepted', 'info', stepIdByTitle(doc, 'Waiting for a table')],
      ['service-concept.sacrifice-accepted', 'info', stepIdByTitle(doc, 'Bill')],
    ]);
  });

  it('does not judge unscored steps or steps without a role', () => {
    const doc = buildJourney([{ score: null, role: 'differentiator' }, { score: null, role: 'sacrifice' }, -2, 1]);
    expect(serviceConcept(doc)).toEqual([]);
  });
});
