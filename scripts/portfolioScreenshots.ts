// Screenshots of the journey portfolio (table, grouped, lifecycle board, opportunities; the journey
// details dialog of the editor at 1440) at 1024
// and 1440 px wide, in Dutch and English, on journeys made from the templates:
//   npm run build && node scripts/portfolioScreenshots.ts [out-dir]
import { mkdirSync } from 'node:fs';
import { sessionCookies } from '../apps/server/src/testCredentials.ts';
import { buildTestServer } from '../apps/server/src/testServer.ts';
import { launchBrowser } from '../e2e/fixtures/browser.ts';
import { seedPortfolio } from '../e2e/fixtures/portfolioSeed.ts';
import { webDist } from '../e2e/fixtures/webDist.ts';

const outDir = process.argv[2] ?? 'docs/screenshots';
mkdirSync(outDir, { recursive: true });

const server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
const browser = await launchBrowser();
try {
  const seeded = await seedPortfolio(server.url, 'nl');
  for (const width of [1024, 1440]) {
    for (const locale of ['nl-NL', 'en-US'] as const) {
      const lang = locale.slice(0, 2);
      const context = await browser.newContext({ locale, viewport: { width, height: 860 } });
      await context.addCookies(sessionCookies());
      const page = await context.newPage();
      await page.goto(`${server.url}/portfolio`);
      await page.getByTestId('portfolio-row').first().waitFor();
      // The measured journey's light, its reasons shown as on keyboard focus.
      await page.locator(`[data-journey-id="${seeded.ids.ikea}"] [data-testid="health-light"]`).focus();
      await page.screenshot({ path: `${outDir}/portfolio-${width}-${lang}.png` });
      await page.goto(`${server.url}/portfolio?group=owner&sort=title`);
      await page.getByTestId('group-header').first().waitFor();
      await page.screenshot({ path: `${outDir}/portfolio-grouped-${width}-${lang}.png` });
      await page.goto(`${server.url}/portfolio?tab=board`);
      await page.getByTestId('lifecycle-board').waitFor();
      await page.screenshot({ path: `${outDir}/portfolio-board-${width}-${lang}.png`, fullPage: true });
      await page.goto(`${server.url}/portfolio?tab=opportunities`);
      await page.getByTestId('impact-effort-matrix').waitFor();
      await page.getByTestId('matrix-point').first().focus();
      await page.screenshot({ path: `${outDir}/portfolio-opportunities-${width}-${lang}.png`, fullPage: true });
      if (width === 1440) {
        // The journey details in the editor's More menu.
        await page.goto(`${server.url}/journeys/${seeded.ids.financial}`);
        await page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor();
        await page.getByTestId('topbar-more').locator('summary').click();
        await page.getByTestId('open-journey-details').click();
        await page.getByTestId('journey-details').waitFor();
        await page.screenshot({ path: `${outDir}/portfolio-details-${lang}.png` });
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
