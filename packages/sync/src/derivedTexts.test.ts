import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cellId, createBlankJourney, type LaneId, type StepId } from '@klantreis/schema';
import { journeyFromDoc, journeyToUpdate } from './journeyBinding.ts';
import { addStep, setCellText } from './journeyMutations.ts';
import { deleteRecord, readRecord } from './recordBinding.ts';

// Issue 9.1: two people who start typing into the same empty cell at the same moment both
// create its record. When the record was a Y.Map holding a Y.Text, Y.Map's last-writer-wins
// on the key dropped one person's whole text.

function twoEditorsOfOneJourney() {
  const journey = createBlankJourney('Samen typen', 'nl');
  const base = new Y.Doc();
  Y.applyUpdate(base, journeyToUpdate(journey));
  const stepId = addStep(base, { phaseId: journey.phases[0]!.id, title: 'Aanvraag' });
  const laneId = journey.lanes[0]!.id;
  const anna = new Y.Doc();
  const bob = new Y.Doc();
  Y.applyUpdate(anna, Y.encodeStateAsUpdate(base));
  Y.applyUpdate(bob, Y.encodeStateAsUpdate(base));
  return { anna, bob, laneId, stepId };
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

/** Types `text` one character at a time at the end of what this editor sees, as a keyboard does. */
function typeCharacter(doc: Y.Doc, laneId: LaneId, stepId: StepId, character: string): void {
  const current = (readRecord(doc, cellId(laneId, stepId))?.text as string | undefined) ?? '';
  setCellText(doc, laneId, stepId, current + character);
}

function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (const character of haystack) if (at < needle.length && character === needle[at]) at++;
  return at === needle.length;
}

describe('concurrent creation of a record with a derived id', () => {
  it('keeps both texts when two editors create the same cell with text at once', () => {
    const { anna, bob, laneId, stepId } = twoEditorsOfOneJourney();
    setCellText(anna, laneId, stepId, 'Anna zegt ja.');
    setCellText(bob, laneId, stepId, 'Bob zegt nee.');
    sync(anna, bob);
    const text = readRecord(anna, cellId(laneId, stepId))!.text as string;
    expect(readRecord(bob, cellId(laneId, stepId))!.text).toBe(text);
    expect(text).toHaveLength('Anna zegt ja.'.length + 'Bob zegt nee.'.length);
    expect(isSubsequence('Anna zegt ja.', text)).toBe(true);
    expect(isSubsequence('Bob zegt nee.', text)).toBe(true);
  });

  it('keeps every character when both type letter by letter and see each other only now and then', () => {
    for (let round = 0; round < 20; round++) {
      const { anna, bob, laneId, stepId } = twoEditorsOfOneJourney();
      const annaText = 'Anna zegt ja.';
      const bobText = 'Bob zegt nee.';
      for (let i = 0; i < Math.max(annaText.length, bobText.length); i++) {
        if (i < annaText.length) typeCharacter(anna, laneId, stepId, annaText[i]!);
        if (i < bobText.length) typeCharacter(bob, laneId, stepId, bobText[i]!);
        // The first letters cross on the wire; later ones arrive in between now and then.
        if (i > round % 4 && (i + round) % 3 === 0) sync(anna, bob);
      }
      sync(anna, bob);
      const text = readRecord(anna, cellId(laneId, stepId))!.text as string;
      expect(journeyFromDoc(bob)).toEqual(journeyFromDoc(anna));
      expect(text).toHaveLength(annaText.length + bobText.length);
      expect(isSubsequence(annaText, text), text).toBe(true);
      expect(isSubsequence(bobText, text), text).toBe(true);
    }
  });
});

describe('a derived record whose text arrives before its map', () => {
  it('keeps that text when this editor creates the record meanwhile', () => {
    const { anna, bob, laneId, stepId } = twoEditorsOfOneJourney();
    const eva = new Y.Doc();
    Y.applyUpdate(eva, Y.encodeStateAsUpdate(anna));
    const id = cellId(laneId, stepId);
    // Bob makes the cell (empty); Anna gets it, deletes it, and writes it anew with a letter.
    setCellText(bob, laneId, stepId, '');
    Y.applyUpdate(anna, Y.encodeStateAsUpdate(bob));
    const updates: Uint8Array[] = [];
    anna.on('update', (update: Uint8Array) => updates.push(update));
    anna.transact(() => deleteRecord(anna, id));
    setCellText(anna, laneId, stepId, 'a');
    // Eva gets Anna's changes before Bob's: the letter (it builds on nothing) is there, the
    // map waits for Bob's, which it replaced. Eva sees an empty cell and types into it.
    for (const update of updates) Y.applyUpdate(eva, update);
    expect(readRecord(eva, id)).toBeUndefined();
    setCellText(eva, laneId, stepId, 'e');
    for (const doc of [anna, bob]) sync(doc, eva);
    sync(anna, bob);
    const text = readRecord(eva, id)!.text as string;
    expect([...text].sort().join('')).toBe('ae');
    expect(readRecord(anna, id)!.text).toBe(text);
  });
});

describe('documents stored before derived texts (protocol 4)', () => {
  it('moves a cell text from the cell map to its root-level text, once, and reads the same before and after', async () => {
    const { upgradeDocSchema, DERIVED_TEXTS_LAYOUT } = await import('./schemaUpgrade.ts');
    const { recordsOf } = await import('./documentShape.ts');
    const { anna: doc, laneId, stepId } = twoEditorsOfOneJourney();
    const id = cellId(laneId, stepId);
    // The protocol-4 layout, as a stored document has it: the text inside the cell's map.
    recordsOf(doc).set(id, new Y.Map<unknown>([['id', id], ['laneId', laneId], ['stepId', stepId], ['text', new Y.Text('Wacht op de monteur')]]));
    const before = journeyFromDoc(doc);
    expect(before.cells.find((c) => c.id === id)?.text).toBe('Wacht op de monteur');

    expect(upgradeDocSchema(doc)).toEqual([DERIVED_TEXTS_LAYOUT]);
    expect(recordsOf(doc).get(id)!.has('text')).toBe(false);
    expect(doc.getText(`${id}#text`).toString()).toBe('Wacht op de monteur');
    expect(journeyFromDoc(doc)).toEqual(before);
    expect(upgradeDocSchema(doc)).toEqual([]);
  });
});
