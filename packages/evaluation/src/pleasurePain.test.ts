import { describe, expect, it } from 'vitest';
import { evaluateJourney } from './evaluateJourney.ts';
import { sacrificeCause } from './pleasurePain.ts';
import { buildJourney, stepIdByTitle } from './testJourneyBuilder.ts';

const pleasurePain = (doc: ReturnType<typeof buildJourney>, locale: 'nl' | 'en' = 'en') =>
  evaluateJourney(doc, { locale }).findings.filter((f) => f.rule.startsWith('pleasure-pain.'));

describe('pleasure-pain gap', () => {
  it('reads a −1 wait before a +2 in the same phase as anticipation that builds the peak', () => {
    const doc = buildJourney([
      { title: 'Order', score: 1 },
      { title: 'Wait for the food', score: -1, wait: 25 },
      { title: 'Table talk', score: 1 },
      { title: 'Dinner', score: 2 },
      { title: 'Dessert', score: 2 },
    ]);
    const findings = pleasurePain(doc);
    expect(findings).toEqual([
      {
        rule: 'pleasure-pain.anticipation',
        severity: 'positive',
        stepIds: [stepIdByTitle(doc, 'Wait for the food'), stepIdByTitle(doc, 'Dinner')],
        message:
          'A wait of 25 min at “Wait for the food” (−1) builds anticipation for “Dinner” (+2) later in the same phase: hunger is the best sauce. It is not a pain point, as long as it does not turn dark red.',
      },
    ]);
    expect(pleasurePain(doc, 'nl')[0]!.message).toContain('Het wachten van 25 min bij “Wait for the food” (−1)');
  });

  it('counts paying as a sacrifice too', () => {
    const doc = buildJourney([{ title: 'Pay at the checkout', score: -1 }, { title: 'Ice cream', score: 2 }]);
    expect(pleasurePain(doc).map((f) => f.rule)).toEqual(['pleasure-pain.anticipation']);
    expect(pleasurePain(doc)[0]!.message).toMatch(/^Paying at/);
  });

  it('calls a −2 wait before a +2 pain', () => {
    const doc = buildJourney([{ title: 'Queue', score: -2, wait: 60 }, { title: 'Dinner', score: 2 }]);
    const findings = pleasurePain(doc);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['pleasure-pain.pain', 'warning']]);
    expect(findings[0]!.stepIds).toEqual([stepIdByTitle(doc, 'Queue'), stepIdByTitle(doc, 'Dinner')]);
  });

  it('needs the +2 later in the same phase', () => {
    const acrossPhases = buildJourney({ phases: [{ steps: [{ score: -1, wait: 10 }] }, { steps: [2] }] });
    expect(pleasurePain(acrossPhases)).toEqual([]);
    const peakBefore = buildJourney([2, { score: -1, wait: 10 }, 1]);
    expect(pleasurePain(peakBefore)).toEqual([]);
    const onlyPlusOne = buildJourney([{ score: -1, wait: 10 }, 1]);
    expect(pleasurePain(onlyPlusOne)).toEqual([]);
  });

  it('needs waiting or paying: a plain −1 before a +2 is no anticipation', () => {
    const doc = buildJourney([{ title: 'Confusing form', score: -1 }, { title: 'Approved', score: 2 }]);
    expect(pleasurePain(doc)).toEqual([]);
  });

  it('does not report an anticipation step as a pain point elsewhere', () => {
    const doc = buildJourney([
      { title: 'Queue', score: -1, wait: 15, touchpoints: [5] },
      { title: 'Show', score: 2 },
    ]);
    const rules = evaluateJourney(doc).findings.map((f) => f.rule);
    expect(rules).not.toContain('peak-end.weak-start');
    expect(rules).not.toContain('importance-performance.act-first');
    // without the peak the same step is both
    const withoutPeak = buildJourney([{ title: 'Queue', score: -1, wait: 15, touchpoints: [5] }, { title: 'Show', score: 1 }]);
    const plainRules = evaluateJourney(withoutPeak).findings.map((f) => f.rule);
    expect(plainRules).toContain('peak-end.weak-start');
    expect(plainRules).toContain('importance-performance.act-first');
  });
});

describe('sacrificeCause', () => {
  it('finds waiting, then paying words in English and Dutch', () => {
    const [wait, betalen, price, none] = buildJourney([
      { wait: 0, title: 'Pay' },
      { title: 'Afrekenen bij de kassa' },
      { touchpoints: [{ name: 'Price list' }] },
      { title: 'Display the payload' },
    ]).steps;
    expect(sacrificeCause(wait!)).toBe('wait');
    expect(sacrificeCause(betalen!)).toBe('pay');
    expect(sacrificeCause(price!)).toBe('pay');
    expect(sacrificeCause(none!)).toBeNull();
  });
});
