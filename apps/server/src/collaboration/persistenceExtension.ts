import type { Extension, onChangePayload, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { JourneyStore } from '@klantreis/db';
import { journeyFromDoc } from '@klantreis/sync';

/** Merge the update rows into the stored state once there are this many. */
const COMPACT_AFTER_UPDATES = 300;

export class DocumentLoadError extends Error {
  readonly reason: string;
  constructor(message: string, reason: string) {
    super(message);
    this.reason = reason;
  }
}

/**
 * Loads a journey's Yjs document from its stored state and updates, stores every update as
 * it arrives, and keeps the JSON snapshot (what the API reads) and the compaction going.
 * Hocuspocus's own debounced save lost every edit of the last seconds in a kill -9 test, so
 * the debounced hook here only refreshes derived data: the update rows are the truth.
 */
export class PersistenceExtension implements Extension {
  private readonly store: JourneyStore;
  private readonly updatesSinceCompaction = new Map<string, number>();

  constructor(store: JourneyStore) {
    this.store = store;
  }

  async onLoadDocument({ documentName }: onLoadDocumentPayload): Promise<Y.Doc> {
    const stored = await this.store.loadDocument(documentName);
    if (!stored) throw new DocumentLoadError(`no journey ${documentName}`, 'klantreis-journey-not-found');
    // A document that fails to load is refused: Hocuspocus would otherwise serve an empty one
    // and the first edit would be stored on top of nothing.
    const loaded = new Y.Doc();
    try {
      if (stored.state) Y.applyUpdate(loaded, stored.state);
      for (const update of stored.updates) Y.applyUpdate(loaded, update);
      journeyFromDoc(loaded);
    } catch (error) {
      throw new DocumentLoadError(`journey ${documentName} cannot be loaded: ${(error as Error).message}`, 'klantreis-load-failed');
    }
    this.updatesSinceCompaction.set(documentName, stored.updates.length);
    return loaded;
  }

  async onChange({ documentName, update }: onChangePayload): Promise<void> {
    await this.store.appendUpdate(documentName, update);
    this.updatesSinceCompaction.set(documentName, (this.updatesSinceCompaction.get(documentName) ?? 0) + 1);
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    await this.store.saveSnapshot(documentName, journeyFromDoc(document, { validate: true }));
    if ((this.updatesSinceCompaction.get(documentName) ?? 0) >= COMPACT_AFTER_UPDATES) await this.compact(documentName);
  }

  /**
   * Merges the stored rows (not the live document, which may hold updates not yet written)
   * into one state, so a compaction can never drop an update.
   */
  async compact(documentName: string): Promise<void> {
    const stored = await this.store.loadDocument(documentName);
    if (!stored || stored.updates.length === 0) return;
    const merged = Y.mergeUpdates(stored.state ? [stored.state, ...stored.updates] : stored.updates);
    await this.store.compact(documentName, merged, stored.lastSeq);
    this.updatesSinceCompaction.set(documentName, 0);
  }

  async afterUnloadDocument({ documentName }: { documentName: string }): Promise<void> {
    this.updatesSinceCompaction.delete(documentName);
  }
}
