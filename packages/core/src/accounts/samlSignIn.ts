// SAML 2.0 single sign-on, with this server as the service provider (SP-initiated, HTTP-Redirect
// to the IdP, HTTP-POST back). The XML and its signatures are checked by @node-saml/node-saml
// (5.1.0 or later, with xml-crypto 6.1.2 or later: past the 2025 signature-bypass fixes); this
// file decides what a checked answer may do:
//
// 1. GET /api/auth/saml/sign-in: a request goes to the IdP, remembered in the database (any
//    process may receive the answer); the browser gets a cookie naming its sign-in (`state`).
// 2. POST /api/sso/saml/acs (apps/server): the IdP's answer. Its assertion must be signed by the
//    IdP's certificate, name this server as audience, be in time, and answer a request this
//    server sent and nobody used yet. It is turned into a one-time code.
// 3. GET /api/auth/saml/finish?code=: the browser that started the sign-in (its cookie) gets a
//    session. A code taken to another browser is refused (no signing someone in as you).
//
// An answer nobody asked for (IdP-initiated) is refused: it could be replayed or forced on a
// browser. Accounts are found and linked by better-auth's own rules, as for OpenID Connect.
import { randomBytes } from 'node:crypto';
import type { CacheProvider, Profile, SAML, SamlConfig } from '@node-saml/node-saml';
import type { Kysely } from 'kysely';
import { createAuthEndpoint } from 'better-auth/api';
import { setSessionCookie } from 'better-auth/cookies';
import { handleOAuthUserInfo } from 'better-auth/oauth2';
import { z } from 'zod';
import type { Database, SamlSignInsTable } from '@klantreis/db';
import { roleFromClaims, type SamlSettings } from './singleSignOn.ts';
import type { Role } from '../access/roles.ts';

/** The provider id of SAML accounts (auth_account.providerId). */
export const SAML_PROVIDER_ID = 'saml';
/** How long the IdP has to answer a request, and a browser to finish the sign-in it started. */
const REQUEST_TTL_MS = 10 * 60_000;
/** How long a checked answer waits for its browser: it is there within a redirect. */
const CODE_TTL_MS = 60_000;
const STATE_COOKIE = 'saml_state';

/** Why an answer from the IdP is refused; said to whoever posted it. */
export class SamlAnswerError extends Error {}

/** The person a checked answer names. */
export interface SamlPerson {
  /** Stable for this person at this IdP: the NameID, or the e-mail address when the NameID is transient. */
  accountId: string;
  email: string;
  name: string;
  groups: string[];
}

const TRANSIENT_NAME_ID = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';
// The attribute names the common IdPs use (Entra ID, Okta, Keycloak, ADFS, Shibboleth).
const EMAIL_ATTRIBUTES = ['email', 'mail', 'emailaddress', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', 'urn:oid:0.9.2342.19200300.100.1.3'];
const NAME_ATTRIBUTES = ['displayName', 'name', 'http://schemas.microsoft.com/identity/claims/displayname', 'urn:oid:2.16.840.1.113730.3.1.241'];
const GIVEN_NAME_ATTRIBUTES = ['givenName', 'firstName', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname', 'urn:oid:2.5.4.42'];
const SURNAME_ATTRIBUTES = ['sn', 'surname', 'lastName', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname', 'urn:oid:2.5.4.4'];
const GROUP_ATTRIBUTES = ['groups', 'memberOf', 'isMemberOf', 'Role', 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups', 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role', 'urn:oid:1.3.6.1.4.1.5923.1.5.1.1'];

function values(profile: Profile, names: string[]): string[] {
  for (const name of names) {
    const value = profile[name];
    if (typeof value === 'string' && value.trim()) return [value.trim()];
    if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
  }
  return [];
}

/** Who a checked assertion names: its e-mail address is required (the account is found by it). */
export function personOf(profile: Profile): SamlPerson {
  const email = (values(profile, EMAIL_ATTRIBUTES)[0] ?? (profile.nameID.includes('@') ? profile.nameID : '')).toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) {
    throw new SamlAnswerError(`the IdP's answer names no e-mail address: send the attribute "email" (or ${EMAIL_ATTRIBUTES.slice(1, 4).join(', ')}) or an e-mail address as NameID`);
  }
  const full = [values(profile, GIVEN_NAME_ATTRIBUTES)[0], values(profile, SURNAME_ATTRIBUTES)[0]].filter(Boolean).join(' ');
  const name = (values(profile, NAME_ATTRIBUTES)[0] ?? (full || email)).slice(0, 200);
  const accountId = profile.nameIDFormat === TRANSIENT_NAME_ID || !profile.nameID ? email : profile.nameID;
  return { accountId: accountId.slice(0, 512), email, name, groups: values(profile, GROUP_ATTRIBUTES).slice(0, 500) };
}

type Kind = SamlSignInsTable['kind'];
interface StatePayload {
  callbackURL: string;
}
interface CodePayload {
  person: SamlPerson;
  state: string;
  callbackURL: string;
}

/** Only a path of this site: the sign-in cannot send the browser elsewhere. */
function safeCallback(url: string | undefined): string {
  return url && /^\/(?![/\\])[^\s]*$/.test(url) && url.length <= 2000 ? url : '/';
}

/** The SAML service provider of this server: requests, answers and one-time codes. */
export class SamlSignIns {
  private readonly saml: SAML;
  private readonly db: Kysely<Database>;
  readonly settings: SamlSettings;

  /** Loads the SAML library only where SAML is set up: every other start (and the CLI) skips its XML stack. */
  static async open(db: Kysely<Database>, settings: SamlSettings): Promise<SamlSignIns> {
    const { SAML } = await import('@node-saml/node-saml');
    return new SamlSignIns(db, settings, SAML);
  }

  private constructor(db: Kysely<Database>, settings: SamlSettings, Saml: typeof SAML) {
    this.db = db;
    this.settings = settings;
    this.saml = new Saml({
      entryPoint: settings.entryPoint,
      issuer: settings.entityId,
      audience: settings.entityId,
      callbackUrl: settings.acsUrl,
      idpCert: settings.idpCerts,
      idpIssuer: settings.idpIssuer,
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: settings.wantResponseSigned,
      signatureAlgorithm: 'sha256',
      // Each answer must name a request this server sent (and signInCode uses each once).
      validateInResponseTo: 'always' as SamlConfig['validateInResponseTo'],
      requestIdExpirationPeriodMs: REQUEST_TTL_MS,
      cacheProvider: this.requestCache(),
      acceptedClockSkewMs: 30_000,
      // Leave the way of signing in and the NameID's format to the IdP (Entra ID refuses requests for others).
      disableRequestedAuthnContext: true,
      identifierFormat: null,
    });
  }

  /**
   * The requests sent, in the database. node-saml's own removal is not used: it removes before
   * it returns a success, so two copies of one answer could both pass. `receive` uses a request
   * up in one statement instead; a request an answer failed for expires.
   */
  private requestCache(): CacheProvider {
    return {
      saveAsync: async (key, value) => {
        await this.put('request', key, value, REQUEST_TTL_MS);
        return { value, createdAt: Date.now() };
      },
      getAsync: (key) => this.peek('request', key),
      removeAsync: (key) => Promise.resolve(key),
    };
  }

  private async put(kind: Kind, key: string, payload: string, ttlMs: number): Promise<void> {
    const now = Date.now();
    await this.db.deleteFrom('saml_sign_ins').where('expires_at', '<', now).execute();
    await this.db.insertInto('saml_sign_ins').values({ id: `${kind}:${key}`, kind, payload, expires_at: now + ttlMs }).execute();
  }

  private async peek(kind: Kind, key: string): Promise<string | null> {
    const row = await this.db.selectFrom('saml_sign_ins').select(['payload', 'expires_at']).where('id', '=', `${kind}:${key}`).executeTakeFirst();
    return row && Number(row.expires_at) > Date.now() ? row.payload : null;
  }

  /** Reads and removes in one: of two at once, one gets it. */
  private async take(kind: Kind, key: string): Promise<string | undefined> {
    const payload = await this.peek(kind, key);
    if (payload === null) return undefined;
    const removed = await this.db.deleteFrom('saml_sign_ins').where('id', '=', `${kind}:${key}`).executeTakeFirst();
    return Number(removed.numDeletedRows) === 1 ? payload : undefined;
  }

  /** The IdP's address with a new request, and the sign-in's state for the browser's cookie. */
  async start(callbackURL: string | undefined): Promise<{ url: string; state: string }> {
    const state = randomBytes(24).toString('base64url');
    await this.put('state', state, JSON.stringify({ callbackURL: safeCallback(callbackURL) } satisfies StatePayload), REQUEST_TTL_MS);
    return { url: await this.saml.getAuthorizeUrlAsync(state, undefined, {}), state };
  }

  /** Checks the IdP's answer and uses up its request: a one-time code for the browser that started the sign-in. */
  async receive(form: { SAMLResponse?: unknown; RelayState?: unknown }): Promise<string> {
    if (typeof form.SAMLResponse !== 'string' || form.SAMLResponse === '') throw new SamlAnswerError('the form has no SAMLResponse: this address takes the IdP’s answer only');
    let profile: Profile | null;
    try {
      ({ profile } = await this.saml.validatePostResponseAsync({ SAMLResponse: form.SAMLResponse }));
    } catch (error) {
      throw new SamlAnswerError(`the IdP's answer is refused: ${(error as Error).message.slice(0, 300)}`);
    }
    if (!profile) throw new SamlAnswerError("the IdP's answer signs nobody in");
    const requestId = typeof profile.inResponseTo === 'string' ? profile.inResponseTo : '';
    // node-saml checked that the request was sent; using it up here lets only one answer through.
    if (!requestId || (await this.take('request', requestId)) === undefined) throw new SamlAnswerError("the IdP's answer was used already, or answers no request of this server");
    const person = personOf(profile);
    const state = typeof form.RelayState === 'string' ? form.RelayState : '';
    const started = state ? await this.take('state', state) : undefined;
    if (started === undefined) throw new SamlAnswerError('the sign-in this answer belongs to is unknown or expired: start again from the sign-in page');
    const code = randomBytes(24).toString('base64url');
    const payload: CodePayload = { person, state, callbackURL: (JSON.parse(started) as StatePayload).callbackURL };
    await this.put('code', code, JSON.stringify(payload), CODE_TTL_MS);
    return code;
  }

  /** The checked answer behind a code, once. */
  async redeem(code: string): Promise<CodePayload | undefined> {
    const payload = await this.take('code', code);
    return payload === undefined ? undefined : (JSON.parse(payload) as CodePayload);
  }

  /** This service provider's metadata for the IdP's administrator. */
  metadata(): string {
    return this.saml.generateServiceProviderMetadata(null, null);
  }
}

export interface SamlPluginHooks {
  /** The role the answer's groups give, by e-mail address, applied when the session starts. */
  onSsoRole?: (email: string, role: Role | null) => void;
  /** Whether this address may enter (an SSO sign-in without a role may not). */
  mayEnter?: (email: string) => boolean;
}

/** Where a failed SAML sign-in sends the browser: the sign-in page, which says so. */
function failed(reason: string): string {
  return `/?sso=failed&error=${encodeURIComponent(reason)}`;
}

/** better-auth's endpoints of the SAML sign-in: its start and its finish (steps 1 and 3 above). */
export function samlPlugin(signIns: SamlSignIns, hooks: SamlPluginHooks) {
  const endpoints = {
    samlSignIn: createAuthEndpoint('/saml/sign-in', { method: 'GET', query: z.object({ callbackURL: z.string().max(2000).optional() }) }, async (ctx) => {
      const { url, state } = await signIns.start(ctx.query.callbackURL);
      const cookie = ctx.context.createAuthCookie(STATE_COOKIE, { maxAge: REQUEST_TTL_MS / 1000 });
      ctx.setCookie(cookie.name, state, cookie.attributes);
      throw ctx.redirect(url);
    }),
    samlFinish: createAuthEndpoint('/saml/finish', { method: 'GET', query: z.object({ code: z.string().max(200) }) }, async (ctx) => {
      const cookie = ctx.context.createAuthCookie(STATE_COOKIE);
      const state = ctx.getCookie(cookie.name);
      ctx.setCookie(cookie.name, '', { ...cookie.attributes, maxAge: 0 });
      const answer = await signIns.redeem(ctx.query.code);
      if (!answer) throw ctx.redirect(failed('saml_code_unknown'));
      // The code belongs to the browser that started this sign-in, not to one it was handed to.
      if (!state || state !== answer.state) throw ctx.redirect(failed('saml_other_browser'));
      const { person } = answer;
      hooks.onSsoRole?.(person.email, roleFromClaims({ email: person.email, groups: person.groups }, signIns.settings));
      if (hooks.mayEnter?.(person.email) === false) throw ctx.redirect(failed('access_denied'));
      const result = await handleOAuthUserInfo(ctx, {
        userInfo: { id: person.accountId, email: person.email, name: person.name, emailVerified: false, image: null },
        account: { providerId: SAML_PROVIDER_ID, accountId: person.accountId },
        callbackURL: answer.callbackURL,
      });
      if (result.error || !result.data) throw ctx.redirect(failed(String(result.error ?? 'unable_to_sign_in').replace(/\s+/g, '_')));
      await setSessionCookie(ctx, result.data);
      throw ctx.redirect(answer.callbackURL);
    }),
  };
  return { id: 'klantreis-saml', endpoints };
}
