import type { ExperienceRollup, OpportunitiesResponse, PortfolioFields, PortfolioFieldsPatch, PortfolioResponse, SavedPortfolioView } from '@klantreis/core/contracts';
import { takeEarly } from './earlyRequests.ts';
import { readAnswer, request } from './journeysApi.ts';

// The portfolio's HTTP calls. The answers are core's contract types: one definition for the
// server, the CLI and this app.

/** A saved view of the portfolio: its name and the filter, sort and grouping as stored JSON. */
export type SavedView = SavedPortfolioView;

/** What an editor may change of a journey from the portfolio; leave out what stays. */
export type PortfolioPatch = PortfolioFieldsPatch;

const workspaceQuery = (workspaceId: string) => `workspace=${encodeURIComponent(workspaceId)}`;

/** A portfolio asked for while the app starts, before the session says which workspace (see prefetchPortfolio). */
let early: Promise<PortfolioResponse> | null = null;

/**
 * Asks for the portfolio of `workspaceId`, or of the person's first workspace when the URL names
 * none, as soon as the app's script runs on /portfolio: beside the session request instead of
 * after it, one round trip less before the table.
 */
export function prefetchPortfolio(workspaceId: string | null): void {
  // The page asked for it already (public/early.js), before this script had even loaded.
  const asked = takeEarly('portfolio');
  early = asked ? asked.then((response) => readAnswer<PortfolioResponse>(response)) : request<PortfolioResponse>(`/api/portfolio${workspaceId ? `?${workspaceQuery(workspaceId)}` : ''}`);
  early.catch(() => undefined);
}

export const portfolioApi = {
  /** The portfolio of a workspace; the prefetched answer when it is for that workspace. */
  journeys: async (workspaceId: string): Promise<PortfolioResponse> => {
    const prefetched = early;
    early = null;
    const answer = await prefetched?.catch(() => null);
    if (answer && answer.workspaceId === workspaceId) return answer;
    return request<PortfolioResponse>(`/api/portfolio?${workspaceQuery(workspaceId)}`);
  },
  opportunities: (workspaceId: string) => request<OpportunitiesResponse>(`/api/portfolio/opportunities?${workspaceQuery(workspaceId)}`),
  /** The server's CSV of the opportunities, with its column names in `lang`. */
  opportunitiesCsvUrl: (workspaceId: string, lang: 'nl' | 'en') => `/api/portfolio/opportunities?${workspaceQuery(workspaceId)}&format=csv&lang=${lang}`,
  views: (workspaceId: string) => request<SavedView[]>(`/api/portfolio/views?${workspaceQuery(workspaceId)}`),
  saveView: (workspaceId: string, name: string, state: unknown) =>
    request<SavedView>('/api/portfolio/views', { method: 'POST', body: JSON.stringify({ workspaceId, name, state }) }),
  deleteView: (id: string) => request<void>(`/api/portfolio/views/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  /** An experience map's stages in time order with their roll-up (the lifecycle board's columns). */
  experience: (experienceMapId: string) => request<ExperienceRollup>(`/api/journeys/${encodeURIComponent(experienceMapId)}/experience`),
  update: (journeyId: string, patch: PortfolioPatch) =>
    request<PortfolioFields>(`/api/journeys/${encodeURIComponent(journeyId)}/portfolio`, { method: 'PATCH', body: JSON.stringify(patch) }),
};
