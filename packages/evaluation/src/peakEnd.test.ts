import { describe, expect, it } from 'vitest';
import { evaluateJourney } from './evaluateJourney.ts';
import { orderJourney } from './orderedJourney.ts';
import { computePeakEnd, leastSquaresSlope } from './peakEnd.ts';
import { buildJourney, stepIdAt, stepIdByTitle } from './testJourneyBuilder.ts';

const rules = (doc: ReturnType<typeof buildJourney>) => evaluateJourney(doc).findings.map((f) => f.rule);

describe('computePeakEnd', () => {
  it('reads the curve in display order, across phases, leaving unscored steps out', () => {
    const doc = buildJourney({
      scramble: true,
      phases: [{ steps: [{ title: 'Park', score: 1 }, null, { title: 'Showroom', score: 2 }] }, { steps: [{ title: 'Checkout', score: -1 }, { title: 'Ice cream', score: 1 }] }],
    });
    const peakEnd = computePeakEnd(orderJourney(doc).curve, { kind: 'peak-end' });
    expect(peakEnd).toEqual({
      remembered: 1.5,
      mean: 0.75,
      start: 1,
      peak: 2,
      trough: -1,
      end: 1,
      slope: -0.3,
      mostIntense: 2,
      mostIntenseStepId: stepIdByTitle(doc, 'Showroom'),
      peakStepId: stepIdByTitle(doc, 'Showroom'),
      troughStepId: stepIdByTitle(doc, 'Checkout'),
      startStepId: stepIdByTitle(doc, 'Park'),
      endStepId: stepIdByTitle(doc, 'Ice cream'),
    });
  });

  it('gives the most intense step to the negative one on a tie', () => {
    const doc = buildJourney([2, -2, 1]);
    const peakEnd = evaluateJourney(doc).peakEnd;
    expect(peakEnd.mostIntenseStepId).toBe(stepIdAt(doc, 2));
    expect(peakEnd.peakStepId).toBe(stepIdAt(doc, 1));
    expect(peakEnd.remembered).toBe(-0.5);
  });

  it('uses the chosen model for the remembered score', () => {
    const doc = buildJourney([2, -2, 1, 1]);
    expect(evaluateJourney(doc, { model: { kind: 'mean' } }).peakEnd.remembered).toBe(0.5);
    expect(evaluateJourney(doc, { model: { kind: 'weighted', start: 1, peak: 0, end: 1 } }).peakEnd.remembered).toBe(1.5);
  });

  it('is all null for a journey without scores', () => {
    const peakEnd = evaluateJourney(buildJourney([null, null])).peakEnd;
    expect(Object.values(peakEnd).every((value) => value === null)).toBe(true);
    expect(evaluateJourney(buildJourney([null])).findings).toEqual([]);
  });
});

describe('leastSquaresSlope', () => {
  it('fits a line through the points', () => {
    expect(leastSquaresSlope([-2, -1, 0, 1, 2])).toBe(1);
    expect(leastSquaresSlope([2, 2, 2])).toBe(0);
    expect(leastSquaresSlope([0, 2, 0, 2])).toBeCloseTo(0.4);
    expect(leastSquaresSlope([1])).toBeNull();
  });
});

describe('peak-end findings', () => {
  it('flags an end below +1 and nothing else on a journey that is otherwise fine', () => {
    expect(rules(buildJourney([1, 2, 0]))).toEqual(['peak-end.weak-end']);
    expect(evaluateJourney(buildJourney([1, 2, 0])).findings[0]!.severity).toBe('warning');
    expect(evaluateJourney(buildJourney([1, 2, -1])).findings[0]!.severity).toBe('critical');
    expect(rules(buildJourney([1, 2, 1]))).toEqual([]);
  });

  it('praises an end at +2', () => {
    const [finding] = evaluateJourney(buildJourney([0, 2])).findings;
    expect(finding).toMatchObject({ rule: 'peak-end.strong-end', severity: 'positive' });
  });

  it('names every −2 step in one finding', () => {
    const doc = buildJourney({
      phases: [{ steps: [{ title: 'Login', score: -2 }, 1] }, { steps: [{ score: -2 }, { title: 'Done', score: 1 }] }],
    });
    const darkRed = evaluateJourney(doc, { locale: 'en' }).findings.filter((f) => f.rule === 'peak-end.dark-red');
    expect(darkRed).toHaveLength(1);
    expect(darkRed[0]!.severity).toBe('critical');
    expect(darkRed[0]!.stepIds).toEqual([stepIdAt(doc, 1), stepIdAt(doc, 3)]);
    expect(darkRed[0]!.message).toBe('“Login” and step 3 score −2 (very negative). However good the rest is, this is what customers will remember.');
    const nl = evaluateJourney(doc, { locale: 'nl' }).findings.find((f) => f.rule === 'peak-end.dark-red')!;
    expect(nl.message).toBe('“Login” en stap 3 scoren −2 (zeer negatief). Hoe goed de rest ook is, dit is wat klanten zullen onthouden.');
  });

  it('flags a start at −1 or below', () => {
    const doc = buildJourney([{ title: 'Device will not start', score: -1 }, 1, 2]);
    const finding = evaluateJourney(doc, { locale: 'en' }).findings.find((f) => f.rule === 'peak-end.weak-start')!;
    expect(finding.stepIds).toEqual([stepIdAt(doc, 1)]);
    expect(finding.message).toContain('“Device will not start”');
    expect(rules(buildJourney([0, 1, 2]))).not.toContain('peak-end.weak-start');
  });

  it('does not call a start that builds anticipation weak', () => {
    const doc = buildJourney([{ title: 'Queue', score: -1, wait: 15 }, { title: 'Meal', score: 2 }]);
    expect(rules(doc)).toEqual(['pleasure-pain.anticipation', 'peak-end.strong-end']);
  });
});
