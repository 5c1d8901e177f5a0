import { HocuspocusProvider } from '@hocuspocus/provider';
import type { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

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
    void ready.then(() => {
      if (this.localCopyIn === ready) this.localCopyIn = null;
    });
  }

  override startSync(): void {
    const waiting = this.localCopyIn;
    if (waiting === null) super.startSync();
    else void waiting.then(() => super.startSync());
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
