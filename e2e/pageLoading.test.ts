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

  it("asks for the editor's files as a map's page arrives, once each, not after the app's script has run", async () => {
    const id = await createJourney();
    const context = await newContext(running.browser, 'en-US');
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // Who asked for each of the editor's files: the page's first script (public/early.js, with
    // the list the build wrote into it), or the app once it had loaded, run and routed.
    const askedBy = new Map<string, string[]>();
    cdp.on('Network.requestWillBeSent', ({ request, initiator }) => {
      const path = new URL(request.url).pathname;
      if (!/^\/assets\/EditorScene-[^/]+\.(js|css)$/.test(path)) return;
      askedBy.set(path, [...(askedBy.get(path) ?? []), initiator.stack?.callFrames[0]?.url ?? initiator.url ?? initiator.type]);
    });
    await page.goto(`${running.server.url}/journeys/${id}`);
    await page.getByTestId('journey-map').waitFor();
    const paths = [...askedBy.keys()];
    expect(paths.map((path) => path.split('.').pop()).sort()).toEqual(['css', 'js']);
    const css = paths.find((path) => path.endsWith('.css'));
    const js = paths.find((path) => path.endsWith('.js'));
    expect(askedBy.get(css!)).toEqual([`${running.server.url}/early.js`]);
    // A module preload names no script as its initiator: its link tells. early.js put it in
    // the head before the app's own script (the parser had not reached that yet), and the app
    // makes no preload link for the scene it imports.
    expect(askedBy.get(js!)).toHaveLength(1);
    const preloadedFirst = await page.evaluate((path) => {
      const link = document.querySelector(`link[rel="modulepreload"][href="${path}"]`);
      const app = document.querySelector('script[type="module"]');
      return link !== null && app !== null && (link.compareDocumentPosition(app) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    }, js!);
    expect(preloadedFirst).toBe(true);
    await context.close();
  });

  it("asks for the journeys list's files as the start page arrives, once each", async () => {
    await createJourney();
    const context = await newContext(running.browser, 'en-US');
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/JourneysScene-[^/]+\.js$/.test(request.url())) asked.push(new URL(request.url()).pathname);
    });
    await page.goto(`${running.server.url}/`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(asked).toHaveLength(1);
    const preloadedFirst = await page.evaluate((path) => {
      const link = document.querySelector(`link[rel="modulepreload"][href="${path}"]`);
      const app = document.querySelector('script[type="module"]');
      return link !== null && app !== null && (link.compareDocumentPosition(app) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    }, asked[0]!);
    expect(preloadedFirst).toBe(true);
    await context.close();
  });

  // The script in either language; the stylesheet, which the page preloads (early.js) but the
  // scene adds and waits for, in English.
  it.each([
    ['nl-NL', 'js'],
    ['en-US', 'js'],
    ['en-US', 'css'],
  ] as const)('says in %s when the editor (%s) cannot be loaded, and a reload brings it', async (locale, kind) => {
    const id = await createJourney();
    const context = await newContext(running.browser, locale);
    const page = await context.newPage();
    let blocked = true;
    await page.route(new RegExp(`/assets/EditorScene-[^/]+\\.${kind}$`), (route) => (blocked ? route.abort('connectionrefused') : route.continue()));
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
