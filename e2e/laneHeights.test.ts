import { describe, expect, it } from 'vitest';
import { authorizedFetch, sessionCookies, TEST_OWNER } from '../apps/server/src/testCredentials.ts';
import { browserUnavailable } from './fixtures/browser.ts';
import { useBrowserAndServer } from './fixtures/browserAndServer.ts';
import { MapLayoutPage } from './fixtures/mapLayoutPage.ts';
import { createTouchpoint } from '@klantreis/schema';
import { bigJourney } from '../bench/editor/bigJourney.ts';

// Issue 14: the map draws only the columns near its view. A lane is as tall as its tallest cell
// on the whole map, not among the columns drawn, and the step row as tall as its tallest head, so
// rows do not jump while the map scrolls sideways.
const unavailable = browserUnavailable();

const LONG_TEXT = Array.from({ length: 14 }, (_, i) => `Sentence ${i + 1} of a long note that a facilitator typed during the workshop.`).join(' ');
const LONG_WORD = 'Zelfbedieningsmagazijnmedewerkersopleidingstrajectevaluatieformulier en verder';
const LINES = 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten';

describe.skipIf(unavailable !== null)('lane heights on a map drawn in part (issue 14)', () => {
  const running = useBrowserAndServer();

  async function importJourney(): Promise<{ id: string; far: Record<string, string>; painFar: [string, string] }> {
    const journey = bigJourney(120, 1);
    // Far out of the first view: a long note, a word longer than a column, typed line breaks,
    // and a short text in a lane whose other cells are longer (its height stays theirs).
    const far: Record<string, string> = {};
    const put = (laneIndex: number, stepNumber: number, text: string) => {
      const lane = journey.lanes[laneIndex]!;
      const step = journey.steps[stepNumber - 1]!;
      journey.cells.find((c) => c.laneId === lane.id && c.stepId === step.id)!.text = text;
      far[lane.id] = step.id;
    };
    put(1, 90, LONG_TEXT);
    put(3, 100, LONG_WORD);
    put(5, 110, LINES);
    // A step head far out: a long title and six badges.
    const tall = journey.steps[79]!;
    tall.title = 'Collecting two thirty-kilo boxes of the wardrobe in the self-service warehouse';
    tall.wait = { moment: 'before', minutes: 95 };
    tall.momentOfTruth = true;
    tall.beforeFirstContact = true;
    tall.touchpoints = [createTouchpoint({ channel: 'app' }), createTouchpoint({ channel: 'store' }), createTouchpoint({ channel: 'phone' })];
    far['steps'] = tall.id;
    // In the pain points, which take dots: a text of six lines, far out; its cell gets room for
    // the dots under it while voting, as every cell of the lane does.
    const pain = journey.lanes.find((lane) => lane.kind === 'pain-points')!;
    const painStep = journey.steps[69]!;
    journey.cells.find((c) => c.laneId === pain.id && c.stepId === painStep.id)!.text = 'Six\nlines\nof\npain\npoints\nhere';
    const response = await authorizedFetch(`${running.server.url}/api/journeys/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(journey) });
    return { id: ((await response.json()) as { id: string }).id, far, painFar: [pain.id, painStep.id] };
  }

  for (const locale of ['en-US', 'nl-NL'] as const) {
    it(`in ${locale}: every lane and the step row keep their height from the first column to the last, tall enough for their tallest cell and head, dot voting or not`, async () => {
      const { id, far, painFar } = await importJourney();
      const context = await running.browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
      await context.addCookies(sessionCookies());
      const map = new MapLayoutPage(await context.newPage(), running.server.url);
      await map.join(id, TEST_OWNER.name);
      const { page } = map;
      // The lane names' heights are their rows'; the step row's is its label's.
      const laneHeights = () =>
        page.locator('.lane-label[data-lane-id], .lane-label--steps').evaluateAll((els) => Object.fromEntries(els.map((el) => [el.getAttribute('data-lane-id') ?? 'steps', el.getBoundingClientRect().height])));
      const drawn = (stepId: string) => page.locator(`.cell[data-step-id="${stepId}"]`).count();

      // The sizers follow the map's first frame (useAfterFirstPaint), each row's in its own
      // transition: wait for the step row's and every lane's (all lanes here have texts).
      await page.locator('[data-testid="step-row-sizer"] .lane-sizer__head').first().waitFor({ state: 'attached' });
      const lanes = await page.locator('.lane-label[data-lane-id]').count();
      await expect.poll(() => page.locator('[data-testid="lane-sizer"]').count()).toBe(lanes);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const atStart = await laneHeights();
      for (const stepId of Object.values(far)) expect(await drawn(stepId)).toBe(0);
      // The far head makes the step row taller than a plain head needs.
      expect(atStart['steps']).toBeGreaterThan(150);

      /** Scrolled to each far column, every row is as tall as at the start, and the far text is whole. */
      async function rowsHold(start: Record<string, number>, columns: [string, string][]): Promise<void> {
        for (const [laneId, stepId] of columns) {
          // Every step's curve point is drawn only after the map's own first paint, a transition of its own.
          await page.locator(`.curve__point[data-step-id="${stepId}"]`).waitFor({ state: 'attached' });
          const x = await page.evaluate((stepId) => {
            const index = [...document.querySelectorAll('.curve__point')].findIndex((el) => el.getAttribute('data-step-id') === stepId);
            return index * 156;
          }, stepId);
          await map.scrollMap({ left: x });
          await expect.poll(() => drawn(stepId)).toBeGreaterThan(0);
          const there = await laneHeights();
          for (const lane of Object.keys(start)) expect.soft(there[lane], `lane ${lane} at the column of ${laneId}`).toBeCloseTo(start[lane]!, 0);
          // The far cell's text is not cut: its button holds all of it; the far head holds its badges.
          const selector = laneId === 'steps' ? `.map > .step-head[data-step-id="${stepId}"]` : `.cell[data-lane-id="${laneId}"][data-step-id="${stepId}"] .cell__text`;
          const cut = await page.locator(selector).evaluate((box) => box.scrollHeight - box.clientHeight);
          expect(cut).toBeLessThanOrEqual(1);
        }
        await map.scrollMap({ left: 0 });
        expect(await laneHeights()).toEqual(start);
      }
      await rowsHold(atStart, [...Object.entries(far), painFar]);

      // Dot voting gives the pain points' cells room for the dots: their lane grows at once, and holds.
      await map.openSideTab('workshop');
      await page.locator('input[name="dot-voting"]').check();
      await expect.poll(async () => (await laneHeights())[painFar[0]]).toBeGreaterThan(atStart[painFar[0]]! + 20);
      await rowsHold(await laneHeights(), [painFar]);
      await context.close();
    }, 90_000);
  }
});
