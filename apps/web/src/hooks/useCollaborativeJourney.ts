import type { onCloseParameters } from '@hocuspocus/provider';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { JOURNEY_RECORD_ID, type JourneyDocument } from '@klantreis/schema';
import { takeEarlyJourneyState } from '../api/earlyRequests.ts';
import { SIGNED_OUT_EVENT } from '../api/journeysApi.ts';
import { ACCESS_CHANGED_EVENT } from './useJourneyAccess.ts';
import { CLOSE_CODES, collabUrl, journeyFromDoc, recordsOf } from '@klantreis/sync';
import type { Awareness } from './awareness.ts';
import { onDocumentChange } from './documentChanges.ts';
import { LocalFirstProvider, putLocalCopyFirst } from './localCopyFirst.ts';
import { forgetLocalCopy, noteLocalCopy, noteUnsent, unsentNoted } from './localCopyMark.ts';
import { reconcileJourney } from './reconcileJourney.ts';
import { saveProblemOf, storeRetryDelay, type SaveProblem } from './saveProblem.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';
export type LoadProblem = 'not-found' | 'outdated' | null;

/** This editor's own changes carry this origin, so an undo manager can tell them from others'. */
export const LOCAL_ORIGIN = { source: 'klantreis-editor' } as const;

/** The browser's own copy of a journey: the map opens and keeps working without the server. */
function localStoreName(journeyId: string): string {
  return `klantreis:${journeyId}`;
}

/**
 * Empties the browser's copy of a journey (the y-indexeddb database). Deleting the database
 * instead would wait until every other tab with this journey open had closed it.
 */
function emptyLocalStore(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let missing = false;
    const request = indexedDB.open(name);
    // No copy at all: creating an empty database would leave y-indexeddb without its stores.
    request.onupgradeneeded = () => {
      missing = true;
      request.transaction!.abort();
    };
    request.onerror = () => (missing ? resolve() : reject(request.error));
    request.onsuccess = () => {
      const db = request.result;
      const stores = [...db.objectStoreNames];
      if (stores.length === 0) {
        db.close();
        resolve();
        return;
      }
      const transaction = db.transaction(stores, 'readwrite');
      for (const store of stores) transaction.objectStore(store).clear();
      transaction.oncomplete = () => {
        db.close();
        resolve();
      };
      transaction.onabort = () => {
        db.close();
        reject(transaction.error);
      };
    };
  });
}

/**
 * Connects to the journey's Yjs document and exposes it as the open JSON format, recomputed
 * lazily after each change so React renders from plain objects. The document is also kept in
 * IndexedDB: an editor that loses the connection keeps working, and its edits merge when the
 * server is back; the number of edits the server has not yet confirmed is exposed.
 *
 * When the server refuses an update (`saveProblem` 'refused') the editor stops reconnecting:
 * it would only send the same update again. `reloadFromServer` then forgets the browser's copy,
 * which holds that update, and reloads the page from the server's copy. When the server fails
 * to store an update ('store-failed') the editor keeps it and sends it again, later each time.
 */
export function useCollaborativeJourney(journeyId: string) {
  const doc = useMemo(() => new Y.Doc(), [journeyId]);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  // Edits of an earlier visit the server had not confirmed: said until the first sync sends them.
  const [unsyncedChanges, setUnsyncedChanges] = useState(() => unsentNoted(journeyId));
  const [synced, setSynced] = useState(false);
  /** Whether this editor changed the map since the server last confirmed everything (a sync alone is not saving). */
  const [ownEditsUnconfirmed, setOwnEditsUnconfirmed] = useState(false);
  const [problem, setProblem] = useState<LoadProblem>(null);
  const [saveProblem, setSaveProblem] = useState<SaveProblem>(null);
  const [awareness, setAwareness] = useState<Awareness | null>(null);
  const localCopy = useRef<IndexeddbPersistence | null>(null);

  useEffect(() => {
    const local = new IndexeddbPersistence(localStoreName(journeyId), doc);
    localCopy.current = local;
    let refused = false;
    let failedStores = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const provider = new LocalFirstProvider({
      url: collabUrl(location.origin, journeyId),
      name: journeyId,
      document: doc,
      token: 'editor',
      onStatus: ({ status: next }) => setStatus(next as ConnectionStatus),
      onSynced: () => {
        setSynced(true);
        noteLocalCopy(journeyId); // y-indexeddb has the server's answer
      },
      onUnsyncedChanges: ({ number }) => {
        setUnsyncedChanges(number);
        noteUnsent(journeyId, number);
        if (number === 0) setOwnEditsUnconfirmed(false);
        // The server confirmed everything sent, so the updates a failed store held back too.
        if (number === 0 && failedStores > 0) {
          failedStores = 0;
          setSaveProblem(null);
        }
      },
      onAuthenticationFailed: ({ reason }) => {
        if (reason === CLOSE_CODES.journeyNotFound.reason) setProblem('not-found');
        // The session ended (signed out everywhere): the app shows the sign-in page.
        if (reason === CLOSE_CODES.unauthorized.reason) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
        // Another server process took the journey over as this one loaded it (go there), or
        // the server's database does not answer now (try again, waiting longer each time).
        // Closing the socket (not disconnecting, which stops reconnecting: a connect() asked for
        // before the old socket had closed did nothing, and the editor stayed offline) lets the
        // provider reconnect as after any drop, and sign in to the journey again.
        if (reason === CLOSE_CODES.ownerMoved.reason || reason === CLOSE_CODES.storeFailed.reason) {
          provider.configuration.websocketProvider.webSocket?.close();
        }
      },
      onClose: ({ event }) => {
        if (event.code === CLOSE_CODES.protocolOutdated.code) setProblem('outdated');
        // A new role, or a change refused for the role: ask again what this person may do.
        if (event.code === CLOSE_CODES.accessChanged.code || event.code === CLOSE_CODES.forbidden.code) window.dispatchEvent(new Event(ACCESS_CHANGED_EVENT));
      },
    });
    // The browser's copy goes in before the first sync, unencoded and unsent (see there); on a
    // first visit, the server's copy the page asked for as it arrived.
    const localFirst = putLocalCopyFirst(doc, local, provider, takeEarlyJourneyState(journeyId));
    void localFirst.serverCopyIn.then((copyIn) => {
      if (!copyIn) return;
      noteLocalCopy(journeyId);
      if (recordsOf(doc).has(JOURNEY_RECORD_ID)) setSynced(true);
    });
    // An edit of this editor's own (not a copy or an update applied from elsewhere).
    const onTransaction = (transaction: Y.Transaction) => {
      if (transaction.local && (transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0)) setOwnEditsUnconfirmed(true);
    };
    doc.on('afterTransaction', onTransaction);
    // A copy from an earlier visit shows the map at once, even before (or without) the server.
    local.on('synced', () => {
      if (recordsOf(doc).has(JOURNEY_RECORD_ID)) setSynced(true);
    });
    // The provider's own reconnect comes a second after any close. After a refusal it would
    // send the same update to be refused again; after a failed store it waits longer each time,
    // as the server's storage may need a while. (Here and not in the `onClose` option, which
    // the provider calls twice per close: once from its socket, once from itself.)
    provider.on('close', ({ event }: onCloseParameters) => {
      const named = saveProblemOf(event.code);
      if (!named) return;
      provider.disconnect();
      clearTimeout(retry);
      if (named === 'refused') refused = true;
      else retry = setTimeout(() => void provider.connect(), storeRetryDelay(++failedStores));
      setSaveProblem(named);
    });
    setAwareness(provider.awareness);
    // The browser knows at once when the network is gone; the socket would only notice at its
    // next missed heartbeat, and the edits of the seconds between would look sent.
    const onOffline = () => {
      clearTimeout(retry);
      provider.disconnect();
    };
    const onOnline = () => {
      clearTimeout(retry);
      if (!refused) void provider.connect();
    };
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    if (!navigator.onLine) provider.disconnect();
    return () => {
      clearTimeout(retry);
      doc.off('afterTransaction', onTransaction);
      localFirst.cancel();
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      setAwareness(null);
      provider.destroy();
      void local.destroy();
    };
  }, [doc, journeyId]);

  const snapshotStore = useMemo(() => {
    let cached: JourneyDocument | null = null;
    let dirty = true;
    return {
      subscribe(listener: () => void) {
        return onDocumentChange(doc, () => {
          dirty = true;
          listener();
        });
      },
      getSnapshot(): JourneyDocument | null {
        if (dirty) {
          dirty = false;
          try {
            cached = reconcileJourney(cached, journeyFromDoc(doc));
          } catch {
            cached = null; // not loaded yet: the document has no journey record
          }
        }
        return cached;
      },
    };
  }, [doc]);

  /**
   * After a refusal: forgets this browser's copy of the journey, so the refused update is never
   * sent again, and loads the page anew from the server's copy, which has every accepted edit.
   */
  const reloadFromServer = useCallback(async () => {
    await localCopy.current?.destroy(); // this page writes nothing more into its copy
    forgetLocalCopy(journeyId);
    noteUnsent(journeyId, 0); // the copy, and what it held unsent, is dropped
    await emptyLocalStore(localStoreName(journeyId)).catch((error: unknown) => console.error('klantreis: could not empty the offline copy', error));
    location.reload();
  }, [journeyId]);

  const journey = useSyncExternalStore(snapshotStore.subscribe, snapshotStore.getSnapshot);
  return { doc, awareness, journey: synced ? journey : null, status, unsyncedChanges, ownEditsUnconfirmed, problem, saveProblem, reloadFromServer };
}
