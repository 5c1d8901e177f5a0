// A portfolio of many journeys (issue 12): the table draws only the rows in and near its scroll
// box, yet every journey can be reached by scrolling and by the keyboard, a screen reader hears
// how many rows there are and where it is, and nothing of the table's height jumps.
import { describe, expect, it } from 'vitest';
import { buildTemplate } from '@klantreis/templates';
import { browserUnavailable, newContext } from './fixtures/browser.ts';
import { useBrowserAndServer } from './fixtures/browserAndServer.ts';

const unavailable = browserUnavailable();
const COUNT = 300;
const title = (n: number) => `Reis ${String(n).padStart(3, '0')}`;

describe.skipIf(unavailable !== null)('a portfolio of 300 journeys in Chromium', () => {
  const running = useBrowserAndServer(async (server) => {
    const workspaceId = (await server.server.access.firstWorkspace())!.id;
    for (let n = 0; n < COUNT; n++) {
      const doc = buildTemplate('ikea-visit', 'nl');
      doc.journey.title = title(n);
      await server.server.creator.fromDocument(doc, null, workspaceId);
    }
  }, 120_000);

  it('draws a window of rows, scrolls to the last journey, and tells the row count and each row’s place', async () => {
    const page = await (await newContext(running.browser, 'nl-NL')).newPage();
    await page.goto(`${running.server.url}/portfolio?sort=title`);
    const rows = page.getByTestId('portfolio-row');
    await rows.first().waitFor();
    expect(await page.getByTestId('portfolio-count').textContent()).toBe(`${COUNT} van ${COUNT} klantreizen`);
    const drawn = await rows.count();
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(COUNT / 2);
    expect(await page.getByTestId('portfolio-table').getAttribute('aria-rowcount')).toBe(String(COUNT + 1));
    expect(await rows.first().getAttribute('aria-rowindex')).toBe('2');

    const box = page.locator('.portfolio-scroll');
    const height = await box.evaluate((el) => el.scrollHeight);
    await box.evaluate((el) => (el.scrollTop = el.scrollHeight));
    const last = page.locator(`[data-testid="portfolio-row"][aria-rowindex="${COUNT + 1}"]`);
    await last.waitFor();
    expect(await last.locator('th a').textContent()).toBe(title(COUNT - 1));
    // Its bottom is the box's: the spacers stood for the rows not drawn, to the pixel once measured.
    await expect.poll(() => box.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(2);
    expect(Math.abs((await box.evaluate((el) => el.scrollHeight)) - height)).toBeLessThan(height * 0.1);
    expect(await rows.count()).toBeLessThan(COUNT / 2);

    // Back to the top: the first journey is drawn again.
    await box.evaluate((el) => (el.scrollTop = 0));
    await expect.poll(() => rows.first().locator('th a').textContent()).toBe(title(0));
    await page.context().close();
  });

  it('lets the keyboard walk past the rows first drawn: each Tab brings the next ones in', async () => {
    const page = await (await newContext(running.browser, 'en-US')).newPage();
    await page.goto(`${running.server.url}/portfolio?sort=title`);
    const rows = page.getByTestId('portfolio-row');
    await rows.first().waitFor();
    const firstDrawn = await rows.count();
    await rows.first().locator('th a').focus();
    // Title link, health light, then the row's selects and tags: walk until well past the window.
    let place = 2;
    for (let press = 0; press < 400 && place <= firstDrawn + 10; press++) {
      await page.keyboard.press('Tab');
      place = Number(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('aria-rowindex') ?? 0));
      expect(place, 'focus left the table').toBeGreaterThan(1);
    }
    expect(place).toBeGreaterThan(firstDrawn + 10);
    const focusedTitle = await page.evaluate(() => document.activeElement?.closest('tr')?.querySelector('th a')?.textContent);
    expect(focusedTitle).toBe(title(place - 2));
    await page.context().close();
  });
});
