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
import { inflateRawSync } from 'node:zlib';
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

/**
 * Why an answer from the IdP is refused. `code` (a fixed word) is what the browser is told and
 * the sign-in page shows; the message, which may quote the answer, goes to the server's log.
 */
export class SamlAnswerError extends Error {
  readonly code: SamlRefusal;
  constructor(code: SamlRefusal, message: string) {
    super(message);
    this.code = code;
  }
}

export type SamlRefusal = 'no_answer' | 'signature' | 'audience' | 'time' | 'request' | 'used' | 'state' | 'email' | 'idp_status' | 'format' | 'invalid';

/** node-saml's reasons, by kind. */
function refusalOf(message: string): SamlRefusal {
  if (/signature/i.test(message)) return 'signature';
  if (/audience/i.test(message)) return 'audience';
  if (/subject confirmation|NotBefore|NotOnOrAfter|expired|too old/i.test(message)) return 'time';
  if (/InResponseTo/i.test(message)) return 'request';
  if (/SAML provider returned/i.test(message)) return 'idp_status';
  if (/XML|entity|parse/i.test(message)) return 'format';
  return 'invalid';
}

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
  const nameId = typeof profile.nameID === 'string' ? profile.nameID : '';
  const email = (values(profile, EMAIL_ATTRIBUTES)[0] ?? (nameId.includes('@') ? nameId : '')).toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) {
    throw new SamlAnswerError('email', `the IdP's answer names no e-mail address: send the attribute "email" (or ${EMAIL_ATTRIBUTES.slice(1, 4).join(', ')}) or an e-mail address as NameID`);
  }
  const full = [values(profile, GIVEN_NAME_ATTRIBUTES)[0], values(profile, SURNAME_ATTRIBUTES)[0]].filter(Boolean).join(' ');
  const name = (values(profile, NAME_ATTRIBUTES)[0] ?? (full || email)).slice(0, 200);
  const accountId = profile.nameIDFormat === TRANSIENT_NAME_ID || !nameId ? email : nameId;
  return { accountId: accountId.slice(0, 512), email, name, groups: values(profile, GROUP_ATTRIBUTES).slice(0, 500) };
}

type Kind = SamlSignInsTable['kind'];
interface StatePayload {
  callbackURL: string;
  /** The request this sign-in sent: only its answer may finish it. */
  requestId: string;
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

type XmlNode = { $?: Record<string, string | undefined> } & Record<string, unknown>;
const children = (node: XmlNode | undefined, name: string): XmlNode[] => (Array.isArray(node?.[name]) ? (node[name] as XmlNode[]) : []);

/**
 * What the signed assertion itself says (node-saml's `getAssertion`: only the XML whose
 * signature was checked): its id, and for each bearer confirmation the request it answers, where
 * it is meant to go and until when. The Response around the assertion is not signed by every
 * IdP, so its InResponseTo proves nothing.
 */
function signedFactsOf(profile: Profile): { assertionId: string; confirmations: { inResponseTo?: string; recipient?: string }[]; expiresAt: number } {
  const assertion = (profile.getAssertion?.() as { Assertion?: XmlNode } | undefined)?.Assertion;
  const confirmations = children(children(assertion, 'Subject')[0], 'SubjectConfirmation')
    .filter((c) => c.$?.Method === 'urn:oasis:names:tc:SAML:2.0:cm:bearer')
    .map((c) => children(c, 'SubjectConfirmationData')[0]?.$ ?? {});
  const times = [...confirmations.map((c) => c.NotOnOrAfter), children(assertion, 'Conditions')[0]?.$?.NotOnOrAfter].map((t) => Date.parse(t ?? '')).filter(Number.isFinite);
  return {
    assertionId: assertion?.$?.ID ?? '',
    confirmations: confirmations.map((c) => ({ inResponseTo: c.InResponseTo, recipient: c.Recipient })),
    // Remembered until it could no longer pass (plus the clock skew), a day at most.
    expiresAt: Math.min(Date.now() + 24 * 3600_000, (times.length > 0 ? Math.max(...times) : Date.now() + 3600_000) + 60_000),
  };
}

/** The id of the AuthnRequest in the IdP address node-saml made (HTTP-Redirect: deflated, base64, in SAMLRequest). */
function requestIdIn(url: string): string {
  const encoded = new URL(url).searchParams.get('SAMLRequest') ?? '';
  const xml = inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8');
  const id = /<(?:\w+:)?AuthnRequest\b[^>]*\sID="([^"]+)"/.exec(xml)?.[1];
  if (!id) throw new Error('the SAML request has no ID');
  return id;
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
      // Each answer must name a request this server sent (and `receive` uses each up once).
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
    if (!(await this.putOnce(kind, key, payload, Date.now() + ttlMs))) throw new Error(`saml_sign_ins: ${kind}:${key} exists already`);
  }

  /** Writes a row unless one of that id is there (and not expired): whether it wrote. */
  private async putOnce(kind: Kind, key: string, payload: string, expiresAt: number): Promise<boolean> {
    const now = Date.now();
    await this.db.deleteFrom('saml_sign_ins').where('expires_at', '<', now).execute();
    const written = await this.db
      .insertInto('saml_sign_ins')
      .values({ id: `${kind}:${key}`, kind, payload, expires_at: expiresAt })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(written.numInsertedOrUpdatedRows ?? 0) === 1;
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
    const url = await this.saml.getAuthorizeUrlAsync(state, undefined, {});
    await this.put('state', state, JSON.stringify({ callbackURL: safeCallback(callbackURL), requestId: requestIdIn(url) } satisfies StatePayload), REQUEST_TTL_MS);
    return { url, state };
  }

  /**
   * Checks the IdP's answer and uses up its request and its assertion: a one-time code for the
   * browser that started the sign-in. The order matters: what is used up is used up only for an
   * answer whose signature holds.
   */
  async receive(form: { SAMLResponse?: unknown; RelayState?: unknown }): Promise<string> {
    if (typeof form.SAMLResponse !== 'string' || form.SAMLResponse === '') throw new SamlAnswerError('no_answer', 'the form has no SAMLResponse: this address takes the IdP’s answer only');
    let profile: Profile | null;
    try {
      ({ profile } = await this.saml.validatePostResponseAsync({ SAMLResponse: form.SAMLResponse }));
    } catch (error) {
      const message = (error as Error).message.slice(0, 300);
      throw new SamlAnswerError(refusalOf(message), `the IdP's answer is refused: ${message}`);
    }
    if (!profile) throw new SamlAnswerError('invalid', "the IdP's answer signs nobody in");
    const requestId = typeof profile.inResponseTo === 'string' ? profile.inResponseTo : '';
    // The signed assertion must itself name the request and this server's answer address: an
    // assertion nobody asked for (IdP-initiated) cannot be passed off as an answer by writing
    // InResponseTo into the unsigned Response around it.
    const facts = signedFactsOf(profile);
    const confirmation = facts.confirmations.find((c) => c.inResponseTo === requestId && c.recipient === this.settings.acsUrl);
    if (!requestId || !confirmation) {
      throw new SamlAnswerError('request', `the IdP's signed assertion does not answer a request of this server at ${this.settings.acsUrl} (its subject confirmation names ${JSON.stringify(facts.confirmations).slice(0, 200)})`);
    }
    // node-saml checked that the request was sent; using it up here lets only one answer through.
    if ((await this.take('request', requestId)) === undefined) throw new SamlAnswerError('used', "the IdP's answer was used already, or answers no request of this server");
    // And each assertion once, whatever request it is sent with.
    if (!facts.assertionId || !(await this.putOnce('assertion', `${profile.issuer ?? ''}|${facts.assertionId}`, '', facts.expiresAt))) {
      throw new SamlAnswerError('used', `the IdP's assertion ${facts.assertionId.slice(0, 80)} was used already`);
    }
    const person = personOf(profile);
    const state = typeof form.RelayState === 'string' ? form.RelayState : '';
    const started = state ? await this.take('state', state) : undefined;
    const sign = started === undefined ? undefined : (JSON.parse(started) as StatePayload);
    // The sign-in this answer finishes is the one that sent its request, not any other waiting.
    if (!sign || sign.requestId !== requestId) throw new SamlAnswerError('state', 'the sign-in this answer belongs to is unknown or expired: start again from the sign-in page');
    const code = randomBytes(24).toString('base64url');
    const payload: CodePayload = { person, state, callbackURL: sign.callbackURL };
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

/**
 * Where a failed SAML sign-in sends the browser: the sign-in page, which says why from `error`
 * (and, for an answer refused at the answer address, the kind of refusal). Fixed words only.
 */
export function samlFailurePath(error: string, reason?: SamlRefusal): string {
  return `/?sso=failed&error=${encodeURIComponent(error)}${reason ? `&reason=${reason}` : ''}`;
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
      if (!answer) throw ctx.redirect(samlFailurePath('saml_code_unknown'));
      // The code belongs to the browser that started this sign-in, not to one it was handed to.
      if (!state || state !== answer.state) throw ctx.redirect(samlFailurePath('saml_other_browser'));
      const { person } = answer;
      hooks.onSsoRole?.(person.email, roleFromClaims({ email: person.email, groups: person.groups }, signIns.settings));
      if (hooks.mayEnter?.(person.email) === false) throw ctx.redirect(samlFailurePath('access_denied'));
      // Someone whose address changed at the IdP (the same NameID) keeps their account, under
      // the new address, unless another account here has it.
      const owner = await ctx.context.internalAdapter.findAccountOwnerByKey({ providerId: SAML_PROVIDER_ID, accountId: person.accountId });
      if (owner?.kind === 'owned' && owner.user.email.toLowerCase() !== person.email) {
        if (await ctx.context.internalAdapter.findUserByEmail(person.email)) throw ctx.redirect(samlFailurePath('email_taken'));
        await ctx.context.internalAdapter.updateUser(owner.user.id, { email: person.email });
      }
      const result = await handleOAuthUserInfo(ctx, {
        userInfo: { id: person.accountId, email: person.email, name: person.name, emailVerified: false, image: null },
        account: { providerId: SAML_PROVIDER_ID, accountId: person.accountId },
        callbackURL: answer.callbackURL,
      });
      if (result.error || !result.data) throw ctx.redirect(samlFailurePath(String(result.error ?? 'unable_to_sign_in').replace(/\s+/g, '_')));
      await setSessionCookie(ctx, result.data);
      throw ctx.redirect(answer.callbackURL);
    }),
  };
  return { id: 'klantreis-saml', endpoints };
}
