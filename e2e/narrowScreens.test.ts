import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { JourneyDocument } from '@klantreis/schema';
import { addCapture, addComment } from '@klantreis/sync';
import { authorizedFetch, sessionCookies } from '@klantreis/server/testCredentials';
import { buildTestServer, type TestServer } from '../apps/server/src/testServer.ts';
import { browserUnavailable, launchBrowser } from './fixtures/browser.ts';
import { seedExperienceMap, type SeededExperience } from './fixtures/experienceSeed.ts';
import { seedPortfolio, type SeededPortfolio } from './fixtures/portfolioSeed.ts';
import { webDist } from './fixtures/webDist.ts';

const unavailable = browserUnavailable();
const PHONE = { width: 390, height: 844 };

/** A signed-in browser with a screen of this size: a phone has touch and the browser's mobile viewport. */
async function screen(browser: Browser, locale: 'nl-NL' | 'en-US', viewport: { width: number; height: number }): Promise<BrowserContext> {
  const isPhone = viewport.width < 700;
  const context = await browser.newContext({ locale, viewport, isMobile: isPhone, hasTouch: isPhone });
  await context.addCookies(sessionCookies());
  return context;
}

/** How far the page reaches past the right edge of the screen, in px (0: nothing to scroll sideways). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function box(locator: Locator): Promise<{ left: number; right: number; top: number; bottom: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not shown');
  return { left: found.x, right: found.x + found.width, top: found.y, bottom: found.y + found.height };
}

/** Inside the screen's width: the control can be seen and reached without scrolling sideways. */
async function expectOnScreen(locator: Locator, what: string): Promise<void> {
  const { left, right } = await box(locator);
  expect(left, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(right, `${what}: right edge`).toBeLessThanOrEqual(PHONE.width);
}

// A viewer opens a link on a phone; a facilitator checks the map on one between sessions. Every
// page fits the phone's width (no page to scroll sideways: the map and wide tables scroll in
// their own box), every control of the top bar is on the screen, the menus open within it, and
// presentation mode steps by touch.
describe.skipIf(unavailable !== null)('Klantreis on a phone and a laptop screen', () => {
  let server: TestServer;
  let browser: Browser;
  let seeded: SeededPortfolio;
  let experience: SeededExperience;

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
    browser = await launchBrowser();
    seeded = await seedPortfolio(server.url, 'nl');
    experience = await seedExperienceMap(server);
    // A share link, for the workspace's list of links.
    const made = await authorizedFetch(`${server.url}/api/journeys/${seeded.ids.ikea}/links`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(made.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const locale of ['nl-NL', 'en-US'] as const) {
    it(`fits every page into 390 px, with the editor's controls and menus on the screen, in ${locale}`, async () => {
      const context = await screen(browser, locale, PHONE);
      try {
        const page = await context.newPage();
        const pages: [string, string, () => Promise<unknown>][] = [
          ['journeys', '/', () => page.locator('.card').nth(3).waitFor()],
          ['dashboard', `/journeys/${seeded.ids.ikea}/dashboard`, () => page.getByTestId('dashboard').locator('.dash-section').nth(2).waitFor()],
          ['portfolio', '/portfolio', () => page.getByTestId('portfolio-row').nth(3).waitFor()],
          ['members', `/workspaces/${seeded.workspaceId}/members`, () => page.locator('table.members tbody tr').nth(1).waitFor()],
          ['account', '/account', () => page.locator('.access-form').first().waitFor()],
          ['audit log', `/workspaces/${seeded.workspaceId}/audit`, () => page.locator('table.audit tbody tr').nth(1).waitFor()],
          ['experience map', `/journeys/${experience.mapId}`, () => page.locator('.map__corner').waitFor()],
          ['share links', `/workspaces/${seeded.workspaceId}/links`, () => page.getByTestId('workspace-links').locator('tbody tr').first().waitFor()],
        ];
        for (const [name, path, shown] of pages) {
          await page.goto(`${server.url}${path}`);
          await shown();
          expect(await sidewaysOverflow(page), `${name} scrolls sideways`).toBe(0);
          // The audit log names what an event was about in the page's language.
          if (name === 'audit log') {
            expect(await page.locator('table.audit tbody td:nth-child(4)').allTextContents()).toContainEqual(expect.stringMatching(locale === 'nl-NL' ? /^werkruimte / : /^workspace /));
            // ...and its detail too: the names and the roles, not the stored keys ("templateId: …", "role: owner").
            const details = await page.locator('table.audit tbody td:nth-child(5)').allTextContents();
            expect(details).toContainEqual(expect.stringMatching(locale === 'nl-NL' ? /sjabloon: / : /template: /));
            for (const detail of details) expect(detail).not.toMatch(/\b(templateId|userId|journeyId|importId|linkId)\b|\{"from"/);
            // A portfolio change as "from → to", its status named: "status: Idee → Idee" / "status: Idea → Idea".
            expect(details).toContainEqual(expect.stringMatching(locale === 'nl-NL' ? /status: Idee → / : /status: Idea → /));
          }
          // The share links are read row by row, each cell named by its column, Revoke within reach.
          if (name === 'share links') {
            const row = page.getByTestId('workspace-links').locator('tbody tr').first();
            const [journey, madeBy] = [await box(row.locator('td').nth(0)), await box(row.locator('td').nth(1))];
            expect(madeBy.top, 'the second cell under the first').toBeGreaterThanOrEqual(journey.bottom - 1);
            expect(await row.locator('td').first().getAttribute('data-label')).toBe(locale === 'nl-NL' ? 'Klantreis' : 'Journey');
            await expectOnScreen(row.getByRole('button'), 'Revoke');
          }
        }

        // The account menu opens across the screen under the top bar, not off its left edge.
        await page.goto(server.url);
        await page.locator('.account-menu > summary').click();
        await expectOnScreen(page.locator('.account-menu__list'), 'account menu');

        await page.goto(`${server.url}/journeys/${seeded.ids.ikea}`);
        await page.locator('[data-status="connected"]').waitFor();
        await page.getByTestId('step-head').first().waitFor();
        expect(await sidewaysOverflow(page), 'the editor scrolls sideways').toBe(0);
        for (const control of [page.getByTestId('open-share'), page.getByTestId('topbar-more').locator('summary'), page.locator('.account-menu > summary'), page.locator('.map-toolbar .panel-toggle')]) {
          await expectOnScreen(control, (await control.textContent()) ?? 'a control');
        }
        await page.getByTestId('topbar-more').locator('summary').tap();
        const more = page.locator('.topbar-menu__list');
        await expectOnScreen(more, 'More menu');
        await more.getByTestId('open-export').tap();
        await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
        await expectOnScreen(page.getByRole('dialog'), 'export dialog');
      } finally {
        await context.close();
      }
    });
  }

  it('drills down on a phone to a phase that shows beside the lane names, not under them', async () => {
    const context = await screen(browser, 'nl-NL', PHONE);
    try {
      const page = await context.newPage();
      const phaseId = experience.joiningPhases[2]!;
      await page.goto(`${server.url}/journeys/${experience.journeys.joining}?trail=${experience.mapId}&phase=${phaseId}`);
      const phase = page.locator(`section.phase[data-phase-id="${phaseId}"]`);
      await expect.poll(() => phase.evaluate((el) => el.contains(document.activeElement)), { timeout: 10_000 }).toBe(true);
      await expect.poll(async () => (await box(phase)).left - (await box(page.locator('.map__corner'))).right).toBeGreaterThanOrEqual(0);
    } finally {
      await context.close();
    }
  });

  it('presents by touch on a phone: the buttons step back and forth, and the keys are not named', async () => {
    const context = await screen(browser, 'nl-NL', PHONE);
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/journeys/${seeded.ids.ikea}/present`);
      const presentation = page.getByTestId('presentation');
      await expect.poll(() => presentation.getAttribute('data-step-index'), { timeout: 10_000 }).toBe('-1');
      const previous = page.getByRole('button', { name: 'Vorige stap' });
      const next = page.getByRole('button', { name: 'Volgende stap' });
      expect(await previous.isDisabled()).toBe(true);
      await next.tap();
      await next.tap();
      await expect.poll(() => presentation.getAttribute('data-step-index')).toBe('1');
      await expect.poll(() => page.locator('.presentation__where').textContent()).toMatch(/^Stap 2: Parkeren/);
      await previous.tap();
      await expect.poll(() => presentation.getAttribute('data-step-index')).toBe('0');
      expect(await page.locator('.presentation__keys').isVisible()).toBe(false);
      expect(await sidewaysOverflow(page)).toBe(0);
      await expectOnScreen(next, 'next step');
      // The keys still work after a tap moved the focus to a button.
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => presentation.getAttribute('data-step-index')).toBe('1');
    } finally {
      await context.close();
    }
  });

  it('says an indicator is being measured, not that it has no data, until the first figures arrive', async () => {
    const context = await screen(browser, 'nl-NL', { width: 1024, height: 768 });
    try {
      const page = await context.newPage();
      // The server's answer, held back a moment, as a large log's first measurement is.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/metrics?**', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${server.url}/journeys/${seeded.ids.ikea}/dashboard`);
      const badge = page.getByTestId('xla').locator('.indicator .status-badge').first();
      await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toBe('Wordt gemeten…');
      release();
      await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toBe('Niet gehaald');
    } finally {
      await context.close();
    }
  });

  it('keeps the export dialog\'s buttons in view on a 1024 × 768 screen, its long options inside it on a phone', async () => {
    for (const viewport of [{ width: 1024, height: 768 }, PHONE]) {
      const context = await screen(browser, 'nl-NL', viewport);
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/journeys/${seeded.ids.ikea}`);
        await page.locator('[data-status="connected"]').waitFor();
        await page.getByTestId('topbar-more').locator('summary').click();
        await page.getByTestId('open-export').click();
        const dialog = page.getByRole('dialog');
        const download = dialog.getByTestId('export-download');
        const { top, bottom, left, right } = await box(download);
        expect(bottom, `${viewport.width} px: the download button's foot`).toBeLessThanOrEqual(viewport.height);
        // On top, not under the dialog's scrolled content.
        expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('[data-testid="export-download"]') !== null, [(left + right) / 2, (top + bottom) / 2])).toBe(true);
        const { right: dialogRight } = await box(dialog);
        for (const part of await dialog.locator('fieldset, select').all()) expect((await box(part)).right, `${viewport.width} px`).toBeLessThanOrEqual(dialogRight);
      } finally {
        await context.close();
      }
    }
  });

  it('docks a side panel at 1366 × 768 whose six tabs take two rows, with their counts, and whose model switch fits, in Dutch', async () => {
    // Counts on the tabs of both rows: findings (the sample's own), an open comment thread and twelve workshop captures.
    const stepId = ((await (await authorizedFetch(`${server.url}/api/journeys/${seeded.ids.ikea}`)).json()) as JourneyDocument).steps[0]!.id;
    await server.server.documents.edit(seeded.ids.ikea, (doc) => {
      addComment(doc, { targetId: stepId, author: 'Test', text: 'Waarom hier?' });
      for (let i = 0; i < 12; i++) addCapture(doc, { kind: 'step', text: `Idee ${i + 1}`, author: 'Test' });
    });
    const context = await screen(browser, 'nl-NL', { width: 1366, height: 768 });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/journeys/${seeded.ids.ikea}`);
      await page.locator('[data-status="connected"]').waitFor();
      const panel = page.locator('.side-panel');
      await panel.getByTestId('model-switch').waitFor();
      await expect.poll(() => panel.getByTestId('tab-workshop').textContent()).toBe('Workshop12');
      // The comments tab counts the open threads of the chosen step.
      await page.locator(`[data-testid="step-head"][data-step-id="${stepId}"]`).click();
      await expect.poll(() => panel.getByTestId('tab-comments').textContent()).toBe('Opmerkingen1');
      const rows = new Set<number>();
      for (const tab of await panel.getByRole('tab').all()) rows.add(Math.round((await box(tab)).top));
      expect(rows.size, 'rows of tabs').toBe(2);
      // A count on a tab of the second row sits in the gap between the rows, not on the tab above.
      const above = await box(panel.getByTestId('tab-evaluation'));
      expect((await box(panel.getByTestId('tab-workshop').locator('.tabs__count'))).top).toBeGreaterThanOrEqual(above.bottom - 2);
      await panel.getByTestId('tab-evaluation').click();
      const inner = await box(panel.locator('.side-panel__body'));
      const model = await box(panel.getByTestId('model-switch'));
      expect(model.right).toBeLessThanOrEqual(inner.right - 12);
    } finally {
      await context.close();
    }
  });
});
