import { useEffect } from 'react';
import type * as Y from 'yjs';
import { useVersionsStore } from '../stores/versionsStore.ts';
import { publish, remoteStates, type Awareness } from './awareness.ts';

// "Changed since approved" follows the map's edits; a pause in typing is soon enough.
const EDIT_SETTLE_MS = 1_500;

/**
 * Keeps the versions store of the open journey current: at start, when anyone saves a
 * version or decides on an approval (they bump a counter in their awareness state), and a
 * moment after the map changes, for the "changed since approved" mark.
 */
export function useVersionsSync(journeyId: string, doc: Y.Doc, awareness: Awareness | null): void {
  useEffect(() => {
    void useVersionsStore.getState().refresh(journeyId);
    return () => useVersionsStore.getState().reset();
  }, [journeyId]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = () => {
      if (timer) clearTimeout(timer);
      // Only an approved map can have "changed since"; others need not ask on every pause.
      if (!useVersionsStore.getState().approval?.approvedVersion) return;
      timer = setTimeout(() => void useVersionsStore.getState().refresh(journeyId), EDIT_SETTLE_MS);
    };
    doc.on('update', onUpdate);
    return () => {
      if (timer) clearTimeout(timer);
      doc.off('update', onUpdate);
    };
  }, [doc, journeyId]);

  useEffect(() => {
    if (!awareness) return undefined;
    publish(awareness, 'versionsRevision', useVersionsStore.getState().revision);
    const unsubscribe = useVersionsStore.subscribe((state, previous) => {
      if (state.revision !== previous.revision) publish(awareness, 'versionsRevision', state.revision);
    });
    const seen = new Map<number, number>();
    const onChange = () => {
      let someoneChanged = false;
      for (const [clientId, state] of remoteStates(awareness)) {
        const revision = state.versionsRevision ?? 0;
        if (seen.has(clientId) && seen.get(clientId) !== revision) someoneChanged = true;
        seen.set(clientId, revision);
      }
      if (someoneChanged) void useVersionsStore.getState().refresh(journeyId);
    };
    onChange();
    awareness.on('change', onChange);
    return () => {
      unsubscribe();
      awareness.off('change', onChange);
    };
  }, [awareness, journeyId]);
}
