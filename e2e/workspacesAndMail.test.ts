// Workspaces and mail in the browser: starting a workspace of one's own and working in it,
// renaming it, and, when the server sends mail, an invitation mailed and a forgotten password
// reset by a mailed link (a real SMTP server, testing/mailServer.ts). axe in nl and en.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildTestServer, type TestServer } from '../apps/server/src/testServer.ts';
import { firstWorkspaceId, invitePerson } from '../apps/server/src/access/accessTestSupport.ts';
import { freePort } from '../testing/identityProvider.ts';
import { startMailServer, type MailServer } from '../testing/mailServer.ts';
import { violations } from './fixtures/axe.ts';
import { browserUnavailable, launchBrowser, newContext } from './fixtures/browser.ts';
import { useBrowserAndServer } from './fixtures/browserAndServer.ts';
import { webDist } from './fixtures/webDist.ts';

const unavailable = browserUnavailable();

describe.skipIf(unavailable !== null)('workspaces in Chromium', () => {
  const running = useBrowserAndServer(async (server) => {
    await server.server.creator.fromTemplate('ikea-visit', 'en');
  });

  it('starts a workspace of one’s own, makes a journey in it, and shows one workspace or all (en-US)', async () => {
    const page = await (await newContext(running.browser, 'en-US')).newPage();
    await page.goto(running.server.url);
    await page.getByRole('heading', { name: 'Journeys' }).waitFor();
    await expect.poll(() => page.locator('.card').count()).toBeGreaterThan(0);
    const everything = await page.locator('.card').count();

    await page.getByRole('button', { name: 'New workspace' }).click();
    await page.getByRole('heading', { name: 'Start a new workspace' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByLabel('Name', { exact: true }).fill('Customer service');
    await page.getByRole('button', { name: 'Start workspace' }).click();
    await page.waitForURL(/\?workspace=/);
    const workspaceId = new URL(page.url()).searchParams.get('workspace')!;
    await expect.poll(() => page.getByRole('combobox', { name: 'Workspace' }).inputValue()).toBe(workspaceId);
    await page.getByText('No journeys yet').waitFor();

    await page.getByRole('button', { name: 'New journey' }).click();
    await page.getByRole('dialog', { name: 'New journey' }).getByLabel('Title').fill('Complaint handling');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL(/\/journeys\//);
    const journeyId = new URL(page.url()).pathname.split('/').pop()!;
    // It went to the workspace that was chosen.
    const listed = (await (await running.server.fetch('/api/journeys')).json()) as { id: string; workspaceId: string | null }[];
    expect(listed.find((j) => j.id === journeyId)?.workspaceId).toBe(workspaceId);

    await page.goBack();
    await page.waitForURL(/\?workspace=/);
    await expect.poll(() => page.locator('.card').count()).toBe(1);
    await page.getByText('Complaint handling').waitFor();
    await page.getByRole('combobox', { name: 'Workspace' }).selectOption('');
    await expect.poll(() => page.locator('.card').count()).toBe(everything + 1);
    expect(new URL(page.url()).searchParams.has('workspace')).toBe(false);
    expect(await violations(page)).toEqual([]);
  }, 60_000);

  it('lets the owner rename a workspace on its members page (nl-NL)', async () => {
    const page = await (await newContext(running.browser, 'nl-NL')).newPage();
    const workspaceId = await firstWorkspaceId(running.server);
    await page.goto(`${running.server.url}/workspaces/${workspaceId}/members`);
    await page.getByRole('heading', { name: /^Leden van / }).waitFor();
    await page.getByLabel('Naam van de werkruimte').fill('Klantenservice Noord');
    await page.getByRole('button', { name: 'Hernoemen' }).click();
    await page.getByRole('heading', { name: 'Leden van Klantenservice Noord' }).waitFor();
    expect(await violations(page)).toEqual([]);
  }, 60_000);
});

describe.skipIf(unavailable !== null)('mail in Chromium, with KLANTREIS_SMTP_URL set', () => {
  let mail: MailServer;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    mail = await startMailServer();
    const port = await freePort();
    server = await buildTestServer({ kind: 'sqlite' }, { port, webDist: webDist(), publicUrl: `http://127.0.0.1:${port}`, mail: { url: mail.url, from: 'Klantreis <klantreis@example.org>' } });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await mail?.close();
  });

  it('mails an invitation to the address the owner gives, and says so (en-US)', async () => {
    const page = await (await newContext(browser, 'en-US')).newPage();
    await page.goto(`${server.url}/workspaces/${await firstWorkspaceId(server)}/members`);
    await page.getByLabel(/^E-mail address/).fill('anna@klantreis.test');
    await page.getByRole('button', { name: 'Make invitation link' }).click();
    await page.getByText('The link was mailed to anna@klantreis.test.').waitFor();
    const link = await page.getByTestId('invitation-link').textContent();
    await expect.poll(() => mail.received.filter((m) => m.to.includes('anna@klantreis.test')).length).toBe(1);
    expect(mail.received.find((m) => m.to.includes('anna@klantreis.test'))!.raw).toContain(link);
  }, 60_000);

  it('resets a forgotten password by a mailed link from the sign-in page (nl-NL)', async () => {
    const member = await invitePerson(server, 'editor', { name: 'Vergeetachtige Victor' });
    const page = await (await newContext(browser, 'nl-NL', { signedIn: false })).newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Aanmelden bij Klantreis' }).waitFor();
    await page.getByText('Wachtwoord vergeten?').click();
    expect(await violations(page)).toEqual([]);
    await page.locator('.forgot-password').getByLabel('E-mailadres').fill(member.email);
    await page.getByRole('button', { name: 'Mail mij een link' }).click();
    await page.getByText(`Als ${member.email} hier een account heeft`).waitFor();
    await expect.poll(() => mail.received.filter((m) => m.to.includes(member.email)).length).toBe(1);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/reset-password\?token=\S+)/.exec(mail.received.find((m) => m.to.includes(member.email))!.raw)![1]!;

    await page.goto(link);
    await page.getByRole('heading', { name: 'Kies een nieuw wachtwoord' }).waitFor();
    await page.getByLabel('Wachtwoord').fill('mijn-nieuwe-wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await page.getByText('Je wachtwoord is ingesteld').waitFor();
    const signedIn = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: member.email, password: 'mijn-nieuwe-wachtwoord' }),
    });
    expect(signedIn.status).toBe(200);
  }, 60_000);
});
