import { createContext, useCallback, useContext } from 'react';
import type * as Y from 'yjs';
import { RecordValidationError } from '@klantreis/sync';
import { useEditorStore } from '../stores/editorStore.ts';
import { LOCAL_ORIGIN } from './useCollaborativeJourney.ts';

export const JourneyDocContext = createContext<Y.Doc | null>(null);

/**
 * Runs a mutation from @klantreis/sync on the open document. A refused edit (a field out of
 * range) is shown to the user instead of thrown; the document stays as it was.
 */
export function useJourneyEdit() {
  const doc = useContext(JourneyDocContext);
  return useCallback(
    <T>(mutation: (doc: Y.Doc, origin: unknown) => T): T | undefined => {
      if (!doc) return undefined;
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
    [doc],
  );
}
