import type * as Y from 'yjs';
import { CURRENT_SCHEMA_VERSION, isRecord, migrateToCurrent, recordTypeOf } from '@klantreis/schema';
import { metaOf, recordsOf, schemaVersionOf } from './documentShape.ts';
import { writeRecord } from './recordBinding.ts';

const LIST_OF_TYPE = { phase: 'phases', step: 'steps', lane: 'lanes', cell: 'cells', persona: 'personas', action: 'actions' } as const;

/**
 * Brings a stored document written by an older Klantreis up to the current schema version,
 * with the same migrations as a JSON import, so both paths can never disagree.
 * Returns the ids of the migrations applied; an empty list means it was current already.
 */
export function upgradeDocSchema(doc: Y.Doc, origin?: unknown): string[] {
  const version = schemaVersionOf(doc) ?? 1;
  if (version === CURRENT_SCHEMA_VERSION) return [];
  const raw: Record<string, unknown> = { schemaVersion: version, phases: [], steps: [], lanes: [], cells: [], personas: [], actions: [] };
  recordsOf(doc).forEach((map, id) => {
    const type = recordTypeOf(id);
    if (!type) return;
    if (type === 'journey') raw.journey = map.toJSON();
    else (raw[LIST_OF_TYPE[type]] as unknown[]).push(map.toJSON());
  });
  const migrated = migrateToCurrent(raw);
  if (!migrated.ok) throw new Error(`cannot upgrade document: ${migrated.path}: ${migrated.message}`);
  const records = recordsOf(doc);
  doc.transact(() => {
    const seen = new Set<string>();
    const upgraded = [migrated.document.journey, ...Object.values(LIST_OF_TYPE).flatMap((list) => migrated.document[list] as unknown[])];
    for (const record of upgraded) {
      if (!isRecord(record) || typeof record.id !== 'string') continue;
      seen.add(record.id);
      const map = records.get(record.id);
      if (map) for (const field of [...map.keys()]) if (!(field in record)) map.delete(field);
      writeRecord(doc, record as Record<string, unknown> & { id: string });
    }
    for (const id of [...records.keys()]) if (!seen.has(id)) records.delete(id);
    metaOf(doc).set('schemaVersion', CURRENT_SCHEMA_VERSION);
  }, origin);
  return migrated.applied;
}
