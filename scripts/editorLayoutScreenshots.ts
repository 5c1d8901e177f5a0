// Screenshots of the journey editor at workshop scale (issue 14), in both languages:
//   node scripts/editorLayoutScreenshots.ts [out-dir]
// At 1024×768, 1440×900 and 1920×1080: the editor as it opens (as the signed-in owner), then
// scrolled to the last lane and to the right (sticky headers and lane names, a step selected
// in the panel), and at 1024 and 1920 the big-screen mode with a workshop timer running.
import { mkdirSync } from 'node:fs';
import { buildTestServer } from '../apps/server/src/testServer.ts';
import { authorizedFetch, sessionCookies } from '../apps/server/src/testCredentials.ts';
import { launchBrowser } from '../e2e/fixtures/browser.ts';
import { webDist } from '../e2e/fixtures/webDist.ts';

const outDir = process.argv[2] ?? 'docs/screenshots';
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;
mkdirSync(outDir, { recursive: true });
const server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
const browser = await launchBrowser();
const frame = 'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))';
try {
  for (const locale of ['nl', 'en'] as const) {
    const created = await authorizedFetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateId: 'ikea-visit', locale }) });
    const { id } = (await created.json()) as { id: string };
    for (const size of SIZES) {
      const context = await browser.newContext({ locale: locale === 'nl' ? 'nl-NL' : 'en-US', viewport: size });
      await context.addCookies(sessionCookies());
      const page = await context.newPage();
      await page.goto(`${server.url}/journeys/${id}`);
      await page.locator('[data-status="connected"]').waitFor();
      await page.locator('[data-testid="own-participant"]').waitFor();
      await page.evaluate(frame);
      await page.screenshot({ path: `${outDir}/editor-${size.width}-${locale}.png` });

      await page.locator('.step-head__title').nth(7).click();
      await page.locator('[data-testid="step-panel"]').waitFor();
      await page.locator('.map-scroll').evaluate((el) => el.scrollTo({ left: el.scrollWidth, top: el.scrollHeight, behavior: 'instant' }));
      await page.evaluate(frame);
      await page.screenshot({ path: `${outDir}/editor-${size.width}-${locale}-scrolled.png` });

      if (size.width !== 1440) {
        await page.locator('[data-testid="tab-workshop"]').click();
        await page.locator('input[name="timer-minutes"]').fill('10');
        await page.locator('[data-testid="workshop-timer"] button.primary').click();
        await page.getByTestId('timer-badge').waitFor();
        await page.getByTestId('big-screen').click();
        await page.getByTestId('leave-big-screen').waitFor();
        await page.locator('.map-scroll').evaluate((el) => el.scrollTo({ left: 0, top: 0, behavior: 'instant' }));
        await page.evaluate(frame);
        await page.screenshot({ path: `${outDir}/big-screen-${size.width}-${locale}.png` });
      }
      await context.close();
    }
  }
  console.log(`screenshots in ${outDir}`);
} finally {
  await browser.close();
  await server.close();
}
