import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildEditorClient, buildTestServer, type TestServer } from '../apps/server/src/testServer.ts';
import { authorizedFetch, sessionCookies, TEST_OWNER } from '../apps/server/src/testCredentials.ts';
import type { StepId } from '@klantreis/schema';
import { addComment } from '@klantreis/sync';
import { invitePerson } from '../apps/server/src/access/accessTestSupport.ts';
import { browserUnavailable, launchBrowser } from './fixtures/browser.ts';
import { violations } from './fixtures/axe.ts';
import { MapLayoutPage, overlappingPairs } from './fixtures/mapLayoutPage.ts';
import { webDist } from './fixtures/webDist.ts';
import { bigJourney } from '../bench/editor/bigJourney.ts';

// Issue 14: the map at workshop scale, on a laptop and on the big screen, in both languages.
const unavailable = browserUnavailable();
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;
const LOCALES = ['nl-NL', 'en-US'] as const;
type Locale = (typeof LOCALES)[number];

describe.skipIf(unavailable !== null)('the map at workshop scale (issue 14)', () => {
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

  async function newJourney(locale: Locale, templateId = 'ikea-visit'): Promise<string> {
    const response = await authorizedFetch(`${server.url}/api/journeys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ templateId, locale: locale.slice(0, 2) }),
    });
    return ((await response.json()) as { id: string }).id;
  }

  async function openEditor(locale: Locale, size: { width: number; height: number }, journeyId: string, name: string = TEST_OWNER.name): Promise<MapLayoutPage> {
    const context = await browser.newContext({ locale, viewport: size });
    await context.addCookies(sessionCookies());
    const map = new MapLayoutPage(await context.newPage(), server.url);
    await map.join(journeyId, name);
    return map;
  }

  for (const size of SIZES) {
    for (const locale of LOCALES) {
      it(`${size.width}×${size.height} in ${locale}: one-row top bar, no control over another, sticky headers and lane names, axe clean`, async () => {
        // Someone mentioned the facilitator: the top bar carries the inbox's unread count too.
        const journeyId = await newJourney(locale);
        const stepId = ((await (await server.fetch(`/api/journeys/${journeyId}`)).json()) as { steps: { id: StepId }[] }).steps[0]!.id;
        const bram = await invitePerson(server, 'editor', { name: `Bram ${locale} ${size.width}` });
        const colleague = await buildEditorClient(server.url, journeyId, (await server.server.access.createToken(bram.userId, 'tests', 'editor')).token);
        addComment(colleague.doc, { targetId: stepId, author: bram.name, authorId: bram.userId, text: `@${TEST_OWNER.name} klopt dit?`, mentions: [TEST_OWNER.name] });
        await expect.poll(async () => ((await (await server.fetch('/api/me/notifications')).json()) as { unread: number }).unread).toBeGreaterThan(0);
        colleague.provider.destroy();
        const map = await openEditor(locale, size, journeyId);
        const { page } = map;
        const docked = size.width >= 1280;
        await page.getByTestId('unread-count').waitFor();

        // The top bar is one row inside the window: every control sits inside its height and width.
        const bar = (await map.topBar().boundingBox())!;
        expect(bar.height).toBeLessThan(60);
        for (const control of await map.topBarControls()) {
          expect(control.y, control.name).toBeGreaterThanOrEqual(bar.y - 1);
          expect(control.y + control.height, control.name).toBeLessThanOrEqual(bar.y + bar.height + 1);
          expect(control.x, control.name).toBeGreaterThanOrEqual(0);
          expect(control.x + control.width, control.name).toBeLessThanOrEqual(size.width);
        }
        // The count itself is inside the window too (below 1280 px a number on the avatar).
        const count = (await page.getByTestId('unread-count').boundingBox())!;
        expect(count.x + count.width).toBeLessThanOrEqual(size.width);

        // "More" opens its list inside the window, and Escape closes it.
        await page.getByTestId('topbar-more').locator('summary').click();
        const list = (await page.locator('.topbar-menu__list').boundingBox())!;
        expect(list.x).toBeGreaterThanOrEqual(0);
        expect(list.x + list.width).toBeLessThanOrEqual(size.width);
        expect(await page.getByTestId('open-dashboard').isVisible()).toBe(true);
        await page.keyboard.press('Escape');
        expect(await page.getByTestId('open-dashboard').isVisible()).toBe(false);

        // The side panel docks beside the map on a wide screen and starts closed on a narrow one.
        expect(await page.getByTestId('side-panel').isVisible()).toBe(docked);
        if (!docked) {
          const mapWidth = (await map.scroller().boundingBox())!.width;
          expect(mapWidth).toBeGreaterThan(size.width - 2);
          await page.getByTestId('show-panel').click();
          await page.getByTestId('side-panel').waitFor();
          // Open, it lies over the map: the map keeps its width.
          expect((await map.scroller().boundingBox())!.width).toBeCloseTo(mapWidth, 0);
        }

        // No control covers another, nor a phase or step header; headers do not cover each other.
        const controls = [...(await map.topBarControls()), ...(await map.toolbarControls())];
        const headers = await map.headers();
        expect(headers.filter((h) => h.name.startsWith('step')).length).toBeGreaterThanOrEqual(3);
        expect(overlappingPairs(controls)).toEqual([]);
        expect(overlappingPairs(controls, headers)).toEqual([]);
        const phases = headers.filter((h) => h.name.startsWith('phase'));
        const steps = headers.filter((h) => h.name.startsWith('step'));
        expect(overlappingPairs(phases, steps)).toEqual([]);
        if (!docked) {
          const panel = (await page.getByTestId('side-panel').boundingBox())!;
          expect(overlappingPairs([{ name: 'side panel', ...panel }], controls.filter((c) => !c.name.includes('Hide') && !c.name.includes('verbergen')))).toEqual([]);
        }

        // At 1440 with the panel open at least six step columns show whole, at 100%: the
        // columns are narrow enough, the map is not zoomed out to make them fit.
        if (size.width === 1440) {
          expect(await page.getByTestId('side-panel').isVisible()).toBe(true);
          expect(await map.scale()).toBeCloseTo(1, 2);
          expect(await page.getByTestId('zoom-level').innerText()).toBe('100%');
          expect(await map.fullyVisibleStepColumns()).toBeGreaterThanOrEqual(6);
        }

        // Scrolled down to the last lane, the phase and step heads are still at the top.
        const scroller = (await map.scroller().boundingBox())!;
        await map.scrollMap({ top: Infinity });
        const lastLane = page.locator('.map > .lane-label[data-lane-id]').last();
        const lastLaneBox = (await lastLane.boundingBox())!;
        expect(lastLaneBox.y + lastLaneBox.height).toBeLessThanOrEqual(scroller.y + scroller.height + 1);
        const firstStep = (await map.stepHeads().first().boundingBox())!;
        const firstPhase = (await map.phases().first().boundingBox())!;
        expect(firstPhase.y).toBeCloseTo(scroller.y, 0);
        expect(firstStep.y).toBeGreaterThanOrEqual(firstPhase.y + firstPhase.height - 1);
        expect(firstStep.y).toBeLessThan(scroller.y + scroller.height / 2);
        expect(overlappingPairs(await map.headers(), [{ name: 'last lane', ...lastLaneBox }])).toEqual([]);

        // Scrolled to the far right, the lane names are still at the left.
        await map.scrollMap({ left: Infinity });
        const laneName = (await lastLane.boundingBox())!;
        expect(laneName.x).toBeCloseTo(scroller.x, 0);
        expect(await lastLane.locator('textarea').isVisible()).toBe(true);
        expect(overlappingPairs(await map.headers(), [{ name: 'last lane', ...laneName }])).toEqual([]);

        expect(await violations(page)).toEqual([]);
        await page.context().close();
      }, 60_000);
    }
  }

  it('zooms with the buttons, Ctrl+= / Ctrl+- / Ctrl+0 in the map and Ctrl+wheel, and remembers the level per journey on this device', async () => {
    const journeyId = await newJourney('en-US');
    const map = await openEditor('en-US', { width: 1440, height: 900 }, journeyId);
    const { page } = map;
    const start = await map.scale();
    expect(await page.getByTestId('zoom-level').innerText()).toBe(`${Math.round(start * 100)}%`);

    await page.getByTestId('zoom-in').click();
    const zoomedIn = await map.scale();
    expect(zoomedIn).toBeGreaterThan(start + 0.05);
    await page.getByTestId('zoom-out').click();
    await page.getByTestId('zoom-out').click();
    expect(await map.scale()).toBeLessThan(start - 0.05);
    await page.getByTestId('zoom-reset').click();
    expect(await map.scale()).toBeCloseTo(1, 2);
    expect(await page.getByTestId('zoom-level').innerText()).toBe('100%');

    // Fit to screen: the whole map inside the scroller.
    await page.getByTestId('zoom-fit').click();
    // Within a few frames: the fit is measured once drawn and made smaller if the text wrapped taller.
    const overflow = () => map.scroller().evaluate((el) => {
      const box = el.querySelector('.map')!.getBoundingClientRect();
      return Math.max(0, box.width - el.clientWidth - 1, box.height - el.clientHeight - 1);
    });
    await expect.poll(overflow).toBe(0);

    // The keys work with the focus in the map, and are the map's, not the browser's page zoom.
    await page.getByTestId('zoom-reset').click();
    await map.stepHeads().first().locator('.step-head__title').focus();
    await page.keyboard.press('Control+Equal');
    expect(await map.scale()).toBeCloseTo(1.1, 2);
    await page.keyboard.press('Control+Minus');
    await page.keyboard.press('Control+Minus');
    expect(await map.scale()).toBeCloseTo(0.9, 2);
    await page.keyboard.press('Control+Digit0');
    expect(await map.scale()).toBeCloseTo(1, 2);
    expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);

    // Ctrl+wheel (a pinch in Chromium) zooms around the pointer: the cell under it stays under it.
    const cell = page.locator('.cell[data-step-id]').nth(14);
    const before = (await cell.boundingBox())!;
    await page.mouse.move(before.x + 10, before.y + 10);
    await page.keyboard.down('Control');
    for (let notch = 0; notch < 3; notch++) await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await expect.poll(() => map.scale()).toBeGreaterThan(1.2);
    const after = (await cell.boundingBox())!;
    expect(Math.abs(after.x - before.x)).toBeLessThan(12);
    expect(Math.abs(after.y - before.y)).toBeLessThan(12);
    const chosen = await map.scale();

    // Remembered for this journey on this device; another journey starts at the screen's default.
    await page.reload();
    await map.waitUntilLive();
    expect(await map.scale()).toBeCloseTo(chosen, 2);
    await map.open(await newJourney('en-US'));
    expect(await map.scale()).toBeCloseTo(start, 2);
    await page.context().close();
  }, 60_000);

  for (const locale of LOCALES) {
    it(`big-screen mode in ${locale}: the map alone in large type, the panel hidden, Escape leaves it`, async () => {
      const map = await openEditor(locale, { width: 1920, height: 1080 }, await newJourney(locale));
      const { page } = map;
      const desk = await map.scale();
      const button = page.getByTestId('big-screen');
      expect(await button.getAttribute('title')).toBe(locale === 'nl-NL' ? 'Groot scherm: alleen de kaart, in grote letters, voor de zaal' : 'Big screen: only the map, in large type, for the room');
      await button.click();

      await page.getByTestId('leave-big-screen').waitFor();
      expect(await page.getByTestId('leave-big-screen').innerText()).toBe(locale === 'nl-NL' ? 'Groot scherm verlaten (Esc)' : 'Leave big screen (Esc)');
      expect(await page.getByTestId('side-panel').count()).toBe(0);
      expect(await map.topBar().isVisible()).toBe(false);
      expect(await page.locator('.map .icon-buttons').first().isVisible()).toBe(false);
      // Large type: cell text at least 18 px on the screen.
      const big = await map.scale();
      expect(big).toBeGreaterThanOrEqual(1.25);
      const fontSize = await page.locator('.cell__text').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(fontSize * big).toBeGreaterThanOrEqual(18);
      expect(overlappingPairs(await map.toolbarControls(), await map.headers())).toEqual([]);
      expect(await violations(page)).toEqual([]);

      await page.keyboard.press('Escape');
      await map.topBar().waitFor();
      await page.getByTestId('side-panel').waitFor();
      expect(await map.scale()).toBeCloseTo(desk, 2);
      await page.context().close();
    }, 60_000);
  }

  it('at 1024×768 a long moment of truth shows four lines on the map and all of it while edited, leaving the lanes room under the sticky rows', async () => {
    const map = await openEditor('nl-NL', { width: 1024, height: 768 }, await newJourney('nl-NL'));
    const { page } = map;
    await map.addPhase('Oriënteren');
    const phase = map.phases().last();
    await map.addStep(await map.phases().count().then((n) => n - 1), 'Zoeken');
    const moment = 'De klant wil snel zien of het product op voorraad is, wat het kost, wanneer het geleverd kan worden, of hij het zelf kan ophalen en of hij het kan terugbrengen als het thuis niet past; anders koopt hij het ergens anders';
    const field = phase.locator('.phase__mot textarea');
    await field.fill(moment);
    await page.locator('.journey-title').focus();
    const lineHeight = await field.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    const copy = field.locator('xpath=following-sibling::*[contains(@class, "hyphenated__shown")]');
    const shown = await copy.evaluate((el) => ({ height: el.clientHeight, cut: el.scrollHeight > el.clientHeight + 1 }));
    expect(shown.height).toBeLessThanOrEqual(4 * lineHeight + 8 + 1);
    expect(shown.cut).toBe(true); // the rest behind an ellipsis
    expect(await field.getAttribute('title')).toBe(moment); // and in the tooltip
    expect(await field.inputValue()).toBe(moment);

    // Scrolled down, the lanes keep most of the window under the sticky rows.
    await map.scrollMap({ top: Infinity });
    const scroller = (await map.scroller().boundingBox())!;
    const stepRow = (await map.stepHeads().first().boundingBox())!;
    expect(scroller.y + scroller.height - (stepRow.y + stepRow.height)).toBeGreaterThanOrEqual(250);

    // Being edited, all of it shows.
    await field.focus();
    await expect.poll(() => field.evaluate((el: HTMLTextAreaElement) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
    expect((await field.boundingBox())!.height).toBeGreaterThan(5 * lineHeight);
    await page.context().close();
  }, 60_000);

  it('keeps a one-step phase’s name whole, shows all of a moment of truth, and a long title or a timer does not move the top bar', async () => {
    const map = await openEditor('nl-NL', { width: 1440, height: 900 }, await newJourney('nl-NL'));
    const { page } = map;
    await map.addPhase('Oriënteren');
    const phase = map.phases().last();
    await map.addStep(await map.phases().count().then((n) => n - 1), 'Zoeken');
    const moment = 'Snel zien of het product er is, wat het kost en wanneer het geleverd kan worden';
    await phase.locator('.phase__mot textarea').fill(moment);

    const name = phase.getByRole('textbox', { name: 'Naam van de fase' });
    const nameSize = await name.evaluate((el: HTMLTextAreaElement) => ({ client: el.clientWidth, scroll: el.scrollWidth, height: el.clientHeight, scrollHeight: el.scrollHeight }));
    expect(nameSize.client).toBeGreaterThanOrEqual(100);
    expect(nameSize.scroll).toBeLessThanOrEqual(nameSize.client);
    expect(nameSize.scrollHeight).toBeLessThanOrEqual(nameSize.height + 1);
    const motSize = await phase.locator('.phase__mot textarea').evaluate((el: HTMLTextAreaElement) => ({ height: el.clientHeight, scrollHeight: el.scrollHeight }));
    expect(motSize.scrollHeight).toBeLessThanOrEqual(motSize.height + 1);
    // The phase's buttons moved under its name instead of squeezing it.
    const buttons = (await phase.locator('.icon-buttons').boundingBox())!;
    const nameBox = (await name.boundingBox())!;
    expect(buttons.y).toBeGreaterThanOrEqual(nameBox.y + nameBox.height - 1);
    // Text on the map carries the journey's language, for hyphenation and screen readers.
    expect(await name.getAttribute('lang')).toBe('nl');
    expect(await page.locator('.step-head__title [lang="nl"]').count()).toBeGreaterThan(5);

    const bar = map.topBar();
    const positions = () => bar.locator(':scope > button, :scope > a, :scope > details').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().x)));
    const heightBefore = (await bar.boundingBox())!.height;
    const before = await positions();

    const title = 'Klantreis van de aanvraag van een zorgverzekering, van het eerste zoeken tot de eerste declaratie bij de zorgverzekeraar';
    await page.getByRole('textbox', { name: 'Titel van de klantreis' }).fill(title);
    await page.getByRole('textbox', { name: 'Titel van de klantreis' }).blur();
    const titleField = await page.getByRole('textbox', { name: 'Titel van de klantreis' }).evaluate((el: HTMLInputElement) => ({ tooltip: el.title, overflow: el.scrollWidth > el.clientWidth, overflowStyle: getComputedStyle(el).textOverflow }));
    expect(titleField).toEqual({ tooltip: title, overflow: true, overflowStyle: 'ellipsis' });
    expect((await bar.boundingBox())!.height).toBe(heightBefore);
    const withTitle = await positions();

    await map.openSideTab('workshop');
    await page.locator('input[name="timer-minutes"]').fill('5');
    await page.getByRole('button', { name: 'Starten', exact: true }).click();
    await page.getByTestId('timer-badge').waitFor();
    expect((await bar.boundingBox())!.height).toBe(heightBefore);
    expect(await positions()).toEqual(withTitle);
    expect(withTitle.slice(-3)).toEqual(before.slice(-3));
    await page.context().close();
  }, 60_000);
  it('a 200-step map shows its first frame with only the columns in view, and those beyond the view follow', async () => {
    const response = await authorizedFetch(`${server.url}/api/journeys/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bigJourney(200, 3)) });
    const { id } = (await response.json()) as { id: string };
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1600, height: 1000 } });
    await context.addCookies(sessionCookies());
    const page = await context.newPage();
    // In every frame until the map is there: how many step heads and find-in-page columns the first frame with step heads had.
    await page.addInitScript(`(() => {
      const look = () => {
        const heads = document.querySelectorAll('[data-testid="step-head"]').length;
        if (heads === 0) return requestAnimationFrame(look);
        window.klantreisFirstFrame = { heads, findable: document.querySelectorAll('.map__findable').length, cells: document.querySelectorAll('.cell[data-step-id]').length, points: document.querySelectorAll('.curve__point').length };
      };
      requestAnimationFrame(look);
    })()`);
    const map = new MapLayoutPage(page, server.url);
    await map.join(id, TEST_OWNER.name);
    const inView = await map.scroller().evaluate((el) => Math.ceil((el.clientWidth - 200) / 156));
    const first = await page.evaluate(() => (window as unknown as { klantreisFirstFrame: { heads: number; findable: number; cells: number; points: number } }).klantreisFirstFrame);
    // The columns in view, rounded up to a block of four, and the last column (for Tab).
    expect(first.heads).toBeGreaterThanOrEqual(inView);
    expect(first.heads).toBeLessThanOrEqual(inView + 4 + 1);
    expect(first.cells).toBe(first.heads * 12);
    expect(first.findable).toBe(0);
    // The curve's points of those columns only (the line runs across the map).
    expect(first.points).toBeGreaterThan(0);
    expect(first.points).toBeLessThanOrEqual(first.heads);
    expect(await page.locator('.curve__line, .curve path').count()).toBeGreaterThan(0);
    // Then as many columns again beyond the view, every other column's words for find-in-page, and every point of the curve.
    await expect.poll(() => page.locator('.curve__point').count()).toBe(200);
    await expect.poll(() => map.stepHeads().count()).toBeGreaterThanOrEqual(2 * inView);
    await expect.poll(() => page.locator('.map__findable').count()).toBe(200 - (await map.stepHeads().count()));
    await context.close();
  });

  it('a 200-step map draws the columns near the view, and scrolling, moving a step by keyboard, focusing a far curve point and find in page reach every column', async () => {
    const response = await authorizedFetch(`${server.url}/api/journeys/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bigJourney(200, 3)) });
    const { id } = (await response.json()) as { id: string };
    const map = await openEditor('en-US', { width: 1440, height: 900 }, id);
    const { page } = map;
    const drawnSteps = () => map.stepHeads().evaluateAll((els) => els.map((el) => el.querySelector('.step-head__number')?.textContent ?? ''));
    // At the start, once the columns beyond the view have followed the first frame (as have the
    // other columns' words for find-in-page): the first columns, not all 200; every row has its
    // cells in them; the scroll area is the whole map.
    await expect.poll(() => page.locator('.map__findable').count()).toBeGreaterThan(0);
    const first = await drawnSteps();
    expect(first[0]).toBe('1.');
    expect(first.length).toBeGreaterThanOrEqual(8);
    expect(first.length).toBeLessThan(40);
    expect(await page.locator('.cell[data-step-id]').count()).toBe(first.length * 12);
    // A screen reader, which meets only these, is told so first (the last column, drawn too for Tab, aside).
    expect(first.at(-1)).toBe('200.');
    expect(await page.getByTestId('columns-drawn').textContent()).toBe(`Steps 1 to ${first.length - 1} of 200 are shown; scroll sideways or press Tab to reach the others.`);
    const scroller = map.scroller();
    expect(await scroller.evaluate((el) => el.scrollWidth)).toBeGreaterThan(200 * 150);

    // Scrolled to the end: the last steps are drawn with their cells, under the sticky rows.
    await map.scrollMap({ left: Infinity, top: Infinity });
    await expect.poll(async () => (await drawnSteps()).includes('200.')).toBe(true);
    // Only the first column stays drawn at the far end (for Tab, below), not its neighbours.
    await expect.poll(drawnSteps).not.toContain('2.');
    const last = map.stepHead('Step 200');
    const view = (await scroller.boundingBox())!;
    const lastBox = (await last.boundingBox())!;
    expect(lastBox.y).toBeLessThan(view.y + view.height / 2);
    expect(lastBox.x).toBeGreaterThan(view.x);
    expect(await page.locator(`.cell[data-step-id="${await map.stepId('Step 200')}"]`).count()).toBe(12);

    // Tab from the last cell of a lane goes through the next lane's name to its first cell
    // (step 1, far out of view), and Shift+Tab from there back: the keyboard reaches every column.
    const firstLane = await page.locator('.lane-label[data-lane-id]').first().getAttribute('data-lane-id');
    const step1 = await page.evaluate(() => document.querySelector('.curve__point[aria-label$="Step 1"]')?.getAttribute('data-step-id'));
    // The focus draws the columns beside it itself, not only the scroll it causes: focused
    // without scrolling, step 1's cell has step 2 drawn, for the next Tab.
    const scrolledTo = await scroller.evaluate((el) => el.scrollLeft);
    await page.locator(`.cell[data-lane-id="${firstLane}"][data-step-id="${step1}"] .cell__text`).evaluate((el: HTMLElement) => el.focus({ preventScroll: true }));
    await expect.poll(drawnSteps).toContain('2.');
    expect(await scroller.evaluate((el) => el.scrollLeft)).toBe(scrolledTo);
    await page.locator(`.cell[data-lane-id="${firstLane}"][data-step-id="${await map.stepId('Step 200')}"] .cell__text`).focus();
    const focusedCell = () => page.evaluate(() => {
      const cell = document.activeElement?.closest('.cell');
      return cell ? { lane: cell.getAttribute('data-lane-id'), step: cell.getAttribute('data-step-id') } : null;
    });
    let reached: { lane: string | null; step: string | null } | null = null;
    for (let presses = 0; presses < 12 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await focusedCell();
    }
    expect(reached?.lane).not.toBe(firstLane);
    expect(reached?.step).toBe(step1);
    // The next Tab goes on to step 2, drawn by then.
    const step2 = await page.evaluate(() => document.querySelector('.curve__point[aria-label$="Step 2"]')?.getAttribute('data-step-id'));
    await page.keyboard.press('Tab');
    await expect.poll(focusedCell).toMatchObject({ lane: reached!.lane, step: step2 });

    // Back at the end, Alt+← on a step's handle moves it and keeps the focus on it, drawn wherever it goes.
    await map.scrollMap({ left: Infinity });
    await expect.poll(async () => (await drawnSteps()).includes('200.')).toBe(true);
    await map.keyboardMoveStep('Step 199', 'ArrowLeft');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="step-head"]')?.querySelector('.step-head__number')?.textContent)).toBe('198.');
    // A screen reader hears the move in words, as a drag's drop is said.
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Step 199' }).textContent()).toBe('Step ‘Step 199’ moved before ‘Step 198’ in phase ‘Phase 10’.');

    // Back at the start, the curve is drawn whole: its point of step 150 is there to be
    // focused (Tab reaches it), and the focus brings that step's column.
    await map.scrollMap({ left: 0 });
    const farId = await page.evaluate(() => document.querySelector('.curve__point[aria-label$="Step 150"]')?.getAttribute('data-step-id'));
    expect(farId).toBeTruthy();
    await page.locator(`.curve__point[data-step-id="${farId}"]`).focus();
    await expect.poll(async () => (await drawnSteps()).includes('150.')).toBe(true);

    // Find in page finds the words of a column not drawn (hidden="until-found"), and the map,
    // scrolled there, draws the column.
    await map.scrollMap({ left: 0, top: 0 });
    await expect.poll(async () => (await drawnSteps()).includes('120.')).toBe(false);
    // From the top of the page, wrapping around, as the browser's search box does (not from where the keyboard left the selection).
    expect(await page.evaluate(() => {
      window.getSelection()?.removeAllRanges();
      return (window as unknown as { find: (text: string, caseSensitive: boolean, backwards: boolean, wrapAround: boolean) => boolean }).find('Text for step 120 in', false, false, true);
    })).toBe(true);
    await expect.poll(async () => (await drawnSteps()).includes('120.')).toBe(true);
    await page.context().close();
  }, 90_000);

  it('at 1024 px, a step selected where the panel opens over the map is scrolled out from under it', async () => {
    const map = await openEditor('nl-NL', { width: 1024, height: 768 }, await newJourney('nl-NL'));
    const { page } = map;
    expect(await page.getByTestId('side-panel').isVisible()).toBe(false);
    // The rightmost step head wholly in view: where the panel (380 px at the right) will lie.
    const view = (await map.scroller().boundingBox())!;
    const heads = await map.stepHeads().evaluateAll((els) => els.map((el) => ({ id: el.getAttribute('data-step-id')!, left: el.getBoundingClientRect().left, right: el.getBoundingClientRect().right })));
    const target = heads.filter((h) => h.right <= view.x + view.width).at(-1)!;
    expect(target.left).toBeGreaterThan(1024 - 380);
    await page.locator(`[data-testid="step-head"][data-step-id="${target.id}"] .step-head__title`).click();
    await page.getByTestId('side-panel').waitFor();
    const panel = (await page.getByTestId('side-panel').boundingBox())!;
    const right = async () => {
      const box = (await page.locator(`[data-testid="step-head"][data-step-id="${target.id}"]`).boundingBox())!;
      return box.x + box.width;
    };
    await expect.poll(right).toBeLessThanOrEqual(panel.x + 1);
    await page.context().close();
  }, 60_000);

  it('breaks long words of phase names, moments of truth and lane names between syllables with a hyphen, and keeps the typed text as typed', async () => {
    const map = await openEditor('nl-NL', { width: 1440, height: 900 }, await newJourney('nl-NL'));
    const { page } = map;
    await map.addPhase('Zelfbedieningsmagazijn');
    const phase = map.phases().last();
    await map.addStep(await map.phases().count().then((n) => n - 1), 'Afrekenen');
    await phase.locator('.phase__mot textarea').fill('Verzekeringsaanvraagformulier');
    const lane = page.locator('textarea.lane-label__name').nth(2);
    await lane.fill('Klantcontactmomentenregistratie');
    await page.locator('.journey-title').focus(); // nothing on the map has the focus

    // The lines each shown copy is laid out in, and whether every break falls at a soft hyphen
    // or a space (a break inside a word without one is the fault: "zelfbediening" / "smagazijn").
    const shownLines = (element: HTMLElement) => {
      const text = element.firstChild as Text;
      const range = document.createRange();
      const lines: string[] = [];
      const badBreaks: string[] = [];
      let lastBottom = -1;
      let lastVisible = -1;
      for (let i = 0; i < text.length; i++) {
        const char = text.data[i]!;
        if (char === '\u00ad' || char === ' ') continue;
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        // The bottom: a range of the first letter after a soft hyphen's break can also cover the
        // hyphen at the end of the line before.
        const bottom = Math.round(range.getBoundingClientRect().bottom);
        if (lastBottom >= 0 && bottom > lastBottom) {
          const between = text.data.slice(lastVisible + 1, i);
          if (!between.includes('\u00ad') && !between.includes(' ')) badBreaks.push(`${text.data.slice(0, i)}|${text.data.slice(i)}`);
          lines.push('');
        }
        if (lines.length === 0) lines.push('');
        lines[lines.length - 1] += char;
        lastBottom = bottom;
        lastVisible = i;
      }
      return { lines, badBreaks, visibility: getComputedStyle(element).visibility, hidden: element.getAttribute('aria-hidden') };
    };
    const shown = (locator: ReturnType<typeof page.locator>) => locator.locator('xpath=following-sibling::*[contains(@class, "hyphenated__shown")]').evaluate(shownLines);
    const name = phase.locator('textarea.phase__name');
    const moment = phase.locator('.phase__mot textarea');
    for (const field of [name, moment, lane]) {
      const copy = await shown(field);
      expect(copy.lines.length).toBeGreaterThan(1); // too long for its column: it must break somewhere
      expect(copy.badBreaks).toEqual([]);
      expect(copy).toMatchObject({ visibility: 'visible', hidden: 'true' });
      // The textarea under it is the field (its text unseen while the copy shows it), and what
      // everyone edits holds no soft hyphens.
      expect(await field.evaluate((el: HTMLTextAreaElement) => ({ hyphens: el.value.includes('\u00ad'), color: getComputedStyle(el).color }))).toEqual({ hyphens: false, color: 'rgba(0, 0, 0, 0)' });
    }
    expect(await name.inputValue()).toBe('Zelfbedieningsmagazijn');
    // The copy of a one-step phase's name shows it whole (it sizes the phase's header with the textarea).
    const nameCopy = await shown(name);
    expect(nameCopy.lines.join('')).toBe('Zelfbedieningsmagazijn');
    // Being edited, the textarea shows its own text and the copy steps aside.
    await name.focus();
    expect((await shown(name)).visibility).toBe('hidden');
    expect(await name.evaluate((el) => getComputedStyle(el).color)).not.toBe('rgba(0, 0, 0, 0)');
    await page.keyboard.press('End');
    await page.keyboard.type(' Delft');
    await page.locator('.journey-title').focus();
    expect((await shown(name)).lines.join(' ')).toContain('Delft');
    expect(await name.inputValue()).toBe('Zelfbedieningsmagazijn Delft');
    await page.context().close();
  }, 60_000);

  it('a 200-step map scrolled with the mouse wheel has every column in view drawn in every frame', async () => {
    const response = await authorizedFetch(`${server.url}/api/journeys/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bigJourney(200, 3)) });
    const { id } = (await response.json()) as { id: string };
    const map = await openEditor('en-US', { width: 1440, height: 900 }, id);
    const { page } = map;
    await expect.poll(() => page.locator('.map__findable').count()).toBeGreaterThan(0); // the columns beyond the view have followed
    // The wheel scrolls on the browser's compositor thread, ahead of the page's script, which
    // draws the columns the view reaches (columnWindow.ts) from the scroll events. In every frame,
    // each step column reaching into the view must have its head and its 12 filled cells.
    await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('.map-scroll')!;
      const watch = { frames: 0, blank: [] as string[], on: true };
      (window as unknown as { columnWatch: typeof watch }).columnWatch = watch;
      const tick = () => {
        if (!watch.on) return;
        watch.frames++;
        const view = scroller.getBoundingClientRect();
        const label = document.querySelector('.lane-label')!.getBoundingClientRect().right; // the sticky lane names cover the rest
        // Step n's column spans the grid's column n + 1 (the lane names are column 1).
        const heads = [...document.querySelectorAll<HTMLElement>('[data-testid="step-head"]')];
        const drawn = new Set(heads.map((head) => head.getAttribute('data-step-id')));
        const columns = [...document.querySelectorAll<SVGElement>('.curve__column')];
        for (const column of columns) {
          const box = column.getBoundingClientRect();
          if (box.right <= label || box.left >= view.right) continue;
          const step = column.getAttribute('data-step-id');
          const filled = [...document.querySelectorAll(`.cell[data-step-id="${step}"] .cell__text`)].filter((cell) => (cell.textContent ?? '').length > 20).length;
          if (!drawn.has(step) || filled !== 12) watch.blank.push(`frame ${watch.frames}: step ${step} (${filled} cells)`);
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const box = (await map.scroller().boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    // Chromium's own wheel gesture, 2,400 px/s (40 px a frame at 60 Hz): down, then 6,000 px right.
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2, speed: 2400, gestureSourceType: 'mouse' as const, preventFling: true };
    await cdp.send('Input.synthesizeScrollGesture', { ...at, yDistance: -400 });
    await cdp.send('Input.synthesizeScrollGesture', { ...at, xDistance: -6000 });
    const watch = await page.evaluate(() => {
      const watch = (window as unknown as { columnWatch: { frames: number; blank: string[]; on: boolean } }).columnWatch;
      watch.on = false;
      return watch;
    });
    const [left, top] = await map.scroller().evaluate((el) => [el.scrollLeft, el.scrollTop]);
    expect(left).toBeGreaterThanOrEqual(5990); // the wheel scrolled the map (not something else)
    expect(top).toBeGreaterThan(0);
    expect(watch.frames).toBeGreaterThan(20); // frames the page saw during the 2.7 s gesture (fewer on a busy machine)
    expect(watch.blank).toEqual([]);
    await page.context().close();
  }, 60_000);
});
