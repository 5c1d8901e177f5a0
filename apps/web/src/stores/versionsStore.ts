import { create } from 'zustand';
import { versionsApi, type ApprovalStatus, type VersionInfo } from '../api/versionsApi.ts';

// The versions and approval rounds of the open journey, as the server last told them. They
// live outside the Yjs document, so they are fetched, and refetched when anyone changes them.
interface VersionsState {
  journeyId: string | null;
  versions: readonly VersionInfo[];
  approval: ApprovalStatus | null;
  loadError: string | null;
  /** Bumped after this person changes versions or approvals; published through awareness. */
  revision: number;
  refresh(journeyId: string): Promise<void>;
  /** After an own change: refetch, and let the others know. */
  changed(journeyId: string): Promise<void>;
  reset(): void;
}

export const useVersionsStore = create<VersionsState>((set, get) => ({
  journeyId: null,
  versions: [],
  approval: null,
  loadError: null,
  revision: 0,
  refresh: async (journeyId) => {
    try {
      const [versions, approval] = await Promise.all([versionsApi.list(journeyId), versionsApi.approval(journeyId)]);
      set({ journeyId, versions, approval, loadError: null });
    } catch (error) {
      // Offline or refused: keep what was shown, and say why it may be stale.
      set({ loadError: error instanceof Error ? error.message : String(error) });
    }
  },
  changed: async (journeyId) => {
    set({ revision: get().revision + 1 });
    await get().refresh(journeyId);
  },
  reset: () => set({ journeyId: null, versions: [], approval: null, loadError: null }),
}));
