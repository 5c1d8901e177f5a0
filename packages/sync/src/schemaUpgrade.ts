import * as Y from 'yjs';
import { CURRENT_SCHEMA_VERSION, emptyLists, isRecord, LIST_NAMES, migrateToCurrent, RECORD_DEFINITIONS, recordTypeOf } from '@klantreis/schema';
import { derivedTextOf, hasDerivedTexts, recordFields } from './derivedTexts.ts';
import { recordsOf, schemaVersionOf } from './documentShape.ts';
import { replaceRecords } from './journeyReplacement.ts';
import { replaceText } from './textDiff.ts';

/** The id of the change of document layout that moved derived records' texts to the root. */
export const DERIVED_TEXTS_LAYOUT = 'klantreis.document/derived-texts';

/**
 * Brings a stored document written by an older Klantreis up to the current schema version,
 * with the same migrations as a JSON import, so both paths can never disagree, and to the
 * current document layout. Returns the ids of the migrations applied; an empty list means it
 * was current already.
 */
export function upgradeDocSchema(doc: Y.Doc, origin?: unknown): string[] {
  // The layout first: the schema migration reads cells' texts where they are now kept.
  const applied = moveDerivedTextsToRoot(doc, origin) ? [DERIVED_TEXTS_LAYOUT] : [];
  const version = schemaVersionOf(doc) ?? 1;
  if (version === CURRENT_SCHEMA_VERSION) return applied;
  // Every list the current version knows starts empty; a migration that adds a list keeps it.
  const raw: Record<string, unknown> = { schemaVersion: version, ...emptyLists() };
  recordsOf(doc).forEach((map, id) => {
    const type = recordTypeOf(id);
    if (!type) return;
    if (type === 'journey') raw.journey = recordFields(doc, id, map);
    else (raw[RECORD_DEFINITIONS[type].list] as unknown[]).push(recordFields(doc, id, map));
  });
  const migrated = migrateToCurrent(raw);
  if (!migrated.ok) throw new Error(`cannot upgrade document: ${migrated.path}: ${migrated.message}`);
  const upgraded = [migrated.document.journey, ...LIST_NAMES.flatMap((list) => migrated.document[list] as unknown[])];
  const records = upgraded.filter((r): r is Record<string, unknown> & { id: string } => isRecord(r) && typeof r.id === 'string');
  replaceRecords(doc, records, CURRENT_SCHEMA_VERSION, origin);
  return [...applied, ...migrated.applied];
}

/**
 * Documents stored before protocol 5 kept a cell's text in the cell's map, where two
 * concurrent creations of the cell lost one text. Moves each such text to its root-level
 * Y.Text (derivedTexts.ts). Returns whether anything moved.
 */
function moveDerivedTextsToRoot(doc: Y.Doc, origin: unknown): boolean {
  const moves: { id: string; map: Y.Map<unknown>; field: string; text: string }[] = [];
  recordsOf(doc).forEach((map, id) => {
    if (!hasDerivedTexts(id)) return;
    for (const field of RECORD_DEFINITIONS[recordTypeOf(id)!].textFields) {
      const value = map.get(field);
      if (value instanceof Y.Text || typeof value === 'string') moves.push({ id, map, field, text: value.toString() });
    }
  });
  if (moves.length === 0) return false;
  doc.transact(() => {
    for (const { id, map, field, text } of moves) {
      replaceText(derivedTextOf(doc, id, field), text);
      map.delete(field);
    }
  }, origin);
  return true;
}
