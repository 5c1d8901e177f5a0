import type { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { JOURNEY_RECORD_ID } from '@klantreis/schema';
import { recordsOf } from '@klantreis/sync';
import { ConfirmingProvider } from '@klantreis/sync/provider';

/**
 * How long the first sync with the server waits for the browser's copy of a journey at most.
 * Reading it takes tens of milliseconds; an IndexedDB that never answers must not keep the
 * editor from the server.
 */
export const LOCAL_COPY_WAIT_MS = 2_000;

/**
 * A provider whose first sync (its state vector, then the server's answer and the server's own
 * state vector, answered with what the server lacks) starts only once `waitFor`'s promise has
 * settled. The socket opens and signs in at once, so the server loads the journey meanwhile.
 * Its count of unconfirmed edits, shown as saved or not, is exact (ConfirmingProvider).
 */
export class LocalFirstProvider extends ConfirmingProvider {
  private localCopyIn: Promise<void> | null = null;

  /** The first sync waits for `ready`; later syncs (after a reconnect) do not wait. */
  waitFor(ready: Promise<void>): void {
    this.localCopyIn = ready;
    this.firstSyncAfterCopy = true;
    void ready.then(() => {
      if (this.localCopyIn === ready) this.localCopyIn = null;
    });
  }

  /** The browser's own updates made while that first sync runs; sent once it is over. */
  private held: Uint8Array[] | null = null;

  /** Whether the next sync is the first after the copy went in (unsent): it holds edits back. */
  private firstSyncAfterCopy = false;

  override startSync(): void {
    const waiting = this.localCopyIn;
    const start = () => {
      if (this.firstSyncAfterCopy) {
        this.firstSyncAfterCopy = false;
        this.holdUntilSynced();
      }
      super.startSync();
    };
    if (waiting === null) start();
    else void waiting.then(start);
  }

  /**
   * Until the first sync is over, the browser's own edits wait. The copy went in unsent, so what
   * the server lacks of it (edits made offline) reaches the server only in the answer to the
   * server's state vector; an edit typed at once on top of such text and sent before that
   * answer would reach the server first, and the server refuses an update that waits on parts
   * of a client id it has never seen (closing with 4425). The server sends its state vector
   * before its answer, and the browser answers it with the whole document as it is then, so
   * once the server's answer has come (`synced`) everything held can follow, merged into one.
   */
  private holdUntilSynced(): void {
    this.held = [];
    const release = () => {
      this.off('synced', release);
      const held = this.held ?? [];
      this.held = null;
      if (held.length > 0) super.documentUpdateHandler(Y.mergeUpdates(held), null);
    };
    this.on('synced', release);
  }

  /**
   * The server's answer to this browser's state vector (sync step 2; on a first visit the whole
   * map, 789 KB for 200 × 12) is applied with no update listener on the document and then
   * handed to them as it came. Otherwise Yjs encodes the transaction anew for them, which for a
   * big map costs as much as applying it (it finds the name of each of the 2,400 root-level
   * cell texts by walking all of them), only for y-indexeddb to store what the socket brought
   * and the provider to drop it (it comes from the provider). A superset of the transaction's
   * changes (the answer may repeat what the document has) is a valid update for both.
   */
  override onMessage(event: MessageEvent): void {
    const update = event.data instanceof ArrayBuffer ? syncStep2UpdateOf(new Uint8Array(event.data)) : null;
    if (update === null) {
      super.onMessage(event);
      return;
    }
    const doc = this.document;
    const listeners = [...((doc._observers.get('update') as Set<UpdateListener> | undefined) ?? [])];
    for (const listener of listeners) doc.off('update', listener);
    const applied: { transaction?: Y.Transaction } = {};
    const seen = (transaction: Y.Transaction) => {
      if (transaction.origin === this) applied.transaction = transaction;
    };
    doc.on('afterTransaction', seen);
    try {
      super.onMessage(event);
    } finally {
      doc.off('afterTransaction', seen);
      for (const listener of listeners) doc.on('update', listener);
    }
    const transaction = applied.transaction;
    if (transaction && worthHandingOn(update, transaction)) for (const listener of listeners) listener(update, this, doc, transaction);
  }

  override documentUpdateHandler(update: Uint8Array, origin: unknown): void {
    if (this.held !== null && origin !== this) this.held.push(update);
    else super.documentUpdateHandler(update, origin);
  }
}

type UpdateListener = (update: Uint8Array, origin: unknown, doc: Y.Doc, transaction: Y.Transaction) => void;

/**
 * Whether the server's answer goes on to the document's update listeners (y-indexeddb stores
 * it) as it came: only when applying it changed the document, as Yjs emits `update` only then
 * (a reconnect's answer repeats what the browser has), and only when the bytes read as a whole
 * update. y-protocols catches and logs an update Yjs cannot apply; stored, such bytes would
 * stop y-indexeddb at them on every later visit, and the edits stored after them (made
 * offline) would never reach the document. Reading the bytes costs a fraction of applying them.
 */
export function worthHandingOn(update: Uint8Array, transaction: Y.Transaction): boolean {
  const changed = transaction.deleteSet.clients.size > 0 || [...transaction.afterState].some(([client, clock]) => transaction.beforeState.get(client) !== clock);
  if (!changed) return false;
  try {
    Y.parseUpdateMeta(update);
    return true;
  } catch (error) {
    console.warn('the server’s answer does not read as a Yjs update; not kept in the browser’s copy', error);
    return false;
  }
}

/** Reads an unsigned varint (lib0's encoding) at `at.offset`, and moves past it. */
function readVarUint(bytes: Uint8Array, at: { offset: number }): number {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at.offset >= bytes.length || shift > 35) throw new RangeError('varint past the end');
    const byte = bytes[at.offset++]!;
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return value;
    shift += 7;
  }
}

/** Hocuspocus's message type of Yjs sync messages, and y-protocols' sync step 2 within them. */
const MESSAGE_SYNC = 0;
const SYNC_STEP_2 = 1;

/**
 * The update of a Hocuspocus sync-step-2 message (document name, message type, sync type,
 * update), as a view of the message's bytes; null for any other message or one that does not
 * read as one.
 */
export function syncStep2UpdateOf(message: Uint8Array): Uint8Array | null {
  try {
    const at = { offset: 0 };
    const nameLength = readVarUint(message, at);
    at.offset += nameLength;
    if (readVarUint(message, at) !== MESSAGE_SYNC || readVarUint(message, at) !== SYNC_STEP_2) return null;
    const length = readVarUint(message, at);
    if (at.offset + length !== message.length) return null;
    return message.subarray(at.offset, at.offset + length);
  } catch {
    return null;
  }
}

/** The origin of the server's copy put in before the first sync (`putLocalCopyFirst`). */
export const SERVER_COPY_ORIGIN = { source: 'klantreis-server-copy' } as const;

/**
 * Puts the browser's copy of a journey into its document before the first sync, with no
 * update listener on the document while it goes in, and returns when that is over (the copy is
 * in, it could not be read, or it took longer than `waitMs`). On a first visit (no copy in this
 * browser) the page asked the server for its copy as it arrived (`serverCopy`, public/early.js):
 * that goes in the same way, once the browser's copy is read, and `serverCopyIn` resolves true.
 *
 * Why: Yjs encodes every transaction as an update as long as anyone listens for updates, and
 * encoding a 200 × 12 map (2,400 root-level cell texts; Yjs finds each one's name by walking
 * all of them) took 0.2–0.4 s in the browser. The provider then sent that update, the whole
 * document, to the server, which checked it against a copy of its own document (another
 * encoding, on the server) to find nothing new. Nothing needs it: the first sync starts after
 * the copy is in (`LocalFirstProvider`), so the server's state vector is answered with
 * everything the server lacks, edits made offline among them; and the server's answer is only
 * what its copy lacked. The server's copy is handed to y-indexeddb as it came.
 *
 * Nothing is lost while the listeners are off: the editor cannot edit yet (the map shows once
 * a copy is in or the server has synced, and the server syncs only after this), and y-indexeddb
 * stores the document as it is (whatever the server sent meanwhile) just before it adds the
 * copy. Once over, both listeners are back before anything else can happen.
 */
export function putLocalCopyFirst(
  doc: Y.Doc,
  local: IndexeddbPersistence,
  provider: LocalFirstProvider,
  serverCopy: Promise<Uint8Array | null> | null = null,
  waitMs = LOCAL_COPY_WAIT_MS,
): { over: Promise<void>; serverCopyIn: Promise<boolean>; cancel(): void } {
  doc.off('update', provider.boundDocumentUpdateHandler);
  doc.off('update', local._storeUpdate);
  let resolveOver = () => {};
  const over = new Promise<void>((resolve) => (resolveOver = resolve));
  let resolveServerCopyIn = (_in: boolean) => {};
  const serverCopyIn = new Promise<boolean>((resolve) => (resolveServerCopyIn = resolve));
  let done = false;
  let localIn = false;
  // undefined while the server's copy is on its way.
  let copy: Uint8Array | null | undefined = serverCopy ? undefined : null;
  const finish = (putIn: boolean) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    local.off('synced', onLocalCopy);
    const copyIn = putIn && copy ? putServerCopy(doc, local, copy) : false;
    doc.on('update', provider.boundDocumentUpdateHandler);
    doc.on('update', local._storeUpdate);
    resolveOver();
    resolveServerCopyIn(copyIn);
  };
  const onLocalCopy = () => {
    localIn = true;
    // The browser's own copy holds the journey (a copy made before its note was written): the
    // hook shows it now, so the listeners must be back before anyone types. The socket brings
    // what the server's copy would have.
    if (recordsOf(doc).has(JOURNEY_RECORD_ID)) copy = null;
    if (copy !== undefined) finish(true);
  };
  // Registered before the hook's own 'synced' handler, which shows the map: the listeners are
  // back before anyone can type.
  local.on('synced', onLocalCopy);
  const timer = setTimeout(() => finish(true), waitMs);
  local._db.catch(onLocalCopy);
  void serverCopy
    ?.catch(() => null)
    .then((bytes) => {
      copy = bytes;
      if (localIn) finish(true);
    });
  provider.waitFor(over);
  return { over, serverCopyIn, cancel: () => finish(false) };
}

/**
 * Applies the server's copy (origin SERVER_COPY_ORIGIN) and hands its bytes to y-indexeddb;
 * false when they do not read as an update (the first sync then brings the map).
 */
function putServerCopy(doc: Y.Doc, local: IndexeddbPersistence, bytes: Uint8Array): boolean {
  try {
    Y.applyUpdate(doc, bytes, SERVER_COPY_ORIGIN);
  } catch (error) {
    console.warn('the server’s copy of the journey does not read as a Yjs update; the first sync brings it', error);
    return false;
  }
  local._storeUpdate(bytes, SERVER_COPY_ORIGIN);
  return true;
}
