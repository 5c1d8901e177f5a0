// SAML single sign-on against a real SAML IdP (samlify, testing/samlIdentityProvider.ts), which
// reads Klantreis's service provider metadata as an IdP's administrator would: in Chromium the
// whole round trip (start, the IdP's login form, its auto-posted answer, the finish), and with
// plain requests every way an outsider may try the answer address (forged, replayed, tampered,
// wrapped, expired, for someone else, unsolicited, carried to another browser, sent twice at once).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { samlSettingsFromEnv, type SamlSettings } from '@klantreis/core';
import { browserUnavailable, launchBrowser, newContext } from '../../../../e2e/fixtures/browser.ts';
import { freePort } from '../../../../testing/identityProvider.ts';
import { startSamlIdentityProvider, type SamlIdentityProvider, type SamlIdpPerson } from '../../../../testing/samlIdentityProvider.ts';
import { TEST_OWNER } from '../testCredentials.ts';
import { buildTestServer, type Backend, type TestServer } from '../testServer.ts';

const unavailable = browserUnavailable();
const postgresUrl = inject('postgresUrl');

type Me = { user: { email: string; name: string }; workspaces: { id: string; role: string }[] };

// Everything on SQLite; on PostgreSQL (what several processes share) what the database decides:
// each request, state, assertion and code used once, also by two copies at the same moment.
const backends: [string, Backend, { browser: boolean }][] = [['SQLite', { kind: 'sqlite' }, { browser: true }]];
if (postgresUrl) backends.push(['PostgreSQL', { kind: 'postgres', adminUrl: postgresUrl }, { browser: false }]);

describe.skipIf(unavailable !== null).each(backends)('SAML single sign-on against a real SAML IdP, on %s', (_name, backend, { browser: inBrowser }) => {
  /** A test in Chromium: on SQLite only (on PostgreSQL it would prove nothing more, and CI skips nothing). */
  const browserIt = (name: string, test: () => Promise<void>, timeout: number) => {
    if (inBrowser) it(name, test, timeout);
  };
  let idp: SamlIdentityProvider;
  let server: TestServer;
  let browser: Browser;
  let settings: SamlSettings;
  const sara: SamlIdpPerson = { login: 'sara', email: 'sara@partner.example', name: 'Sara de Vries', groups: ['cx-readers'] };
  const mallory: SamlIdpPerson = { login: 'mallory', email: 'mallory@partner.example', name: 'Mallory', groups: ['cx-team'] };
  // The owner made at setup (with a password): an IdP identity with the same address may not take the account.
  const olga: SamlIdpPerson = { login: 'olga', email: TEST_OWNER.email, name: TEST_OWNER.name, groups: ['cx-team'] };

  beforeAll(async () => {
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    idp = await startSamlIdentityProvider({ spMetadataUrl: `${publicUrl}/api/sso/saml/metadata`, people: [sara, mallory, olga] });
    // As an administrator configures it: the environment's variables.
    settings = samlSettingsFromEnv({
      KLANTREIS_SAML_ENTRY_POINT: idp.entryPoint,
      KLANTREIS_SAML_IDP_CERT: idp.certificate,
      KLANTREIS_SAML_IDP_ISSUER: idp.entityId,
      KLANTREIS_SAML_NAME: 'Test SAML',
      KLANTREIS_SAML_ROLE_MAP: 'group:cx-team=editor,group:cx-readers=viewer',
      KLANTREIS_PUBLIC_URL: publicUrl,
    })!;
    server = await buildTestServer(backend, { port, publicUrl, saml: settings });
    if (inBrowser) browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await idp?.close();
  });

  /** A fresh browser starts the sign-in, says who it is at the IdP, and comes back where it was sent. */
  async function signInInBrowser(login: string): Promise<Page> {
    const page = await (await newContext(browser, 'en-US', { signedIn: false })).newPage();
    await page.goto(`${server.url}/api/auth/saml/sign-in?callbackURL=${encodeURIComponent('/api/auth-providers?signed-in')}`);
    expect(page.url().startsWith(idp.entryPoint)).toBe(true);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.origin === server.url && (url.pathname === '/api/auth-providers' || url.searchParams.has('sso')));
    return page;
  }

  const meIn = (page: Page) =>
    page.evaluate(async () => {
      const response = await fetch('/api/me');
      return response.ok ? ((await response.json()) as Me) : response.status;
    });

  /** A sign-in started as a browser starts it: the IdP's address, the state cookie and the RelayState. */
  async function start(): Promise<{ requestId: string; relayState: string; cookie: string }> {
    const response = await fetch(`${server.url}/api/auth/saml/sign-in?callbackURL=/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = response.headers.get('location')!;
    expect(location.startsWith(idp.entryPoint)).toBe(true);
    const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
    expect(cookie).toMatch(/saml_state=/);
    return { requestId: await idp.requestIdOf(location), relayState: new URL(location).searchParams.get('RelayState')!, cookie };
  }

  /** Posts an answer to the answer address from the IdP's page (its Origin); where it sends the browser. */
  async function post(samlResponse: string, relayState: string): Promise<string> {
    const response = await fetch(`${server.url}/api/sso/saml/acs`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(idp.entryPoint).origin },
      body: new URLSearchParams({ SAMLResponse: samlResponse, RelayState: relayState }).toString(),
    });
    expect(response.status).toBe(303);
    return response.headers.get('location')!;
  }

  /** Follows the finish with a browser's cookies: the session cookie it got, and where it was sent. */
  async function finish(location: string, cookie: string): Promise<{ location: string; session: string | null }> {
    const response = await fetch(new URL(location, server.url), { redirect: 'manual', headers: cookie ? { cookie } : {} });
    expect(response.status).toBe(302);
    const session = response.headers.getSetCookie().find((c) => c.startsWith('klantreis.session_token=') && !c.startsWith('klantreis.session_token=;'));
    return { location: response.headers.get('location')!, session: session ? session.split(';')[0]! : null };
  }

  /** Why the answer address refused (the reason the sign-in page shows), or the place it sent the browser when it did not. */
  const refusal = (location: string) => (location.startsWith('/?sso=failed&error=saml_refused&reason=') ? new URL(location, server.url).searchParams.get('reason') : location);

  const userExists = async (email: string) => (await server.server.access.findUserByEmail(email)) !== undefined;

  browserIt('signs a person in through the IdP in Chromium, with the role their groups give, set again at every sign-in', async () => {
    let page = await signInInBrowser('sara');
    expect(page.url()).toContain('?signed-in');
    expect(await meIn(page)).toMatchObject({ user: { email: sara.email, name: sara.name }, workspaces: [{ role: 'viewer' }] });

    sara.groups = ['cx-readers', 'cx-team'];
    page = await signInInBrowser('sara');
    expect(await meIn(page)).toMatchObject({ workspaces: [{ role: 'editor' }] });
    const first = await server.server.access.firstWorkspace();
    const user = await server.server.access.findUserByEmail(sara.email);
    const changes = (await server.server.audit.list({ workspaceId: first!.id, action: 'member.role-changed' })).filter((e) => e.targetId === user!.id).map((e) => e.detail);
    expect(changes).toEqual([
      { from: 'viewer', to: 'editor', by: 'KLANTREIS_SAML_ROLE_MAP' },
      { from: null, to: 'viewer', by: 'KLANTREIS_SAML_ROLE_MAP' },
    ]);
    const signIns = await server.server.audit.list({ workspaceId: first!.id, action: 'account.sign-in' });
    expect(signIns.filter((e) => e.targetId === user!.id).length).toBeGreaterThanOrEqual(2);

    // No group that maps, and no default role: back on the sign-in page, not signed in.
    sara.groups = ['marketing'];
    page = await signInInBrowser('sara');
    expect(new URL(page.url()).searchParams.get('error')).toBe('access_denied');
    expect(await meIn(page)).toBe(401);
    sara.groups = ['cx-readers'];
  }, 120_000);

  browserIt('keeps the account of someone whose e-mail address changed at the IdP (the same NameID), under the new address', async () => {
    const before = await server.server.access.findUserByEmail(sara.email);
    sara.email = 'sara.devries@partner.example';
    const page = await signInInBrowser('sara');
    expect(await meIn(page)).toMatchObject({ user: { email: 'sara.devries@partner.example' }, workspaces: [{ role: 'viewer' }] });
    expect((await server.server.access.findUserByEmail(sara.email))?.id).toBe(before!.id);
    // Not to an address another account here has: the owner's.
    sara.email = TEST_OWNER.email;
    const refused = await signInInBrowser('sara');
    expect(new URL(refused.url()).searchParams.get('error')).toBe('email_taken');
    expect(await meIn(refused)).toBe(401);
    sara.email = 'sara.devries@partner.example';
  }, 60_000);

  browserIt('leaves an account made with a password to its password: an IdP identity with its address is not linked to it', async () => {
    const page = await signInInBrowser('olga');
    expect(new URL(page.url()).searchParams.get('error')).toBe('account_not_linked');
    expect(await meIn(page)).toBe(401);
    const owner = await server.server.access.findUserByEmail(TEST_OWNER.email);
    const first = await server.server.access.firstWorkspace();
    expect(await server.server.access.roleInWorkspace(owner!.id, first!.id)).toBe('owner');
  }, 60_000);

  it('uses an answer once: a replay, and a second copy sent at the same moment, are refused', async () => {
    const { requestId, relayState, cookie } = await start();
    const answer = await idp.answer('mallory', requestId);
    // Two copies at once: exactly one is let through.
    const both = await Promise.all([post(answer, relayState), post(answer, relayState)]);
    const passed = both.filter((l) => l.startsWith('/api/auth/saml/finish?code='));
    expect(passed).toHaveLength(1);
    expect(both.filter((l) => ['request', 'used'].includes(refusal(l)!))).toHaveLength(1);
    const done = await finish(passed[0]!, cookie);
    expect(done.location).toBe('/');
    expect(done.session).not.toBeNull();
    const me = await fetch(`${server.url}/api/me`, { headers: { cookie: done.session! } });
    expect(((await me.json()) as Me).user.email).toBe(mallory.email);
    // Later, the same answer again.
    expect(refusal(await post(answer, relayState))).toBe('request');
    // And the code again.
    expect((await finish(passed[0]!, cookie)).location).toBe('/?sso=failed&error=saml_code_unknown');
  }, 60_000);

  it('refuses a checked answer carried to another browser (no signing someone in as you)', async () => {
    const { requestId, relayState } = await start();
    const theirs = await start(); // the victim's browser has a sign-in of its own going
    const location = await post(await idp.answer('mallory', requestId), relayState);
    expect(location).toMatch(/^\/api\/auth\/saml\/finish\?code=/);
    const done = await finish(location, theirs.cookie);
    expect(done).toEqual({ location: '/?sso=failed&error=saml_other_browser', session: null });
    expect((await finish(location, '')).location).toBe('/?sso=failed&error=saml_code_unknown');
  }, 60_000);

  it('refuses forged, tampered, wrapped, expired, misaddressed and unsolicited answers, and makes no account for them', async () => {
    const stranger: SamlIdpPerson = { login: 'eve', email: 'eve@attacker.example', name: 'Eve', groups: ['cx-team'] };
    // The IdP does not know Eve: the attacks below change a real answer for Mallory into one for her.
    const refused = async (make: (requestId: string) => Promise<string>, reason: string) => {
      const { requestId, relayState } = await start();
      expect(refusal(await post(await make(requestId), relayState))).toBe(reason);
    };
    const decoded = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');
    const encoded = (xml: string) => Buffer.from(xml, 'utf8').toString('base64');

    // Signed by another key.
    await refused((id) => idp.answer('mallory', id, { signedByStranger: true }), 'signature');
    // The e-mail address changed after signing.
    await refused(async (id) => encoded(decoded(await idp.answer('mallory', id)).replaceAll(mallory.email, stranger.email)), 'signature');
    await refused(async (id) => {
      // Signature wrapping: an unsigned assertion for Eve placed before the signed one for Mallory.
      const xml = decoded(await idp.answer('mallory', id));
      const signed = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(xml)![0];
      const evil = signed.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '').replaceAll(mallory.email, stranger.email).replace(/ID="[^"]+"/, 'ID="_evil"');
      return encoded(xml.replace(signed, evil + signed));
    }, 'signature');
    // Expired two minutes ago (beyond the 30 s of clock skew allowed).
    await refused((id) => idp.answer('mallory', id, { validForSeconds: -120 }), 'time');
    await refused((id) => idp.answer('mallory', id, { audience: 'https://another-service.example/saml' }), 'audience');
    await refused(() => idp.answer('mallory', null, { unsolicited: true }), 'request');
    // An answer nobody asked for (IdP-initiated, signed), passed off as the answer to one's own
    // request by writing InResponseTo into the Response around the signed assertion.
    await refused(async (id) => encoded(decoded(await idp.answer('mallory', null, { unsolicited: true })).replace('<samlp:Response ', `<samlp:Response InResponseTo="${id}" `)), 'request');
    await refused(async () => idp.answer('mallory', '_a-request-never-sent'), 'request');
    await refused(async () => 'bm90IFNBTUw=', 'format');
    await refused(async () => encoded('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'), 'format');
    // No NameID and no e-mail address: refused by name, not a server error.
    await refused((id) => idp.answer('mallory', id, { anonymous: true }), 'email');
    // The answer of a sign-in nobody started here (RelayState unknown).
    const { requestId } = await start();
    expect(refusal(await post(await idp.answer('mallory', requestId), 'made-up-state'))).toBe('state');
    // An attacker's answer with the RelayState of a victim's sign-in that waits: it would sign
    // the victim's browser in as the attacker. Only the sign-in that sent the request may finish.
    const attacker = await start();
    const victim = await start();
    expect(refusal(await post(await idp.answer('mallory', attacker.requestId), victim.relayState))).toBe('state');
    expect(await userExists(stranger.email)).toBe(false);
  }, 60_000);

  it('answers malformed posts with a clear status, and publishes its metadata', async () => {
    const send = (body: string, type = 'application/x-www-form-urlencoded') =>
      fetch(`${server.url}/api/sso/saml/acs`, { method: 'POST', redirect: 'manual', headers: { 'content-type': type }, body });
    expect((await send('')).status).toBe(400);
    expect((await send('RelayState=x')).status).toBe(400);
    const tooBig = await send(`SAMLResponse=${'A'.repeat(300_000)}`);
    expect(tooBig.status).toBe(413);
    expect((await send('{"SAMLResponse": 1}', 'application/json')).status).toBe(400);
    const metadata = await fetch(`${server.url}/api/sso/saml/metadata`);
    expect(metadata.headers.get('content-type')).toContain('samlmetadata+xml');
    const xml = await metadata.text();
    expect(xml).toContain(`entityID="${settings.entityId}"`);
    expect(xml).toContain(`Location="${settings.acsUrl}"`);
    expect(xml).toContain('WantAssertionsSigned="true"');
    const providers = (await (await fetch(`${server.url}/api/auth-providers`)).json()) as { saml: unknown };
    expect(providers.saml).toEqual({ name: 'Test SAML', startUrl: '/api/auth/saml/sign-in' });
    // Only a path of this site is a place to go after signing in.
    const outward = await fetch(`${server.url}/api/auth/saml/sign-in?callbackURL=${encodeURIComponent('//attacker.example/')}`, { redirect: 'manual' });
    const relayState = new URL(outward.headers.get('location')!).searchParams.get('RelayState')!;
    const cookie = outward.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
    const code = await post(await idp.answer('mallory', await idp.requestIdOf(outward.headers.get('location')!)), relayState);
    expect((await finish(code, cookie)).location).toBe('/');
  }, 60_000);
});

describe('SAML settings from the environment', () => {
  const base = { KLANTREIS_SAML_ENTRY_POINT: 'https://idp.example/sso', KLANTREIS_PUBLIC_URL: 'https://klantreis.example.org' };
  it('names what is missing or wrong', () => {
    expect(samlSettingsFromEnv({})).toBeUndefined();
    expect(() => samlSettingsFromEnv(base)).toThrow(/KLANTREIS_SAML_IDP_CERT/);
    expect(() => samlSettingsFromEnv({ ...base, KLANTREIS_SAML_IDP_CERT: '/no/such/file.pem' })).toThrow(/no file "\/no\/such\/file.pem"/);
    expect(() => samlSettingsFromEnv({ ...base, KLANTREIS_SAML_IDP_CERT: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----' })).toThrow(/holds no certificate/);
    const cert = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    expect(() => samlSettingsFromEnv({ KLANTREIS_SAML_ENTRY_POINT: base.KLANTREIS_SAML_ENTRY_POINT, KLANTREIS_SAML_IDP_CERT: cert })).toThrow(/KLANTREIS_PUBLIC_URL/);
    expect(() => samlSettingsFromEnv({ ...base, KLANTREIS_SAML_IDP_CERT: cert, KLANTREIS_SAML_ROLE_MAP: 'group:x=boss' })).toThrow(/KLANTREIS_SAML_ROLE_MAP: "group:x=boss" names the role "boss"/);
    expect(() => samlSettingsFromEnv({ ...base, KLANTREIS_SAML_ENTRY_POINT: 'idp.example' })).toThrow(/KLANTREIS_SAML_ENTRY_POINT must be/);
    const two = samlSettingsFromEnv({ ...base, KLANTREIS_SAML_IDP_CERT: `${cert}\n${cert.replace('MIIB', 'MIIC')}`, KLANTREIS_SAML_WORKSPACE: ' w1 ' })!;
    expect(two.idpCerts).toHaveLength(2);
    expect(two.workspace).toBe('w1');
    expect(two.acsUrl).toBe('https://klantreis.example.org/api/sso/saml/acs');
    expect(two.entityId).toBe('https://klantreis.example.org/api/sso/saml/metadata');
  });
});
