import * as Y from 'yjs';
import type { JourneyStore, StoredDocument } from '@klantreis/db';
import { journeyFromDoc } from '@klantreis/sync';

/**
 * Applies a journey's stored state and update rows to `doc` in one transaction, and checks
 * that the result is a journey. Throws when the bytes cannot be read or hold no journey.
 */
export function applyStoredDocument(doc: Y.Doc, stored: StoredDocument, origin?: unknown): void {
  doc.transact(() => {
    if (stored.state) Y.applyUpdate(doc, stored.state);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  }, origin);
  journeyFromDoc(doc);
}

export type UpdateMerge = (updates: readonly Uint8Array[]) => Uint8Array | Promise<Uint8Array>;

/**
 * Merges the stored rows (not a live document, which may hold updates not yet written) into
 * one state, so a compaction can never drop an update. Rows stored meanwhile come after
 * `lastSeq` and stay. Returns the number of rows merged.
 */
export async function compactStoredUpdates(store: JourneyStore, journeyId: string, merge: UpdateMerge = (updates) => Y.mergeUpdates([...updates])): Promise<number> {
  const stored = await store.loadDocument(journeyId);
  if (!stored || stored.updates.length === 0) return 0;
  const merged = await merge(stored.state ? [stored.state, ...stored.updates] : stored.updates);
  await store.compact(journeyId, merged, stored.lastSeq);
  return stored.updates.length;
}
