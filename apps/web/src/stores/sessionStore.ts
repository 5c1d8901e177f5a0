import { create } from 'zustand';
import { accountsApi, type Me } from '../api/accountsApi.ts';
import { ApiError, SIGNED_OUT_EVENT } from '../api/journeysApi.ts';

interface SessionState {
  /** undefined while loading; null when nobody is signed in. */
  me: Me | null | undefined;
  /** Set when a session ended while the app was open (not at the first load). */
  endedWhileOpen: boolean;
  load(): Promise<void>;
  signOut(): Promise<void>;
}

/** Who is signed in: read once at start, again after signing in, cleared on any 401. */
export const useSession = create<SessionState>((set) => ({
  me: undefined,
  endedWhileOpen: false,
  async load() {
    try {
      set({ me: await accountsApi.me(), endedWhileOpen: false });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) set({ me: null });
      else throw error;
    }
  },
  async signOut() {
    await accountsApi.signOut().catch(() => undefined);
    set({ me: null, endedWhileOpen: false });
  },
}));

window.addEventListener(SIGNED_OUT_EVENT, () => {
  if (useSession.getState().me) useSession.setState({ me: null, endedWhileOpen: true });
});
