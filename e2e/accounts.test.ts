// Accounts in the browser: the first start by the printed link, an invitation that makes a
// viewer, what a viewer sees in the editor, and axe on the new pages in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildTestServer, type TestServer } from '../apps/server/src/testServer.ts';
import { browserUnavailable, launchBrowser, newContext } from './fixtures/browser.ts';
import { violations } from './fixtures/axe.ts';
import { webDist } from './fixtures/webDist.ts';

const unavailable = browserUnavailable();

describe.skipIf(unavailable !== null)('accounts in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    // A fresh install: no owner yet.
    server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist(), withoutOwner: true });
    await server.server.creator.fromTemplate('ikea-visit', 'nl');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('makes the owner by the printed link, invites a viewer who sees the map read-only, in nl-NL', async () => {
    const owner = await (await newContext(browser, 'nl-NL', { signedIn: false })).newPage();
    // Without the link a visitor only gets the sign-in page, which says what to do.
    await owner.goto(server.url);
    await owner.getByRole('heading', { name: 'Aanmelden bij Klantreis' }).waitFor();
    await owner.getByText('Deze Klantreis heeft nog geen eigenaar').waitFor();
    expect(await violations(owner)).toEqual([]);

    await owner.goto(`${server.url}${server.server.setupPath()!}`);
    await owner.getByRole('heading', { name: 'Maak het eigenaarsaccount' }).waitFor();
    expect(await violations(owner)).toEqual([]);
    await owner.getByLabel('Je naam').fill('Eva Eigenaar');
    await owner.getByLabel('E-mailadres').fill('eva@example.org');
    await owner.getByLabel('Wachtwoord').fill('een-lang-wachtwoord');
    await owner.getByRole('button', { name: 'Eigenaarsaccount maken' }).click();
    // Signed in, with the sample journey in her workspace.
    await owner.getByRole('heading', { name: 'Klantreizen' }).waitFor();
    await owner.getByText('IKEA').first().waitFor();

    // Members: make a viewer's invitation link.
    await owner.getByText('Eva Eigenaar').first().click();
    await owner.getByRole('link', { name: 'Leden' }).click();
    await owner.getByRole('heading', { name: /Leden van/ }).waitFor();
    expect(await violations(owner)).toEqual([]);
    await owner.getByLabel('Rol van wie je uitnodigt').selectOption('viewer');
    await owner.getByRole('button', { name: 'Uitnodigingslink maken' }).click();
    const link = await owner.getByTestId('invitation-link').textContent();
    expect(link).toMatch(/\/invite\//);

    // The viewer opens the link in their own (signed-out) browser and makes an account.
    const viewer = await (await newContext(browser, 'nl-NL', { signedIn: false })).newPage();
    await viewer.goto(link!);
    await viewer.getByRole('heading', { name: /Word lid van/ }).waitFor();
    await viewer.getByText('Je bent uitgenodigd als kijker.').waitFor();
    expect(await violations(viewer)).toEqual([]);
    await viewer.getByLabel('Je naam').fill('Victor Kijker');
    await viewer.getByLabel('E-mailadres').fill('victor@example.org');
    await viewer.getByLabel('Wachtwoord').fill('nog-een-lang-wachtwoord');
    await viewer.getByRole('button', { name: 'Account maken en meedoen' }).click();
    await viewer.getByRole('heading', { name: 'Klantreizen' }).waitFor();
    // A viewer is not offered to make, rename, duplicate or trash journeys; the owner is.
    expect(await viewer.getByRole('button', { name: 'Nieuwe klantreis' }).count()).toBe(0);
    await viewer.getByRole('link', { name: /IKEA/ }).first().waitFor();
    await owner.goto(server.url);
    await owner.getByRole('link', { name: /IKEA/ }).first().waitFor();
    for (const offered of [/^Hernoemen/, /^Dupliceren/, /^Naar prullenbak/]) {
      expect(await viewer.getByRole('button', { name: offered }).count(), String(offered)).toBe(0);
      expect(await owner.getByRole('button', { name: offered }).count(), String(offered)).toBeGreaterThan(0);
    }

    // In the editor: read-only banner, fields read-only, no add buttons; nothing changes.
    await viewer.getByRole('link', { name: /IKEA/ }).first().click();
    await viewer.getByTestId('read-only').waitFor();
    expect(await viewer.getByTestId('read-only').textContent()).toContain('kijker');
    expect(await viewer.getByLabel('Titel van de klantreis').getAttribute('readonly')).not.toBeNull();
    expect(await viewer.getByRole('button', { name: /Fase toevoegen/ }).isVisible()).toBe(false);
    expect(await violations(viewer)).toEqual([]);

    // The owner's audit log shows who joined.
    await owner.getByText('Eva Eigenaar').first().click();
    await owner.getByRole('link', { name: 'Auditlogboek' }).click();
    await owner.getByRole('cell', { name: 'Victor Kijker' }).first().waitFor();
    expect(await violations(owner)).toEqual([]);

    // Victor forgot his password: the owner makes a link, Victor sets a new one with it.
    await owner.getByText('Eva Eigenaar').first().click();
    await owner.getByRole('link', { name: 'Leden' }).click();
    await owner.getByRole('row', { name: /Victor Kijker/ }).getByRole('button', { name: 'Wachtwoordlink' }).click();
    const resetLink = await owner.getByTestId('reset-link').textContent();
    const forgetful = await (await newContext(browser, 'nl-NL', { signedIn: false })).newPage();
    await forgetful.goto(resetLink!);
    await forgetful.getByRole('heading', { name: 'Kies een nieuw wachtwoord' }).waitFor();
    expect(await violations(forgetful)).toEqual([]);
    await forgetful.getByLabel('Nieuw wachtwoord').fill('een-heel-nieuw-wachtwoord');
    await forgetful.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await forgetful.getByText('Je wachtwoord is ingesteld').waitFor();
    const signIn = await fetch(`${server.url}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: 'victor@example.org', password: 'een-heel-nieuw-wachtwoord' }) });
    expect(signIn.status).toBe(200);
  }, 120_000);

  it('shows the account page and the sign-in page without violations in en-US', async () => {
    const page = await (await newContext(browser, 'en-US', { signedIn: false })).newPage();
    await page.goto(server.url);
    await page.getByLabel('E-mail address').fill('eva@example.org');
    await page.getByLabel('Password').fill('een-lang-wachtwoord');
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Customer journeys' }).waitFor();
    await page.goto(`${server.url}/account`);
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await page.getByRole('region', { name: 'API tokens' }).getByLabel('Name').fill('script');
    await page.getByRole('button', { name: 'Make token' }).click();
    expect(await page.getByTestId('new-token').textContent()).toMatch(/^kr_/);
    expect(await violations(page)).toEqual([]);
    // A wrong password is said, not a blank page.
    const stranger = await (await newContext(browser, 'en-US', { signedIn: false })).newPage();
    await stranger.goto(server.url);
    await stranger.getByLabel('E-mail address').fill('eva@example.org');
    await stranger.getByLabel('Password').fill('wrong-password-here');
    await stranger.getByRole('button', { name: 'Sign in' }).click();
    await stranger.getByRole('alert').filter({ hasText: 'Signing in failed' }).waitFor();
  }, 60_000);

  it('keeps the language a person chose with their account: another device with an English browser shows Dutch', async () => {
    async function signIn(locale: 'nl-NL' | 'en-US') {
      const page = await (await newContext(browser, locale, { signedIn: false })).newPage();
      await page.goto(server.url);
      await page.locator('input[type=email]').fill('eva@example.org');
      await page.locator('input[type=password]').fill('een-lang-wachtwoord');
      await page.locator('button[type=submit]').click();
      return page;
    }
    const laptop = await signIn('en-US');
    await laptop.getByRole('heading', { name: 'Customer journeys' }).waitFor();
    await laptop.goto(`${server.url}/account`);
    const language = laptop.getByRole('region', { name: 'Language' });
    await language.getByText('because your browser is').waitFor();
    await language.getByRole('button', { name: 'NL' }).click();
    await laptop.getByRole('heading', { name: 'Je account' }).waitFor();
    await laptop.getByRole('region', { name: 'Taal' }).getByText('zoals je koos').waitFor();
    expect(await violations(laptop)).toEqual([]);

    // A second device, an English browser that never chose: the account's choice wins.
    const projector = await signIn('en-US');
    await projector.getByRole('heading', { name: 'Klantreizen' }).waitFor();
    expect(await projector.locator('html').getAttribute('lang')).toBe('nl');

    // Back to following the browser: the next device follows its browser again.
    await laptop.getByRole('region', { name: 'Taal' }).getByRole('button', { name: 'Volg mijn browser' }).click();
    await laptop.getByRole('heading', { name: 'Your account' }).waitFor();
    const third = await signIn('en-US');
    await third.getByRole('heading', { name: 'Customer journeys' }).waitFor();
  }, 60_000);
});
