import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { JourneyStore } from '@klantreis/db';
import { CURRENT_SCHEMA_VERSION, parseJourneyDocument, type JourneyDocument } from '@klantreis/schema';
import { CLOSE_CODES, journeyFromDoc, upgradeDocSchema } from '@klantreis/sync';
import { DocumentLoadError, type PersistenceExtension } from '../collaboration/persistenceExtension.ts';
import { applyStoredDocument } from '../collaboration/storedDocument.ts';
import type { DocumentOwnership } from '../cluster/documentOwnership.ts';
import { sendUpdateToOwner } from '../cluster/internalUpdates.ts';

/** With several processes: who serves which journey, and the secret their calls to each other are signed with. */
export interface DocumentsCluster {
  ownership: DocumentOwnership;
  secret: string;
  /** Resolves true once no copy of the journey whose lease this process lost is loaded here (Collaboration.lostCopyGone). */
  lostCopyGone(journeyId: string): Promise<boolean>;
}

function ownerMoved(error: unknown): boolean {
  return error instanceof DocumentLoadError && error.reason === CLOSE_CODES.ownerMoved.reason;
}

/**
 * The live documents read as the open JSON format, each kept until its next transaction. An
 * editor that opens a map asks for its versions, approval and metrics at once, and each
 * request read and validated the whole document (30-100 ms for a 200 × 12 map, on the event
 * loop that also answers the editor's first sync). Every caller gets a copy of its own.
 */
export class LiveReads {
  private readonly journeys = new WeakMap<Y.Doc, JourneyDocument | null>();

  read(doc: Y.Doc): JourneyDocument {
    let journey = this.journeys.get(doc);
    if (journey === undefined) {
      // Any transaction forgets it, changed or not: reading is cheap next to being wrong.
      // Marked at once, so a read that throws (a document without a journey) does not add
      // another listener on the next try.
      doc.on('afterTransaction', () => this.journeys.set(doc, null));
      this.journeys.set(doc, null);
      journey = null;
    }
    if (journey === null) {
      journey = journeyFromDoc(doc, { validate: true });
      this.journeys.set(doc, journey);
    }
    return structuredClone(journey);
  }
}

export class JourneyNotFoundError extends Error {
  readonly statusCode = 404;
  constructor(id: string) {
    super(`no journey with id ${id}`);
    this.name = 'JourneyNotFoundError';
  }
}

/**
 * Reads and writes journeys for the REST API. Reads take the live document when someone is
 * editing it (its snapshot may be a second behind) and the stored JSON snapshot otherwise;
 * writes always go through the Yjs document, so open editors see them at once, and each is
 * stored before anyone sees it.
 */
export class JourneyDocuments {
  private readonly store: JourneyStore;
  private readonly hocuspocus: Hocuspocus;
  private readonly persistence: PersistenceExtension;
  /** The edit running per journey: edits of one journey take turns, in the order they came. */
  private readonly editing = new Map<string, Promise<unknown>>();
  private readonly liveReads = new LiveReads();

  private readonly cluster: DocumentsCluster | undefined;

  constructor(store: JourneyStore, hocuspocus: Hocuspocus, persistence: PersistenceExtension, cluster?: DocumentsCluster) {
    this.store = store;
    this.hocuspocus = hocuspocus;
    this.persistence = persistence;
    this.cluster = cluster;
  }

  /** The journey's live document when this process serves it; with several processes, not a copy whose lease it lost. */
  private servedHere(id: string): Y.Doc | undefined {
    const live = this.hocuspocus.documents.get(id);
    return live && (!this.cluster || this.cluster.ownership.holds(id)) ? live : undefined;
  }

  async read(id: string): Promise<JourneyDocument> {
    const live = this.servedHere(id);
    if (live) return this.liveReads.read(live);
    if (this.cluster) {
      // Another process may serve the journey: its snapshot lags its rows by up to the
      // debounce, and a write forwarded there a moment ago must be read back.
      const { doc } = await this.storedDoc(id);
      try {
        return journeyFromDoc(doc, { validate: true });
      } finally {
        doc.destroy();
      }
    }
    const row = await this.store.getJourney(id);
    if (!row) throw new JourneyNotFoundError(id);
    const snapshot = JSON.parse(row.snapshot) as JourneyDocument;
    if (snapshot.schemaVersion === CURRENT_SCHEMA_VERSION) return snapshot;
    // A snapshot stored by an older Klantreis, of a journey nobody has opened since: migrate it
    // as an import would (the Yjs document is migrated when it is next loaded).
    const migrated = parseJourneyDocument(snapshot);
    if (!migrated.ok) throw new Error(`journey ${id}: stored snapshot cannot be migrated: ${migrated.issues[0]!.path}: ${migrated.issues[0]!.message}`);
    return migrated.document;
  }

  /**
   * The journey's Yjs document as one update, for an editor opening the map (its page asks for
   * it as it arrives, public/early.js): the live document when this process serves it, else the
   * stored state and update rows applied to a new document, every acknowledged edit among them.
   * The editor's socket then syncs whatever came after, so a state a moment old is enough.
   *
   * Encoded from a document, not the rows merged: a merge keeps the content of deleted items
   * (a title renamed away, a cell emptied), which the socket never sends. Null when the stored
   * journey still needs a schema upgrade: the upgrade is made once, where the journey is loaded
   * for editing, and stored; an editor shown the old document could type into a field the
   * upgrade rewrites at the same moment, and lose the edit to it.
   */
  async state(id: string): Promise<Uint8Array | null> {
    const live = this.servedHere(id);
    if (live) return Y.encodeStateAsUpdate(live);
    const { doc, upgraded } = await this.storedDoc(id);
    try {
      return upgraded ? null : Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }

  /**
   * Runs `change` on a draft of the journey's Yjs document, stores the update it made, and only
   * then applies it to the live document, which sends it to the editors. A validation error in
   * `change`, or a store that fails, changes nothing and rejects.
   */
  async edit<T>(id: string, change: (doc: Y.Doc) => T): Promise<T> {
    const row = await this.store.getJourney(id);
    if (!row || row.deletedAt !== null) throw new JourneyNotFoundError(id);
    const previous = this.editing.get(id) ?? Promise.resolve();
    const turn = previous.catch(() => {}).then(() => this.editNow(id, change));
    this.editing.set(id, turn);
    try {
      return await turn;
    } finally {
      if (this.editing.get(id) === turn) this.editing.delete(id);
    }
  }

  private async editNow<T>(id: string, change: (doc: Y.Doc) => T): Promise<T> {
    // Trashed while this edit waited its turn?
    const row = await this.store.getJourney(id);
    if (!row || row.deletedAt !== null) throw new JourneyNotFoundError(id);
    if (!this.cluster) return this.editHere(id, change);
    // Several processes: the write goes to the one that serves the journey, or this one
    // serves it. Once drafted for the owner, the same update bytes are what every retry sends
    // or applies: an owner that stored it and died before answering has it already, and Yjs
    // takes an update it has as a no-op, where running `change` again would add a second step.
    let drafted: { update: Uint8Array | null; result: T } | null = null;
    let forward = true;
    for (let attempt = 1; ; attempt++) {
      const holder = forward && !this.servedHere(id) ? await this.cluster.ownership.liveHolderElsewhere(id) : undefined;
      try {
        if (!holder) {
          if (drafted === null) return await this.editHere(id, change);
          if (drafted.update) await this.applyForwarded(id, drafted.update);
          return drafted.result;
        }
        drafted ??= await this.draftOnStored(id, change);
        if (!drafted.update) return drafted.result;
        const outcome = await sendUpdateToOwner(holder.address, this.cluster.secret, id, drafted.update);
        if (outcome === 'applied') return drafted.result;
        // Nothing answers there (or the answer was lost): this process takes the lease over
        // and applies the same bytes.
        if (outcome === 'unreachable') forward = false;
      } catch (error) {
        if (!ownerMoved(error)) throw error;
      }
      if (attempt >= 3) throw new Error(`journey ${id}: the write could not reach the process that serves it; try again`);
    }
  }

  /** `change` made on a draft of the stored journey (a write for another process to apply). */
  private async draftOnStored<T>(id: string, change: (doc: Y.Doc) => T): Promise<{ update: Uint8Array | null; result: T }> {
    const { doc } = await this.storedDoc(id);
    try {
      return draftChange(doc, change);
    } finally {
      doc.destroy();
    }
  }

  /** Stores and applies an update made by another process's REST write (POST /internal/…). */
  async applyForwarded(id: string, update: Uint8Array): Promise<void> {
    const connection = await this.hocuspocus.openDirectConnection(id);
    try {
      await this.persistence.storeThenApply(connection.document!, update);
    } finally {
      await connection.disconnect();
    }
  }

  /** The journey as stored (its merged state and every row after it), migrated in memory; `upgraded` when that changed it. */
  private async storedDoc(id: string): Promise<{ doc: Y.Doc; upgraded: boolean }> {
    const stored = await this.store.loadDocument(id);
    if (!stored) throw new JourneyNotFoundError(id);
    const doc = new Y.Doc();
    applyStoredDocument(doc, stored);
    return { doc, upgraded: upgradeDocSchema(doc).length > 0 };
  }

  private async editHere<T>(id: string, change: (doc: Y.Doc) => T): Promise<T> {
    // A copy whose lease was lost here is on its way out: the edit waits for it, then loads the journey afresh.
    if (this.cluster && !(await this.cluster.lostCopyGone(id))) throw new Error(`journey ${id} is moving to another process; try again`);
    const connection = await this.hocuspocus.openDirectConnection(id);
    try {
      const live = connection.document!;
      const { update, result } = draftChange(live, change);
      if (update) await this.persistence.storeThenApply(live, update);
      return result;
    } finally {
      await connection.disconnect();
    }
  }
}

/**
 * Makes `change` on a copy of `live` and returns the update it made, merged into one. The copy
 * writes as a client of its own (a new random id, as every Y.Doc gets): a draft writing as the
 * live document's client made Yjs give the live document a new id on apply anyway, and after a
 * store that failed without being sure (a connection lost during COMMIT) the next draft would
 * have reused the same ids for different content. So each REST write adds a client to the
 * state vector, a few bytes.
 */
function draftChange<T>(live: Y.Doc, change: (doc: Y.Doc) => T): { update: Uint8Array | null; result: T } {
  const draft = new Y.Doc({ gc: live.gc });
  Y.applyUpdate(draft, Y.encodeStateAsUpdate(live));
  const updates: Uint8Array[] = [];
  draft.on('update', (update: Uint8Array) => updates.push(update));
  try {
    const result = change(draft);
    return { update: updates.length === 0 ? null : Y.mergeUpdates(updates), result };
  } finally {
    draft.destroy();
  }
}
