// The experience map in the browser: the roll-up bands and lifecycle curve under the stages,
// drill-down from a stage's journey into that journey at its phase and back up by breadcrumb
// and by the browser's back button, a linked journey's change showing without a reload, two
// editors linking journeys to stages at the same time, and axe in nl and en.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ExperienceRollup } from '@klantreis/core/contracts';
import type { JourneyDocument } from '@klantreis/schema';
import { authorizedFetch } from '@klantreis/server/testCredentials';
import { buildTestServer, type TestServer } from '../apps/server/src/testServer.ts';
import { violations } from './fixtures/axe.ts';
import { browserUnavailable, launchBrowser, newContext } from './fixtures/browser.ts';
import { seedExperienceMap, type SeededExperience } from './fixtures/experienceSeed.ts';
import { JourneyMapPage } from './fixtures/journeyMapPage.ts';
import { webDist } from './fixtures/webDist.ts';

const unavailable = browserUnavailable();

/** A stage's roll-up band, found by the stage's name in its header. */
function band(page: Page, stageIndex: number) {
  return page.locator('[data-testid="stage-band"]').nth(stageIndex);
}

describe.skipIf(unavailable !== null)('experience map', () => {
  let server: TestServer;
  let browser: Browser;
  let seeded: SeededExperience;

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
    browser = await launchBrowser();
    seeded = await seedExperienceMap(server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('drills down from a stage into the linked journey at its phase, and back up by breadcrumb and by the back button', async () => {
    const context = await newContext(browser, 'en-US');
    const page = await context.newPage();
    const map = new JourneyMapPage(page, server.url);
    await map.open(seeded.mapId);
    // Stage 2 "Lid worden" links the joining journey at its phase "Aanmelden".
    const chip = band(page, 1).getByRole('link', { name: /Open Lid worden at Aanmelden/ });
    await chip.click();
    await page.waitForURL(new RegExp(`/journeys/${seeded.journeys.joining}\\?`));
    expect(new URL(page.url()).searchParams.get('phase')).toBe(seeded.joiningPhases[1]);
    await map.waitUntilLive();
    const target = page.locator(`section.phase[data-phase-id="${seeded.joiningPhases[1]}"]`);
    // The phase is scrolled into view and its name has the focus.
    await expect.poll(() => target.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await expect.poll(async () => {
      const [box, scroller] = [await target.boundingBox(), await page.locator('[data-testid="journey-map"]').boundingBox()];
      return box !== null && scroller !== null && box.x >= scroller.x && box.x + box.width <= scroller.x + scroller.width;
    }).toBe(true);

    const crumbs = page.getByRole('navigation', { name: 'Where you are' });
    await expect.poll(() => crumbs.getByRole('link').allTextContents()).toEqual(['Lidmaatschap goede doel']);
    await crumbs.getByRole('link', { name: 'Lidmaatschap goede doel' }).click();
    await page.waitForURL(`${server.url}/journeys/${seeded.mapId}`);
    await band(page, 0).waitFor();
    expect(await page.getByTestId('breadcrumbs').count()).toBe(0);

    // The browser's back button climbs the same way: back to the journey, then back to the map.
    await page.goBack();
    await page.waitForURL(new RegExp(`/journeys/${seeded.journeys.joining}\\?`));
    await crumbs.waitFor();
    await page.goBack();
    await page.waitForURL(`${server.url}/journeys/${seeded.mapId}`);
    await band(page, 1).waitFor();
    await context.close();
  });

  it('opens a step\'s sub-journey from the step panel, one level further down the breadcrumbs', async () => {
    const context = await newContext(browser, 'nl-NL');
    const page = await context.newPage();
    const map = new JourneyMapPage(page, server.url);
    await page.goto(`${server.url}/journeys/${seeded.journeys.joining}?trail=${seeded.mapId}`);
    await map.waitUntilLive();
    await page.locator('.step-head__title').first().click();
    const panel = page.getByTestId('step-panel');
    await panel.getByLabel('Deelreis').selectOption({ label: 'Het eerste jaar' });
    await panel.getByRole('link', { name: 'Deelreis openen: Het eerste jaar' }).click();
    await page.waitForURL(new RegExp(`/journeys/${seeded.journeys.firstYear}\\?trail=${seeded.mapId}%2C${seeded.journeys.joining}`));
    const crumbs = page.getByRole('navigation', { name: 'Waar je bent' });
    await expect.poll(() => crumbs.getByRole('link').allTextContents()).toEqual(['Lidmaatschap goede doel', 'Lid worden']);
    await crumbs.getByRole('link', { name: 'Lid worden' }).click();
    await page.waitForURL(new RegExp(`/journeys/${seeded.journeys.joining}\\?trail=${seeded.mapId}$`));
    // The choice was written into the journey's document, for everyone (it went by the socket,
    // which a loaded machine may deliver after this read).
    const linkedSteps = async () => {
      const doc = (await (await authorizedFetch(`${server.url}/api/journeys/${seeded.journeys.joining}`)).json()) as JourneyDocument;
      return doc.steps.filter((step) => step.subJourneyId === seeded.journeys.firstYear).length;
    };
    await expect.poll(linkedSteps).toBe(1);
    await context.close();
  });

  it("shows a linked journey's score change without a reload", async () => {
    const context = await newContext(browser, 'en-US');
    const page = await context.newPage();
    await new JourneyMapPage(page, server.url).open(seeded.mapId);
    const designed = band(page, 3).getByTestId('stage-designed');
    // The touchpoints summary: the channels of the stage's own moments, in the UI's words.
    expect(await band(page, 2).getByTestId('stage-channels').textContent()).toBe('Touchpoints E-mail · Letter · Store');
    // Renewal: 0, +1, +1 → remembered (1 + 1) / 2 = +1.
    await expect.poll(() => designed.textContent()).toBe('Designed +1');
    const renewal = (await (await authorizedFetch(`${server.url}/api/journeys/${seeded.journeys.renewal}`)).json()) as JourneyDocument;
    const last = renewal.steps.find((step) => step.title === 'Bedankje')!;
    const patched = await authorizedFetch(`${server.url}/api/journeys/${seeded.journeys.renewal}/records/${last.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ score: -2 }),
    });
    expect(patched.status).toBe(200);
    // Now −2 is the most intense and the end: remembered −2.
    await expect.poll(() => designed.textContent()).toBe('Designed -2');
    await context.close();
  });

  it('keeps both links when two editors link journeys to stages at the same time', async () => {
    const pages = await Promise.all(
      [0, 1].map(async () => {
        const context = await newContext(browser, 'en-US');
        const page = await context.newPage();
        await new JourneyMapPage(page, server.url).open(seeded.mapId);
        return page;
      }),
    );
    const choices = [
      { page: pages[0]!, stage: 0, journey: 'Opzeggen' },
      { page: pages[1]!, stage: 4, journey: 'Het eerste jaar' },
    ];
    // Both dialogs filled in, then both confirmed at once.
    for (const { page, stage, journey } of choices) {
      await band(page, stage).getByRole('button', { name: /^Link journey to / }).click();
      const dialog = page.getByTestId('link-dialog');
      await dialog.locator('select[name="journey"]').selectOption({ label: journey });
    }
    await Promise.all(choices.map(({ page }) => page.getByTestId('link-dialog').getByRole('button', { name: 'Link', exact: true }).click()));

    const chipsOf = (page: Page, stage: number) => band(page, stage).getByTestId('journey-chip').allTextContents();
    for (const page of pages) {
      await expect.poll(() => chipsOf(page, 0)).toEqual(['Lid worden×', 'Opzeggen×']);
      await expect.poll(() => chipsOf(page, 4)).toEqual(['Opzeggen×', 'Het eerste jaar×']);
    }
    // The server's replica agrees with both browsers.
    const rollup = (await (await authorizedFetch(`${server.url}/api/journeys/${seeded.mapId}/experience`)).json()) as ExperienceRollup;
    expect(rollup.stages[0]!.links.map((link) => link.title)).toEqual(['Lid worden', 'Opzeggen']);
    expect(rollup.stages[4]!.links.map((link) => link.title)).toEqual(['Opzeggen', 'Het eerste jaar']);
    await Promise.all(pages.map((page) => page.context().close()));
  }, 60_000);

  for (const locale of ['nl-NL', 'en-US'] as const) {
    it(`finds no axe violation on the experience map in ${locale}`, async () => {
      const context = await newContext(browser, locale);
      const page = await context.newPage();
      await new JourneyMapPage(page, server.url).open(seeded.mapId);
      await page.getByTestId('lifecycle-curve').waitFor();
      await band(page, 1).getByTestId('journey-chip').first().waitFor();
      expect(await violations(page)).toEqual([]);
      // And with the link dialog open.
      await band(page, 2).locator('.stage-band__link').click();
      await page.getByTestId('link-dialog').waitFor();
      expect(await violations(page)).toEqual([]);
      await context.close();
      // axe on the whole editor takes 10–20 s on a loaded machine.
    }, 90_000);
  }
});
