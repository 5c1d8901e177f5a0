// A first visit to a map (issue 14, opening the 200 × 12 map in under 1 s): the page asks for
// the journey's copy as it arrives (public/early.js, GET /api/journeys/:id/state), and the
// editor shows the map from it without waiting for its socket. Nothing may be lost for it: an
// edit typed while the socket is not there yet reaches the server once it is, and the browser's
// copy keeps the map for the next visit, which does not ask for the server's copy again.
import { describe, expect, it } from 'vitest';
import type { Page, WebSocketRoute } from 'playwright-core';
import * as Y from 'yjs';
import { journeyFromDoc } from '@klantreis/sync';
import { TEST_OWNER } from '../apps/server/src/testCredentials.ts';
import { eventually } from '../apps/server/src/testServer.ts';
import { browserUnavailable, newContext } from './fixtures/browser.ts';
import { useBrowserAndServer } from './fixtures/browserAndServer.ts';
import { readOfflineCopy } from './fixtures/offlineCopy.ts';
import { WorkshopPage } from './fixtures/workshopPage.ts';

const unavailable = browserUnavailable();

/** The requests for a journey's server copy the page makes, counted from now. */
function serverCopyRequests(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (/\/api\/journeys\/[^/]+\/state$/.test(new URL(request.url()).pathname)) asked.push(request.url());
  });
  return asked;
}

describe.skipIf(unavailable !== null)('a first visit shows the server’s copy the page asked for, in Chromium', () => {
  const running = useBrowserAndServer();

  it('shows the map before its socket is there, and an edit typed then reaches the server once it is', async () => {
    const journeyId = await running.server.server.creator.fromTemplate('ikea-visit', 'en');
    const context = await newContext(running.browser);
    const page = await context.newPage();
    const asked = serverCopyRequests(page);
    // The collaboration socket is refused (closed at once, the editor tries again) until the test lets it through.
    let refused = 0;
    let letThrough = false;
    await page.routeWebSocket(/\/collab/, (socket: WebSocketRoute) => {
      if (letThrough) {
        socket.connectToServer();
        return;
      }
      refused++;
      void socket.close({ code: 1013, reason: 'held by the test' });
    });
    const map = new WorkshopPage(page, running.server.url);
    map.journeyId = journeyId;
    await page.goto(`${running.server.url}/journeys/${journeyId}`);
    await page.locator('[data-testid="journey-map"]').waitFor();
    expect(asked).toHaveLength(1);
    expect(await page.locator('[data-testid="connection-status"]').getAttribute('data-status')).not.toBe('connected');
    const parking = await map.stepId('Parking');
    await map.fillCell(/Pain points/, 'Parking', 'Typed before the socket');
    expect((await map.fetchJourney()).cells.some((cell) => cell.text === 'Typed before the socket')).toBe(false);

    // The socket now reaches the server: the edit follows, and nothing else is missing.
    expect(refused).toBeGreaterThan(0);
    letThrough = true;
    // The editor tries again at once when the browser says it is online (rather than after its back-off).
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await map.waitUntilLive();
    await eventually(async () => {
      const journey = await map.fetchJourney();
      expect(journey.cells.some((cell) => cell.stepId === parking && cell.text === 'Typed before the socket')).toBe(true);
    });
    await eventually(async () => expect(await map.connectionStatus().getAttribute('data-unsynced')).toBe('false'));

    // The browser's copy has the map now: the next visit shows it and does not ask the server for its copy.
    await eventually(async () => expect((await readOfflineCopy(page, journeyId)).reduce((sum, update) => sum + update.length, 0)).toBeGreaterThan(1_000));
    await page.reload();
    await map.waitUntilLive();
    await page.locator('.cell', { hasText: 'Typed before the socket' }).waitFor();
    expect(asked).toHaveLength(1);
    await context.close();
  }, 60_000);

  it('shows a browser copy made before its note at once, and keeps an edit typed while the server’s copy is slow', async () => {
    const journeyId = await running.server.server.creator.fromTemplate('ikea-visit', 'en');
    const context = await newContext(running.browser);
    const first = new WorkshopPage(await context.newPage(), running.server.url);
    await first.join(journeyId, TEST_OWNER.name);
    const stepId = await first.stepId('Parking');
    const laneId = await first.page.locator('.lane-label').filter({ has: first.page.getByRole('textbox', { name: /Pain points/ }) }).getAttribute('data-lane-id');
    await eventually(async () => expect((await readOfflineCopy(first.page, journeyId)).length).toBeGreaterThan(0));
    // A copy from before the editor noted its copies: the page asks the server for its copy again.
    await first.page.evaluate((id) => localStorage.removeItem(`klantreis:copy:${id}`), journeyId);
    await first.page.close();

    const page = await context.newPage();
    const asked = serverCopyRequests(page);
    await page.route(/\/api\/journeys\/[^/]+\/state$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 5_000)); // past the editor's 2 s wait for it
      await route.continue();
    });
    await page.routeWebSocket(/\/collab/, (socket: WebSocketRoute) => void socket.close({ code: 1013, reason: 'no server (test)' }));
    await page.goto(`${running.server.url}/journeys/${journeyId}`);
    // Typed the moment the map shows, while the server's copy is still on its way.
    const cell = page.locator(`.cell[data-lane-id="${laneId}"][data-step-id="${stepId}"]`);
    await cell.getByRole('button').click();
    await cell.locator('textarea').fill('Typed over the old copy');
    await cell.locator('textarea').press('Escape');
    expect(asked).toHaveLength(1);
    // In the browser's copy (with no server to send it to), not only on the screen.
    await eventually(async () => {
      const copy = new Y.Doc();
      for (const update of await readOfflineCopy(page, journeyId)) Y.applyUpdate(copy, update);
      expect(journeyFromDoc(copy).cells.some((cell) => cell.text === 'Typed over the old copy')).toBe(true);
    });
    await context.close();
  }, 60_000);

  it('refuses the server’s copy to someone who may not see the journey, and the page says it is not there', async () => {
    const journeyId = await running.server.server.creator.fromTemplate('ikea-visit', 'en');
    const context = await running.browser.newContext();
    const page = await context.newPage();
    const answers: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith(`/api/journeys/${journeyId}/state`)) answers.push(response.status());
    });
    await page.goto(`${running.server.url}/journeys/${journeyId}`);
    await eventually(() => expect(answers).toEqual([401]));
    await expect(page.locator('[data-testid="journey-map"]').count()).resolves.toBe(0);
    await context.close();
  }, 60_000);
});
