import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Member, PortfolioJourney, PortfolioResponse } from '@klantreis/core/contracts';
import { portfolioApi, type PortfolioPatch } from '../api/portfolioApi.ts';

// The portfolio's reads: its table, saved views, opportunities, and the experience maps'
// stages for the lifecycle board.

export const portfolioKeys = {
  all: ['portfolio'] as const,
  journeys: (workspaceId: string) => ['portfolio', workspaceId, 'journeys'] as const,
  views: (workspaceId: string) => ['portfolio', workspaceId, 'views'] as const,
  opportunities: (workspaceId: string) => ['portfolio', workspaceId, 'opportunities'] as const,
  experience: (experienceMapId: string) => ['experience', experienceMapId] as const,
};

/** The first read takes the answer asked for while the app started (public/early.js, prefetchPortfolio). */
export function portfolioQuery(workspaceId: string | null) {
  return queryOptions({
    queryKey: portfolioKeys.journeys(workspaceId ?? ''),
    queryFn: () => portfolioApi.journeys(workspaceId ?? ''),
    enabled: workspaceId !== null,
  });
}

export function savedViewsQuery(workspaceId: string) {
  return queryOptions({ queryKey: portfolioKeys.views(workspaceId), queryFn: () => portfolioApi.views(workspaceId) });
}

export function opportunitiesQuery(workspaceId: string) {
  return queryOptions({ queryKey: portfolioKeys.opportunities(workspaceId), queryFn: () => portfolioApi.opportunities(workspaceId) });
}

/** An experience map's stages in time order with their roll-up. */
export function experienceQuery(experienceMapId: string) {
  return queryOptions({ queryKey: portfolioKeys.experience(experienceMapId), queryFn: () => portfolioApi.experience(experienceMapId) });
}

/**
 * An edit of a journey's owner, status, type or tags from its row: shown at once, undone if the
 * server refuses it, and the portfolio read again either way (a health light may follow).
 */
export function usePortfolioPatch(workspaceId: string | null, members: readonly Member[]) {
  const client = useQueryClient();
  const queryKey = portfolioKeys.journeys(workspaceId ?? '');
  return useMutation({
    mutationFn: ({ journey, change }: { journey: PortfolioJourney; change: PortfolioPatch }) => portfolioApi.update(journey.id, change),
    onMutate: async ({ journey, change }) => {
      await client.cancelQueries({ queryKey });
      const before = client.getQueryData<PortfolioResponse>(queryKey);
      const owner = change.ownerId === undefined ? journey.owner : { id: change.ownerId, name: members.find((m) => m.userId === change.ownerId)?.name ?? '' };
      const fields = { status: change.status ?? journey.status, kind: change.kind ?? journey.kind, tags: change.tags ?? journey.tags, owner };
      if (before) client.setQueryData<PortfolioResponse>(queryKey, { ...before, journeys: before.journeys.map((j) => (j.id === journey.id ? { ...j, ...fields } : j)) });
      return { before };
    },
    onError: (_error, _patch, context) => {
      if (context?.before) client.setQueryData(queryKey, context.before);
    },
    onSettled: () => client.invalidateQueries({ queryKey }),
  });
}
