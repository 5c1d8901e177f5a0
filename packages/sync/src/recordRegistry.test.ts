// The record-type registry (packages/schema, recordTypes.ts) is the one list of record types;
// these checks fail when a part of the document model goes its own way again.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  LIST_NAMES,
  LIST_RECORD_TYPES,
  RECORD_DEFINITIONS,
  createActionRecord,
  createBlankJourney,
  createCaptureRecord,
  createCommentRecord,
  createIndicatorRecord,
  createLinkRecord,
  createPersonaRecord,
  createStepRecord,
  journeyDocumentSchema,
  validateJourneyDocument,
  voteId,
  cellId,
  type JourneyDocument,
} from '@klantreis/schema';
import { journeyFromDoc, writeJourneyToDoc } from './journeyBinding.ts';
import { deleteRecord } from './recordBinding.ts';

/** A journey with one record of every type, all references resolving. */
function journeyWithEveryType(): JourneyDocument {
  const journey = createBlankJourney('Elk soort record');
  const phase = journey.phases[0]!;
  const lane = journey.lanes[0]!;
  const step = createStepRecord({ phaseId: phase.id, index: 'a0', title: 'Aanvragen' });
  const persona = createPersonaRecord({ name: 'Sanne' });
  const thread = createCommentRecord({ targetId: step.id, stepId: step.id, author: 'Ann', text: 'Waarom?' });
  return {
    ...journey,
    journey: { ...journey.journey, personaIds: [persona.id] },
    steps: [step],
    cells: [{ id: cellId(lane.id, step.id), laneId: lane.id, stepId: step.id, text: 'Vult formulier in' }],
    personas: [persona],
    actions: [createActionRecord({ index: 'a0', title: 'Korter formulier', stepIds: [step.id], impact: 4, effort: 2 })],
    indicators: [createIndicatorRecord({ index: 'a0', stepId: step.id })],
    comments: [thread, createCommentRecord({ targetId: step.id, stepId: step.id, author: 'Bob', text: 'Daarom', parentId: thread.id, createdAt: thread.createdAt + 1 })],
    captures: [createCaptureRecord({ kind: 'step', text: 'Bellen', author: 'Ann' })],
    votes: [{ id: voteId('ann', lane.id, step.id), voterKey: 'ann', voter: 'Ann', laneId: lane.id, stepId: step.id, dots: 2 }],
    links: [createLinkRecord({ phaseId: phase.id, journeyId: 'hypotheek-aanvragen', index: 'a0' })],
  };
}

describe('the record-type registry', () => {
  it('gives every list record type one list, in the document schema and in a blank journey', () => {
    expect(LIST_RECORD_TYPES).toHaveLength(Object.keys(RECORD_DEFINITIONS).length - 1);
    expect(new Set(LIST_NAMES).size).toBe(LIST_NAMES.length);
    expect(Object.keys(journeyDocumentSchema.shape).sort()).toEqual(['journey', 'schemaVersion', ...LIST_NAMES].sort());
    expect(Object.keys(createBlankJourney('Leeg')).sort()).toEqual(['journey', 'schemaVersion', ...LIST_NAMES].sort());
  });

  it('writes and reads back a record of every type through the Yjs document', () => {
    const journey = journeyWithEveryType();
    expect(validateJourneyDocument(journey)).toEqual({ ok: true, document: journey });
    for (const list of LIST_NAMES) expect(journey[list].length, list).toBeGreaterThan(0);
    const doc = new Y.Doc();
    writeJourneyToDoc(doc, journey);
    expect(journeyFromDoc(doc, { validate: true })).toEqual(journey);
  });

  it('applies each orphan rule when the record referred to is deleted', () => {
    const journey = journeyWithEveryType();
    const doc = new Y.Doc();
    writeJourneyToDoc(doc, journey);
    deleteRecord(doc, journey.steps[0]!.id);
    deleteRecord(doc, journey.personas[0]!.id);
    const read = journeyFromDoc(doc);
    expect(read.cells).toEqual([]); // drop
    expect(read.votes).toEqual([]); // drop
    expect(read.comments).toEqual([]); // drop, and the reply with its thread
    expect(read.actions[0]!.stepIds).toEqual([]); // prune
    expect(read.indicators[0]!.stepId).toBeNull(); // clear
    expect(read.journey.personaIds).toEqual([]); // prune
    expect(read.links).toHaveLength(1);
    expect(validateJourneyDocument(read).ok).toBe(true);

    deleteRecord(doc, journey.phases[0]!.id);
    expect(journeyFromDoc(doc).links).toEqual([]); // a stage's links go with the stage
  });

  it('refuses an import whose derived id or reference does not hold, naming the field', () => {
    const journey = journeyWithEveryType();
    const link = journey.links[0]!;
    const broken = { ...journey, links: [{ ...link, id: 'link:other' as const }, { ...link, id: 'link:x~y' as const, phaseId: 'phase:gone' as const }] };
    const result = validateJourneyDocument(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual({ path: 'links[0].id', message: `must be ${link.id}, derived from its stage and journey` });
    expect(result.issues).toContainEqual({ path: 'links[1].phaseId', message: 'no phase with id phase:gone' });
  });
});
