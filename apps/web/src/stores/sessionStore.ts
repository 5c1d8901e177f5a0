import { create } from 'zustand';
import { accountsApi, type Me } from '../api/accountsApi.ts';
import { ApiError, SIGNED_OUT_EVENT } from '../api/journeysApi.ts';
import { setLanguage, type UiLanguage } from '../i18n/i18n.ts';

interface SessionState {
  /** undefined while loading; null when nobody is signed in. */
  me: Me | null | undefined;
  /** Set when a session ended while the app was open (not at the first load). */
  endedWhileOpen: boolean;
  /** Unread entries in the inbox, refreshed while the app is open. */
  unread: number;
  refreshUnread(): Promise<void>;
  load(): Promise<void>;
  signOut(): Promise<void>;
  /** The person's choice of UI language (null: follow the browser), kept with their account when signed in. */
  chooseLanguage(language: UiLanguage | null): Promise<void>;
}

/** Who is signed in: read once at start, again after signing in, cleared on any 401. */
export const useSession = create<SessionState>((set, get) => ({
  me: undefined,
  endedWhileOpen: false,
  unread: 0,
  async refreshUnread() {
    try {
      set({ unread: (await accountsApi.inbox()).unread });
    } catch {
      // A failed count keeps the last one; a 401 signs out through SIGNED_OUT_EVENT.
    }
  },
  async load() {
    try {
      const me = await accountsApi.me();
      // The language kept with the account wins over this device's: it follows the person.
      if (me.user.language) setLanguage(me.user.language);
      set({ me, endedWhileOpen: false });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) set({ me: null });
      else throw error;
    }
  },
  async signOut() {
    await accountsApi.signOut().catch(() => undefined);
    set({ me: null, endedWhileOpen: false });
  },
  async chooseLanguage(language) {
    setLanguage(language);
    const me = get().me;
    if (!me || me.user.language === language) return;
    await accountsApi.updateProfile({ language });
    set({ me: { ...me, user: { ...me.user, language } } });
  },
}));

window.addEventListener(SIGNED_OUT_EVENT, () => {
  if (useSession.getState().me) useSession.setState({ me: null, endedWhileOpen: true });
});

/** The inbox count follows new mentions within half a minute while someone is signed in. */
const UNREAD_REFRESH_MS = 30_000;
setInterval(() => {
  if (useSession.getState().me) void useSession.getState().refreshUnread();
}, UNREAD_REFRESH_MS);
useSession.subscribe((state, previous) => {
  if (state.me && state.me !== previous.me) void state.refreshUnread();
});
