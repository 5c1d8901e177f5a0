import type { JourneyDocument } from '@klantreis/schema';
import type { ErrorResponse, LinkShows, NewLink, OpenedLink, Position, ShareLinkInfo, SharedJourney as SharedJourneyAnswer, WorkspaceLink } from '@klantreis/core/contracts';
import { ApiError, request } from './journeysApi.ts';

// The requests and answers are core's contracts (@klantreis/core/contracts, types only here).
export type { LinkShows };
export type ShareLink = ShareLinkInfo;
/** The shared journey as a viewer reads it; its document typed as @klantreis/schema's. */
export type SharedJourney = Omit<SharedJourneyAnswer, 'document'> & { document: JourneyDocument };

/** The state of a link in words: live, expired or revoked. */
export function linkState(link: ShareLink, now = Date.now()): 'live' | 'expired' | 'revoked' {
  if (link.revokedAt !== null) return 'revoked';
  if (link.expiresAt !== null && link.expiresAt <= now) return 'expired';
  return 'live';
}

/** A viewer's request: a refusal is the viewer's to show, never the signed-in app's sign-out. */
async function viewerRequest<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, { ...init, headers: init.body ? { 'content-type': 'application/json' } : undefined });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as Partial<ErrorResponse>;
    throw new ApiError(response.status, body.error ?? response.statusText);
  }
  return (await response.json()) as T;
}

export const sharingApi = {
  links: (journeyId: string) => request<ShareLink[]>(`/api/journeys/${encodeURIComponent(journeyId)}/links`),
  workspaceLinks: (workspaceId: string) => request<WorkspaceLink[]>(`/api/workspaces/${encodeURIComponent(workspaceId)}/links`),
  create: (journeyId: string, body: NewLink) =>
    request<ShareLink>(`/api/journeys/${encodeURIComponent(journeyId)}/links`, { method: 'POST', body: JSON.stringify(body) }),
  revoke: (journeyId: string, linkId: string) => request<void>(`/api/journeys/${encodeURIComponent(journeyId)}/links/${encodeURIComponent(linkId)}`, { method: 'DELETE' }),
  open: (token: string, password: string | null) => viewerRequest<OpenedLink>('/api/shared/open', { method: 'POST', body: JSON.stringify({ token, password }) }),
  journey: () => viewerRequest<SharedJourney>('/api/shared/journey'),
  movePresentation: (stepIndex: number) => viewerRequest<Position>('/api/shared/presentation', { method: 'POST', body: JSON.stringify({ stepIndex }) }),
  moveJourneyPresentation: (journeyId: string, stepIndex: number) => request<Position>(`/api/journeys/${encodeURIComponent(journeyId)}/presentation`, { method: 'POST', body: JSON.stringify({ stepIndex }) }),
};
