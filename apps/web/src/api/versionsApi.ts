import type { ApprovalRequest, ApprovalRequestBody, ApprovalStatus, Decision, DecisionBody, Restored, VersionInfo } from '@klantreis/core/contracts';
import type { JourneyComparison, JourneyDocument } from '@klantreis/schema';
import { request } from './journeysApi.ts';

// The requests and answers are core's contracts (@klantreis/core/contracts, types only here).
export type { ApprovalRequest, ApprovalStatus, Decision, VersionInfo };

const base = (journeyId: string) => `/api/journeys/${encodeURIComponent(journeyId)}`;
const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

/** Versions, compare, restore and approval rounds (apps/server/src/routes/versions). */
export const versionsApi = {
  list: (journeyId: string) => request<VersionInfo[]>(`${base(journeyId)}/versions`),
  save: (journeyId: string, body: { name: string; author: string }) => request<VersionInfo>(`${base(journeyId)}/versions`, post(body)),
  open: (journeyId: string, versionId: string) => request<JourneyDocument>(`${base(journeyId)}/versions/${encodeURIComponent(versionId)}`),
  compare: (journeyId: string, from: string, to: string) =>
    request<JourneyComparison>(`${base(journeyId)}/compare?${new URLSearchParams({ from, to })}`),
  restore: (journeyId: string, versionId: string, author: string) =>
    request<Restored>(`${base(journeyId)}/versions/${encodeURIComponent(versionId)}/restore`, post({ author })),
  requestApproval: (journeyId: string, body: ApprovalRequestBody) =>
    request<ApprovalRequest>(`${base(journeyId)}/approvals`, post(body)),
  decide: (journeyId: string, requestId: string, body: DecisionBody) =>
    request<ApprovalRequest>(`${base(journeyId)}/approvals/${encodeURIComponent(requestId)}/decisions`, post(body)),
  approval: (journeyId: string) => request<ApprovalStatus>(`${base(journeyId)}/approval`),
};
