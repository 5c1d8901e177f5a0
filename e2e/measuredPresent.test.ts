import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatDuration } from '@klantreis/evaluation';
import type { JourneyDocument } from '@klantreis/schema';
import { buildTestServer, type TestServer } from '../apps/server/src/testServer.ts';
import { authorizedFetch } from '@klantreis/server/testCredentials';
import { browserUnavailable, launchBrowser, newContext } from './fixtures/browser.ts';
import { webDist } from './fixtures/webDist.ts';
import { SHARED_EVENT_LOGS } from '../testing/sharedData.ts';

const unavailable = browserUnavailable();
const RUNNING_EXAMPLE = `${SHARED_EVENT_LOGS}running-example.csv`;

// Presentation mode and the read-only link draw a measured journey as the editor does: under each
// measured step its drop-off share and p90 wait, and a "!" where the wait is longer than designed.
describe.skipIf(unavailable !== null)('measured figures in presentation mode and on a share link, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let journeyId: string;
  let words: string[];
  const send = (path: string, method: string, body: unknown) => authorizedFetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
    browser = await launchBrowser();
    journeyId = ((await (await send('/api/journeys', 'POST', { title: 'Compensatie', locale: 'nl' })).json()) as { id: string }).id;
    const phaseId = ((await (await authorizedFetch(`${server.url}/api/journeys/${journeyId}`)).json()) as JourneyDocument).phases[0]!.id;
    const steps = [
      { title: 'Aanvraag', activityPatterns: ['register request'], score: 1 },
      { title: 'Onderzoek', activityPatterns: ['examine*', 'check ticket'], score: 0 },
      { title: 'Besluit', activityPatterns: ['decide'], score: -1, wait: { moment: 'before', minutes: 1 } },
      { title: 'Uitbetaling', activityPatterns: ['pay compensation'], score: 2, journeyEnd: true },
    ];
    for (const { title, ...fields } of steps) {
      const { id } = (await (await send(`/api/journeys/${journeyId}/steps`, 'POST', { phaseId, title })).json()) as { id: string };
      await send(`/api/journeys/${journeyId}/records/${id}`, 'PATCH', fields);
    }
    const imported = await authorizedFetch(`${server.url}/api/journeys/${journeyId}/imports?kind=events&fileName=running-example.csv`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: readFileSync(RUNNING_EXAMPLE) });
    expect(imported.status).toBe(201);
    const { metrics } = (await (await authorizedFetch(`${server.url}/api/journeys/${journeyId}/metrics?period=month`)).json()) as {
      metrics: { steps: { activities: string[]; dropOffShare: number; wait: { measured: { p90Seconds: number | null } } }[] };
    };
    // What the editor writes under each step (canvas/curveInput.ts), worded here by hand.
    words = metrics.steps.map((s) => `↘ ${Math.round(s.dropOffShare * 100)}%${s.wait.measured.p90Seconds === null ? '' : ` · ${formatDuration(s.wait.measured.p90Seconds, 'nl')}`}`);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const drawnText = (page: Page, testId: string) => page.getByTestId(testId).locator('text').allTextContents().then((texts) => texts.join('\n'));

  it('presents a measured journey with its figures under the steps', async () => {
    const page = await (await newContext(browser, 'nl-NL')).newPage();
    await page.goto(`${server.url}/journeys/${journeyId}/present`);
    for (const word of words) await expect.poll(() => drawnText(page, 'presentation'), { timeout: 20_000 }).toContain(word);
    expect(await drawnText(page, 'presentation')).toContain('!');
  }, 60_000);

  it('shows the figures to a stranger on a link that shows the measurement', async () => {
    const made = await send(`/api/journeys/${journeyId}/links`, 'POST', { shows: { lanes: true, evaluation: true, measurement: true, comments: false } });
    const { url } = (await made.json()) as { url: string };
    const page = await (await newContext(browser, 'nl-NL', { signedIn: false })).newPage();
    await page.goto(url);
    for (const word of words) await expect.poll(() => drawnText(page, 'shared-map'), { timeout: 20_000 }).toContain(word);
    if (process.env.KLANTREIS_SCREENSHOT) await page.getByTestId('shared-map').screenshot({ path: process.env.KLANTREIS_SCREENSHOT });
  }, 60_000);
});
