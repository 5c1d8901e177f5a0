import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildTestServer, eventually, type TestServer } from '../apps/server/src/testServer.ts';
import { browserUnavailable, launchBrowser, newContext } from './fixtures/browser.ts';
import { JourneyMapPage } from './fixtures/journeyMapPage.ts';
import { webDist } from './fixtures/webDist.ts';
import { authorizedFetch } from '@klantreis/server/testCredentials';

const unavailable = browserUnavailable();

describe.skipIf(unavailable !== null)('the journey editor in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('builds a journey from scratch, reorders by drag and by keyboard, and finds it identical after a reload', async () => {
    const context = await newContext(browser, 'en-US');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(server.url);
    await page.getByRole('button', { name: 'New journey' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill('Parcel delivery');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/journeys\//);
    const map = new JourneyMapPage(page, server.url);
    map.journeyId = page.url().split('/journeys/')[1]!;
    await map.waitUntilLive();

    await map.renamePhase(0, 'Ordering');
    await map.addPhase('Delivery');
    await map.addStep(0, 'Search the shop');
    await map.addStep(0, 'Pay');
    await map.addStep(0, 'Confirmation mail');
    await map.addStep(1, 'Wait for the van');
    await map.addStep(1, 'Unpack');
    expect(await map.stepTitles()).toEqual(['Search the shop', 'Pay', 'Confirmation mail', 'Wait for the van', 'Unpack']);

    await map.clickScore('Search the shop', 1);
    await map.clickScore('Pay', -1);
    await map.clickScore('Wait for the van', -2);
    await map.keyboardScore('Confirmation mail', ['ArrowUp', 'ArrowUp']); // unscored → 0 → +1
    await map.keyboardScore('Unpack', ['End']);
    await map.fillCell(/Customer actions/, 'Pay', 'Pays with iDEAL');
    await map.fillCell(/Pain points/, 'Wait for the van', 'No time slot\nwaits all day');

    await eventually(async () => {
      const journey = await map.fetchJourney();
      expect(journey.steps.map((s) => s.score)).toEqual([1, -1, 1, -2, 2]);
      expect(journey.cells.map((c) => c.text).sort()).toEqual(['No time slot\nwaits all day', 'Pays with iDEAL']);
    });

    // Drag "Unpack" onto "Search the shop": it moves to the first phase, first place.
    await map.dragStep('Unpack', 'Search the shop');
    await eventually(async () => expect(await map.stepTitles()).toEqual(['Unpack', 'Search the shop', 'Pay', 'Confirmation mail', 'Wait for the van']));
    // A screen reader hears it in words, not as dnd-kit's ids.
    await expect.poll(() => page.locator('[id^="DndLiveRegion"]').innerText()).toMatch(/^Step ‘Unpack’ moved before ‘Search the shop’ in phase ‘[^’]+’\.$/);
    // By keyboard: Alt+→ moves "Unpack" one place on, Alt+→ on the last step of a phase crosses into the next.
    await map.keyboardMoveStep('Unpack', 'ArrowRight');
    await eventually(async () => expect(await map.stepTitles()).toEqual(['Search the shop', 'Unpack', 'Pay', 'Confirmation mail', 'Wait for the van']));
    // Alt+→ on the last step of a phase moves it into the next phase, at its start.
    await map.keyboardMoveStep('Confirmation mail', 'ArrowRight');
    await eventually(async () => {
      const journey = await map.fetchJourney();
      const delivery = journey.phases.find((p) => p.name === 'Delivery')!;
      expect(journey.steps.filter((s) => s.phaseId === delivery.id).map((s) => s.title)).toEqual(['Confirmation mail', 'Wait for the van']);
    });

    const before = await map.fetchJourney();
    await page.reload();
    await map.waitUntilLive();
    // Polled: the map's first frame draws only the columns in view, the curve's points for them only.
    await expect.poll(() => map.stepTitles()).toEqual(before.steps.map((s) => s.title));
    await expect.poll(() => page.locator('g.curve__point').evaluateAll((els) => els.map((el) => el.getAttribute('data-score')))).toEqual(
      before.steps.map((s) => String(s.score)),
    );
    expect(await map.fetchJourney()).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows two pages on one journey each other’s edits', async () => {
    const { id } = await (await authorizedFetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateId: 'ikea-visit', locale: 'en' }) })).json() as { id: string };
    const context = await newContext(browser);
    const first = new JourneyMapPage(await context.newPage(), server.url);
    const second = new JourneyMapPage(await context.newPage(), server.url);
    await first.open(id);
    await second.open(id);
    const [firstTitle] = await first.stepTitles();
    await first.keyboardScore(firstTitle!, ['Home']);
    const stepId = await first.stepId(firstTitle!);
    await second.page.locator(`g.curve__point[data-step-id="${stepId}"][data-score="-2"]`).waitFor({ timeout: 5_000 });
    await second.renamePhase(0, 'Renamed in the second tab');
    await expect.poll(() => first.phases().nth(0).getByRole('textbox', { name: 'Phase name' }).inputValue()).toBe('Renamed in the second tab');
    await context.close();
  });
});
