import type * as Y from 'yjs';
import { createLinkRecord, indexForPosition, linkId, type LinkId, type LinkRecord, type PhaseId } from '@klantreis/schema';
import { assertValidRecord, deleteRecord, patchRecord, readRecord, readRecords, writeRecord } from './recordBinding.ts';

// Linking a journey to a stage writes a link record into the experience map's Yjs document,
// so it is co-edited, undone and versioned like every other edit. The link's id is derived from
// stage and journey: two people who link the same journey to the same stage at once write one
// record; different links are different records and both stay.

export function linksOf(doc: Y.Doc): LinkRecord[] {
  return readRecords<LinkRecord>(doc, 'link:');
}

/** Links `journeyId` to the stage (after its other links), or changes the phase it opens at when linked already. */
export function linkJourney(doc: Y.Doc, fields: { phaseId: PhaseId; journeyId: string; targetPhaseId: PhaseId | null }, origin?: unknown): LinkId {
  const id = linkId(fields.phaseId, fields.journeyId);
  if (readRecord(doc, id)) {
    patchRecord(doc, id, { targetPhaseId: fields.targetPhaseId }, origin);
    return id;
  }
  const link = createLinkRecord({ ...fields, index: indexForPosition(linksOf(doc), Number.MAX_SAFE_INTEGER) });
  assertValidRecord('link', link);
  doc.transact(() => writeRecord(doc, link), origin);
  return id;
}

export function unlinkJourney(doc: Y.Doc, id: LinkId, origin?: unknown): void {
  doc.transact(() => deleteRecord(doc, id), origin);
}
