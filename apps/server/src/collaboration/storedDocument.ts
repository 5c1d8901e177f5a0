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

/**
 * Runs `change` with the document's update listeners set aside, so Yjs does not encode its
 * transaction as an update, and puts them back. For the load of a stored journey: the only
 * listener then is Hocuspocus's own, which encoded the whole document (0.1–0.4 s for a
 * 200 × 12 map, as Yjs finds each of its 2,400 root-level cell texts' names by walking them
 * all) to broadcast it, a turn later, to editors that were sent the document already.
 */
export function withoutUpdateListeners(doc: Y.Doc, change: () => void): void {
  const listeners = [...((doc._observers.get('update') as Set<(...args: unknown[]) => void> | undefined) ?? [])];
  for (const listener of listeners) doc.off('update', listener);
  try {
    change();
  } finally {
    for (const listener of listeners) doc.on('update', listener);
  }
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
