import * as Y from 'yjs';

// A journey's Yjs document: one map `records` (typed id → record) and one map `meta`.
// Each record is itself a Y.Map of fields, so two people editing different fields of the
// same step both keep their edit; long text fields are Y.Text so typing merges by character.
export type RecordMap = Y.Map<unknown>;

export function recordsOf(doc: Y.Doc): Y.Map<RecordMap> {
  return doc.getMap<RecordMap>('records');
}

export function metaOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

export function schemaVersionOf(doc: Y.Doc): number | undefined {
  const version = metaOf(doc).get('schemaVersion');
  return typeof version === 'number' ? version : undefined;
}
