import type {
  ApiTokenInfo,
  AuditAction,
  AuditEvent,
  AuthProviders,
  CreatedToken,
  InboxAnswer,
  InvitationInfo,
  InvitationJoined,
  JourneyAccess,
  LinkToHandOn,
  Me,
  Member,
  NewAccount,
  Notification,
  ProfilePatch,
  Role,
  SetupBody,
  SetupStatus,
  WorkspaceInfo,
} from '@klantreis/core/contracts';
import { takeEarly } from './earlyRequests.ts';
import { readAnswer, request } from './journeysApi.ts';

// The requests and answers are core's contracts (@klantreis/core/contracts, types only here):
// one definition for the server, the CLI and this app.
export type { AuditAction, AuditEvent, JourneyAccess, Me, Member, Role, WorkspaceInfo };
export type ApiToken = ApiTokenInfo;
export type InboxEntry = Notification;

const ws = (id: string) => `/api/workspaces/${encodeURIComponent(id)}`;
const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });

export const accountsApi = {
  /** Who is signed in; at the start the answer public/early.js asked for with the page. */
  me: async () => {
    const early = await takeEarly('me')?.catch(() => null);
    return early ? readAnswer<Me>(early) : request<Me>('/api/me');
  },
  setupStatus: () => request<SetupStatus>('/api/setup'),
  setup: (body: SetupBody) => request<Me>('/api/setup', post(body)),
  signIn: (email: string, password: string) => request<unknown>('/api/auth/sign-in/email', post({ email, password })),
  providers: () => request<AuthProviders>('/api/auth-providers'),
  /** Starts single sign-on: the answer is the IdP's address to go to. */
  startSso: (providerId: string) => request<{ url: string }>('/api/auth/sign-in/social', post({ provider: providerId, callbackURL: '/', errorCallbackURL: '/?sso=failed' })),
  signOut: () => request<unknown>('/api/auth/sign-out', post({})),
  /** Ends every session of this account, on every device, this one too. */
  signOutEverywhere: async () => {
    await request<unknown>('/api/auth/revoke-sessions', post({}));
  },
  changePassword: (currentPassword: string, newPassword: string) =>
    request<unknown>('/api/auth/change-password', post({ currentPassword, newPassword, revokeOtherSessions: true })),
  updateProfile: (patch: ProfilePatch) => request<void>('/api/me', { method: 'PATCH', body: JSON.stringify(patch) }),
  tokens: () => request<ApiToken[]>('/api/me/tokens'),
  createToken: (name: string, role: Role) => request<CreatedToken>('/api/me/tokens', post({ name, role })),
  revokeToken: (id: string) => request<void>(`/api/me/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  createWorkspace: (name: string) => request<WorkspaceInfo>('/api/workspaces', post({ name })),
  renameWorkspace: (workspaceId: string, name: string) => request<void>(ws(workspaceId), { method: 'PATCH', body: JSON.stringify({ name }) }),
  members: (workspaceId: string) => request<Member[]>(`${ws(workspaceId)}/members`),
  setRole: (workspaceId: string, userId: string, role: Role) =>
    request<void>(`${ws(workspaceId)}/members/${encodeURIComponent(userId)}`, { method: 'PUT', body: JSON.stringify({ role }) }),
  removeMember: (workspaceId: string, userId: string) => request<void>(`${ws(workspaceId)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
  passwordResetLink: (workspaceId: string, userId: string) => request<LinkToHandOn>(`${ws(workspaceId)}/members/${encodeURIComponent(userId)}/password-reset`, post({})),
  /** Mails the account of this address a link to choose a new password (when the server sends mail; the same answer for an unknown address). */
  requestPasswordReset: (email: string) => request<unknown>('/api/auth/request-password-reset', post({ email, redirectTo: '/reset-password' })),
  resetPassword: (token: string, newPassword: string) => request<unknown>('/api/auth/reset-password', post({ token, newPassword })),
  /** `email`: where Klantreis mails the link too, when the server sends mail. */
  invite: (workspaceId: string, role: Role, journeyId?: string, email?: string) => request<LinkToHandOn>(`${ws(workspaceId)}/invitations`, post({ role, journeyId, email })),
  audit: (workspaceId: string, filter: { action?: AuditAction } = {}) => {
    const query = new URLSearchParams();
    if (filter.action) query.set('action', filter.action);
    return request<AuditEvent[]>(`${ws(workspaceId)}/audit?${query}`);
  },
  auditExportUrl: (workspaceId: string, format: 'csv' | 'json', filter: { action?: AuditAction } = {}) => {
    const query = new URLSearchParams({ format });
    if (filter.action) query.set('action', filter.action);
    return `${ws(workspaceId)}/audit?${query}`;
  },
  invitation: (token: string) => request<InvitationInfo>(`/api/invitations/${encodeURIComponent(token)}`),
  acceptInvitation: (token: string) => request<InvitationJoined>(`/api/invitations/${encodeURIComponent(token)}/accept`, post({})),
  accountByInvitation: (token: string, body: NewAccount) =>
    request<InvitationJoined>(`/api/invitations/${encodeURIComponent(token)}/account`, post(body)),
  inbox: () => request<InboxAnswer>('/api/me/notifications'),
  markRead: (ids?: string[]) => request<void>('/api/me/notifications/read', post({ ids })),
  people: (journeyId: string) => request<Member[]>(`/api/journeys/${encodeURIComponent(journeyId)}/people`),
  journeyAccess: (journeyId: string) => request<JourneyAccess>(`/api/journeys/${encodeURIComponent(journeyId)}/access`),
};
