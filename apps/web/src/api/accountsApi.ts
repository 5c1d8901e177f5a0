import type { ApiTokenInfo, AuditAction, AuditEvent, JourneyAccess, Me, Member, Notification, Role, WorkspaceInfo } from '@klantreis/core/contracts';
import { takeEarly } from './earlyRequests.ts';
import { readAnswer, request } from './journeysApi.ts';

// The types the server answers with are core's: one definition for server and web.
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
  setupStatus: () => request<{ ownerNeeded: boolean }>('/api/setup'),
  setup: (body: { token: string; name: string; email: string; password: string }) => request<Me>('/api/setup', post(body)),
  signIn: (email: string, password: string) => request<unknown>('/api/auth/sign-in/email', post({ email, password })),
  providers: () => request<{ oidc: { name: string; providerId: string } | null }>('/api/auth-providers'),
  /** Starts single sign-on: the answer is the IdP's address to go to. */
  startSso: (providerId: string) => request<{ url: string }>('/api/auth/sign-in/social', post({ provider: providerId, callbackURL: '/', errorCallbackURL: '/?sso=failed' })),
  signOut: () => request<unknown>('/api/auth/sign-out', post({})),
  /** Ends every session of this account, on every device, this one too. */
  signOutEverywhere: async () => {
    await request<unknown>('/api/auth/revoke-sessions', post({}));
  },
  changePassword: (currentPassword: string, newPassword: string) =>
    request<unknown>('/api/auth/change-password', post({ currentPassword, newPassword, revokeOtherSessions: true })),
  updateProfile: (patch: { name?: string; image?: string | null; language?: Me['user']['language'] }) => request<void>('/api/me', { method: 'PATCH', body: JSON.stringify(patch) }),
  tokens: () => request<ApiToken[]>('/api/me/tokens'),
  createToken: (name: string, role: Role) => request<{ id: string; token: string }>('/api/me/tokens', post({ name, role })),
  revokeToken: (id: string) => request<void>(`/api/me/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  members: (workspaceId: string) => request<Member[]>(`${ws(workspaceId)}/members`),
  setRole: (workspaceId: string, userId: string, role: Role) =>
    request<void>(`${ws(workspaceId)}/members/${encodeURIComponent(userId)}`, { method: 'PUT', body: JSON.stringify({ role }) }),
  removeMember: (workspaceId: string, userId: string) => request<void>(`${ws(workspaceId)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
  passwordResetLink: (workspaceId: string, userId: string) => request<{ url: string; expiresAt: number }>(`${ws(workspaceId)}/members/${encodeURIComponent(userId)}/password-reset`, post({})),
  resetPassword: (token: string, newPassword: string) => request<unknown>('/api/auth/reset-password', post({ token, newPassword })),
  invite: (workspaceId: string, role: Role, journeyId?: string) => request<{ url: string; expiresAt: number }>(`${ws(workspaceId)}/invitations`, post({ role, journeyId })),
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
  invitation: (token: string) => request<{ workspaceName: string; journeyTitle: string | null; role: Role; expiresAt: number }>(`/api/invitations/${encodeURIComponent(token)}`),
  acceptInvitation: (token: string) => request<{ workspaceId: string; journeyId: string | null }>(`/api/invitations/${encodeURIComponent(token)}/accept`, post({})),
  accountByInvitation: (token: string, body: { name: string; email: string; password: string }) =>
    request<{ workspaceId: string; journeyId: string | null }>(`/api/invitations/${encodeURIComponent(token)}/account`, post(body)),
  inbox: () => request<{ unread: number; items: InboxEntry[] }>('/api/me/notifications'),
  markRead: (ids?: string[]) => request<void>('/api/me/notifications/read', post({ ids })),
  people: (journeyId: string) => request<Member[]>(`/api/journeys/${encodeURIComponent(journeyId)}/people`),
  journeyAccess: (journeyId: string) => request<JourneyAccess>(`/api/journeys/${encodeURIComponent(journeyId)}/access`),
};
