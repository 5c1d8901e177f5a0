import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cellId, createBlankJourney, MAX_TEXT_LENGTH, type LaneId, type PhaseId } from '@klantreis/schema';
import { addComment, addStep, journeyFromDoc, recordsOf, setCellText, updateRecord, writeJourneyToDoc } from '@klantreis/sync';
import { IncomingUpdateValidator } from './incomingUpdateValidator.ts';

/** A server document and an editor that has it, and the update of one edit of the editor. */
function serverAndEditor() {
  const server = new Y.Doc();
  writeJourneyToDoc(server, createBlankJourney('Reis', 'nl'));
  const editor = new Y.Doc();
  Y.applyUpdate(editor, Y.encodeStateAsUpdate(server));
  const updateOf = (edit: (doc: Y.Doc) => void) => {
    const before = Y.encodeStateVector(editor);
    edit(editor);
    return Y.encodeStateAsUpdate(editor, before);
  };
  const phaseId = journeyFromDoc(server).phases[0]!.id as PhaseId;
  return { server, editor, updateOf, phaseId };
}

describe('IncomingUpdateValidator', () => {
  it('accepts an honest edit, also as the very first update it sees', () => {
    // The shadow's roots must exist before the state is copied in, or the first check after
    // every new shadow compares against a replaced root object and refuses everything.
    const { server, updateOf, phaseId } = serverAndEditor();
    const validator = new IncomingUpdateValidator(server);
    expect(validator.check(updateOf((doc) => addStep(doc, { phaseId, title: 'Een' })))).toMatchObject({ accepted: true, changed: true });
  });

  it('says when an update brings nothing new', () => {
    const { server, editor, phaseId } = serverAndEditor();
    addStep(editor, { phaseId, title: 'Een' });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(editor));
    const validator = new IncomingUpdateValidator(server);
    expect(validator.check(Y.encodeStateAsUpdate(editor))).toMatchObject({ accepted: true, changed: false });
  });

  it('counts an update as new while it waits for one it builds on, also when others already wait', () => {
    // An editor back online sends its queued edits before the one they build on (lost with
    // the old connection). Yjs adds each to its pending structs in place: each must still
    // count as new, or it is not stored.
    const { server, updateOf, phaseId } = serverAndEditor();
    const validator = new IncomingUpdateValidator(server);
    const lost = updateOf((doc) => addStep(doc, { phaseId, title: 'Verloren' }));
    const queued = [1, 2, 3].map((n) => updateOf((doc) => addStep(doc, { phaseId, title: `Offline ${n}` })));
    for (const update of queued) expect(validator.check(update)).toMatchObject({ accepted: true, changed: true });
    expect(validator.check(lost)).toMatchObject({ accepted: true, changed: true });
    expect(validator.check(queued[1]!)).toMatchObject({ accepted: true, changed: false });
  });

  it('refuses a record out of schema, and checks the next update against the document without it', () => {
    const { server, updateOf, phaseId } = serverAndEditor();
    const validator = new IncomingUpdateValidator(server);
    const stepId = addStep(server, { phaseId, title: 'Een' });
    const bad = updateOf((doc) => {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
      recordsOf(doc).get(stepId)!.set('score', 7);
    });
    expect(validator.check(bad)).toMatchObject({ accepted: false, reason: expect.stringContaining('score') });
    expect(validator.generation).toBe(1);
    // An honest edit of another field of the same step is judged on the live document, where
    // the score is still valid (the refused update is gone with the old shadow).
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(fresh);
    updateRecord(fresh, stepId, { title: 'Een, bewerkt' });
    expect(validator.check(Y.encodeStateAsUpdate(fresh, before))).toMatchObject({ accepted: true });
  });

  it('tolerates two texts typed at once that merge past the limit, but not past twice the limit', () => {
    const { server, editor, phaseId } = serverAndEditor();
    const stepId = addStep(server, { phaseId, title: '' });
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(server));
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    const validator = new IncomingUpdateValidator(server);
    const typed = (doc: Y.Doc, length: number) => {
      const before = Y.encodeStateVector(doc);
      updateRecord(doc, stepId, { description: 'x'.repeat(length) });
      return Y.encodeStateAsUpdate(doc, before);
    };
    const first = typed(editor, MAX_TEXT_LENGTH - 10);
    expect(validator.check(first)).toMatchObject({ accepted: true });
    Y.applyUpdate(server, first);
    expect(validator.check(typed(other, MAX_TEXT_LENGTH - 10))).toMatchObject({ accepted: true });

    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(attacker);
    (recordsOf(attacker).get(stepId)!.get('description') as Y.Text).insert(0, 'y'.repeat(2 * MAX_TEXT_LENGTH));
    expect(validator.check(Y.encodeStateAsUpdate(attacker, before))).toMatchObject({ accepted: false });
  });
});

describe('IncomingUpdateValidator and the root-level texts of derived records', () => {
  function withCell() {
    const parts = serverAndEditor();
    const journey = journeyFromDoc(parts.server);
    const stepId = addStep(parts.server, { phaseId: parts.phaseId, title: 'Een' });
    Y.applyUpdate(parts.editor, Y.encodeStateAsUpdate(parts.server));
    const laneId = journey.lanes[0]!.id as LaneId;
    return { ...parts, laneId, stepId, id: cellId(laneId, stepId) };
  }

  it('accepts typing into a new cell, whose text is a root of its own', () => {
    const { server, updateOf, laneId, stepId } = withCell();
    const validator = new IncomingUpdateValidator(server);
    expect(validator.check(updateOf((doc) => setCellText(doc, laneId, stepId, 'Belt de klantenservice')))).toMatchObject({ accepted: true, changed: true });
    expect(validator.check(updateOf((doc) => setCellText(doc, laneId, stepId, 'Belt twee keer de klantenservice')))).toMatchObject({ accepted: true, changed: true });
  });

  it.each<[string, (doc: Y.Doc, id: string) => void, string]>([
    ['a root-level type that is no derived text', (doc) => doc.getText('notes').insert(0, 'x'), 'outside the journey records'],
    ['a root text named after a record type without derived ids', (doc) => doc.getText('step:abc#title').insert(0, 'x'), 'outside the journey records'],
    ['a cell text with formatting', (doc, id) => doc.getText(`${id}#text`).insert(0, 'x', { bold: true }), 'plain text'],
    ['a cell text with an embedded object', (doc, id) => doc.getText(`${id}#text`).insertEmbed(0, { image: 'x' }), 'plain text'],
    ['a cell text with map entries', (doc, id) => doc.getMap(`${id}#text`).set('evil', 1), 'no keys'],
    ['a cell text far over the limit', (doc, id) => doc.getText(`${id}#text`).insert(0, 'x'.repeat(2 * MAX_TEXT_LENGTH + 1)), 'longer than'],
  ])('refuses %s', (_name, edit, reason) => {
    const { server, updateOf, id } = withCell();
    const validator = new IncomingUpdateValidator(server);
    expect(validator.check(updateOf((doc) => edit(doc, id)))).toMatchObject({ accepted: false, reason: expect.stringContaining(reason) });
  });

  it('refuses a cell whose text is in its map, as an editor before protocol 5 writes it', () => {
    const { server, updateOf, laneId, stepId, id } = withCell();
    const validator = new IncomingUpdateValidator(server);
    const old = updateOf((doc) => recordsOf(doc).set(id, new Y.Map<unknown>([['id', id], ['laneId', laneId], ['stepId', stepId], ['text', new Y.Text('x')]])));
    expect(validator.check(old)).toMatchObject({ accepted: false, reason: expect.stringContaining('root-level text') });
  });
});

describe('IncomingUpdateValidator and the parts of an update Yjs holds back', () => {
  const editorAccount = { userId: 'editor-account', name: 'Eva', moderates: true };
  const commenterAccount = { userId: 'commenter-account', name: 'Carl', moderates: false };
  /** A commenter may touch nothing but comments. */
  const commenterMay = (id: string) => id.startsWith('comment:');

  /** The server, an editor's document and a commenter's, each with its own client id. */
  function threeDocs() {
    const { server, phaseId } = serverAndEditor();
    const stepId = addStep(server, { phaseId, title: 'Betalen' });
    const copy = (clientId: number) => {
      const doc = new Y.Doc();
      doc.clientID = clientId;
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
      return doc;
    };
    return { server, stepId, editor: copy(111), commenter: copy(222) };
  }

  /** The editor's next edit, and an update of the commenter that builds on it before the server has it. */
  function commenterAheadOfEditor() {
    const docs = threeDocs();
    const { editor, commenter, stepId } = docs;
    const before = Y.encodeStateVector(editor);
    updateRecord(editor, stepId, { description: 'De klant betaalt' });
    const editorsEdit = Y.encodeStateAsUpdate(editor, before);
    // The commenter guessed the editor's next change (client ids are in everyone's presence)
    // and writes on top of it what its role may not: text in the step.
    Y.applyUpdate(commenter, editorsEdit);
    const commenterBefore = Y.encodeStateVector(commenter);
    const description = recordsOf(commenter).get(stepId)!.get('description') as Y.Text;
    description.insert(description.length, ', en de commentator schreef hier');
    const forged = Y.encodeStateAsUpdate(commenter, commenterBefore);
    return { ...docs, editorsEdit, forged };
  }

  it('refuses an update that waits for another person\'s next change, which would let it in under their role', () => {
    const { server, editorsEdit, forged, stepId } = commenterAheadOfEditor();
    const validator = new IncomingUpdateValidator(server);
    expect(validator.check(forged, commenterMay, commenterAccount)).toMatchObject({ accepted: false, early: true });
    const accepted = validator.check(editorsEdit, undefined, editorAccount);
    expect(accepted).toMatchObject({ accepted: true, changed: true });
    Y.applyUpdate(server, editorsEdit);
    expect(journeyFromDoc(server).steps.find((step) => step.id === stepId)).toMatchObject({ description: 'De klant betaalt' });
  });

  it('refuses deleting another person\'s change before the server has it', () => {
    const { server, editor, commenter, stepId } = threeDocs();
    const before = Y.encodeStateVector(editor);
    updateRecord(editor, stepId, { description: 'De klant betaalt' });
    const editorsEdit = Y.encodeStateAsUpdate(editor, before);
    Y.applyUpdate(commenter, editorsEdit);
    const commenterBefore = Y.encodeStateVector(commenter);
    (recordsOf(commenter).get(stepId)!.get('description') as Y.Text).delete(0, 3);
    const deletion = Y.encodeStateAsUpdate(commenter, commenterBefore);
    const validator = new IncomingUpdateValidator(server);
    expect(validator.check(deletion, commenterMay, commenterAccount)).toMatchObject({ accepted: false, early: true });
  });

  it('refuses writing under a client id another account writes under', () => {
    const { server, editor, commenter, stepId } = threeDocs();
    const validator = new IncomingUpdateValidator(server);
    const before = Y.encodeStateVector(editor);
    updateRecord(editor, stepId, { description: 'Eerst' });
    const first = Y.encodeStateAsUpdate(editor, before);
    // The first update under a client id claims it (the caller stores the claim).
    expect(validator.check(first, undefined, editorAccount)).toEqual({ accepted: true, changed: true, claimed: [editor.clientID] });
    Y.applyUpdate(server, first);
    validator.mirror(first);
    // The commenter takes the editor's client id for its comment: the editor's next change,
    // under the same id and clock, would then be taken for one the server already has.
    Y.applyUpdate(commenter, first);
    commenter.clientID = editor.clientID;
    const commenterBefore = Y.encodeStateVector(commenter);
    recordsOf(commenter).set('comment:x1', new Y.Map<unknown>([['id', 'comment:x1']]));
    expect(validator.check(Y.encodeStateAsUpdate(commenter, commenterBefore), commenterMay, commenterAccount)).toMatchObject({ accepted: false, forbidden: true });
  });

  it('refuses it also when the claim was made before the document was loaded (stored claims)', () => {
    const { server, editor, commenter, stepId } = threeDocs();
    const before = Y.encodeStateVector(editor);
    updateRecord(editor, stepId, { description: 'Eerst' });
    const first = Y.encodeStateAsUpdate(editor, before);
    Y.applyUpdate(server, first);
    // A new load: the validator knows the claim only from what was stored.
    const validator = new IncomingUpdateValidator(server, new Map([[editor.clientID, editorAccount.userId]]));
    Y.applyUpdate(commenter, first);
    commenter.clientID = editor.clientID;
    const commenterBefore = Y.encodeStateVector(commenter);
    recordsOf(commenter).set('comment:x1', new Y.Map<unknown>([['id', 'comment:x1']]));
    expect(validator.check(Y.encodeStateAsUpdate(commenter, commenterBefore), commenterMay, commenterAccount)).toMatchObject({ accepted: false, forbidden: true });
    // The editor goes on under it, claiming nothing new.
    const next = Y.encodeStateVector(editor);
    updateRecord(editor, stepId, { description: 'Daarna' });
    expect(validator.check(Y.encodeStateAsUpdate(editor, next), undefined, editorAccount)).toEqual({ accepted: true, changed: true, claimed: [] });
  });

  /** Checks an update and, when accepted, applies it as the server does. */
  const accepting = (server: Y.Doc, validator: IncomingUpdateValidator) => (update: Uint8Array, may?: (id: string) => boolean, who?: typeof editorAccount) => {
    const verdict = validator.check(update, may, who);
    if (verdict.accepted) {
      Y.applyUpdate(server, update);
      validator.mirror(update);
    }
    return verdict;
  };

  it('refuses a part that waits on the sender\'s own gap and on another person\'s next change (the gap filled later would leave it waiting on the other alone)', () => {
    const { server, editor, commenter, stepId } = threeDocs();
    const validator = new IncomingUpdateValidator(server);
    const accept = accepting(server, validator);
    const editorBefore = Y.encodeStateVector(editor);
    updateRecord(editor, stepId, { description: 'De klant betaalt' });
    const editorsEdit = Y.encodeStateAsUpdate(editor, editorBefore);
    Y.applyUpdate(commenter, editorsEdit);
    const start = Y.encodeStateVector(commenter);
    addComment(commenter, { targetId: stepId, author: commenterAccount.name, authorId: commenterAccount.userId, text: 'hallo' });
    const gapFiller = Y.encodeStateAsUpdate(commenter, start); // an honest comment, held back at first
    const afterComment = Y.encodeStateVector(commenter);
    const description = recordsOf(commenter).get(stepId)!.get('description') as Y.Text;
    description.insert(description.length, ', en de commentator schreef hier');
    const slipped = Y.encodeStateAsUpdate(commenter, afterComment); // waits on its own comment and on the editor's change
    // What is held back is checked whole: its wait on the editor shows at once, not only
    // once the commenter's own gap is filled (when it would be no update's own part).
    expect(accept(slipped, commenterMay, commenterAccount)).toMatchObject({ accepted: false, early: true });
    expect(accept(gapFiller, commenterMay, commenterAccount)).toMatchObject({ accepted: true });
    expect(accept(editorsEdit, undefined, editorAccount)).toMatchObject({ accepted: true });
    expect(journeyFromDoc(server).steps.find((step) => step.id === stepId)!.description).toBe('De klant betaalt');
  });

  it('lets another editor sync while a part of someone else is held back: what a sync repeats is not written by it', () => {
    const { server, editor, commenter, stepId } = threeDocs();
    const validator = new IncomingUpdateValidator(server);
    const accept = accepting(server, validator);
    const start = Y.encodeStateVector(commenter);
    addComment(commenter, { targetId: stepId, author: commenterAccount.name, authorId: commenterAccount.userId, text: 'een' });
    const first = Y.encodeStateAsUpdate(commenter, start);
    addComment(commenter, { targetId: stepId, author: commenterAccount.name, authorId: commenterAccount.userId, text: 'twee' });
    const beforeThird = Y.encodeStateVector(commenter);
    addComment(commenter, { targetId: stepId, author: commenterAccount.name, authorId: commenterAccount.userId, text: 'drie' });
    const third = Y.encodeStateAsUpdate(commenter, beforeThird); // waits for the second, withheld
    expect(accept(first, commenterMay, commenterAccount)).toMatchObject({ accepted: true });
    expect(accept(third, commenterMay, commenterAccount)).toMatchObject({ accepted: true });
    // The editor had both broadcast; its sync answer repeats the held-back part with its own edit.
    Y.applyUpdate(editor, first);
    Y.applyUpdate(editor, third);
    updateRecord(editor, stepId, { description: 'Eva schreef' });
    expect(accept(Y.encodeStateAsUpdate(editor, Y.encodeStateVector(server)), undefined, editorAccount)).toMatchObject({ accepted: true });
    expect(journeyFromDoc(server).steps.find((step) => step.id === stepId)!.description).toBe('Eva schreef');
  });

  it('lets an editor back online send its newest edit before the offline ones it builds on', () => {
    const { server, editor, stepId } = threeDocs();
    const validator = new IncomingUpdateValidator(server);
    const edits = ['Een', 'Twee', 'Drie'].map((title) => {
      const before = Y.encodeStateVector(editor);
      updateRecord(editor, stepId, { title });
      return Y.encodeStateAsUpdate(editor, before);
    });
    expect(validator.check(edits[2]!, undefined, editorAccount)).toMatchObject({ accepted: true, changed: true });
    expect(validator.check(edits[1]!, undefined, editorAccount)).toMatchObject({ accepted: true, changed: true });
    expect(validator.check(edits[0]!, undefined, editorAccount)).toMatchObject({ accepted: true, changed: true });
  });

  it('lets it do so also where the document was loaded after its last edit arrived (a restart, a takeover)', () => {
    const { server, editor, stepId } = threeDocs();
    const edits = ['Een', 'Twee', 'Drie'].map((title) => {
      const before = Y.encodeStateVector(editor);
      updateRecord(editor, stepId, { title });
      return Y.encodeStateAsUpdate(editor, before);
    });
    Y.applyUpdate(server, edits[0]!);
    const validator = new IncomingUpdateValidator(server);
    expect(validator.check(edits[2]!, undefined, editorAccount)).toMatchObject({ accepted: true, changed: true });
    expect(validator.check(edits[1]!, undefined, editorAccount)).toMatchObject({ accepted: true, changed: true });
  });
});
