import { createContext, useContext, useEffect, useState } from 'react';
import type { ExperienceRollup } from '@klantreis/core/contracts';

// The roll-up of an open experience map, kept live by its server-sent event stream: the server
// sends the whole roll-up at once and again after every change of the map or of a journey it
// links (a score, a trash or restore, an import), so there is nothing to poll or to patch here.
// EventSource reconnects by itself after a dropped connection, and the first event after that
// brings the roll-up up to date.

export type ExperienceRollupState = { status: 'loading' } | { status: 'ready'; rollup: ExperienceRollup } | { status: 'failed'; error: string; accessEnded?: boolean };

export const ExperienceRollupContext = createContext<ExperienceRollupState | null>(null);

export function useExperienceRollupStream(journeyId: string, enabled: boolean): ExperienceRollupState | null {
  const [state, setState] = useState<ExperienceRollupState | null>(null);
  useEffect(() => {
    if (!enabled) {
      setState(null);
      return undefined;
    }
    setState({ status: 'loading' });
    const source = new EventSource(`/api/journeys/${encodeURIComponent(journeyId)}/experience/events`);
    source.addEventListener('rollup', (event) => setState({ status: 'ready', rollup: JSON.parse((event as MessageEvent<string>).data) as ExperienceRollup }));
    source.addEventListener('failed', (event) => setState({ status: 'failed', error: (JSON.parse((event as MessageEvent<string>).data) as { error: string }).error }));
    // The person's access to this map ended (the server closes the stream): no reconnecting.
    source.addEventListener('access-ended', () => {
      source.close();
      setState({ status: 'failed', error: 'access ended', accessEnded: true });
    });
    return () => source.close();
  }, [journeyId, enabled]);
  return state;
}

/** The open experience map's roll-up; null outside one. */
export function useExperienceRollup(): ExperienceRollupState | null {
  return useContext(ExperienceRollupContext);
}
