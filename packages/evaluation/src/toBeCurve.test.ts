import { describe, expect, it } from 'vitest';
import { evaluateJourney } from './evaluateJourney.ts';
import { buildJourney, stepIdByTitle } from './testJourneyBuilder.ts';

describe('the to-be curve', () => {
  it('is null while no step has a target score', () => {
    expect(evaluateJourney(buildJourney([1, -2, 0])).toBe).toBeNull();
  });

  it('takes the target where there is one and the as-is score elsewhere, under the same model', () => {
    const doc = buildJourney([
      { title: 'Bellen', score: 1 },
      { title: 'Wachten', score: -2, target: 0 },
      { title: 'Monteur', score: 0, target: 2 },
      { title: 'Zonder score' },
    ]);
    const evaluation = evaluateJourney(doc);
    // As-is: most intense −2, end 0 → −1. To-be: 1, 0, 2: most intense +2, end +2 → 2.
    expect(evaluation.peakEnd.remembered).toBe(-1);
    expect(evaluation.toBe).toMatchObject({ remembered: 2, mean: 1, start: 1, peak: 2, trough: 0, end: 2, targetCount: 2 });
    expect(evaluation.toBe!.curve.map((p) => p.score)).toEqual([1, 0, 2]);
    expect(evaluation.toBe!.endStepId).toBe(stepIdByTitle(doc, 'Monteur'));
    const mean = evaluateJourney(doc, { model: { kind: 'mean' } });
    expect(mean.toBe!.remembered).toBe(1);
  });

  it('draws a step that only has a target', () => {
    const doc = buildJourney([{ title: 'Nieuw', target: 2 }, { title: 'Oud', score: -1 }]);
    expect(evaluateJourney(doc).toBe!.curve.map((p) => p.score)).toEqual([2, -1]);
    expect(evaluateJourney(doc).curve.map((p) => p.score)).toEqual([-1]);
  });

  it('reads a snapshot written before target scores existed', () => {
    const doc = buildJourney([1, 2]);
    for (const step of doc.steps) delete (step as { targetScore?: unknown }).targetScore;
    expect(evaluateJourney(doc).toBe).toBeNull();
  });
});
