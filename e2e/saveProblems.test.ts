// What the editor does when the server does not take a change (CLOSE_CODES in @klantreis/sync):
// a refused update (4422) stops saving until the map is reloaded from the server's copy, which
// forgets the browser's offline copy; a failed store (4503) is kept and sent again.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import * as Y from 'yjs';
import { recordsOf } from '@klantreis/sync';
import { en } from '../apps/web/src/i18n/en.ts';
import { nl } from '../apps/web/src/i18n/nl.ts';
import { buildTestServer, eventually, type TestServer } from '../apps/server/src/testServer.ts';
import { browserUnavailable, launchBrowser, newContext } from './fixtures/browser.ts';
import { violations } from './fixtures/axe.ts';
import { addToOfflineCopy, countCollabSockets, readOfflineCopy } from './fixtures/offlineCopy.ts';
import { webDist } from './fixtures/webDist.ts';
import { WorkshopPage } from './fixtures/workshopPage.ts';
import { authorizedFetch, TEST_OWNER } from '@klantreis/server/testCredentials';

const unavailable = browserUnavailable();
const MESSAGES = { 'en-US': en, 'nl-NL': nl } as const;

/** Longer than the provider's reconnect after a close (1 s) and its first backoffs after it. */
const RECONNECT_WINDOW_MS = 4_000;

/**
 * A change the editor itself never makes (its mutations validate): a step with score 7, as an
 * update on top of the server's document, so it applies wherever that document is.
 */
function scoreOutOfSchema(serverDoc: Y.Doc, stepId: string): { update: Uint8Array; clientId: number } {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(serverDoc));
  const before = Y.encodeStateVector(copy);
  recordsOf(copy).get(stepId)!.set('score', 7);
  return { update: Y.encodeStateAsUpdate(copy, before), clientId: copy.clientID };
}

describe.skipIf(unavailable !== null)('changes the server does not take, in Chromium', () => {
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

  async function openJourney(locale: keyof typeof MESSAGES): Promise<WorkshopPage> {
    const response = await authorizedFetch(`${server.url}/api/journeys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ templateId: 'ikea-visit', locale: 'en' }),
    });
    const { id } = (await response.json()) as { id: string };
    const page = await (await newContext(browser, locale)).newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    const map = new WorkshopPage(page, server.url);
    await map.join(id, TEST_OWNER.name);
    return map;
  }

  for (const locale of ['en-US', 'nl-NL'] as const) {
    it(`stops on a refused change, says so, and reloads from the server’s copy without it (${locale})`, async () => {
      const t = MESSAGES[locale].editor;
      const map = await openJourney(locale);
      const { page, journeyId } = map;
      const parking = await map.stepId('Parking');
      const score = await map.scoreOf(parking);

      // The refused change waits in the browser's offline copy, as a buggy editor would have
      // left it there: every reload sends it to the server again.
      const serverDoc = server.server.collaboration.hocuspocus.documents.get(journeyId)!;
      const refused = scoreOutOfSchema(serverDoc, parking);
      await addToOfflineCopy(page, journeyId, refused.update);
      const sockets = countCollabSockets(page);
      await page.reload();

      await map.saveRefusedBanner().waitFor();
      expect(await map.saveRefusedBanner().locator('p').innerText()).toBe(t.saveRefused.message);
      expect(await map.saveProblem()).toBe('refused');
      expect(await map.connectionStatus().innerText()).toBe(t.status.refused);
      expect(await page.locator('main').getAttribute('inert')).not.toBeNull(); // no edits that would be lost
      expect(await violations(page)).toEqual([]);
      // No reconnecting: the provider on its own would be back within a second or two.
      await page.waitForTimeout(RECONNECT_WINDOW_MS);
      expect(sockets.opened).toBe(1);
      expect((await map.fetchJourney()).steps.find((s) => s.id === parking)!.score).toBe(Number(score));

      await Promise.all([page.waitForEvent('load'), map.saveRefusedBanner().getByRole('button', { name: t.saveRefused.reload }).click()]);
      await map.waitUntilLive();
      expect(await map.scoreOf(parking)).toBe(score);
      await page.waitForTimeout(RECONNECT_WINDOW_MS);
      expect(await map.saveRefusedBanner().count()).toBe(0);
      expect(await map.saveProblem()).toBeNull();
      expect(sockets.opened).toBe(2); // one per page load: nothing was refused again

      // The offline copy is the server's document now, without the refused change.
      const copy = new Y.Doc();
      for (const update of await readOfflineCopy(page, journeyId)) Y.applyUpdate(copy, update);
      expect(copy.store.clients.has(refused.clientId)).toBe(false);
      expect(recordsOf(copy).get(parking)!.get('score')).toBe(Number(score));
      await page.context().close();
    }, 60_000);
  }

  it('says "Saving…", not "Saved", while the server takes more than a second to store a change, in both languages', async () => {
    for (const locale of ['nl-NL', 'en-US'] as const) {
      const t = MESSAGES[locale].editor.status;
      const map = await openJourney(locale);
      const parking = await map.stepId('Parking');
      const store = server.store;
      const original = store.appendUpdates.bind(store);
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      // The database answers, but only when the test lets it (a slow disk, a busy PostgreSQL).
      const slow = vi.spyOn(store, 'appendUpdates').mockImplementation(async (...args: Parameters<typeof store.appendUpdates>) => {
        await released;
        return original(...args);
      });
      try {
        await map.keyboardScore('Parking', ['End']);
        await expect.poll(() => map.connectionStatus().innerText(), { timeout: 5_000 }).toBe(t.saving);
        expect(await map.connectionStatus().getAttribute('data-status')).toBe('connected');
      } finally {
        release();
        slow.mockRestore();
      }
      await expect.poll(() => map.connectionStatus().innerText()).toBe(t.connected);
      await eventually(async () => expect((await map.fetchJourney()).steps.find((s) => s.id === parking)!.score).toBe(2));
      await map.page.context().close();
    }
  }, 60_000);

  it('does not say "Saving…" while a slow server loads the map for its first sync, with nothing typed', async () => {
    const response = await authorizedFetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateId: 'ikea-visit', locale: 'en' }) });
    const { id } = (await response.json()) as { id: string };
    const page = await (await newContext(browser, 'en-US')).newPage();
    const store = server.store;
    const original = store.loadDocument.bind(store);
    // The database takes 4 s to read the journey (the socket's first sync waits for it).
    const slow = vi.spyOn(store, 'loadDocument').mockImplementation(async (...args: Parameters<typeof store.loadDocument>) => {
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      return original(...args);
    });
    const status = page.locator('[data-testid="connection-status"]');
    const seen = new Set<string>();
    try {
      await page.goto(`${server.url}/journeys/${id}`);
      for (let i = 0; i < 30; i++) {
        seen.add(`${await status.getAttribute('data-status')} saving=${await status.getAttribute('data-saving')}`);
        await page.waitForTimeout(100);
      }
    } finally {
      slow.mockRestore();
    }
    expect(seen).toContain('connected saving=false'); // the first sync was under way
    expect([...seen].filter((state) => state.endsWith('saving=true'))).toEqual([]);
    await page.locator('[data-testid="journey-map"]').waitFor();
    await page.context().close();
  }, 60_000);

  it('keeps a change the server could not store, says it is retrying, and saves it once storing works again', async () => {
    const map = await openJourney('en-US');
    const { page } = map;
    const parking = await map.stepId('Parking');
    const score = await map.scoreOf(parking);
    const sockets = countCollabSockets(page);

    const storeFails = vi.spyOn(server.store, 'appendUpdates').mockImplementation(() => Promise.reject(new Error('disk full (test)')));
    try {
      await map.keyboardScore('Parking', ['End']);
      await expect.poll(() => map.saveProblem()).toBe('store-failed');
      await expect.poll(() => map.connectionStatus().innerText()).toMatch(/^Saving failed · retrying · 1 changes? not yet sent$/);
      expect(await map.scoreOf(parking)).toBe('2'); // still on the map, and in the offline copy
      // It is sent again, later each time (1 s, 2 s, …), and refused each time.
      await expect.poll(() => sockets.opened, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      expect(await map.saveProblem()).toBe('store-failed');
      expect(await map.saveRefusedBanner().count()).toBe(0);
      expect((await map.fetchJourney()).steps.find((s) => s.id === parking)!.score).toBe(Number(score));
    } finally {
      storeFails.mockRestore();
    }

    await expect.poll(() => map.saveProblem(), { timeout: 20_000 }).toBeNull();
    await expect.poll(() => map.connectionStatus().innerText()).toBe(en.editor.status.connected);
    await eventually(async () => expect((await map.fetchJourney()).steps.find((s) => s.id === parking)!.score).toBe(2));
    await page.context().close();
  }, 60_000);
});
