import { createContext, useContext, useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Action } from '@klantreis/core/contracts';
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
  return useQuery(journeyPeopleQuery(journeyId)).data ?? NOBODY;
}
