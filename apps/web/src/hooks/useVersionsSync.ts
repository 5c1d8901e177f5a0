import { useEffect } from 'react';
import { matchMutation, useQueryClient } from '@tanstack/react-query';
import type * as Y from 'yjs';
import { versionsKeys, versionsQuery } from '../queries/versions.ts';
import { publish, remoteStates, type Awareness } from './awareness.ts';
import { onDocumentChange } from './documentChanges.ts';

// "Changed since approved" follows the map's edits; a pause in typing is soon enough.
const EDIT_SETTLE_MS = 1_500;

/**
 * Keeps the versions of the open journey current (queries/versions.ts): when anyone saves a
 * version or decides on an approval (they bump a counter in their awareness state), and a
 * moment after the map changes, for the "changed since approved" mark.
 */
export function useVersionsSync(journeyId: string, doc: Y.Doc, awareness: Awareness | null): void {
  const client = useQueryClient();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = () => {
      if (timer) clearTimeout(timer);
      // Only an approved map can have "changed since"; others need not ask on every pause.
      if (!client.getQueryData(versionsQuery(journeyId).queryKey)?.approval?.approvedVersion) return;
      timer = setTimeout(() => void client.invalidateQueries({ queryKey: versionsKeys.read(journeyId) }), EDIT_SETTLE_MS);
    };
    const stop = onDocumentChange(doc, onUpdate);
    return () => {
      if (timer) clearTimeout(timer);
      stop();
    };
  }, [client, doc, journeyId]);

  useEffect(() => {
    if (!awareness) return undefined;
    // This person's own changes: a counter the others watch.
    let revision = 0;
    publish(awareness, 'versionsRevision', revision);
    const unsubscribe = client.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success') return;
      if (matchMutation({ mutationKey: versionsKeys.change(journeyId), exact: true }, event.mutation)) publish(awareness, 'versionsRevision', ++revision);
    });
    const seen = new Map<number, number>();
    const onChange = () => {
      let someoneChanged = false;
      for (const [clientId, state] of remoteStates(awareness)) {
        const theirs = state.versionsRevision ?? 0;
        if (seen.has(clientId) && seen.get(clientId) !== theirs) someoneChanged = true;
        seen.set(clientId, theirs);
      }
      if (someoneChanged) void client.invalidateQueries({ queryKey: versionsKeys.read(journeyId) });
    };
    onChange();
    awareness.on('change', onChange);
    return () => {
      unsubscribe();
      awareness.off('change', onChange);
    };
  }, [awareness, client, journeyId]);
}
