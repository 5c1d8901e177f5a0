import * as Y from 'yjs';
import { RECORD_DEFINITIONS, formatPath, recordTypeOf, type RecordType } from '@klantreis/schema';
import { derivedTextOf, hasDerivedTexts, isDerivedTextField, recordFields } from './derivedTexts.ts';
import { recordsOf, type RecordMap } from './documentShape.ts';
import { replaceText } from './textDiff.ts';

type FieldValues = Record<string, unknown>;

export class RecordValidationError extends Error {
  readonly path: string;
  constructor(recordId: string, path: string, reason: string) {
    super(`${recordId}: ${path}: ${reason}`);
    this.name = 'RecordValidationError';
    this.path = path;
  }
}

function textFieldsOf(id: string): readonly string[] {
  const type = recordTypeOf(id);
  return type ? RECORD_DEFINITIONS[type].textFields : [];
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Checks a whole record against its type's validator; the error names the first bad field. */
export function assertValidRecord(type: RecordType, record: FieldValues): void {
  const parsed = RECORD_DEFINITIONS[type].schema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RecordValidationError(String(record.id), formatPath(issue.path), issue.message);
  }
}

function setField(doc: Y.Doc, id: string, map: RecordMap, field: string, value: unknown, isText: boolean): void {
  if (isText && typeof value === 'string') {
    if (isDerivedTextField(id, field)) {
      replaceText(derivedTextOf(doc, id, field), value);
      return;
    }
    const existing = map.get(field);
    if (existing instanceof Y.Text) {
      replaceText(existing, value);
    } else {
      map.set(field, new Y.Text(value));
    }
    return;
  }
  if (!sameValue(map.get(field), value)) map.set(field, value);
}

/** Writes a new record (or overwrites every field of an existing one). Call inside a transaction. */
export function writeRecord(doc: Y.Doc, record: FieldValues & { id: string }): void {
  const records = recordsOf(doc);
  const textFields = textFieldsOf(record.id);
  let map = records.get(record.id);
  if (!map) {
    map = new Y.Map<unknown>();
    for (const [field, value] of Object.entries(record)) {
      const isText = textFields.includes(field) && typeof value === 'string';
      if (isText && isDerivedTextField(record.id, field)) {
        // Text already there belongs to a creation of this record that has not fully arrived
        // here (its map waits for an update it builds on) or was typed while someone deleted
        // the record: someone's accepted letters, so they are kept (deleteRecord empties the
        // text, so nothing older lingers).
        const text = derivedTextOf(doc, record.id, field);
        if ((value as string).length > 0) text.insert(text.length, value as string);
      } else map.set(field, isText ? new Y.Text(value as string) : value);
    }
    records.set(record.id, map);
    return;
  }
  for (const [field, value] of Object.entries(record)) setField(doc, record.id, map, field, value, textFields.includes(field));
}

/**
 * Deletes a record; a derived record's root-level texts are emptied, as they stay when the
 * record's map goes. Call inside a transaction.
 */
export function deleteRecord(doc: Y.Doc, id: string): void {
  recordsOf(doc).delete(id);
  if (!hasDerivedTexts(id)) return;
  for (const field of textFieldsOf(id)) {
    const text = derivedTextOf(doc, id, field);
    if (text.length > 0) text.delete(0, text.length);
  }
}

export function readRecord(doc: Y.Doc, id: string): FieldValues | undefined {
  const map = recordsOf(doc).get(id);
  return map ? recordFields(doc, id, map) : undefined;
}

/** Every record whose id starts with `prefix` (`'step:'`), as plain values, in no particular order. */
export function readRecords<T>(doc: Y.Doc, prefix: string): T[] {
  const out: T[] = [];
  recordsOf(doc).forEach((map, id) => {
    if (id.startsWith(prefix)) out.push(recordFields(doc, id, map) as T);
  });
  return out;
}

/**
 * Changes some fields of a record after validating the result, so an out-of-range score or an
 * oversized cell never enters the document. Only fields whose value differs are written.
 */
export function patchRecord(doc: Y.Doc, id: string, patch: FieldValues, origin?: unknown): void {
  const type = recordTypeOf(id);
  const map = recordsOf(doc).get(id);
  if (!type || !map) throw new RecordValidationError(id, 'id', 'no such record');
  const next = { ...recordFields(doc, id, map), ...patch, id };
  assertValidRecord(type, next);
  const textFields = textFieldsOf(id);
  doc.transact(() => {
    for (const [field, value] of Object.entries(patch)) {
      if (field !== 'id') setField(doc, id, map, field, value, textFields.includes(field));
    }
  }, origin);
}
