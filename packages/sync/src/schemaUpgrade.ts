import type * as Y from 'yjs';
import { CURRENT_SCHEMA_VERSION, isRecord, migrateToCurrent, recordTypeOf } from '@klantreis/schema';
import { recordsOf, schemaVersionOf } from './documentShape.ts';
import { replaceRecords } from './journeyReplacement.ts';

const LIST_OF_TYPE = {
  phase: 'phases',
  step: 'steps',
  lane: 'lanes',
  cell: 'cells',
  persona: 'personas',
  action: 'actions',
  indicator: 'indicators',
  comment: 'comments',
  capture: 'captures',
  vote: 'votes',
} as const;

/**
 * Brings a stored document written by an older Klantreis up to the current schema version,
 * with the same migrations as a JSON import, so both paths can never disagree.
 * Returns the ids of the migrations applied; an empty list means it was current already.
 */
export function upgradeDocSchema(doc: Y.Doc, origin?: unknown): string[] {
  const version = schemaVersionOf(doc) ?? 1;
  if (version === CURRENT_SCHEMA_VERSION) return [];
  const raw: Record<string, unknown> = { schemaVersion: version, phases: [], steps: [], lanes: [], cells: [], personas: [], actions: [], indicators: [], comments: [], captures: [], votes: [] };
  recordsOf(doc).forEach((map, id) => {
    const type = recordTypeOf(id);
    if (!type) return;
    if (type === 'journey') raw.journey = map.toJSON();
    else (raw[LIST_OF_TYPE[type]] as unknown[]).push(map.toJSON());
  });
  const migrated = migrateToCurrent(raw);
  if (!migrated.ok) throw new Error(`cannot upgrade document: ${migrated.path}: ${migrated.message}`);
  const upgraded = [migrated.document.journey, ...Object.values(LIST_OF_TYPE).flatMap((list) => migrated.document[list] as unknown[])];
  const records = upgraded.filter((r): r is Record<string, unknown> & { id: string } => isRecord(r) && typeof r.id === 'string');
  replaceRecords(doc, records, CURRENT_SCHEMA_VERSION, origin);
  return migrated.applied;
}
