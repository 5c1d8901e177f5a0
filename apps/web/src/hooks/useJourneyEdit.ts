import { createContext, useCallback, useContext } from 'react';
import i18next from 'i18next';
import type * as Y from 'yjs';
import { RecordValidationError } from '@klantreis/sync';
import { useEditorStore } from '../stores/editorStore.ts';
import { LOCAL_ORIGIN } from './useCollaborativeJourney.ts';
import { useCan } from './useJourneyAccess.ts';

export const JourneyDocContext = createContext<Y.Doc | null>(null);

/**
 * Runs a mutation from @klantreis/sync on the open document. A refused edit (a field out of
 * range) is shown to the user instead of thrown; the document stays as it was.
 *
 * `scope` is what the mutation changes: the map (editors), or comments and votes
 * (commenters too). An edit the person's role may not make is not made: the server would
 * refuse it and close the connection (4403).
 */
export function useJourneyEdit(scope: 'map' | 'comment' = 'map') {
  const doc = useContext(JourneyDocContext);
  const allowed = useCan(scope === 'map' ? 'journey.edit' : 'journey.comment');
  return useCallback(
    <T>(mutation: (doc: Y.Doc, origin: unknown) => T): T | undefined => {
      if (!doc) return undefined;
      if (!allowed) {
        useEditorStore.getState().setRejectedEdit(i18next.t('access.readOnly.refused'));
        return undefined;
      }
      try {
        const result = mutation(doc, LOCAL_ORIGIN);
        // Read the store at call time: a subscription here would be one per cell on a big map.
        const { rejectedEdit, setRejectedEdit } = useEditorStore.getState();
        if (rejectedEdit) setRejectedEdit(null);
        return result;
      } catch (error) {
        if (error instanceof RecordValidationError) {
          useEditorStore.getState().setRejectedEdit(error.message);
          return undefined;
        }
        throw error;
      }
    },
    [doc, allowed],
  );
}
