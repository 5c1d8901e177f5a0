import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { buildTestServer, type TestServer } from '../apps/server/src/testServer.ts';
import { browserUnavailable, launchBrowser, newContext } from './fixtures/browser.ts';
import { seedPortfolio } from './fixtures/portfolioSeed.ts';
import { webDist } from './fixtures/webDist.ts';
import { signIn, TEST_OWNER } from '@klantreis/server/testCredentials';

// Issue 14: the web app's router (TanStack Router) and its one way of reading the server
// (TanStack Query): deep links, reload and Back across scenes; the early requests taken, not
// repeated; a change refreshing what it touched without any polling.
const unavailable = browserUnavailable();

/** The API reads a page makes, by path (`GET /api/journeys?…` counts as `/api/journeys`). */
class ApiReads {
  readonly seen: string[] = [];
  constructor(page: Page) {
    page.on('request', (request: Request) => {
      const url = new URL(request.url());
      if (request.method() === 'GET' && url.pathname.startsWith('/api/')) this.seen.push(url.pathname);
    });
  }
  count(path: string): number {
    return this.seen.filter((seen) => seen === path).length;
  }
}

describe.skipIf(unavailable !== null)('routing and server data in Chromium (issue 14)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
    await seedPortfolio(server.url, 'nl');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens a deep link with its query, keeps it over a reload, and goes Back across two scenes', async () => {
    const context = await newContext(browser, 'en-US');
    const page = await context.newPage();
    const reads = new ApiReads(page);
    const deepLink = `${server.url}/portfolio?tab=board&status=live`;
    await page.goto(deepLink);
    await page.getByTestId('lifecycle-board').waitFor();
    expect(await page.getByTestId('tab-board').getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('filter-status').inputValue()).toBe('live');
    // The session and the table asked for by public/early.js are taken by the app, not asked again.
    expect(reads.count('/api/me')).toBe(1);
    expect(reads.count('/api/portfolio')).toBe(1);

    await page.reload();
    await page.getByTestId('lifecycle-board').waitFor();
    expect(page.url()).toBe(deepLink);
    expect(await page.getByTestId('filter-status').inputValue()).toBe('live');

    // To the journeys list, then into a journey: two scenes, two history entries.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journeys' }).click();
    await expect.poll(() => page.locator('.card').count()).toBe(7);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.locator('.card__title a').first().click();
    await page.waitForURL(/\/journeys\/[^/]+$/);
    await page.getByTestId('journey-map').waitFor();

    await page.goBack();
    await expect.poll(() => page.locator('.card').count()).toBe(7);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.goBack();
    await page.getByTestId('lifecycle-board').waitFor();
    expect(page.url()).toBe(deepLink);
    expect(await page.getByTestId('filter-status').inputValue()).toBe('live');

    // An address the app does not know shows the journeys list, as it did before the router.
    await page.goto(`${server.url}/no/such/page`);
    await expect.poll(() => page.locator('.card').count()).toBe(7);
    // A trailing slash is the same page, as it was.
    await page.goto(`${server.url}/portfolio/?tab=board`);
    await page.getByTestId('lifecycle-board').waitFor();
    await context.close();
  });

  it('refreshes the journeys list after a rename by invalidating it, and asks nothing while idle', async () => {
    const context = await newContext(browser, 'en-US');
    const page = await context.newPage();
    const reads = new ApiReads(page);
    await page.goto(server.url);
    await expect.poll(() => page.locator('.card').count()).toBe(7);
    const title = (await page.locator('.card__title a').first().textContent()) ?? '';

    // Nothing polls the list: a quiet page asks the server nothing more.
    const listReads = reads.count('/api/journeys');
    await page.waitForTimeout(2_000);
    expect(reads.count('/api/journeys')).toBe(listReads);

    await page.getByRole('button', { name: `Rename: ${title}` }).click();
    await page.getByRole('textbox', { name: 'New title' }).fill('Renamed by the list');
    await page.getByRole('textbox', { name: 'New title' }).press('Enter');
    await expect.poll(() => page.locator('.card__title').allTextContents()).toContain('Renamed by the list');
    // One read after the change, and none after that.
    expect(reads.count('/api/journeys')).toBe(listReads + 1);
    await page.waitForTimeout(1_500);
    expect(reads.count('/api/journeys')).toBe(listReads + 1);
    await context.close();
  });

  it('shows the sign-in page at the same address when the session ends while the page is open, and forgets what it read', async () => {
    const cookie = await signIn(server.url);
    const context = await newContext(browser, 'en-US', { as: { cookie, url: server.url } });
    const page = await context.newPage();
    await page.goto(`${server.url}/?view=trash`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Trash');

    // Signed out elsewhere (this session only): the next read is refused.
    const ended = await fetch(`${server.url}/api/auth/sign-out`, { method: 'POST', headers: { cookie, origin: server.url, 'content-type': 'application/json' }, body: '{}' });
    expect(ended.ok).toBe(true);
    // A read that was on its way (the inbox count, say) may be refused first and bring the
    // sign-in page before the search box is used: then there is no search box to type in.
    await page.getByRole('searchbox').fill('a', { timeout: 2_000 }).catch(() => undefined);
    await page.getByText('You were signed out. Sign in again to go on.').waitFor({ timeout: 10_000 });
    expect(await page.locator('.card').count()).toBe(0);
    expect(new URL(page.url()).search).toBe('?view=trash');

    await page.getByRole('textbox', { name: 'E-mail address' }).fill(TEST_OWNER.email);
    await page.getByLabel('Password', { exact: true }).fill(TEST_OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Trash');
    await context.close();
  });
});
