import { create } from 'zustand';
import type { RememberedModel } from '@klantreis/evaluation';

/** The three views of the side panel beside the map. */
export type SideTab = 'evaluation' | 'step' | 'actions' | 'versions' | 'comments' | 'workshop';

const NO_STEPS: readonly string[] = [];

// UI state only: the journey itself lives in the Yjs document.
interface EditorState {
  selectedStepId: string | null;
  /** The steps of the finding or chart point last clicked, highlighted on the map. */
  highlightedStepIds: readonly string[];
  sideTab: SideTab;
  panelOpen: boolean;
  /** How the evaluation computes the remembered score; each reader picks their own. */
  rememberedModel: RememberedModel;
  /** An action just created, whose title field takes the focus once it renders. */
  focusActionId: string | null;
  personasOpen: boolean;
  /** The last edit the document refused, shown until the next edit. */
  rejectedEdit: string | null;
  /** Selecting a step on the map opens its details. */
  selectStep(stepId: string | null): void;
  /** From a finding or a chart: select the first step and highlight them all, staying in the current view. */
  showSteps(stepIds: readonly string[]): void;
  setSideTab(tab: SideTab): void;
  setPanelOpen(open: boolean): void;
  setRememberedModel(model: RememberedModel): void;
  setFocusActionId(actionId: string | null): void;
  setPersonasOpen(open: boolean): void;
  setRejectedEdit(message: string | null): void;
}

export const useEditorStore = create<EditorState>((set) => ({
  selectedStepId: null,
  highlightedStepIds: NO_STEPS,
  sideTab: 'evaluation',
  panelOpen: true,
  rememberedModel: { kind: 'peak-end' },
  focusActionId: null,
  personasOpen: false,
  rejectedEdit: null,
  selectStep: (selectedStepId) =>
    set(selectedStepId === null ? { selectedStepId, highlightedStepIds: NO_STEPS } : { selectedStepId, highlightedStepIds: NO_STEPS, sideTab: 'step', panelOpen: true }),
  showSteps: (stepIds) => set({ selectedStepId: stepIds[0] ?? null, highlightedStepIds: stepIds.length > 0 ? [...stepIds] : NO_STEPS, panelOpen: true }),
  setSideTab: (sideTab) => set({ sideTab, panelOpen: true }),
  setPanelOpen: (panelOpen) => set({ panelOpen }),
  setRememberedModel: (rememberedModel) => set({ rememberedModel }),
  setFocusActionId: (focusActionId) => set({ focusActionId }),
  setPersonasOpen: (personasOpen) => set({ personasOpen }),
  setRejectedEdit: (rejectedEdit) => set({ rejectedEdit }),
}));
