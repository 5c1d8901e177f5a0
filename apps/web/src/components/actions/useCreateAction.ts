import { useCallback } from 'react';
import { MAX_TITLE_LENGTH, type StepId } from '@klantreis/schema';
import { addAction } from '@klantreis/sync';
import { useJourneyEdit } from '../../hooks/useJourneyEdit.ts';
import { useEditorStore } from '../../stores/editorStore.ts';

/**
 * Creates an improvement action (from a finding, a step or the list) and opens it in the
 * actions tab with its title focused, so the person who made it names it straight away.
 */
export function useCreateAction() {
  const edit = useJourneyEdit();
  return useCallback(
    (fields: { title: string; stepIds: readonly string[]; sourceRule?: string | null }) => {
      const title = fields.title.length > MAX_TITLE_LENGTH ? `${fields.title.slice(0, MAX_TITLE_LENGTH - 1)}…` : fields.title;
      const id = edit((doc, origin) => addAction(doc, { title, stepIds: fields.stepIds as StepId[], sourceRule: fields.sourceRule ?? null }, origin));
      if (id) {
        const store = useEditorStore.getState();
        store.setFocusActionId(id);
        store.setSideTab('actions');
      }
      return id;
    },
    [edit],
  );
}
