// Screenshots of exporting, sharing and presenting, in both languages:
//   node scripts/shareScreenshots.ts [out-dir] [viewport width, 1440]
// Also writes the PDF poster and the PNG of the IKEA sample there, to look at.
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildTestServer } from '../apps/server/src/testServer.ts';
import { authorizedFetch, sessionCookies } from '../apps/server/src/testCredentials.ts';
import { launchBrowser } from '../e2e/fixtures/browser.ts';
import { webDist } from '../e2e/fixtures/webDist.ts';

const outDir = process.argv[2] ?? 'docs/screenshots';
const width = Number(process.argv[3] ?? 1440);
mkdirSync(outDir, { recursive: true });
const server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
const browser = await launchBrowser();
try {
  for (const locale of ['nl', 'en'] as const) {
    const created = await authorizedFetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateId: 'ikea-visit', locale }) });
    const { id } = (await created.json()) as { id: string };
    const context = await browser.newContext({ locale: locale === 'nl' ? 'nl-NL' : 'en-US', viewport: { width, height: 900 } });
    await context.addCookies(sessionCookies());
    const page = await context.newPage();
    await page.goto(`${server.url}/journeys/${id}`);
    await page.locator('[data-status="connected"]').waitFor();
    await page.locator('[data-testid="topbar-more"] > summary').click(); // export is under "More"
    await page.getByTestId('open-export').click();
    await page.screenshot({ path: `${outDir}/export-dialog-${locale}.png` });
    await page.keyboard.press('Escape');
    await page.getByTestId('open-share').click();
    await page.locator('.share-dialog button.primary').click();
    await page.getByTestId('share-link').first().waitFor();
    await page.screenshot({ path: `${outDir}/share-dialog-${locale}.png` });
    const url = await page.getByTestId('share-link').first().locator('input').inputValue();
    const viewer = await (await browser.newContext({ locale: locale === 'nl' ? 'nl-NL' : 'en-US', viewport: { width, height: 900 } })).newPage();
    await viewer.goto(url);
    await viewer.getByTestId('shared-map').locator('text').first().waitFor();
    await viewer.screenshot({ path: `${outDir}/shared-${locale}.png` });
    await viewer.getByTestId('shared-present').click();
    const presentation = viewer.getByTestId('presentation');
    for (let i = 0; i < 5; i++) await presentation.press('ArrowRight');
    await viewer.waitForTimeout(200);
    await viewer.screenshot({ path: `${outDir}/present-${locale}.png` });
    for (const [format, extension] of [['pdf', 'pdf'], ['png', 'png'], ['pptx', 'pptx']] as const) {
      const file = await authorizedFetch(`${server.url}/api/journeys/${id}/export?format=${format}`);
      if (file.ok) writeFileSync(`${outDir}/ikea-${locale}.${extension}`, Buffer.from(await file.arrayBuffer()));
    }
    await context.close();
  }
  console.log(`screenshots in ${outDir}`);
} finally {
  await browser.close();
  await server.close();
}
