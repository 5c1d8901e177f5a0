import { create } from 'zustand';

// UI state only: the journey itself lives in the Yjs document.
interface EditorState {
  selectedStepId: string | null;
  personasOpen: boolean;
  /** The last edit the document refused, shown until the next edit. */
  rejectedEdit: string | null;
  selectStep(stepId: string | null): void;
  setPersonasOpen(open: boolean): void;
  setRejectedEdit(message: string | null): void;
}

export const useEditorStore = create<EditorState>((set) => ({
  selectedStepId: null,
  personasOpen: false,
  rejectedEdit: null,
  selectStep: (selectedStepId) => set({ selectedStepId }),
  setPersonasOpen: (personasOpen) => set({ personasOpen }),
  setRejectedEdit: (rejectedEdit) => set({ rejectedEdit }),
}));
