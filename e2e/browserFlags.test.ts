// The Chromium every browser test and benchmark drives (fixtures/browser.ts): each browser
// context is a new window, and Chromium 156 loaded the address bar's popup (a web page of its
// own) for each, which doubled the CPU of opening a map in a test. It is turned off, and the
// features Playwright turns off itself stay off.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserUnavailable, launchBrowser, NEEDLESS_FEATURES, playwrightDisabledFeatures } from './fixtures/browser.ts';

const unavailable = browserUnavailable();

/** The command lines of this process's Chromium browser processes (not their renderers). */
function browserCommandLines(): string[][] {
  const lines: string[][] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const parent = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      if (parent === process.pid && args.includes('--remote-debugging-pipe')) lines.push(args);
    } catch {
      // A process that ended while we looked.
    }
  }
  return lines;
}

describe.skipIf(unavailable !== null)('the Chromium the tests drive', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('opens no address-bar popup page for a new window', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('data:text/html,<p>map</p>');
    // The popup's pages were there within a second of the window in Chromium 156.
    await page.waitForTimeout(1_000);
    const session = await browser.newBrowserCDPSession();
    const { targetInfos } = await session.send('Target.getTargets', { filter: [{}] });
    expect(targetInfos.filter((target) => target.type === 'page').map((target) => target.url)).toEqual(['data:text/html,<p>map</p>']);
    expect(targetInfos.filter((target) => target.url.startsWith('chrome://')).map((target) => target.url)).toEqual([]);
    await context.close();
  });

  it("keeps Playwright's own disabled features in the one --disable-features Chromium reads (the last)", () => {
    const [args, ...others] = browserCommandLines();
    expect(others).toEqual([]);
    const last = args!.filter((arg) => arg.startsWith('--disable-features=')).at(-1)!;
    const disabled = last.slice('--disable-features='.length).split(',');
    expect(disabled).toEqual(expect.arrayContaining([...playwrightDisabledFeatures(), ...NEEDLESS_FEATURES]));
    expect(playwrightDisabledFeatures()).toEqual(expect.arrayContaining(['PaintHolding', 'ThirdPartyStoragePartitioning']));
  });
});
