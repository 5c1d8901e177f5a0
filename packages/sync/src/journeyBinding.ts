import * as Y from 'yjs';
import {
  CURRENT_SCHEMA_VERSION,
  JOURNEY_RECORD_ID,
  LIST_RECORD_TYPES,
  RECORD_DEFINITIONS,
  recordDefinition,
  recordTypeOf,
  sortByIndex,
  type CommentRecord,
  type JourneyDocument,
  type JourneyRecord,
  type ListOrder,
  type ListRecordType,
  type RecordType,
} from '@klantreis/schema';
import { recordFields } from './derivedTexts.ts';
import { metaOf, recordsOf } from './documentShape.ts';
import { writeRecord } from './recordBinding.ts';

/** Fills an empty Yjs document from a journey in the open JSON format, in one transaction. */
export function writeJourneyToDoc(doc: Y.Doc, journey: JourneyDocument, origin?: unknown): void {
  doc.transact(() => {
    metaOf(doc).set('schemaVersion', journey.schemaVersion);
    writeRecord(doc, journey.journey);
    for (const type of LIST_RECORD_TYPES) {
      for (const record of journey[RECORD_DEFINITIONS[type].list]) writeRecord(doc, record);
    }
  }, origin);
}

export function journeyToUpdate(journey: JourneyDocument): Uint8Array {
  const doc = new Y.Doc();
  writeJourneyToDoc(doc, journey);
  return Y.encodeStateAsUpdate(doc);
}

export interface ReadOptions {
  /**
   * Validate each record and leave out the ones that fail. The server does this for every
   * snapshot it stores or serves; the editor skips it because it renders every keystroke.
   */
  validate?: boolean;
}

type AnyRecord = Record<string, unknown> & { id: string };

function byCreation(a: { createdAt: number; id: string }, b: { createdAt: number; id: string }): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortList(records: AnyRecord[], order: ListOrder): AnyRecord[] {
  switch (order) {
    case 'index':
      return sortByIndex(records as (AnyRecord & { index: string })[]);
    case 'created':
      return records.sort((a, b) => byCreation(a as never, b as never));
    case 'name':
      return records.sort((a, b) => byText(a.name as string, b.name as string));
    case 'id':
      return records.sort((a, b) => byText(a.id, b.id));
  }
}

/**
 * Comments without replies whose thread was deleted (the registry already left out those
 * whose step is gone).
 */
function liveComments(comments: CommentRecord[]): CommentRecord[] {
  const threads = new Set<string>(comments.filter((c) => c.parentId === null).map((c) => c.id));
  return comments.filter((c) => c.parentId === null || threads.has(c.parentId));
}

/**
 * Applies the registry's orphan rules to one record: undefined when it must be left out, the
 * record with dangling references cleared or pruned, or the record itself when all resolve.
 */
function withoutOrphans(record: AnyRecord, type: RecordType, live: ReadonlyMap<RecordType, ReadonlySet<string>>): AnyRecord | undefined {
  let out = record;
  for (const reference of recordDefinition(type).references) {
    const targets = live.get(reference.type)!;
    const value = record[reference.field];
    if (reference.many) {
      const ids = value as string[];
      if (!ids.every((id) => targets.has(id))) out = { ...out, [reference.field]: ids.filter((id) => targets.has(id)) };
    } else if (value !== null && !targets.has(value as string)) {
      if (reference.onMissing === 'drop') return undefined;
      out = { ...out, [reference.field]: null };
    }
  }
  return out;
}

/** The order in which types are read: a type after the types it refers to, so orphans cascade (a cell of a step of a deleted phase). */
const READ_ORDER: readonly RecordType[] = (() => {
  const order: RecordType[] = [];
  const visit = (type: RecordType) => {
    if (order.includes(type)) return;
    for (const reference of recordDefinition(type).references) if (reference.type !== type) visit(reference.type);
    order.push(type);
  };
  for (const type of Object.keys(RECORD_DEFINITIONS) as RecordType[]) visit(type);
  return order;
})();

/**
 * Reads the document as the open JSON format, lists in display order. Records orphaned by
 * concurrent edits (a step added to a phase someone else deleted) are left out or lose the
 * reference, as the registry's orphan rules say, so the result always passes the same
 * validation as an import.
 */
export function journeyFromDoc(doc: Y.Doc, options: ReadOptions = {}): JourneyDocument {
  const byType = new Map<RecordType, AnyRecord[]>(READ_ORDER.map((type) => [type, []]));
  recordsOf(doc).forEach((map, id) => {
    const type = recordTypeOf(id);
    if (!type || !(map instanceof Y.Map)) return;
    const record = recordFields(doc, id, map) as AnyRecord;
    if (record.id !== id) return;
    if (options.validate && !RECORD_DEFINITIONS[type].schema.safeParse(record).success) return;
    byType.get(type)!.push(record);
  });
  const live = new Map<RecordType, Set<string>>();
  const kept = new Map<RecordType, AnyRecord[]>();
  for (const type of READ_ORDER) {
    const records = byType.get(type)!.flatMap((record) => withoutOrphans(record, type, live) ?? []);
    kept.set(type, records);
    live.set(type, new Set(records.map((r) => r.id)));
  }
  const journey = kept.get('journey')![0] as JourneyRecord | undefined;
  if (!journey) throw new Error(`the document has no ${JOURNEY_RECORD_ID} record`);
  const lists = Object.fromEntries(
    LIST_RECORD_TYPES.map((type: ListRecordType) => [RECORD_DEFINITIONS[type].list, sortList(kept.get(type)!, RECORD_DEFINITIONS[type].order)]),
  ) as Omit<JourneyDocument, 'schemaVersion' | 'journey'>;
  // Steps read by phase, then within the phase; cells by lane, then step.
  const phaseOrder = new Map<string, number>(lists.phases.map((p, i) => [p.id, i]));
  const steps = lists.steps.sort((a, b) => phaseOrder.get(a.phaseId)! - phaseOrder.get(b.phaseId)!);
  const laneOrder = new Map<string, number>(lists.lanes.map((l, i) => [l.id, i]));
  const stepOrder = new Map<string, number>(steps.map((s, i) => [s.id, i]));
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    journey,
    ...lists,
    steps,
    cells: lists.cells.sort((a, b) => laneOrder.get(a.laneId)! - laneOrder.get(b.laneId)! || stepOrder.get(a.stepId)! - stepOrder.get(b.stepId)!),
    comments: liveComments(lists.comments),
  };
}
