import { describe, expect, it } from 'vitest';
import { evaluateJourney } from './evaluateJourney.ts';
import { buildJourney, stepIdByTitle } from './testJourneyBuilder.ts';

const kano = (doc: ReturnType<typeof buildJourney>, locale: 'nl' | 'en' = 'en') =>
  evaluateJourney(doc, { locale }).findings.filter((f) => f.rule.startsWith('kano.'));

describe('Kano findings', () => {
  it('marks a must-be element on a negative step as critical', () => {
    const doc = buildJourney([
      { title: 'Log in', score: -1, kano: [{ category: 'must-be', text: 'Login works' }, 'performance'] },
      { title: 'Open mail', score: 0, kano: ['must-be'] },
      { title: 'Print', score: 1, kano: ['must-be'] },
    ]);
    const findings = kano(doc);
    expect(findings).toEqual([
      {
        rule: 'kano.must-be-failing',
        severity: 'critical',
        stepIds: [stepIdByTitle(doc, 'Log in')],
        message:
          '“Log in” scores −1 while it holds a must-be element: “Login works”. Customers take it for granted; when it fails, they are dissatisfied however well the rest goes.',
      },
    ]);
    expect(kano(doc, 'nl')[0]!.message).toContain('terwijl er een basisbehoefte in zit: “Login works”');
  });

  it('names every attractive element of a step as a way to exceed expectations', () => {
    const doc = buildJourney([
      { title: 'Exit', score: 2, kano: [{ category: 'attractive', text: 'Cheap ice cream' }, { category: 'attractive', text: 'Hot dog' }, 'indifferent'] },
      { title: 'Car park', score: -1, kano: [{ category: 'attractive' }] },
    ]);
    const findings = kano(doc);
    expect(findings.map((f) => [f.rule, f.severity, f.stepIds[0]])).toEqual([
      ['kano.delighter', 'positive', stepIdByTitle(doc, 'Exit')],
      ['kano.delighter', 'positive', stepIdByTitle(doc, 'Car park')],
    ]);
    expect(findings[0]!.message).toBe('“Cheap ice cream” and “Hot dog” at “Exit” are attractive elements: ways to exceed expectations.');
    expect(findings[1]!.message).toBe('An unnamed element at “Car park” is an attractive element: a way to exceed expectations.');
  });

  it('ignores elements without a category and reverse or indifferent ones', () => {
    const doc = buildJourney([{ score: -2, kano: [{ category: null }, 'reverse', 'indifferent', 'performance'] }]);
    expect(kano(doc)).toEqual([]);
  });
});
