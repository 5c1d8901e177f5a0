import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createBlankJourney, createKanoElement } from '@klantreis/schema';
import { journeyFromDoc, writeJourneyToDoc } from './journeyBinding.ts';
import { addStep } from './journeyMutations.ts';
import { setKanoResults } from './kanoMutations.ts';

function docWithKano() {
  const doc = new Y.Doc();
  writeJourneyToDoc(doc, createBlankJourney('Reis', 'nl'));
  const phaseId = journeyFromDoc(doc).phases[0]!.id;
  const coffee = createKanoElement({ text: 'Gratis koffie' });
  const fast = createKanoElement({ text: 'Snel geholpen', category: 'performance' });
  const stepId = addStep(doc, { phaseId, title: 'Wachtkamer', kano: [coffee, fast] });
  return { doc, stepId, coffee, fast };
}

describe('setKanoResults', () => {
  it('writes the responses and the category to each named element and leaves the others alone', () => {
    const { doc, stepId, coffee, fast } = docWithKano();
    const responses = { A: 6, O: 1, M: 0, I: 2, R: 0, Q: 1 };
    setKanoResults(doc, [{ stepId, elementId: coffee.id, responses, category: 'attractive' }]);
    const [first, second] = journeyFromDoc(doc).steps[0]!.kano;
    expect(first).toMatchObject({ id: coffee.id, responses, category: 'attractive' });
    expect(second).toEqual(fast);
  });

  it('replaces earlier responses instead of adding to them', () => {
    const { doc, stepId, coffee } = docWithKano();
    const once = { A: 1, O: 0, M: 0, I: 0, R: 0, Q: 0 };
    setKanoResults(doc, [{ stepId, elementId: coffee.id, responses: once, category: 'attractive' }]);
    setKanoResults(doc, [{ stepId, elementId: coffee.id, responses: once, category: 'attractive' }]);
    expect(journeyFromDoc(doc).steps[0]!.kano[0]!.responses).toEqual(once);
  });

  it('refuses the whole batch when one element does not exist, and changes nothing', () => {
    const { doc, stepId, coffee } = docWithKano();
    const before = Y.encodeStateAsUpdate(doc);
    const responses = { A: 1, O: 0, M: 0, I: 0, R: 0, Q: 0 };
    expect(() =>
      setKanoResults(doc, [
        { stepId, elementId: coffee.id, responses, category: 'attractive' },
        { stepId, elementId: 'missing', responses, category: 'must-be' },
      ]),
    ).toThrow(/no Kano element with id missing/);
    expect(() => setKanoResults(doc, [{ stepId, elementId: coffee.id, responses: { ...responses, A: -1 }, category: null }])).toThrow(/responses/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
