import { createContext, useContext, useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExperienceRollup } from '@klantreis/core/contracts';
import { experienceQuery } from '../queries/portfolio.ts';

// The roll-up of an open experience map, kept live by its server-sent event stream: the server
// sends the whole roll-up at once and again after every change of the map or of a journey it
// links (a score, a trash or restore, an import), so there is nothing to poll or to patch here.
// EventSource reconnects by itself after a dropped connection, and the first event after that
// brings the roll-up up to date.

export type ExperienceRollupState = { status: 'loading' } | { status: 'ready'; rollup: ExperienceRollup } | { status: 'failed'; error: string; accessEnded?: boolean };

export const ExperienceRollupContext = createContext<ExperienceRollupState | null>(null);

export function useExperienceRollupStream(journeyId: string, enabled: boolean): ExperienceRollupState | null {
  const client = useQueryClient();
  // The stream writes the roll-up into the cache the portfolio's board reads too (a board seen
  // before shows at once); nothing here asks for it by request.
  const rollup = useQuery({ ...experienceQuery(journeyId), enabled: false }).data;
  const [problem, setProblem] = useState<{ error: string; accessEnded?: boolean } | null>(null);
  useEffect(() => {
    if (!enabled) return undefined;
    setProblem(null);
    const queryKey = experienceQuery(journeyId).queryKey;
    const source = new EventSource(`/api/journeys/${encodeURIComponent(journeyId)}/experience/events`);
    source.addEventListener('rollup', (event) => {
      client.setQueryData(queryKey, JSON.parse((event as MessageEvent<string>).data) as ExperienceRollup);
      setProblem(null);
    });
    source.addEventListener('failed', (event) => setProblem({ error: (JSON.parse((event as MessageEvent<string>).data) as { error: string }).error }));
    // The person's access to this map ended (the server closes the stream): no reconnecting.
    source.addEventListener('access-ended', () => {
      source.close();
      setProblem({ error: 'access ended', accessEnded: true });
    });
    return () => source.close();
  }, [client, journeyId, enabled]);
  if (!enabled) return null;
  if (problem) return { status: 'failed', ...problem };
  return rollup ? { status: 'ready', rollup } : { status: 'loading' };
}

/** The open experience map's roll-up; null outside one. */
export function useExperienceRollup(): ExperienceRollupState | null {
  return useContext(ExperienceRollupContext);
}
