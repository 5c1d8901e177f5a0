// SAML single sign-on from the web app's sign-in page, in Chromium, against a real SAML IdP
// (samlify, testing/samlIdentityProvider.ts): the button, the IdP's login form, the journeys
// list; someone whose groups give no role is told why, in their language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { samlSettingsFromEnv } from '@klantreis/core';
import { buildTestServer, type TestServer } from '../apps/server/src/testServer.ts';
import { freePort } from '../testing/identityProvider.ts';
import { startSamlIdentityProvider, type SamlIdentityProvider } from '../testing/samlIdentityProvider.ts';
import { violations } from './fixtures/axe.ts';
import { browserUnavailable, launchBrowser, newContext } from './fixtures/browser.ts';
import { webDist } from './fixtures/webDist.ts';

const unavailable = browserUnavailable();

describe.skipIf(unavailable !== null)('single sign-on with SAML from the sign-in page', () => {
  let idp: SamlIdentityProvider;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    idp = await startSamlIdentityProvider({
      spMetadataUrl: `${publicUrl}/api/sso/saml/metadata`,
      people: [
        { login: 'ingrid', email: 'ingrid@example.org', name: 'Ingrid Admin', groups: ['klantreis-admins'] },
        { login: 'mallory', email: 'mallory@elsewhere.example', name: 'Mallory', groups: ['marketing'] },
      ],
    });
    const saml = samlSettingsFromEnv({
      KLANTREIS_SAML_ENTRY_POINT: idp.entryPoint,
      KLANTREIS_SAML_IDP_CERT: idp.certificate,
      KLANTREIS_SAML_NAME: 'Test SAML',
      KLANTREIS_SAML_ROLE_MAP: 'group:klantreis-admins=owner',
      KLANTREIS_PUBLIC_URL: publicUrl,
    })!;
    server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist(), port, publicUrl, saml });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await idp?.close();
  });

  async function signInWithIdp(page: Page, button: RegExp, login: string): Promise<void> {
    await page.goto(server.url);
    await page.getByRole('button', { name: button }).click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('button[type="submit"]').click();
  }

  it('signs a member of the admins group in as owner, from the button to the journeys list', async () => {
    const page = await (await newContext(browser, 'en-US', { signedIn: false })).newPage();
    await signInWithIdp(page, /^Sign in with Test SAML$/, 'ingrid');
    await page.getByRole('heading', { name: 'Customer journeys' }).waitFor();
    const me = await page.evaluate(async () => (await (await fetch('/api/me')).json()) as { user: { email: string }; workspaces: { role: string }[] });
    expect(me).toMatchObject({ user: { email: 'ingrid@example.org' }, workspaces: [{ role: 'owner' }] });
  }, 90_000);

  it('tells someone whose groups give no role why, in Dutch', async () => {
    const page = await (await newContext(browser, 'nl-NL', { signedIn: false })).newPage();
    await signInWithIdp(page, /^Aanmelden met Test SAML$/, 'mallory');
    await page.getByText('Eenmalige aanmelding lukte niet: je account bij de identiteitsprovider heeft hier geen rol').waitFor();
    expect(await violations(page)).toEqual([]);
    expect(await server.server.access.findUserByEmail('mallory@elsewhere.example')).toBeUndefined();
  }, 60_000);

  it('shows why an answer was refused, for the administrator', async () => {
    const page = await (await newContext(browser, 'en-US', { signedIn: false })).newPage();
    // An answer posted to the answer address (from a page of no site) that answers no request of this server.
    await page.setContent(`<form method="post" action="${server.url}/api/sso/saml/acs"><input type="hidden" name="SAMLResponse" value="${await idp.answer('ingrid', '_never-sent')}"><button type="submit">Go</button></form>`);
    await page.getByRole('button', { name: 'Go' }).click();
    await page.getByText("the identity provider's answer was refused").waitFor();
    await page.getByText('Reason for your administrator: request').waitFor();
    // The sign-in page with its SAML button and the refusal: axe clean.
    await page.getByRole('button', { name: 'Sign in with Test SAML' }).waitFor();
    expect(await violations(page)).toEqual([]);
  }, 60_000);
});
