import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { cellId, createBlankJourney, MAX_MENTIONS, validateJourneyDocument, type CommentId, type StepId } from '@klantreis/schema';
import { addComment, deleteComment, setThreadResolved, stepOfTarget } from './commentMutations.ts';
import { journeyFromDoc, writeJourneyToDoc } from './journeyBinding.ts';
import { addStep, deleteStep } from './journeyMutations.ts';
import { RecordValidationError } from './recordBinding.ts';

function docWithStep() {
  const doc = new Y.Doc();
  writeJourneyToDoc(doc, createBlankJourney('Reis', 'nl'));
  const journey = journeyFromDoc(doc);
  const stepId = addStep(doc, { phaseId: journey.phases[0]!.id, title: 'Bellen' });
  return { doc, stepId, laneId: journey.lanes[0]!.id };
}

describe('comments', () => {
  it('start threads on a step and on a cell, with replies, mentions and resolve/reopen', () => {
    const { doc, stepId, laneId } = docWithStep();
    const onStep = addComment(doc, { targetId: stepId, author: 'Anna', text: '@Bram klopt dit?', mentions: ['Bram', 'Bram'], createdAt: 1 });
    const onCell = addComment(doc, { targetId: cellId(laneId, stepId), author: 'Bram', text: 'Lege cel', createdAt: 2 });
    const reply = addComment(doc, { targetId: stepId, parentId: onStep, author: 'Bram', text: 'Ja', createdAt: 3 });
    // A reply to a reply joins the thread of the first comment, on its target.
    const replyToReply = addComment(doc, { targetId: cellId(laneId, stepId), parentId: reply, author: 'Anna', text: 'Dank', createdAt: 4 });

    setThreadResolved(doc, replyToReply, true);
    const journey = journeyFromDoc(doc);
    expect(validateJourneyDocument(journey).ok).toBe(true);
    expect(journey.comments.map((c) => [c.id, c.parentId, c.targetId, c.resolved])).toEqual([
      [onStep, null, stepId, true],
      [onCell, null, cellId(laneId, stepId), false],
      [reply, onStep, stepId, false],
      [replyToReply, onStep, stepId, false],
    ]);
    expect(journey.comments[0]!.mentions).toEqual(['Bram']);
    expect(journey.comments[1]!.stepId).toBe(stepId);

    setThreadResolved(doc, onStep, false);
    expect(journeyFromDoc(doc).comments[0]!.resolved).toBe(false);
  });

  it('refuses a comment on a step that does not exist, and one without room for its text', () => {
    const { doc } = docWithStep();
    expect(() => addComment(doc, { targetId: 'step:gone' as StepId, author: 'Anna', text: 'Hallo' })).toThrow(RecordValidationError);
    const { doc: other, stepId } = docWithStep();
    expect(() => addComment(other, { targetId: stepId, author: 'Anna', text: 'x'.repeat(100_000) })).toThrow(RecordValidationError);
  });

  it('leaves out the comments of a deleted step, and the replies of a deleted thread', () => {
    const { doc, stepId } = docWithStep();
    const thread = addComment(doc, { targetId: stepId, author: 'Anna', text: 'Eerste' });
    addComment(doc, { targetId: stepId, parentId: thread, author: 'Bram', text: 'Antwoord' });
    deleteComment(doc, thread);
    expect(journeyFromDoc(doc).comments).toEqual([]);

    const second = addComment(doc, { targetId: stepId, author: 'Anna', text: 'Nog een' });
    expect(journeyFromDoc(doc).comments.map((c) => c.id)).toEqual([second]);
    deleteStep(doc, stepId);
    const journey = journeyFromDoc(doc);
    expect(journey.comments).toEqual([]);
    expect(validateJourneyDocument(journey).ok).toBe(true);
  });

  it('keeps a comment that mentions fifty people picked from the list (name and account id each), and refuses more', () => {
    const { doc, stepId } = docWithStep();
    const picked = (n: number) => Array.from({ length: n }, (_, i) => [`Persoon ${i}`, `user-${i}`]).flat();
    const id = addComment(doc, { targetId: stepId, author: 'Anna', text: 'Allemaal', mentions: picked(MAX_MENTIONS) });
    expect(journeyFromDoc(doc).comments.find((comment) => comment.id === id)!.mentions).toHaveLength(2 * MAX_MENTIONS);
    expect(() => addComment(doc, { targetId: stepId, author: 'Anna', text: 'Te veel', mentions: [...picked(MAX_MENTIONS), 'Nog één'] })).toThrow(RecordValidationError);
  });

  it('knows the step of a cell target', () => {
    expect(stepOfTarget('cell:abc~def' as CommentId as unknown as StepId)).toBe('step:def');
    expect(stepOfTarget('step:xyz' as StepId)).toBe('step:xyz');
  });
});
