import { randomBytes } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import { roleFromClaims, type OidcSettings } from './singleSignOn.ts';
import { samlPlugin, type SamlSignIns } from './samlSignIn.ts';
import type { Role } from '../access/roles.ts';
import type { JourneyStore } from '@klantreis/db';
import { MIN_PASSWORD_LENGTH } from '../contracts/accounts.ts';

/** The header our HTTP layer sets to the client's address, so better-auth's rate limit counts per client. */
export const CLIENT_IP_HEADER = 'x-klantreis-client-ip';
const SECRET_SETTING = 'auth.secret';

/** Where sign-in attempts are counted: this process's memory, or one store all processes share (Redis). */
export interface RateLimitStorage {
  consume(key: string, rule: { window: number; max: number }): Promise<{ allowed: boolean; retryAfter: number | null }>;
}

export interface AuthSettings {
  /** Several processes: attempts counted where all of them see them, so three processes do not allow three times as many. */
  rateLimitStorage?: RateLimitStorage;
  /** KLANTREIS_PUBLIC_URL: the address people use; cookies are Secure when it is https. */
  publicUrl?: string;
  /** KLANTREIS_AUTH_SECRET; without it a random one is made once and kept in the database. */
  secret?: string;
  /** Sign-in attempts per minute and client before 429 (better-auth's rate limit). */
  signInPerMinute?: number;
  /** Called when a session starts: the audit log's sign-in; `sso`: which IdP's callback started it, if one did. */
  onSessionCreated?: (userId: string, via: { sso: SsoKind | null }) => Promise<void>;
  /**
   * Receives a password-reset token: an owner hands the link on (no mail server needed). Called
   * while the request that asked for it is being answered.
   */
  onPasswordResetToken?: (userId: string, token: string) => void;
  /** OpenID Connect single sign-on (KLANTREIS_OIDC_*), or none. */
  oidc?: OidcSettings;
  /** SAML single sign-on (KLANTREIS_SAML_*), or none. */
  saml?: SamlSignIns;
  /** The role an SSO sign-in's claims give (by e-mail address; null: none), applied when its session starts. */
  onSsoRole?: (email: string, role: Role | null) => void;
  /**
   * Whether the SSO callback may make an account or start a session for this address (an SSO
   * sign-in without a role may not). Asked only while the IdP's callback is answered.
   */
  mayEnter?: (email: string) => boolean;
}

/** The provider id of the one OpenID Connect IdP: its callback is /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = 'oidc';

export type SsoKind = 'oidc' | 'saml';

/** Which IdP's return better-auth is answering, or null (a password sign-in, setup or invitation). */
function ssoCallback(context: { path?: string; params?: unknown } | null | undefined): SsoKind | null {
  const params = context?.params as { id?: unknown } | undefined;
  if ((context?.path?.startsWith('/callback/') ?? false) && params?.id === OIDC_PROVIDER_ID) return 'oidc';
  if (context?.path === '/saml/finish') return 'saml';
  return null;
}

function ssoPlugins(settings: AuthSettings) {
  const plugins = [];
  if (settings.saml) plugins.push(samlPlugin(settings.saml, { onSsoRole: settings.onSsoRole, mayEnter: settings.mayEnter }));
  const oidc = settings.oidc;
  if (!oidc) return plugins;
  return [
    ...plugins,
    genericOAuth({
      config: [
        {
          providerId: OIDC_PROVIDER_ID,
          discoveryUrl: `${oidc.issuer}/.well-known/openid-configuration`,
          clientId: oidc.clientId,
          clientSecret: oidc.clientSecret,
          scopes: ['openid', 'email', 'profile', 'groups'],
          pkce: true,
          // The IdP's groups (or e-mail domain) decide the role; no matching rule and no default: no entry.
          mapProfileToUser: (profile: Record<string, unknown>) => {
            const email = String(profile.email ?? '').toLowerCase();
            // No role: the account is not made and no session starts (databaseHooks), and
            // better-auth sends the browser back to the sign-in page with ?error=….
            settings.onSsoRole?.(email, roleFromClaims({ email, groups: profile.groups }, oidc));
            return { email, name: String(profile.name ?? email) };
          },
        },
      ],
    }),
  ];
}

/** How long a password-reset link an owner made stays valid. */
export const PASSWORD_RESET_TTL_SECONDS = 24 * 3600;

/**
 * Fixed-window counters in this server's memory. better-auth's own memory storage is one per
 * process, shared by every server in it (the tests start many); this one is per server.
 */
export function memoryRateLimit(): RateLimitStorage {
  const windows = new Map<string, { count: number; resetsAt: number }>();
  return {
    consume(key: string, rule: { window: number; max: number }): Promise<{ allowed: boolean; retryAfter: number | null }> {
      const now = Date.now();
      const current = windows.get(key);
      if (!current || current.resetsAt <= now) {
        // Forget windows that ended, so the map does not grow with every client ever seen.
        if (windows.size > 10_000) for (const [k, w] of windows) if (w.resetsAt <= now) windows.delete(k);
        windows.set(key, { count: 1, resetsAt: now + rule.window * 1000 });
        return Promise.resolve({ allowed: true, retryAfter: null });
      }
      if (current.count >= rule.max) return Promise.resolve({ allowed: false, retryAfter: Math.ceil((current.resetsAt - now) / 1000) });
      current.count++;
      return Promise.resolve({ allowed: true, retryAfter: null });
    },
  };
}

function authOptions(store: JourneyStore, secret: string, settings: AuthSettings) {
  const secure = settings.publicUrl?.startsWith('https://') ?? false;
  return {
    database: { db: store.db, type: store.dialect },
    secret,
    baseURL: settings.publicUrl,
    basePath: '/api/auth',
    // The Host was checked against the allow-list before a request gets here (webHardening.ts),
    // so the page's own origin is the one to trust; KLANTREIS_PUBLIC_URL's when it is set.
    trustedOrigins: (request?: Request) => {
      const origins = settings.publicUrl ? [new URL(settings.publicUrl).origin] : [];
      const host = request?.headers.get('host');
      if (host && !settings.publicUrl) origins.push(`http://${host}`, `https://${host}`);
      return origins;
    },
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: PASSWORD_RESET_TTL_SECONDS,
      sendResetPassword: async ({ user, token }: { user: { id: string }; token: string }) => {
        settings.onPasswordResetToken?.(user.id, token);
      },
    },
    // `language`: the UI language the person chose (nl/en), kept with the account so it follows
    // them to every device; null while the UI follows the browser. Set through PATCH /api/me only.
    user: { modelName: 'auth_user', additionalFields: { language: { type: 'string' as const, required: false as const, input: false as const } } },
    session: { modelName: 'auth_session', expiresIn: 14 * 24 * 3600, updateAge: 24 * 3600 },
    account: { modelName: 'auth_account' },
    verification: { modelName: 'auth_verification' },
    rateLimit: {
      enabled: true,
      customStorage: settings.rateLimitStorage ?? memoryRateLimit(),
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: settings.signInPerMinute ?? 10 },
        // Starting single sign-on guesses no password; a whole office behind one address
        // starts it at once on a Monday morning. (better-auth's default is 3 in 10 s.)
        '/sign-in/social': { window: 60, max: (settings.signInPerMinute ?? 10) * 6 },
        // Each asks for a mail (when mail is set up): a few a minute, or anyone could flood
        // a person's mailbox from the sign-in page.
        '/request-password-reset': { window: 60, max: 3 },
      },
    },
    advanced: {
      useSecureCookies: secure,
      cookiePrefix: 'klantreis',
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user: { email: string }, context: { path?: string; params?: unknown } | null) =>
            ssoCallback(context) && settings.mayEnter?.(user.email.toLowerCase()) === false ? false : undefined,
        },
      },
      session: {
        create: {
          before: async (session: { userId: string }, context: { path?: string; params?: unknown } | null) => {
            if (!settings.mayEnter || !ssoCallback(context)) return undefined;
            const user = await store.db.selectFrom('auth_user').select('email').where('id', '=', session.userId).executeTakeFirst();
            return user && !settings.mayEnter(user.email.toLowerCase()) ? false : undefined;
          },
          after: async (session: { userId: string }, context: { path?: string; params?: unknown } | null) => {
            await settings.onSessionCreated?.(session.userId, { sso: ssoCallback(context) });
          },
        },
      },
    },
    logger: { level: 'error' as const },
    plugins: ssoPlugins(settings),
  };
}

export type Auth = ReturnType<typeof betterAuth<ReturnType<typeof authOptions>>>;

/** The secret that signs session cookies: from the environment, or made once and stored. */
async function authSecret(store: JourneyStore, given: string | undefined): Promise<string> {
  if (given) {
    if (given.length < 32) throw new Error('KLANTREIS_AUTH_SECRET must be at least 32 characters (openssl rand -base64 32)');
    return given;
  }
  const stored = await store.getSetting(SECRET_SETTING);
  if (stored) return stored;
  // Two processes starting at once on one database agree on the first secret written.
  await store.db.insertInto('settings').values({ key: SECRET_SETTING, value: randomBytes(32).toString('base64url') }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const kept = await store.getSetting(SECRET_SETTING);
  if (!kept) throw new Error('the session secret could not be stored');
  return kept;
}

/**
 * Accounts, passwords and sessions by better-auth, in the journeys' own database (SQLite or
 * PostgreSQL); its tables are created or brought up to date here.
 */
export async function openAuth(store: JourneyStore, settings: AuthSettings = {}): Promise<Auth> {
  const options = authOptions(store, await authSecret(store, settings.secret), settings);
  const { runMigrations } = await getMigrations(options);
  await runMigrations();
  return betterAuth(options);
}
