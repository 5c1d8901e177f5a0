import {
  isTransactionOrigin,
  type beforeHandleMessagePayload,
  type Document,
  type Extension,
  type onLoadDocumentPayload,
  type onStoreDocumentPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { isDatabaseUnavailable, LeaseLostError, type JourneyStore } from '@klantreis/db';
import { CLOSE_CODES, journeyFromDoc, upgradeDocSchema } from '@klantreis/sync';
import type { CollabContext } from './accessExtension.ts';
import { OwnedElsewhereError, type DocumentOwnership } from '../cluster/documentOwnership.ts';
import { IncomingUpdateValidator } from './incomingUpdateValidator.ts';
import { RefusalError } from './refusals.ts';
import { applyStoredDocument, compactStoredUpdates, withoutUpdateListeners } from './storedDocument.ts';
import { documentUpdateOf } from './syncMessage.ts';
import { UpdateMerger } from './updateMerger.ts';
import { UpdateWriter } from './updateWriter.ts';

/** Merge the update rows into the stored state once there are this many. */
const COMPACT_AFTER_UPDATES = 300;

export class DocumentLoadError extends Error {
  readonly reason: string;
  constructor(message: string, reason: string) {
    super(message);
    this.reason = reason;
  }
}

/** A Yjs update that changes nothing: no structs, no deletions. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

/**
 * Loads a journey's Yjs document from its stored state and update rows, and stores every
 * change as a row before anyone can see it:
 *
 * - an update from an editor is checked against the schema and committed in
 *   `beforeHandleMessage`, before Hocuspocus applies it, so before it is acknowledged to the
 *   sender or broadcast to the others; a kill -9 at any moment loses nothing anyone has seen;
 * - a REST write is made on a draft of the document (JourneyDocuments.edit) and its update
 *   committed by `storeThenApply` before it is applied to the live document: a store that
 *   fails changes nothing and the request fails, on SQLite and PostgreSQL alike;
 * - a migration at load (a document stored by an older Klantreis) is committed before the load
 *   completes, so before anyone has the document (`storeMigration`).
 *
 * Hocuspocus's own debounced save lost every edit of the last seconds in a kill -9 test, so
 * the debounced `onStoreDocument` only refreshes derived data, the JSON snapshot; the rows
 * are merged as they accumulate (`compact`). The update rows are the truth.
 */
export class PersistenceExtension implements Extension {
  private readonly store: JourneyStore;
  private readonly writer: UpdateWriter;
  private readonly merger = new UpdateMerger();
  private readonly validators = new WeakMap<Y.Doc, IncomingUpdateValidator>();
  private readonly updatesSinceCompaction = new Map<string, number>();
  /** The origins of changes `storeThenApply` has stored already: the update listener skips them. */
  private readonly storedOrigins = new WeakSet<object>();
  /** The compaction running per document; it never rejects (failures are logged). */
  private readonly compactions = new Map<string, Promise<void>>();

  /** With several processes: this process's leases, which every write is fenced by. */
  private readonly ownership: DocumentOwnership | undefined;

  constructor(store: JourneyStore, ownership?: DocumentOwnership) {
    this.store = store;
    this.ownership = ownership;
    this.writer = new UpdateWriter(store, ownership ? (rows) => ownership.appendFenced(rows) : undefined);
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    try {
      await this.loadOwned(documentName, document);
    } catch (error) {
      // A database that does not answer now (restarting) is not a damaged journey: the editor
      // is told to try again, as after a failed store.
      if (isDatabaseUnavailable(error)) throw new DocumentLoadError(`journey ${documentName} cannot be loaded now: the database does not answer`, CLOSE_CODES.storeFailed.reason);
      throw error;
    }
  }

  private async loadOwned(documentName: string, document: Document): Promise<void> {
    // A document unloaded a moment ago may still have rows on their way to PostgreSQL.
    await this.writer.drain();
    let tookOver = false;
    if (this.ownership && !this.ownership.holds(documentName)) {
      // Taken before the load, so the rows loaded below are every row a former owner stored.
      try {
        tookOver = (await this.ownership.claim(documentName)).tookOver;
      } catch (error) {
        if (error instanceof OwnedElsewhereError) throw new DocumentLoadError(error.message, CLOSE_CODES.ownerMoved.reason);
        throw error;
      }
    }
    try {
      await this.load(documentName, document);
    } catch (error) {
      await this.ownership?.release(documentName);
      throw error;
    }
    // The former owner died or was cut off before its last snapshot: the list and the
    // portfolio read the snapshot, so it is brought up to the rows now.
    if (tookOver) await this.store.saveSnapshot(documentName, journeyFromDoc(document, { validate: true }));
  }

  private async load(documentName: string, document: Document): Promise<void> {
    const stored = await this.store.loadDocument(documentName);
    if (!stored) throw new DocumentLoadError(`no journey ${documentName}`, CLOSE_CODES.journeyNotFound.reason);
    // A document that fails to load is refused: Hocuspocus would otherwise serve an empty one
    // and the first edit would be stored on top of nothing. Nothing is written while loading.
    try {
      withoutUpdateListeners(document, () => applyStoredDocument(document, stored));
    } catch (error) {
      throw new DocumentLoadError(`journey ${documentName} cannot be loaded: ${(error as Error).message}`, CLOSE_CODES.loadFailed.reason);
    }
    await this.storeMigration(document, documentName);
    this.updatesSinceCompaction.set(documentName, stored.updates.length);
    this.validators.set(document, new IncomingUpdateValidator(document, await this.store.clientClaims(documentName)));
    // Registered after the load, so the stored state is not written back as a new row.
    document.on('update', (update: Uint8Array, origin: unknown) => this.afterChange(document, update, origin));
  }

  /**
   * Migrates a document stored by an older Klantreis, and stores the migration before anyone
   * has the document: a migration that cannot be stored refuses the load, as on both backends
   * a row every later edit builds on must be there.
   */
  private async storeMigration(document: Document, documentName: string): Promise<void> {
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array) => updates.push(update);
    document.on('update', collect);
    let applied: string[];
    try {
      applied = upgradeDocSchema(document);
    } catch (error) {
      throw new DocumentLoadError(`journey ${documentName} cannot be migrated: ${(error as Error).message}`, CLOSE_CODES.loadFailed.reason);
    } finally {
      document.off('update', collect);
    }
    if (updates.length === 0) return;
    try {
      await this.writer.write(documentName, Y.mergeUpdates(updates));
    } catch (error) {
      throw new DocumentLoadError(`journey ${documentName}: its migration could not be stored: ${(error as Error).message}`, CLOSE_CODES.loadFailed.reason);
    }
    console.info(`journey ${documentName}: applied migrations ${applied.join(', ')}`);
  }

  /** Checks and stores an editor's update before Hocuspocus applies it; throwing closes the connection. */
  async beforeHandleMessage({ update: frame, document, documentName, connection, context }: beforeHandleMessagePayload<Partial<CollabContext>>): Promise<void> {
    let update: Uint8Array | null;
    try {
      update = documentUpdateOf(frame);
    } catch (error) {
      throw this.refuse(connection.webSocket, new RefusalError(CLOSE_CODES.updateRefused, (error as Error).message));
    }
    if (update === null || isEmptyUpdate(update)) return;
    const validator = this.validators.get(document);
    if (!validator) throw new RefusalError(CLOSE_CODES.storeFailed, `journey ${documentName} is not loaded`);
    const generation = validator.generation;
    const mayTouch = context.mayTouch;
    if (mayTouch === undefined) throw this.refuse(connection.webSocket, new RefusalError(CLOSE_CODES.unauthorized, 'the connection was not authenticated'));
    const verdict = validator.check(update, mayTouch ?? undefined, context.authorship ?? undefined);
    if (!verdict.accepted) {
      const refusal = verdict.forbidden ? CLOSE_CODES.forbidden : verdict.early ? CLOSE_CODES.updateEarly : CLOSE_CODES.updateRefused;
      throw this.refuse(connection.webSocket, new RefusalError(refusal, verdict.reason));
    }
    if (!verdict.changed) {
      // Nothing new: a reconnecting editor's sync, say. What it repeats may be an update
      // still being stored; if that store fails (the shadow is dropped then), store this one.
      await this.writer.drain();
      if (validator.generation === generation) return;
    }
    try {
      await this.writer.write(documentName, update);
    } catch (error) {
      // The shadow holds the update, the live document never will.
      validator.discardShadow();
      if (error instanceof LeaseLostError) {
        // Another process serves the journey now: the editor goes there and sends it again.
        if (error.journeyIds.includes(documentName)) this.ownership?.lost(documentName);
        throw this.refuse(connection.webSocket, new RefusalError(CLOSE_CODES.ownerMoved, error.message));
      }
      console.error(`collab: could not store an update to ${documentName}: ${(error as Error).message}`);
      throw this.refuse(connection.webSocket, new RefusalError(CLOSE_CODES.storeFailed, (error as Error).message));
    }
    this.countUpdate(documentName);
    if (verdict.claimed.length > 0 && context.authorship) await this.keepClaims(documentName, context.authorship.userId, verdict.claimed);
  }

  /**
   * Stores who writes under new client ids, after the update they came with: one row per
   * browser document and journey. When it cannot be stored, the claim holds while the document
   * stays loaded, and the update is not refused for it (it is stored already).
   */
  private async keepClaims(documentName: string, userId: string, clientIds: number[]): Promise<void> {
    try {
      await this.store.claimClientIds(documentName, userId, clientIds);
    } catch (error) {
      console.warn(`collab: the client ids of an update to ${documentName} could not be stored: ${(error as Error).message}`);
    }
  }

  /**
   * Commits a change made on the server, then applies it to the live document, which
   * broadcasts it. Rejects, with nothing applied, when the row cannot be stored.
   */
  async storeThenApply(document: Document, update: Uint8Array): Promise<void> {
    if (isEmptyUpdate(update)) return;
    await this.writer.write(document.name, update);
    const origin = { source: 'local' as const, context: { storedBeforeApply: true } };
    this.storedOrigins.add(origin);
    Y.applyUpdate(document, update, origin);
    this.countUpdate(document.name);
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    // A REST write answers once this has run: its row must be committed by then.
    await this.writer.drain();
    // A process that lost the journey's lease leaves the snapshot to the new owner.
    if (this.ownership && !this.ownership.holds(documentName)) return;
    await this.store.saveSnapshot(documentName, journeyFromDoc(document, { validate: true }));
  }

  /**
   * Merges the stored rows of a journey into its state, the merge on a worker thread. Runs
   * every few hundred updates as they are stored, not from the debounced store: under steady
   * editing that fires only every `maxDebounce`, with thousands of rows to merge.
   */
  async compact(documentName: string): Promise<void> {
    const merged = await compactStoredUpdates(this.store, documentName, (updates) => this.merger.merge(updates));
    this.updatesSinceCompaction.set(documentName, Math.max(0, (this.updatesSinceCompaction.get(documentName) ?? 0) - merged));
  }

  /** Waits until every update handed to the store is committed, and any compaction is done. */
  async drain(): Promise<void> {
    await this.writer.drain();
    await Promise.all(this.compactions.values());
  }

  /** After the last document is unloaded: stops the merge thread. */
  async close(): Promise<void> {
    await this.drain();
    await this.merger.close();
  }

  async afterUnloadDocument({ documentName }: { documentName: string }): Promise<void> {
    this.updatesSinceCompaction.delete(documentName);
    // Rows still on their way are written under the lease before it is given up.
    await this.writer.drain();
    await this.ownership?.release(documentName).catch((error: unknown) => {
      console.warn(`cluster: could not release the lease of ${documentName} (it runs out by itself): ${(error as Error).message}`);
    });
  }

  private afterChange(document: Document, update: Uint8Array, origin: unknown): void {
    this.validators.get(document)?.mirror(update);
    // Every change is stored before it is applied: an editor's by beforeHandleMessage, a REST
    // write's by storeThenApply, a migration's by storeMigration (before this listener exists).
    if (isTransactionOrigin(origin) && origin.source === 'connection') return;
    if (typeof origin === 'object' && origin !== null && this.storedOrigins.has(origin)) return;
    // Anything else that changed a live document is stored all the same, after the fact, and said.
    console.warn(`collab: a change to ${document.name} reached the document before it was stored`);
    this.writer.write(document.name, update).catch((error: unknown) => {
      console.error(`collab: could not store a server-side change to ${document.name}: ${(error as Error).message}`);
    });
    this.countUpdate(document.name);
  }

  private countUpdate(documentName: string): void {
    const count = (this.updatesSinceCompaction.get(documentName) ?? 0) + 1;
    this.updatesSinceCompaction.set(documentName, count);
    if (count < COMPACT_AFTER_UPDATES || this.compactions.has(documentName)) return;
    const running = this.compact(documentName)
      .catch((error: unknown) => console.error(`collab: could not compact ${documentName}: ${(error as Error).message}`))
      .finally(() => this.compactions.delete(documentName));
    this.compactions.set(documentName, running);
  }

  /**
   * Closes the whole websocket with the named code: Hocuspocus on its own only detaches the
   * document, which leaves the editor connected but deaf, with no reason to show.
   */
  private refuse(socket: { close(code?: number, reason?: string): void }, refusal: RefusalError): RefusalError {
    socket.close(refusal.code, refusal.reason);
    return refusal;
  }
}
