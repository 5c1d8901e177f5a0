// Takes screenshots of a workshop of two people on the IKEA sample, in both languages: presence
// and cursors, comments with a mention, the workshop helpers, versions and compare, approval:
//   node scripts/workshopScreenshots.ts [out-dir]
import { mkdirSync } from 'node:fs';
import { buildTestServer } from '../apps/server/src/testServer.ts';
import { launchBrowser } from '../e2e/fixtures/browser.ts';
import { webDist } from '../e2e/fixtures/webDist.ts';
import { WorkshopPage } from '../e2e/fixtures/workshopPage.ts';

const outDir = process.argv[2] ?? 'docs/screenshots';
mkdirSync(outDir, { recursive: true });
const server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
const browser = await launchBrowser();
try {
  for (const locale of ['nl-NL', 'en-US'] as const) {
    const lang = locale.slice(0, 2) as 'nl' | 'en';
    const response = await fetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateId: 'ikea-visit', locale: lang }) });
    const { id } = (await response.json()) as { id: string };
    const person = async (name: string) => {
      const context = await browser.newContext({ locale, viewport: { width: 1600, height: 1000 } });
      const page = new WorkshopPage(await context.newPage(), server.url);
      await page.join(id, name);
      return page;
    };
    const anna = await person('Anna de Vries');
    const bram = await person('Bram');
    const [first, second, third] = await anna.stepTitles();
    await bram.selectStep(third!);
    await bram.pointAtStep(second!);
    await anna.liveCursor('Bram').waitFor();
    await anna.page.screenshot({ path: `${outDir}/workshop-presence-${lang}.png` });

    await anna.selectStep(first!);
    await anna.openSideTab('comments');
    const composer = anna.page.locator('[data-testid="comments-panel"] > [data-testid="comment-composer"]');
    await composer.locator('textarea').pressSequentially(lang === 'nl' ? 'Klopt de volgorde, @Br' : 'Is the order right, @Br');
    await composer.locator('[data-testid="mention-suggestions"] button').first().click();
    await composer.locator('button[type="submit"]').click();
    await composer.locator('textarea').pressSequentially('@');
    await anna.page.screenshot({ path: `${outDir}/workshop-comments-${lang}.png` });

    await anna.openSideTab('workshop');
    await anna.page.locator('[data-testid="workshop-timer"] button.primary').click();
    await bram.openSideTab('workshop');
    await bram.page.locator('input[name="capture-kind"][value="pain-point"]').check();
    await bram.page.locator('textarea[name="capture-text"]').fill(lang === 'nl' ? 'Niemand weet waar de uitgang is' : 'Nobody knows where the exit is');
    await bram.page.locator('[data-testid="quick-capture"] button[type="submit"]').click();
    await anna.page.locator('[data-testid="inbox-item"]').waitFor();
    await anna.page.locator('input[name="dot-voting"]').check();
    await anna.page.locator('[data-testid="add-dot"]').nth(1).click();
    await anna.page.locator('[data-testid="add-dot"]').nth(1).click();
    await anna.page.locator('.map-scroll').evaluate((el) => el.scrollTo({ top: 330 }));
    await anna.page.screenshot({ path: `${outDir}/workshop-helpers-${lang}.png` });

    await anna.saveVersion(lang === 'nl' ? 'huidig' : 'as-is');
    await bram.keyboardScore(first!, ['Home']);
    await anna.requestApproval(lang === 'nl' ? 'huidig' : 'as-is', ['Bram'], '');
    await anna.page.screenshot({ path: `${outDir}/workshop-versions-${lang}.png` });
    await anna.compareWithNow(lang === 'nl' ? 'huidig' : 'as-is');
    await anna.page.screenshot({ path: `${outDir}/workshop-compare-${lang}.png` });
    await anna.page.context().close();
    await bram.page.context().close();
  }
  console.log(`screenshots in ${outDir}`);
} finally {
  await browser.close();
  await server.close();
}
