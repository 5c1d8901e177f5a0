// Screenshots of the experience map in nl and en at 1024 and 1440 wide, for docs/screenshots/
// (experience-map-*.png): the seeded membership lifecycle, and the drill-down into a linked
// journey with its breadcrumbs. Run after `npm run build --workspace apps/web`:
//   node e2e/screenshots/experienceMapScreenshots.ts [output folder]
import { buildTestServer } from '../../apps/server/src/testServer.ts';
import { launchBrowser, newContext } from '../fixtures/browser.ts';
import { seedExperienceMap } from '../fixtures/experienceSeed.ts';
import { webDist } from '../fixtures/webDist.ts';

const out = process.argv[2] ?? 'docs/screenshots';
const server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
const browser = await launchBrowser();
try {
  const seeded = await seedExperienceMap(server);
  for (const locale of ['nl-NL', 'en-US'] as const) {
    for (const width of [1024, 1440]) {
      const context = await newContext(browser, locale);
      const page = await context.newPage();
      page.on('console', (message) => message.type() === 'error' && console.error(`[${locale} ${width}] ${message.text()}`));
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.url}/journeys/${seeded.mapId}`);
      await page.locator('[data-testid="stage-band"]').first().waitFor();
      await page.locator('[data-testid="lifecycle-curve"]').waitFor();
      const lang = locale.slice(0, 2);
      await page.screenshot({ path: `${out}/experience-map-${width}-${lang}.png` });
      await page.locator('[data-testid="journey-chip"] a').nth(1).click();
      await page.locator('[data-testid="breadcrumbs"]').waitFor();
      await page.waitForTimeout(600);
      await page.screenshot({ path: `${out}/experience-map-drilldown-${width}-${lang}.png` });
      await context.close();
    }
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.close();
}
