import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { accountsApi, type InboxEntry, type Me } from '../api/accountsApi.ts';
import { ApiError, SIGNED_OUT_EVENT } from '../api/journeysApi.ts';
import { setLanguage, type UiLanguage } from '../i18n/i18n.ts';
import { useSessionEnd } from '../stores/sessionStore.ts';
import { queryClient } from './queryClient.ts';

/** Who is signed in; null when nobody is. The first answer is the one public/early.js asked for with the page. */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<Me | null> => {
    try {
      const me = await accountsApi.me();
      // The language kept with the account wins over this device's: it follows the person.
      if (me.user.language) setLanguage(me.user.language);
      useSessionEnd.setState({ endedWhileOpen: false });
      return me;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  // Read once at start and again after anything that changes it (signing in, a profile edit).
  staleTime: Infinity,
});

/** Whether the server still waits for its first owner (the sign-in and setup pages say so). */
export const setupStatusQuery = queryOptions({ queryKey: ['setup-status'], queryFn: () => accountsApi.setupStatus() });

/** The single sign-on provider offered on the sign-in page, if any. */
export const providersQuery = queryOptions({ queryKey: ['auth-providers'], queryFn: () => accountsApi.providers(), staleTime: Infinity });

/** What an invitation link offers (workspace, journey, role); an error when it no longer holds. */
export function invitationQuery(token: string) {
  return queryOptions({ queryKey: ['invitation', token], queryFn: () => accountsApi.invitation(token) });
}

/** undefined while loading; null when nobody is signed in. */
export function useMe(): Me | null | undefined {
  return useQuery(meQuery).data;
}

/** Reads the session again (after signing in, joining, a profile change); rejects as the request does. */
export async function refreshMe(): Promise<Me | null> {
  return queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
}

/** Forgets every answer of the person who was signed in: the next one on this tab must not see them. */
export function forgetSession(endedWhileOpen = false): void {
  useSessionEnd.setState({ endedWhileOpen });
  // The session's own entry is set, not removed, so that every page watching it follows at once.
  queryClient.setQueryData(meQuery.queryKey, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQuery.queryKey[0] });
  queryClient.getMutationCache().clear();
}

// Any 401 means the session is gone (signed out elsewhere, expired, revoked).
window.addEventListener(SIGNED_OUT_EVENT, () => {
  if (queryClient.getQueryData(meQuery.queryKey)) forgetSession(true);
});

export async function signOut(): Promise<void> {
  await accountsApi.signOut().catch(() => undefined);
  forgetSession(false);
}

/** The person's choice of UI language (null: follow the browser), kept with their account when signed in. */
export function useChooseLanguage() {
  return useMutation({
    mutationFn: async (language: UiLanguage | null) => {
      setLanguage(language);
      const me = queryClient.getQueryData(meQuery.queryKey);
      if (!me || me.user.language === language) return;
      await accountsApi.updateProfile({ language });
      const next: Me = { ...me, user: { ...me.user, language } };
      queryClient.setQueryData(meQuery.queryKey, next);
    },
  });
}

/**
 * Mentions and approval requests for the signed-in person. Nothing pushes a new one to the
 * browser (they arrive by other people's comments and requests, on other journeys), so the
 * count is asked for again every half minute while someone is signed in, and when the window
 * comes back into focus.
 */
const UNREAD_REFRESH_MS = 30_000;

export function inboxQuery(userId: string | undefined) {
  return queryOptions<{ unread: number; items: InboxEntry[] }>({
    queryKey: ['inbox', userId],
    queryFn: () => accountsApi.inbox(),
    enabled: userId !== undefined,
    refetchInterval: UNREAD_REFRESH_MS,
  });
}

/** `fresh`: ask again when the caller appears (the inbox page), not only once the last answer is old. */
export function useInbox({ fresh = false }: { fresh?: boolean } = {}) {
  const me = useMe();
  return useQuery({ ...inboxQuery(me?.user.id), refetchOnMount: fresh ? 'always' : true });
}

export function useMarkRead() {
  return useMutation({
    mutationFn: (ids?: string[]) => accountsApi.markRead(ids),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['inbox'] }),
  });
}
