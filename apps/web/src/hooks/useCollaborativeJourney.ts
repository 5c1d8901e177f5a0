import { HocuspocusProvider } from '@hocuspocus/provider';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { JOURNEY_RECORD_ID, type JourneyDocument } from '@klantreis/schema';
import { CLOSE_CODES, collabUrl, journeyFromDoc, recordsOf } from '@klantreis/sync';
import type { Awareness } from './awareness.ts';
import { reconcileJourney } from './reconcileJourney.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';
export type LoadProblem = 'not-found' | 'outdated' | null;

/** This editor's own changes carry this origin, so an undo manager can tell them from others'. */
export const LOCAL_ORIGIN = { source: 'klantreis-editor' } as const;

/** The browser's own copy of a journey: the map opens and keeps working without the server. */
function localStoreName(journeyId: string): string {
  return `klantreis:${journeyId}`;
}

/**
 * Connects to the journey's Yjs document and exposes it as the open JSON format, recomputed
 * lazily after each change so React renders from plain objects. The document is also kept in
 * IndexedDB: an editor that loses the connection keeps working, and its edits merge when the
 * server is back; the number of edits the server has not yet confirmed is exposed.
 */
export function useCollaborativeJourney(journeyId: string) {
  const doc = useMemo(() => new Y.Doc(), [journeyId]);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [unsyncedChanges, setUnsyncedChanges] = useState(0);
  const [synced, setSynced] = useState(false);
  const [problem, setProblem] = useState<LoadProblem>(null);
  const [awareness, setAwareness] = useState<Awareness | null>(null);

  useEffect(() => {
    const local = new IndexeddbPersistence(localStoreName(journeyId), doc);
    // A copy from an earlier visit shows the map at once, even before (or without) the server.
    local.on('synced', () => {
      if (recordsOf(doc).has(JOURNEY_RECORD_ID)) setSynced(true);
    });
    const provider = new HocuspocusProvider({
      url: collabUrl(location.origin),
      name: journeyId,
      document: doc,
      token: 'editor',
      onStatus: ({ status: next }) => setStatus(next as ConnectionStatus),
      onSynced: () => setSynced(true),
      onUnsyncedChanges: ({ number }) => setUnsyncedChanges(number),
      onAuthenticationFailed: ({ reason }) => {
        if (reason === CLOSE_CODES.journeyNotFound.reason) setProblem('not-found');
      },
      onClose: ({ event }) => {
        if (event.code === CLOSE_CODES.protocolOutdated.code) setProblem('outdated');
      },
    });
    setAwareness(provider.awareness);
    // The browser knows at once when the network is gone; the socket would only notice at its
    // next missed heartbeat, and the edits of the seconds between would look sent.
    const onOffline = () => provider.disconnect();
    const onOnline = () => void provider.connect();
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    if (!navigator.onLine) provider.disconnect();
    return () => {
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
        const onUpdate = () => {
          dirty = true;
          listener();
        };
        doc.on('update', onUpdate);
        return () => doc.off('update', onUpdate);
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

  const journey = useSyncExternalStore(snapshotStore.subscribe, snapshotStore.getSnapshot);
  return { doc, awareness, journey: synced ? journey : null, status, unsyncedChanges, problem };
}
