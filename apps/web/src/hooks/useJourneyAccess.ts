import { createContext, useContext, useEffect, useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Action } from '@klantreis/core/contracts';
import { participantKeyOf } from '@klantreis/schema';
import { usePresenceStore } from '../stores/presenceStore.ts';
import type { JourneyAccess, Member } from '../api/accountsApi.ts';
import { journeyAccessQuery, journeyPeopleQuery } from '../queries/journeys.ts';

/** The signed-in person's role on the open journey, and what the server's policy lets it do. */
export const JourneyAccessContext = createContext<JourneyAccess | null>(null);

/** Sent on window when the collaboration server says the person's access changed (4409, 4403). */
export const ACCESS_CHANGED_EVENT = 'klantreis:access-changed';

const NO_ACCESS: JourneyAccess = { role: null, can: {} };

/** Read at opening and again when the collaboration server says it changed; a refusal allows nothing. */
export function useJourneyAccess(journeyId: string): JourneyAccess | null {
  const client = useQueryClient();
  const read = useQuery(journeyAccessQuery(journeyId));
  useEffect(() => {
    const again = () => void client.invalidateQueries({ queryKey: journeyAccessQuery(journeyId).queryKey });
    window.addEventListener(ACCESS_CHANGED_EVENT, again);
    return () => window.removeEventListener(ACCESS_CHANGED_EVENT, again);
  }, [client, journeyId]);
  return read.isError ? NO_ACCESS : (read.data ?? null);
}

/**
 * Whether the person may take `action` on the open journey. Outside a journey (no context)
 * nothing is limited here; while the answer is on its way, nothing is allowed.
 */
export function useCan(action: Action): boolean {
  const access = useContext(JourneyAccessContext);
  return useContext(JourneyAccessKnown) ? access?.can[action] === true : true;
}

/** True inside a journey's editor, where JourneyAccessContext is authoritative (even while null). */
export const JourneyAccessKnown = createContext(false);

/** Everyone with a role on the open journey: whom a comment can @mention. */
export const JourneyPeopleContext = createContext<readonly Member[]>([]);

const NOBODY: readonly Member[] = [];

export function useJourneyPeople(journeyId: string): readonly Member[] {
  const client = useQueryClient();
  const read = useQuery(journeyPeopleQuery(journeyId));
  const people = read.data ?? NOBODY;
  // Someone in the map whom the list lacks joined after it was read (perhaps with a name someone
  // else has): read it again, so that a mention can pick them, by their account.
  const keys = useMemo(() => new Set(people.map((p) => participantKeyOf(p.userId))), [people]);
  const newcomers = usePresenceStore((s) =>
    s.peers
      .map((peer) => peer.key)
      .filter((key) => !keys.has(key))
      .sort()
      .join(' '),
  );
  // Once per newcomer: a list that still lacks them (read again, the key is the same) is not read again and again.
  const loaded = read.isSuccess;
  useEffect(() => {
    if (loaded && newcomers !== '') void client.invalidateQueries({ queryKey: journeyPeopleQuery(journeyId).queryKey });
  }, [client, journeyId, loaded, newcomers]);
  return people;
}
