import { HocuspocusProvider } from '@hocuspocus/provider';
import type { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';

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
 */
export class LocalFirstProvider extends HocuspocusProvider {
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

  override documentUpdateHandler(update: Uint8Array, origin: unknown): void {
    if (this.held !== null && origin !== this) this.held.push(update);
    else super.documentUpdateHandler(update, origin);
  }
}

/**
 * Puts the browser's copy of a journey into its document before the first sync, with no
 * update listener on the document while it goes in, and returns when that is over (the copy is
 * in, it could not be read, or it took longer than `waitMs`).
 *
 * Why: Yjs encodes every transaction as an update as long as anyone listens for updates, and
 * encoding a 200 × 12 map (2,400 root-level cell texts; Yjs finds each one's name by walking
 * all of them) took 0.2–0.4 s in the browser. The provider then sent that update, the whole
 * document, to the server, which checked it against a copy of its own document (another
 * encoding, on the server) to find nothing new. Nothing needs it: the first sync starts after
 * the copy is in (`LocalFirstProvider`), so the server's state vector is answered with
 * everything the server lacks, edits made offline among them.
 *
 * Nothing is lost while the listeners are off: the editor cannot edit yet (the map shows once
 * the copy is in or the server has synced, and the server syncs only after this), and y-indexeddb
 * stores the document as it is (whatever the server sent meanwhile) just before it adds the
 * copy. Once over, both listeners are back before anything else can happen.
 */
export function putLocalCopyFirst(doc: Y.Doc, local: IndexeddbPersistence, provider: LocalFirstProvider, waitMs = LOCAL_COPY_WAIT_MS): { over: Promise<void>; cancel(): void } {
  doc.off('update', provider.boundDocumentUpdateHandler);
  doc.off('update', local._storeUpdate);
  let resolveOver = () => {};
  const over = new Promise<void>((resolve) => (resolveOver = resolve));
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    local.off('synced', finish);
    doc.on('update', provider.boundDocumentUpdateHandler);
    doc.on('update', local._storeUpdate);
    resolveOver();
  };
  // Registered before the hook's own 'synced' handler, which shows the map: the listeners are
  // back before anyone can type.
  local.on('synced', finish);
  const timer = setTimeout(finish, waitMs);
  local._db.catch(finish);
  provider.waitFor(over);
  return { over, cancel: finish };
}
