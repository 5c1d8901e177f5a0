import type { ApprovalDecision, ApprovalRequest as StoredApprovalRequest, VersionInfo } from '@klantreis/db';
import type { JourneyComparison, JourneyDocument } from '@klantreis/schema';
import { request } from './journeysApi.ts';

// The rows as the server stores them (types only: nothing of @klantreis/db reaches the bundle).
export type { VersionInfo };

export type Decision = ApprovalDecision['decision'];

/** An approval round with its state, as the API answers it. */
export interface ApprovalRequest extends StoredApprovalRequest {
  state: 'pending' | Decision;
}

export interface ApprovalStatus {
  requests: ApprovalRequest[];
  approvedVersion: { versionId: string; name: string; approvedAt: number; changedSince: boolean } | null;
  /** Approvers are accounts, stored by e-mail address: their names as they are now. */
  names: Record<string, string>;
}

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
    request<{ restored: string; backupVersionId: string }>(`${base(journeyId)}/versions/${encodeURIComponent(versionId)}/restore`, post({ author })),
  requestApproval: (journeyId: string, body: { versionId: string; approvers: string[]; message: string }) =>
    request<ApprovalRequest>(`${base(journeyId)}/approvals`, post(body)),
  decide: (journeyId: string, requestId: string, body: { decision: Decision; comment: string }) =>
    request<ApprovalRequest>(`${base(journeyId)}/approvals/${encodeURIComponent(requestId)}/decisions`, post(body)),
  approval: (journeyId: string) => request<ApprovalStatus>(`${base(journeyId)}/approval`),
};
