import type { JourneyDocument } from '@klantreis/schema';
import { ApiError, request } from './journeysApi.ts';

export interface LinkShows {
  lanes: boolean;
  evaluation: boolean;
  measurement: boolean;
  comments: boolean;
}

export interface ShareLink {
  id: string;
  journeyId: string;
  url: string;
  hasPassword: boolean;
  shows: LinkShows;
  createdByName: string;
  createdAt: number;
  expiresAt: number | null;
  lastOpenedAt: number | null;
  revokedAt: number | null;
}

export interface SharedJourney {
  document: JourneyDocument;
  shows: LinkShows;
  measured: { stepId: string; score: number | null }[];
}

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
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new ApiError(response.status, body.error ?? response.statusText);
  }
  return (await response.json()) as T;
}

export const sharingApi = {
  links: (journeyId: string) => request<ShareLink[]>(`/api/journeys/${encodeURIComponent(journeyId)}/links`),
  workspaceLinks: (workspaceId: string) => request<(ShareLink & { journeyTitle: string })[]>(`/api/workspaces/${encodeURIComponent(workspaceId)}/links`),
  create: (journeyId: string, body: { password: string | null; expiresAt: number | null; shows: LinkShows }) =>
    request<ShareLink>(`/api/journeys/${encodeURIComponent(journeyId)}/links`, { method: 'POST', body: JSON.stringify(body) }),
  revoke: (journeyId: string, linkId: string) => request<void>(`/api/journeys/${encodeURIComponent(journeyId)}/links/${encodeURIComponent(linkId)}`, { method: 'DELETE' }),
  open: (token: string, password: string | null) => viewerRequest<{ journeyId: string; shows: LinkShows }>('/api/shared/open', { method: 'POST', body: JSON.stringify({ token, password }) }),
  journey: () => viewerRequest<SharedJourney>('/api/shared/journey'),
  movePresentation: (stepIndex: number) => viewerRequest<unknown>('/api/shared/presentation', { method: 'POST', body: JSON.stringify({ stepIndex }) }),
  moveJourneyPresentation: (journeyId: string, stepIndex: number) => request<unknown>(`/api/journeys/${encodeURIComponent(journeyId)}/presentation`, { method: 'POST', body: JSON.stringify({ stepIndex }) }),
};
