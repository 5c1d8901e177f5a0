import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createBlankJourney, validateJourneyDocument, type StepId } from '@klantreis/schema';
import { addIndicator, deleteIndicator, updateIndicator } from './indicatorMutations.ts';
import { journeyFromDoc, writeJourneyToDoc } from './journeyBinding.ts';
import { addStep, deleteStep, updateRecord } from './journeyMutations.ts';

function docWithStep(): { doc: Y.Doc; stepId: StepId } {
  const doc = new Y.Doc();
  writeJourneyToDoc(doc, createBlankJourney('Reis', 'nl'));
  const phaseId = journeyFromDoc(doc).phases[0]!.id;
  return { doc, stepId: addStep(doc, { phaseId, title: 'Aanvraag' }) };
}

describe('XLA indicators in the Yjs document', () => {
  it('adds indicators in list order and reads them back valid', () => {
    const { doc, stepId } = docWithStep();
    const wait = addIndicator(doc, { name: 'Wachttijd', kind: 'O', metric: 'wait-p90', stepId, direction: 'at-most', target: 30, margin: 5 });
    const score = addIndicator(doc, { name: 'Tevredenheid', position: 0 });
    const journey = journeyFromDoc(doc);
    expect(journey.indicators.map((i) => i.id)).toEqual([score, wait]);
    expect(journey.indicators[0]).toMatchObject({ kind: 'X', metric: 'journey-score', direction: 'at-least', period: 'month' });
    expect(journey.indicators[1]).toMatchObject({ stepId, target: 30, margin: 5 });
    expect(validateJourneyDocument(journey).ok).toBe(true);
  });

  it('refuses an unknown metric or a missing step with the field named, and changes nothing', () => {
    const { doc } = docWithStep();
    const id = addIndicator(doc, { name: 'X' });
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => updateRecord(doc, id, { metric: 'nps' })).toThrow(/metric/);
    expect(() => updateIndicator(doc, id, { stepId: 'step:nope' })).toThrow(/stepId: no step with id step:nope/);
    expect(() => updateRecord(doc, id, { margin: -1 })).toThrow(/margin/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    deleteIndicator(doc, id);
    expect(journeyFromDoc(doc).indicators).toEqual([]);
  });

  it('reads an indicator of a deleted step as concerning no step', () => {
    const { doc, stepId } = docWithStep();
    addIndicator(doc, { metric: 'drop-off-rate', stepId, kind: 'O', direction: 'at-most', target: 10 });
    deleteStep(doc, stepId);
    const journey = journeyFromDoc(doc, { validate: true });
    expect(journey.indicators[0]!.stepId).toBeNull();
    expect(validateJourneyDocument(journey).ok).toBe(true);
  });

  it('stores activity patterns and the journey end on a step', () => {
    const { doc, stepId } = docWithStep();
    updateRecord(doc, stepId, { activityPatterns: ['A_SUBMITTED', 'W_Completeren*'], journeyEnd: true });
    expect(journeyFromDoc(doc).steps[0]).toMatchObject({ activityPatterns: ['A_SUBMITTED', 'W_Completeren*'], journeyEnd: true });
    expect(() => updateRecord(doc, stepId, { activityPatterns: [''] })).toThrow(/activityPatterns\[0\]/);
  });
});
