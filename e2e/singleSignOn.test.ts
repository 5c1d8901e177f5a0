// Single sign-on in Chromium against a real OpenID Connect IdP (oidc-provider): the IdP's
// groups become the person's role in the first workspace; someone no rule matches gets no entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseRoleMap } from '@klantreis/core';
import { buildTestServer, type TestServer } from '../apps/server/src/testServer.ts';
import { freePort, startIdentityProvider, type IdentityProvider } from '../testing/identityProvider.ts';
import { browserUnavailable, launchBrowser, newContext } from './fixtures/browser.ts';
import { webDist } from './fixtures/webDist.ts';

const unavailable = browserUnavailable();

describe.skipIf(unavailable !== null)('single sign-on with OpenID Connect', () => {
  let idp: IdentityProvider;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    idp = await startIdentityProvider({
      redirectUri: `http://127.0.0.1:${port}/api/auth/callback/oidc`,
      people: [
        { login: 'ingrid', email: 'ingrid@example.org', name: 'Ingrid Admin', groups: ['klantreis-admins'] },
        { login: 'victor', email: 'victor@partner.example', name: 'Victor Viewer', groups: ['cx-readers'] },
        { login: 'mallory', email: 'mallory@elsewhere.example', name: 'Mallory', groups: ['marketing'] },
      ],
    });
    server = await buildTestServer(
      { kind: 'sqlite' },
      {
        webDist: webDist(),
        port,
        oidc: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, name: 'Test IdP', rules: parseRoleMap('group:klantreis-admins=owner,group:cx-readers=viewer'), defaultRole: null },
      },
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await idp?.close();
  });

  /** Signs in through the IdP's own login and consent pages, as a person does. */
  async function signInWithIdp(page: Page, login: string): Promise<void> {
    await page.goto(server.url);
    await page.getByRole('button', { name: /^(Sign in with|Aanmelden met) Test IdP$/ }).click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    // The IdP's consent page (its development interactions): Continue.
    await page.locator('input[name="prompt"][value="consent"]').waitFor({ state: 'attached' });
    await page.locator('button[type="submit"]').click();
  }

  const me = (page: Page) => page.evaluate(async () => {
    const response = await fetch('/api/me');
    return response.ok ? ((await response.json()) as { user: { email: string; name: string }; workspaces: { role: string }[] }) : response.status;
  });

  it('signs in a member of the admins group as owner, and one of the readers as viewer', async () => {
    const ingrid = await (await newContext(browser, 'en-US', { signedIn: false })).newPage();
    await signInWithIdp(ingrid, 'ingrid');
    await ingrid.getByRole('heading', { name: 'Customer journeys' }).waitFor();
    expect(await me(ingrid)).toMatchObject({ user: { email: 'ingrid@example.org', name: 'Ingrid Admin' }, workspaces: [{ role: 'owner' }] });

    const victor = await (await newContext(browser, 'nl-NL', { signedIn: false })).newPage();
    await victor.goto(server.url);
    await victor.getByRole('button', { name: 'Aanmelden met Test IdP' }).waitFor();
    await signInWithIdp(victor, 'victor');
    await victor.getByRole('heading', { name: 'Klantreizen' }).waitFor();
    expect(await me(victor)).toMatchObject({ user: { email: 'victor@partner.example' }, workspaces: [{ role: 'viewer' }] });
    // A viewer is not offered to create journeys.
    expect(await victor.getByRole('button', { name: 'Nieuwe klantreis' }).count()).toBe(0);
  }, 90_000);

  it('refuses someone whose groups give no role, and says why', async () => {
    const mallory = await (await newContext(browser, 'en-US', { signedIn: false })).newPage();
    await signInWithIdp(mallory, 'mallory');
    await mallory.getByText('Single sign-on did not sign you in').waitFor();
    expect(await me(mallory)).toBe(401);
    expect(await server.server.access.findUserByEmail('mallory@elsewhere.example')).toBeUndefined();
  }, 60_000);
});
