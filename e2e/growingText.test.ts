// A phase's name and moment of truth grow with their text in every browser: Chromium by CSS
// (`field-sizing: content`), the others by GrowingTextarea. Here Chromium is made to behave like
// a browser without field-sizing (the property forced off, CSS.supports saying no), and the long
// texts of a one-step phase must still be shown whole, also after the text changes.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildTemplate } from '@klantreis/templates';
import { browserUnavailable, newContext } from './fixtures/browser.ts';
import { useBrowserAndServer } from './fixtures/browserAndServer.ts';

const unavailable = browserUnavailable();

const LONG_NAME = 'Naar het zelfbedieningsmagazijn en de kassa, met een volle kar en twee kinderen';
const LONG_MOMENT = 'De klant beslist hier of hij terugkomt: vindt hij alles op de plek die de lijst noemt, of zoekt hij een kwartier';

/** Every textarea of the phase headers: how tall it is against how tall its text is. */
function cutTexts(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLTextAreaElement>('.phase textarea')]
      .filter((area) => area.scrollHeight > area.clientHeight + 1)
      .map((area) => `${area.value.slice(0, 30)}…: ${area.clientHeight} of ${area.scrollHeight} px`),
  );
}

describe.skipIf(unavailable !== null)('phase texts that grow without CSS field-sizing, in Chromium', () => {
  const running = useBrowserAndServer();

  it.each([true, false])('field-sizing known to the browser: %s; long names and moments of truth are shown whole', async (known) => {
    const doc = buildTemplate('ikea-visit', 'nl');
    const phase = doc.phases.find((p) => doc.steps.filter((s) => s.phaseId === p.id).length === 1) ?? doc.phases[0]!;
    phase.name = LONG_NAME;
    phase.momentOfTruth = LONG_MOMENT;
    const workspaceId = (await running.server.server.access.firstWorkspace())!.id;
    const id = await running.server.server.creator.fromDocument(doc, null, workspaceId);

    const context = await newContext(running.browser, 'nl-NL');
    if (!known) {
      await context.addInitScript(() => {
        const supports = CSS.supports.bind(CSS);
        CSS.supports = ((...args: [string, string?]) => (/field-sizing/.test(args[0]) ? false : supports(...(args as [string, string])))) as typeof CSS.supports;
        document.addEventListener('DOMContentLoaded', () => {
          const style = document.createElement('style');
          style.textContent = 'textarea { field-sizing: fixed !important; }';
          document.head.append(style);
        });
      });
    }
    const page = await context.newPage();
    await page.goto(`${running.server.url}/journeys/${id}`);
    const name = page.locator(`[data-phase-id="${phase.id}"] textarea.phase__name`);
    await name.waitFor();
    expect(await name.inputValue()).toBe(LONG_NAME);
    expect(await page.evaluate(() => CSS.supports('field-sizing', 'content'))).toBe(known);
    await expect.poll(() => cutTexts(page)).toEqual([]);
    // More than one line each: the phase is narrower than the text.
    const lineHeight = await name.evaluate((area) => parseFloat(getComputedStyle(area).lineHeight));
    expect((await name.boundingBox())!.height).toBeGreaterThan(2 * lineHeight);

    // Typed longer, and the height follows.
    const before = (await name.boundingBox())!.height;
    await name.click();
    await page.keyboard.press('End');
    await page.keyboard.type(', en dan nog naar het restaurant voor de gehaktballen');
    await expect.poll(async () => (await name.boundingBox())!.height).toBeGreaterThan(before);
    expect(await cutTexts(page)).toEqual([]);
    await context.close();
  });
});
