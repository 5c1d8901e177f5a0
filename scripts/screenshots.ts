// Takes screenshots of the journeys list and the editor with the sample journeys, in both
// languages, for the README and for looking at what we built:
//   node scripts/screenshots.ts [out-dir]
import { mkdirSync } from 'node:fs';
import { buildTestServer } from '../apps/server/src/testServer.ts';
import { seedSampleJourneys } from '../apps/server/src/commands/sampleJourneys.ts';
import { launchBrowser } from '../e2e/fixtures/browser.ts';
import { webDist } from '../e2e/fixtures/webDist.ts';

const outDir = process.argv[2] ?? 'docs/screenshots';
mkdirSync(outDir, { recursive: true });
const server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
await seedSampleJourneys(server.store, server.server.creator, 'nl');
const browser = await launchBrowser();
try {
  for (const locale of ['nl-NL', 'en-US'] as const) {
    const lang = locale.slice(0, 2);
    const context = await browser.newContext({ locale, viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.card').nth(6).waitFor();
    await page.screenshot({ path: `${outDir}/journeys-${lang}.png` });
    await page.locator('.card__title a').filter({ hasText: /IKEA/ }).click();
    await page.locator('[data-status="connected"]').waitFor();
    await page.locator('[data-testid="step-head"]').first().waitFor();
    await page.screenshot({ path: `${outDir}/editor-${lang}.png` });
    await page.locator('.step-head__title').nth(4).click();
    await page.locator('[data-testid="step-panel"]').waitFor();
    await page.screenshot({ path: `${outDir}/editor-step-${lang}.png`, fullPage: false });
    await page.locator('[data-testid="tab-evaluation"]').click();
    await page.locator('[data-testid="finding"] .finding__main').first().click();
    await page.screenshot({ path: `${outDir}/evaluation-${lang}.png` });
    await page.locator('[data-testid="importance-map"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${outDir}/evaluation-charts-${lang}.png` });
    await context.close();
  }
  console.log(`screenshots in ${outDir}`);
} finally {
  await browser.close();
  await server.close();
}
