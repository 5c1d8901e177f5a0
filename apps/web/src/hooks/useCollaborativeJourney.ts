import { HocuspocusProvider } from '@hocuspocus/provider';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import type { JourneyDocument } from '@klantreis/schema';
import { CLOSE_CODES, collabUrl, journeyFromDoc } from '@klantreis/sync';
import { reconcileJourney } from './reconcileJourney.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';
export type LoadProblem = 'not-found' | 'outdated' | null;

/** This editor's own changes carry this origin, so an undo manager can tell them from others'. */
export const LOCAL_ORIGIN = { source: 'klantreis-editor' } as const;

/**
 * Connects to the journey's Yjs document and exposes it as the open JSON format, recomputed
 * lazily after each change so React renders from plain objects.
 */
export function useCollaborativeJourney(journeyId: string) {
  const doc = useMemo(() => new Y.Doc(), [journeyId]);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [synced, setSynced] = useState(false);
  const [problem, setProblem] = useState<LoadProblem>(null);

  useEffect(() => {
    const provider = new HocuspocusProvider({
      url: collabUrl(location.origin),
      name: journeyId,
      document: doc,
      token: 'editor',
      onStatus: ({ status: next }) => setStatus(next as ConnectionStatus),
      onSynced: () => setSynced(true),
      onAuthenticationFailed: ({ reason }) => {
        if (reason === CLOSE_CODES.journeyNotFound.reason) setProblem('not-found');
      },
      onClose: ({ event }) => {
        if (event.code === CLOSE_CODES.protocolOutdated.code) setProblem('outdated');
      },
    });
    return () => {
      provider.destroy();
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
  return { doc, journey: synced ? journey : null, status, problem };
}
