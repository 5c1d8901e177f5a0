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
  const setRejectedEdit = useEditorStore((s) => s.setRejectedEdit);
  return useCallback(
    <T>(mutation: (doc: Y.Doc, origin: unknown) => T): T | undefined => {
      if (!doc) return undefined;
      try {
        const result = mutation(doc, LOCAL_ORIGIN);
        setRejectedEdit(null);
        return result;
      } catch (error) {
        if (error instanceof RecordValidationError) {
          setRejectedEdit(error.message);
          return undefined;
        }
        throw error;
      }
    },
    [doc, setRejectedEdit],
  );
}
