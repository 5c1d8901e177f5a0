import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createBlankJourney, validateJourneyDocument, type ActionId } from '@klantreis/schema';
import { addAction, deleteAction, moveAction, updateAction } from './actionMutations.ts';
import { journeyFromDoc, writeJourneyToDoc } from './journeyBinding.ts';
import { addStep, deleteStep, updateRecord } from './journeyMutations.ts';
import { RecordValidationError } from './recordBinding.ts';

function docWithSteps(count: number) {
  const doc = new Y.Doc();
  writeJourneyToDoc(doc, createBlankJourney('Reis', 'nl'));
  const phaseId = journeyFromDoc(doc).phases[0]!.id;
  const stepIds = Array.from({ length: count }, (_, i) => addStep(doc, { phaseId, title: `Stap ${i + 1}` }));
  return { doc, stepIds };
}

describe('improvement actions in the Yjs document', () => {
  it('adds actions in list order with their fields, and reads them back valid', () => {
    const { doc, stepIds } = docWithSteps(2);
    const second = addAction(doc, { title: 'Tweede', status: 'planned', stepIds: [stepIds[1]!] });
    const first = addAction(doc, { title: 'Eerste', owner: 'Sanne', dueDate: '2025-06-30', sourceRule: 'peak-end.weak-end', position: 0 });
    const journey = journeyFromDoc(doc);
    expect(journey.actions.map((a) => a.title)).toEqual(['Eerste', 'Tweede']);
    expect(journey.actions[0]).toMatchObject({ id: first, owner: 'Sanne', dueDate: '2025-06-30', status: 'idea', sourceRule: 'peak-end.weak-end', stepIds: [] });
    expect(journey.actions[1]).toMatchObject({ id: second, status: 'planned', stepIds: [stepIds[1]] });
    expect(validateJourneyDocument(journey).ok).toBe(true);
  });

  it('updates through updateRecord and updateAction, moves and deletes', () => {
    const { doc, stepIds } = docWithSteps(1);
    const a = addAction(doc, { title: 'A' });
    const b = addAction(doc, { title: 'B' });
    updateRecord(doc, a, { status: 'doing', owner: 'Team web' });
    updateAction(doc, b, { stepIds: [stepIds[0]!], dueDate: '2026-01-15' });
    moveAction(doc, a, 1);
    expect(journeyFromDoc(doc).actions.map((x) => [x.title, x.status, x.owner, x.stepIds.length])).toEqual([
      ['B', 'idea', '', 1],
      ['A', 'doing', 'Team web', 0],
    ]);
    deleteAction(doc, a);
    expect(journeyFromDoc(doc).actions.map((x) => x.id)).toEqual([b]);
  });

  it('refuses a bad status, date or step link with the field named, and changes nothing', () => {
    const { doc } = docWithSteps(1);
    const a = addAction(doc, { title: 'A' });
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => updateRecord(doc, a, { status: 'someday' })).toThrow(/status/);
    expect(() => updateRecord(doc, a, { dueDate: '31-12-2025' })).toThrow(/dueDate: must be a date written YYYY-MM-DD/);
    expect(() => updateAction(doc, a, { stepIds: ['step:nope'] })).toThrow(/stepIds\[0\]: no step with id step:nope/);
    expect(() => addAction(doc, { stepIds: ['step:nope'] })).toThrow(RecordValidationError);
    expect(() => deleteAction(doc, 'action:nope' as ActionId)).toThrow(/no such action/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('drops a deleted step from the actions it was linked to, and brings the link back when the delete is undone', () => {
    const { doc, stepIds } = docWithSteps(2);
    const undo = new Y.UndoManager(doc.getMap('records'), { trackedOrigins: new Set(['user']) });
    const a = addAction(doc, { title: 'A', stepIds: [stepIds[0]!, stepIds[1]!] });
    deleteStep(doc, stepIds[0]!, 'user');
    const journey = journeyFromDoc(doc);
    expect(journey.actions.find((x) => x.id === a)!.stepIds).toEqual([stepIds[1]]);
    expect(validateJourneyDocument(journey).ok).toBe(true);
    undo.undo();
    expect(journeyFromDoc(doc).actions.find((x) => x.id === a)!.stepIds).toEqual([stepIds[0], stepIds[1]]);
  });

  it('keeps both actions when two people add one at the same place', () => {
    const { doc: a } = docWithSteps(0);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    addAction(a, { title: 'Van A' });
    addAction(b, { title: 'Van B' });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    expect(journeyFromDoc(a).actions.map((x) => x.title).sort()).toEqual(['Van A', 'Van B']);
    expect(journeyFromDoc(a)).toEqual(journeyFromDoc(b));
  });
});
