// Screenshots of the editor (issue 14) for docs/screenshots/: the IKEA sample map at 1024×768,
// 1440×900 and 1920×1080 in nl and en as it opens (editor-<width>-<lang>.png) and scrolled to
// the last lane and the last step with a step open (…-scrolled.png), big-screen mode at 1024 and
// 1920 (big-screen-<width>-<lang>.png), and the journeys list at 1024 and 1440
// (journeys-<width>-<lang>.png), with two workspaces. Run after `npm run build --workspace apps/web`:
//   node e2e/screenshots/editorScreenshots.ts [output folder]
import { buildTestServer } from '../../apps/server/src/testServer.ts';
import { authorizedFetch, sessionCookies } from '../../apps/server/src/testCredentials.ts';
import { launchBrowser } from '../fixtures/browser.ts';
import { webDist } from '../fixtures/webDist.ts';

const out = process.argv[2] ?? 'docs/screenshots';
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];
const server = await buildTestServer({ kind: 'sqlite' }, { webDist: process.env.KLANTREIS_BENCH_WEB_DIST ?? webDist() });
const browser = await launchBrowser();
const settle = () => new Promise((r) => setTimeout(r, 500));
try {
  // A second workspace, as most teams have: the journeys list then shows its workspace picker.
  await authorizedFetch(`${server.url}/api/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Klantenservice' }) });
  for (const locale of ['nl-NL', 'en-US'] as const) {
    const lang = locale.slice(0, 2);
    const response = await authorizedFetch(`${server.url}/api/journeys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ templateId: 'ikea-visit', locale: lang }),
    });
    const { id } = (await response.json()) as { id: string };
    for (const size of SIZES) {
      const context = await browser.newContext({ locale, viewport: size });
      await context.addCookies(sessionCookies());
      const page = await context.newPage();
      page.on('console', (message) => message.type() === 'error' && console.error(`[${locale} ${size.width}] ${message.text()}`));

      await page.goto(`${server.url}/`);
      await page.locator('.journeys .toolbar').waitFor();
      await settle();
      if (size.width <= 1440) await page.screenshot({ path: `${out}/journeys-${size.width}-${lang}.png` });

      await page.goto(`${server.url}/journeys/${id}`);
      await page.locator('[data-testid="own-participant"]').waitFor();
      await page.locator('[data-status="connected"]').waitFor();
      await settle();
      await page.screenshot({ path: `${out}/editor-${size.width}-${lang}.png` });

      await page.locator('[data-testid="step-head"]').nth(7).locator('.step-head__title').click();
      await page.locator('[data-testid="step-panel"]').waitFor();
      await page.locator('.map-scroll').evaluate((el) => el.scrollTo({ left: el.scrollWidth, top: el.scrollHeight, behavior: 'instant' }));
      await settle();
      await page.screenshot({ path: `${out}/editor-${size.width}-${lang}-scrolled.png` });

      if (size.width !== 1440) {
        await page.locator('.map-scroll').evaluate((el) => el.scrollTo({ left: 0, top: 0, behavior: 'instant' }));
        await page.getByTestId('big-screen').click();
        await page.getByTestId('leave-big-screen').waitFor();
        await settle();
        await page.screenshot({ path: `${out}/big-screen-${size.width}-${lang}.png` });
      }
      await context.close();
    }
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.close();
}
