import { create } from 'zustand';

// Who is signed in is server data (queries/session.ts); what is kept here is only how the
// session ended, which the sign-in page tells.
interface SessionEndState {
  /** Set when a session ended while the app was open (not at the first load). */
  endedWhileOpen: boolean;
}

export const useSessionEnd = create<SessionEndState>(() => ({ endedWhileOpen: false }));
