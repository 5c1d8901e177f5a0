import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildTestServer, type TestServer } from '../apps/server/src/testServer.ts';
import { violations } from './fixtures/axe.ts';
import { browserUnavailable, launchBrowser, newContext } from './fixtures/browser.ts';
import { JourneyMapPage } from './fixtures/journeyMapPage.ts';
import { seedPortfolio, type SeededPortfolio } from './fixtures/portfolioSeed.ts';
import { webDist } from './fixtures/webDist.ts';
import { authorizedFetch, signIn } from '@klantreis/server/testCredentials';

// Issue 12: the journey portfolio, the lifecycle board and the opportunity portfolio in the
// browser, on journeys made through the API (portfolioSeed.ts): seven journeys, three owned by
// Olga, three by Bram, one by nobody.
const unavailable = browserUnavailable();

describe.skipIf(unavailable !== null)('the journey portfolio in Chromium (issue 12)', () => {
  let server: TestServer;
  let browser: Browser;
  let seeded: SeededPortfolio;

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
    seeded = await seedPortfolio(server.url, 'nl');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPortfolio(locale: 'nl-NL' | 'en-US', query = ''): Promise<Page> {
    const context = await newContext(browser, locale);
    const page = await context.newPage();
    await page.goto(`${server.url}/portfolio${query}`);
    await page.getByTestId('portfolio').waitFor();
    return page;
  }
  const rows = (page: Page) => page.getByTestId('portfolio-row');
  const titles = (page: Page) => page.locator('[data-testid="portfolio-row"] th a').allTextContents();

  it('is linked from the journeys list, filters by status and by text, sorts by a column and keeps it all in the URL', async () => {
    const context = await newContext(browser, 'en-US');
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
    await expect.poll(() => rows(page).count()).toBe(7);
    expect(await page.getByTestId('portfolio-count').textContent()).toBe('7 of 7 journeys');

    await page.getByTestId('filter-status').selectOption('live');
    await expect.poll(() => titles(page)).toEqual(['IKEA-winkelbezoek']);
    expect(new URL(page.url()).searchParams.get('status')).toBe('live');
    await page.getByTestId('filter-status').selectOption('');
    await expect.poll(() => rows(page).count()).toBe(7);

    // Every word somewhere in title, owner, tags, personas or stages.
    await page.getByTestId('portfolio-search').fill('bram onboarding');
    await expect.poll(() => titles(page)).toEqual(['Onboarding bij een betaalzender']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('bram onboarding');
    await page.getByTestId('portfolio-search').fill('');
    await expect.poll(() => rows(page).count()).toBe(7);

    const titleHeader = page.locator('th.col-title');
    await titleHeader.getByRole('button').click();
    expect(await titleHeader.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await titles(page);
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, 'en')));
    await titleHeader.getByRole('button').click();
    expect(await titleHeader.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => titles(page)).toEqual([...ascending].reverse());
    expect(new URL(page.url()).searchParams.get('sort')).toBe('-title');

    // The back button undoes the last change: the sort goes back to ascending.
    await page.goBack();
    await expect.poll(() => titleHeader.getAttribute('aria-sort')).toBe('ascending');
    await context.close();
  });

  it('groups by owner with counts, folds a group away, and edits a status in place', async () => {
    const page = await openPortfolio('en-US', '?sort=title');
    await page.getByTestId('group-by').selectOption('owner');
    await expect.poll(() => page.getByTestId('group-header').allTextContents()).toEqual([
      '▾Bram Bakker3 journeys',
      '▾Olga Owner3 journeys',
      '▾No owner1 journey',
    ]);
    const bram = page.locator('[data-testid="group-header"][data-group]').first();
    await bram.click();
    expect(await bram.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => rows(page).count()).toBe(4);
    await bram.click();
    await expect.poll(() => rows(page).count()).toBe(7);

    // The owner edits a status in the row; the server keeps it.
    const restaurant = page.locator(`[data-journey-id="${seeded.ids.restaurant}"]`);
    // A row's select holds its one value until it is approached (LazySelect), then all of them.
    expect(await restaurant.getByTestId('edit-status').locator('option').count()).toBe(1);
    await restaurant.getByTestId('edit-status').focus();
    expect(await restaurant.getByTestId('edit-status').locator('option').count()).toBe(6);
    await restaurant.getByTestId('edit-status').selectOption('researched');
    await expect.poll(async () => {
      const answer = await page.request.get(`${server.url}/api/portfolio?workspace=${seeded.workspaceId}`);
      const body = (await answer.json()) as { journeys: { id: string; status: string }[] };
      return body.journeys.find((j) => j.id === seeded.ids.restaurant)?.status;
    }).toBe('researched');
    await page.reload();
    await expect.poll(() => page.locator(`[data-journey-id="${seeded.ids.restaurant}"] [data-testid="edit-status"]`).inputValue()).toBe('researched');
    await restaurant.getByTestId('edit-status').focus();
    await restaurant.getByTestId('edit-status').selectOption('idea');
    await page.context().close();
  });

  it('saves the current filter, sort and grouping as a view and opens it again after a reload', async () => {
    const page = await openPortfolio('nl-NL', '?status=as-is&group=status&sort=title');
    await expect.poll(() => rows(page).count()).toBe(2);
    await page.getByTestId('save-view').click();
    await page.getByTestId('view-name').fill('Huidige reizen');
    await page.getByTestId('view-name').press('Enter');
    await expect.poll(() => page.getByTestId('saved-views').locator('option').allTextContents()).toContain('Huidige reizen');

    await page.goto(`${server.url}/portfolio`);
    await page.reload();
    await expect.poll(() => rows(page).count()).toBe(7);
    await page.getByTestId('saved-views').selectOption({ label: 'Huidige reizen' });
    await expect.poll(() => rows(page).count()).toBe(2);
    const url = new URL(page.url());
    expect([url.searchParams.get('status'), url.searchParams.get('group'), url.searchParams.get('sort')]).toEqual(['as-is', 'status', 'title']);
    expect(await page.getByTestId('filter-status').inputValue()).toBe('as-is');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('delete-view').click();
    await expect.poll(() => page.getByTestId('saved-views').locator('option').allTextContents()).not.toContain('Huidige reizen');
    await page.context().close();
  });

  it('shows the health light’s reasons in words on keyboard focus, read out through aria-describedby', async () => {
    const page = await openPortfolio('nl-NL', '?sort=title');
    const light = page.locator(`[data-journey-id="${seeded.ids.financial}"]`).getByTestId('health-light');
    const tip = page.locator(`[data-journey-id="${seeded.ids.financial}"]`).getByTestId('health-reasons');
    expect(await tip.isVisible()).toBe(false);
    // Tab onto the light from the title link before it, as a keyboard user would.
    await page.locator(`[data-journey-id="${seeded.ids.financial}"] th a`).focus();
    await page.keyboard.press('Tab');
    expect(await light.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toMatch(/kritieke bevinding/);
    // Every reason is a sentence, the last one too.
    const reasons = await tip.locator('.health__reason').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason.trim()).toMatch(/[^.]\.$/);
    expect(await light.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'));
    expect(await light.textContent()).toBe('Kritiek');
    // Escape hides it without moving focus (WCAG 1.4.13).
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    await page.context().close();
  });

  it('places a judged action in the impact × effort matrix, titles it on focus, and opens its journey', async () => {
    const page = await openPortfolio('en-US', '?tab=opportunities');
    await page.getByTestId('impact-effort-matrix').waitFor();
    const points = page.getByTestId('matrix-point');
    await expect.poll(() => points.count()).toBe(2);
    const quickWin = page.locator('[data-testid="matrix-point"][data-quadrant="quick-win"]');
    expect(await quickWin.getAttribute('aria-label')).toMatch(/^Voortgang van de aanvraag tonen \(Aanvraag van een complex financieel product\): impact 5, effort 2, Quick wins$/);
    await quickWin.focus();
    await expect.poll(() => page.getByTestId('matrix-tip').textContent()).toBe('Voortgang van de aanvraag tonen');
    expect(await page.getByTestId('matrix-unjudged').textContent()).toContain('Formulier korter maken');
    expect(await page.getByTestId('opportunities-csv').getAttribute('href')).toBe(`/api/portfolio/opportunities?workspace=${seeded.workspaceId}&format=csv&lang=en`);
    await quickWin.click();
    await page.waitForURL(`**/journeys/${seeded.ids.financial}`);
    await page.context().close();
  });

  it('keeps the opportunity filter and sort in the URL: a reload or a shared link shows the same list, and Back undoes', async () => {
    const page = await openPortfolio('en-US', '?tab=opportunities');
    const rows = page.getByTestId('opportunity-row');
    await rows.first().waitFor();
    const everything = await rows.count();
    await page.getByTestId('opportunity-filter-source').selectOption('action');
    await page.waitForURL(/from=action/);
    const actions = await rows.count();
    expect(actions).toBeGreaterThan(0);
    expect(actions).toBeLessThan(everything);
    await page.getByRole('columnheader', { name: /Due/ }).getByRole('button').click();
    await page.waitForURL(/osort=/);
    const order = await rows.allTextContents();

    await page.reload();
    await rows.first().waitFor();
    expect(await page.getByTestId('opportunity-filter-source').inputValue()).toBe('action');
    expect(await rows.allTextContents()).toEqual(order);

    await page.goBack();
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBeNull();
    await expect.poll(() => rows.count()).toBe(everything);
    await page.context().close();
  });

  it('shows the lifecycle board with the experience map’s stages as columns', async () => {
    const page = await openPortfolio('en-US', '?tab=board');
    await page.getByTestId('lifecycle-board').waitFor();
    await expect.poll(() => page.getByTestId('board-column').count()).toBeGreaterThanOrEqual(5);
    // The columns take the experience map's own stage order once its roll-up answers.
    const firstColumn = page.getByTestId('board-column').first();
    await expect.poll(() => firstColumn.getByTestId('board-card').allTextContents()).toEqual([expect.stringContaining('IKEA-winkelbezoek')]);
    expect(await page.getByTestId('board-unlinked').getByTestId('board-card').count()).toBe(1);
    await page.context().close();
  });

  it('edits type, status, owner and tags in the editor’s journey details, and the portfolio shows them', async () => {
    const context = await newContext(browser, 'en-US');
    const page = await context.newPage();
    const map = new JourneyMapPage(page, server.url);
    await map.open(seeded.ids.restaurant);
    await page.getByTestId('topbar-more').locator('summary').click();
    await page.getByTestId('open-journey-details').click();
    const dialog = page.getByTestId('journey-details');
    await dialog.waitFor();
    await dialog.getByTestId('details-kind').selectOption('blueprint');
    await dialog.getByTestId('details-status').selectOption('to-be');
    await dialog.getByTestId('details-owner').selectOption({ label: seeded.secondMember.name });
    await dialog.getByTestId('details-tags').fill('retail, horeca');
    await dialog.getByTestId('details-tags').press('Enter');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await dialog.isVisible()).toBe(false);

    await expect.poll(async () => {
      const answer = await page.request.get(`${server.url}/api/portfolio?workspace=${seeded.workspaceId}`);
      const body = (await answer.json()) as { journeys: { id: string; kind: string; status: string; owner: { id: string | null }; tags: string[] }[] };
      const restaurant = body.journeys.find((j) => j.id === seeded.ids.restaurant);
      return restaurant && [restaurant.kind, restaurant.status, restaurant.owner.id, restaurant.tags];
    }, { timeout: 15_000 }).toEqual(['blueprint', 'to-be', seeded.secondMember.id, ['retail', 'horeca']]);

    // Put it back for the other tests.
    await page.getByTestId('topbar-more').locator('summary').click();
    await page.getByTestId('open-journey-details').click();
    await dialog.getByTestId('details-kind').selectOption('journey');
    await dialog.getByTestId('details-status').selectOption('idea');
    await dialog.getByTestId('details-owner').selectOption('');
    await dialog.getByTestId('details-tags').fill('retail');
    await dialog.getByTestId('details-tags').press('Enter');
    await context.close();
  });

  it('shows a viewer the owner, status, type and tags as text, without the selects or saving views', async () => {
    const invite = (await (
      await authorizedFetch(`${server.url}/api/workspaces/${seeded.workspaceId}/invitations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'viewer' }),
      })
    ).json()) as { url: string };
    const viewer = { email: 'vera@klantreis.test', password: 'vera-password-1' };
    const created = await fetch(`${server.url}/api/invitations/${invite.url.split('/').pop()}/account`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ name: 'Vera Viewer', ...viewer }),
    });
    expect(created.ok).toBe(true);
    const context = await newContext(browser, 'en-US', { as: { cookie: await signIn(server.url, viewer), url: server.url } });
    const page = await context.newPage();
    await page.goto(`${server.url}/portfolio?sort=title`);
    await expect.poll(() => rows(page).count()).toBe(7);
    const ikea = page.locator(`[data-journey-id="${seeded.ids.ikea}"]`);
    expect(await ikea.getByTestId('status-cell').textContent()).toBe('Live');
    expect(await ikea.getByTestId('owner-cell').textContent()).toBe('Olga Owner');
    expect(await page.locator('[data-testid="portfolio-row"] select, [data-testid="portfolio-row"] input').count()).toBe(0);
    // Views are opened by every member, saved and deleted by editors.
    expect(await page.getByTestId('saved-views').isVisible()).toBe(true);
    expect(await page.getByTestId('save-view').count()).toBe(0);
    await context.close();
  });

  for (const locale of ['nl-NL', 'en-US'] as const) {
    it(`finds no axe violation in the table, grouped, on the board and among the opportunities in ${locale}`, async () => {
      const page = await openPortfolio(locale);
      await rows(page).first().waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(locale.slice(0, 2));
      await page.getByTestId('health-light').first().focus();
      expect(await violations(page)).toEqual([]);
      await page.goto(`${server.url}/portfolio?group=stage`);
      await page.getByTestId('group-header').first().waitFor();
      expect(await violations(page)).toEqual([]);
      await page.goto(`${server.url}/portfolio?tab=board`);
      await page.getByTestId('board-card').first().waitFor();
      expect(await violations(page)).toEqual([]);
      await page.goto(`${server.url}/portfolio?tab=opportunities`);
      await page.getByTestId('matrix-point').first().waitFor();
      await page.getByTestId('matrix-point').first().focus();
      expect(await violations(page)).toEqual([]);
      await page.context().close();
    }, 120_000);
  }
});
