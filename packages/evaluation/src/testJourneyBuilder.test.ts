import { validateJourneyDocument } from '@klantreis/schema';
import { describe, expect, it } from 'vitest';
import { buildJourney, stepIdAt } from './testJourneyBuilder.ts';

describe('buildJourney', () => {
  it('makes a valid document with the phases and steps described', () => {
    const doc = buildJourney({
      journeyScore: -1,
      phases: [
        { name: 'Orientation', need: 'find the right product', steps: [{ title: 'Search', score: 1, touchpoints: [4] }, -1] },
        { steps: [{ title: 'Queue', score: -1, wait: 20, kano: ['must-be'], role: 'sacrifice', momentOfTruth: true }, null] },
      ],
    });
    expect(validateJourneyDocument(doc).ok).toBe(true);
    expect(doc.phases).toHaveLength(2);
    expect(doc.steps).toHaveLength(4);
    expect(doc.journey.journeyScore).toBe(-1);
    const queue = doc.steps.find((s) => s.title === 'Queue')!;
    expect(queue.wait).toEqual({ moment: 'before', minutes: 20 });
    expect(queue.kano[0]!.category).toBe('must-be');
    expect(queue.serviceConcept).toBe('sacrifice');
    expect(queue.momentOfTruth).toBe(true);
    expect(doc.steps[0]!.touchpoints[0]!.importance).toBe(4);
    expect(doc.steps[3]!.score).toBeNull();
  });

  it('keeps display order when the arrays are scrambled', () => {
    const doc = buildJourney({ scramble: true, phases: [{ steps: [{ title: 'a' }, { title: 'b' }] }, { steps: [{ title: 'c' }] }] });
    expect(validateJourneyDocument(doc).ok).toBe(true);
    expect(doc.steps.map((s) => s.title)).toEqual(['c', 'b', 'a']);
    expect(['a', 'b', 'c'].map((_, i) => doc.steps.find((s) => s.id === stepIdAt(doc, i + 1))!.title)).toEqual(['a', 'b', 'c']);
  });

  it('refuses a document that does not validate', () => {
    expect(() => buildJourney({ phases: [{ steps: [{ score: 3 as 2 }] }] })).toThrow(/steps\[0\]\.score/);
  });
});
