import type * as Y from 'yjs';
import { LIST_NAMES, recordTypeOf, type JourneyDocument, type RecordType } from '@klantreis/schema';
import { metaOf, recordsOf } from './documentShape.ts';
import { deleteRecord, writeRecord } from './recordBinding.ts';

type FieldRecord = Record<string, unknown> & { id: string };

/**
 * Makes the live document hold exactly the given records, as forward changes in one
 * transaction: records that are not in the list are deleted, the others are written field by
 * field (text by diff). Collaborators see a restore as ordinary edits, and undo still works.
 */
export function replaceRecords(
  doc: Y.Doc,
  records: readonly FieldRecord[],
  schemaVersion: number,
  origin?: unknown,
  /** Live records of these types stay as they are, whatever the list holds. */
  untouchedTypes: ReadonlySet<RecordType> = new Set(),
): void {
  const map = recordsOf(doc);
  const untouched = (id: string) => untouchedTypes.has(recordTypeOf(id)!);
  doc.transact(() => {
    const keep = new Set(records.map((r) => r.id));
    for (const id of [...map.keys()]) if (!keep.has(id) && !untouched(id)) deleteRecord(doc, id);
    for (const record of records) {
      if (untouched(record.id)) continue;
      const existing = map.get(record.id);
      if (existing) for (const field of [...existing.keys()]) if (!(field in record)) existing.delete(field);
      writeRecord(doc, record);
    }
    metaOf(doc).set('schemaVersion', schemaVersion);
  }, origin);
}

/** Every record of a journey in the open format, the journey record first. */
export function recordsOfJourney(journey: JourneyDocument): FieldRecord[] {
  return [journey.journey as FieldRecord, ...LIST_NAMES.flatMap((list) => journey[list] as FieldRecord[])];
}

/**
 * What the workshop said about the map (comments, the capture inbox, dot votes) is not part of
 * a version's design: restoring an older map must not delete the discussion held since.
 */
export const KEPT_ON_RESTORE: ReadonlySet<RecordType> = new Set(['comment', 'capture', 'vote']);

/** Restores a journey (a version) as the new current state of the live document. */
export function replaceJourneyContent(doc: Y.Doc, journey: JourneyDocument, origin?: unknown): void {
  replaceRecords(doc, recordsOfJourney(journey), journey.schemaVersion, origin, KEPT_ON_RESTORE);
}
