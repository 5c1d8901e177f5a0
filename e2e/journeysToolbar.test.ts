import { describe, expect, it } from 'vitest';
import { authorizedFetch, sessionCookies } from '../apps/server/src/testCredentials.ts';
import { browserUnavailable } from './fixtures/browser.ts';
import { violations } from './fixtures/axe.ts';
import { useBrowserAndServer } from './fixtures/browserAndServer.ts';

// Issue 14: the journeys list's toolbar is one row on a laptop and on a wide screen, in both languages.
const unavailable = browserUnavailable();
const LOCALES = ['nl-NL', 'en-US'] as const;
const WIDTHS = [1024, 1440] as const;

describe.skipIf(unavailable !== null)('the journeys list’s toolbar (issue 14)', () => {
  const running = useBrowserAndServer(async (server) => {
    // A second workspace, so the list shows the workspace picker beside "New workspace"; its long
    // name makes the picker as wide as it gets.
    await authorizedFetch(`${server.url}/api/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Klantenservice en nazorg Noord-Holland' }) });
    await authorizedFetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateId: 'ikea-visit', locale: 'nl' }) });
  });

  for (const width of WIDTHS) {
    for (const locale of LOCALES) {
      it(`is one row at ${width} px in ${locale}, with a workspace picker, every control named`, async () => {
        const context = await running.browser.newContext({ locale, viewport: { width, height: 800 } });
        await context.addCookies(sessionCookies());
        const page = await context.newPage();
        await page.goto(running.server.url);
        await page.locator('.workspace-picker select').waitFor();
        const tops = await page.locator('.journeys__head .toolbar > *').evaluateAll((els) =>
          els.filter((el) => el.getBoundingClientRect().width > 1).map((el) => ({ text: (el.textContent ?? '').trim(), top: Math.round(el.getBoundingClientRect().top) })),
        );
        expect(tops.map((t) => t.text)).toContain(locale === 'nl-NL' ? 'Prullenbak' : 'Trash');
        // One row: the controls' tops differ by a pixel or two (the picker is a little taller), not by a row.
        const spread = (values: number[]) => Math.max(...values) - Math.min(...values);
        expect(spread(tops.map((t) => t.top)), JSON.stringify(tops)).toBeLessThan(10);
        // A card's actions fit on one row too.
        const actions = await page.locator('.card__actions').first().locator('button').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
        expect(spread(actions)).toBeLessThan(10);
        // Shortened controls keep their full names for screen readers and as tooltips.
        const importName = locale === 'nl-NL' ? 'Bestand importeren (JSON of Mermaid)' : 'Import a file (JSON or Mermaid)';
        expect(await page.getByLabel(importName).count()).toBe(1);
        const newWorkspace = page.getByRole('button', { name: locale === 'nl-NL' ? 'Nieuwe werkruimte' : 'New workspace', exact: true });
        expect(await newWorkspace.getAttribute('title')).toBe(locale === 'nl-NL' ? 'Nieuwe werkruimte' : 'New workspace');
        // At 1024 px it shows a "+" (its name clipped to nothing), at 1440 px its name.
        if (width < 1280) {
          expect((await newWorkspace.boundingBox())!.width).toBeLessThan(48);
          expect(await newWorkspace.locator('.workspace-picker__plus').isVisible()).toBe(true);
        } else {
          expect((await newWorkspace.innerText()).trim()).toBe(locale === 'nl-NL' ? 'Nieuwe werkruimte' : 'New workspace');
        }
        await newWorkspace.click();
        await expect.poll(() => page.locator('dialog[open]').count()).toBe(1);
        await page.keyboard.press('Escape');
        expect(await violations(page)).toEqual([]);
        await context.close();
      }, 60_000);
    }
  }
});
