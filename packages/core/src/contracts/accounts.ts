// Accounts: first-start setup, who is signed in, the profile, API tokens, the inbox and
// invitation links (apps/server/src/routes/accounts).
import { z } from 'zod';
import { languageSchema } from '@klantreis/schema';
import { roleSchema } from '../access/roles.ts';
import type { RouteContracts } from './routeContract.ts';

/** better-auth's rule as well (accounts/auth.ts passes it on). */
export const MIN_PASSWORD_LENGTH = 10;

export const newAccountSchema = z.object({
  email: z.email().max(254).transform((e) => e.trim().toLowerCase()),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(256),
  name: z.string().trim().min(1).max(120),
});
export type NewAccount = z.infer<typeof newAccountSchema>;

export const setupStatus = z.object({ ownerNeeded: z.boolean() });
export type SetupStatus = z.infer<typeof setupStatus>;
export const setupBody = newAccountSchema.extend({ token: z.string().min(1).max(200) });
export type SetupBody = z.input<typeof setupBody>;

export const workspaceInfoSchema = z.object({ id: z.string(), name: z.string(), role: roleSchema });
export type WorkspaceInfo = z.infer<typeof workspaceInfoSchema>;

/** `GET /api/me`: who is signed in, how (a token caps the role), and their workspaces. */
export const meSchema = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    image: z.string().nullable(),
    /** The UI language the person chose; null while the UI follows the browser. */
    language: languageSchema.nullable(),
  }),
  via: z.enum(['session', 'token']),
  /** A token's role: the most it may do, whatever the person's roles. */
  cap: roleSchema,
  workspaces: z.array(workspaceInfoSchema),
});
export type Me = z.infer<typeof meSchema>;

export const profilePatch = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  /** An avatar as a data: URL of a PNG, JPEG or WebP image, at most 64 KB; null removes it. */
  image: z
    .string()
    .max(90_000)
    .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/, 'must be a data: URL of a PNG, JPEG or WebP image')
    .nullable()
    .optional(),
  /** The UI language to keep with the account (every device follows it); null: follow the browser. */
  language: languageSchema.nullable().optional(),
});
export type ProfilePatch = z.infer<typeof profilePatch>;

export const tokenBody = z.object({ name: z.string().trim().min(1).max(120), role: roleSchema.default('editor') });
export const tokenInfo = z.object({ id: z.string(), name: z.string(), role: roleSchema, createdAt: z.number(), lastUsedAt: z.number().nullable() });
export type ApiTokenInfo = z.infer<typeof tokenInfo>;
export const tokenList = z.array(tokenInfo);
/** The token's secret, shown this once. */
export const createdToken = z.object({ id: z.string(), token: z.string() });
export type CreatedToken = z.infer<typeof createdToken>;
export const tokenParams = z.object({ tokenId: z.string().max(100) });

/** One entry of a person's inbox, as the API answers it. */
export const notificationSchema = z.object({
  id: z.string(),
  journeyId: z.string(),
  journeyTitle: z.string(),
  kind: z.enum(['mention', 'approval-request']),
  actorName: z.string(),
  recordId: z.string().nullable(),
  excerpt: z.string(),
  createdAt: z.number(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof notificationSchema>;
export const inboxAnswer = z.object({ unread: z.number(), items: z.array(notificationSchema) });
export type InboxAnswer = z.infer<typeof inboxAnswer>;
export const markReadBody = z.object({ ids: z.array(z.string().max(100)).max(1000).optional() });

export const invitationParams = z.object({ token: z.string().min(1).max(200) });
export const invitationInfo = z.object({ workspaceName: z.string(), journeyTitle: z.string().nullable(), role: roleSchema, expiresAt: z.number() });
export type InvitationInfo = z.infer<typeof invitationInfo>;
/** Where joining by an invitation took you: the workspace, and the journey of a journey's invitation. */
export const invitationJoined = z.object({ workspaceId: z.string(), journeyId: z.string().nullable(), role: roleSchema });
export type InvitationJoined = z.infer<typeof invitationJoined>;

/** `GET /api/auth-providers`: single sign-on, when this server has it. */
/** How one signs in here; `mail`: Klantreis sends mail (a forgotten password can be reset by mail). */
export const authProviders = z.object({
  oidc: z.object({ name: z.string(), providerId: z.string() }).nullable(),
  /** SAML: the browser goes to `startUrl` (with ?callbackURL=) and comes back signed in. */
  saml: z.object({ name: z.string(), startUrl: z.string() }).nullable(),
  mail: z.boolean(),
});
export type AuthProviders = z.infer<typeof authProviders>;

/** The IdP's back-channel logout: a form with its signed logout token (OpenID Connect Back-Channel Logout 1.0). */
export const backchannelLogoutBody = z.object({ logout_token: z.string().min(1).max(8_000) });
/** The SAML IdP's answer form: the response (base64 XML) and the sign-in's state it was given. */
export const samlAnswerBody = z.object({ SAMLResponse: z.string().min(1).max(250_000), RelayState: z.string().max(200).optional() });

export const accountContracts = {
  'GET /api/setup': { response: { 200: setupStatus } },
  'POST /api/setup': { body: setupBody, response: { 201: meSchema } },
  'GET /api/auth-providers': { response: { 200: authProviders } },
  'GET /api/me': { response: { 200: meSchema } },
  'PATCH /api/me': { body: profilePatch },
  'GET /api/me/tokens': { response: { 200: tokenList } },
  'POST /api/me/tokens': { body: tokenBody, response: { 201: createdToken } },
  'DELETE /api/me/tokens/:tokenId': { params: tokenParams },
  'GET /api/me/notifications': { response: { 200: inboxAnswer } },
  'POST /api/me/notifications/read': { body: markReadBody },
  'GET /api/invitations/:token': { params: invitationParams, response: { 200: invitationInfo } },
  'POST /api/invitations/:token/accept': { params: invitationParams, response: { 200: invitationJoined } },
  'POST /api/invitations/:token/account': { params: invitationParams, body: newAccountSchema, response: { 201: invitationJoined } },
  'POST /api/sso/backchannel-logout': { body: backchannelLogoutBody },
  'POST /api/sso/saml/acs': { body: samlAnswerBody },
  'GET /api/sso/saml/metadata': {},
} as const satisfies RouteContracts;
