// How the app's pages load (issue 12's figure: the portfolio in under 1 s). The page asks for
// what its first screen needs before the app's script has run (public/early.js), and the app
// uses those answers instead of asking again; the map's scenes are loaded when first opened,
// and one that cannot be loaded says so in the reader's language and offers a reload.
import { describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { en } from '../apps/web/src/i18n/en.ts';
import { nl } from '../apps/web/src/i18n/nl.ts';
import { browserUnavailable, newContext } from './fixtures/browser.ts';
import { useBrowserAndServer } from './fixtures/browserAndServer.ts';

const unavailable = browserUnavailable();
const MESSAGES = { 'en-US': en, 'nl-NL': nl } as const;

describe.skipIf(unavailable !== null)('loading the app in Chromium', () => {
  const running = useBrowserAndServer();

  const createJourney = async () =>
    ((await (await running.server.fetch('/api/journeys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateId: 'ikea-visit', locale: 'en' }) })).json()) as { id: string }).id;

  it('asks for the session and the portfolio once each, before the app has run, and shows the table from them', async () => {
    await createJourney();
    const page = await (await newContext(running.browser, 'en-US')).newPage();
    const asked: Request[] = [];
    page.on('request', (request) => {
      if (/\/api\/(me|portfolio)(\?|$)/.test(request.url())) asked.push(request);
    });
    await page.goto(`${running.server.url}/portfolio`);
    await page.getByTestId('portfolio-row').first().waitFor();
    const paths = asked.map((request) => new URL(request.url()).pathname).sort();
    expect(paths).toEqual(['/api/me', '/api/portfolio']);
    // Both were asked by the page's first script, and the app took the answers from it.
    expect(await page.evaluate(() => Object.keys((window as { klantreisEarly?: object }).klantreisEarly ?? { missing: true }))).toEqual([]);
    await page.context().close();
  });

  it.each(['nl-NL', 'en-US'] as const)('says in %s when the editor cannot be loaded, and a reload brings it', async (locale) => {
    const id = await createJourney();
    const context = await newContext(running.browser, locale);
    const page = await context.newPage();
    let blocked = true;
    await page.route(/\/assets\/EditorScene-[^/]+\.js$/, (route) => (blocked ? route.abort('connectionrefused') : route.continue()));
    await page.goto(`${running.server.url}/journeys/${id}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const words = MESSAGES[locale].app;
    expect(await alert.textContent()).toContain(words.loadFailed);
    blocked = false;
    await alert.getByRole('button', { name: words.reload }).click();
    await page.getByTestId('journey-map').waitFor();
    expect(await page.getByText(words.loadFailed).count()).toBe(0);
    await context.close();
  });
});
