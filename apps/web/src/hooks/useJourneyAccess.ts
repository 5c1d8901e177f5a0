import { createContext, useContext, useEffect, useState } from 'react';
import type { Action } from '@klantreis/core/contracts';
import { accountsApi, type JourneyAccess, type Member } from '../api/accountsApi.ts';

/** The signed-in person's role on the open journey, and what the server's policy lets it do. */
export const JourneyAccessContext = createContext<JourneyAccess | null>(null);

/** Sent on window when the collaboration server says the person's access changed (4409, 4403). */
export const ACCESS_CHANGED_EVENT = 'klantreis:access-changed';

export function useJourneyAccess(journeyId: string): JourneyAccess | null {
  const [access, setAccess] = useState<JourneyAccess | null>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    const again = () => setAsked((n) => n + 1);
    window.addEventListener(ACCESS_CHANGED_EVENT, again);
    return () => window.removeEventListener(ACCESS_CHANGED_EVENT, again);
  }, []);
  useEffect(() => {
    let current = true;
    accountsApi.journeyAccess(journeyId).then(
      (a) => current && setAccess(a),
      () => current && setAccess({ role: null, can: {} }),
    );
    return () => {
      current = false;
    };
  }, [journeyId, asked]);
  return access;
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

export function useJourneyPeople(journeyId: string): readonly Member[] {
  const [people, setPeople] = useState<readonly Member[]>([]);
  useEffect(() => {
    let current = true;
    accountsApi.people(journeyId).then(
      (all) => current && setPeople(all),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [journeyId]);
  return people;
}
