// The axe check every browser test leans on must itself find what it is for: a page with known
// WCAG failures gives those failures, and the same page mended gives none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { violations } from './fixtures/axe.ts';
import { browserUnavailable, launchBrowser, newContext } from './fixtures/browser.ts';

const unavailable = browserUnavailable();

const page = (mended: boolean) => `<!doctype html><html lang="en"><head><title>Axe check</title></head><body><main>
  <h1>Journeys</h1>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" ${mended ? 'alt="Curve"' : ''}>
  <p style="color:${mended ? '#333' : '#ccc'};background:#fff">Pale text</p>
  <label>${mended ? 'Title' : ''}<input type="text"></label>
  <h2>Steps</h2>${mended ? '' : '<h4>Skipped a level</h4>'}
</main></body></html>`;

describe.skipIf(unavailable !== null)('the axe check', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('names each rule a page breaks, and nothing once the page is mended', async () => {
    const tab = await (await newContext(browser, 'en-US', { signedIn: false })).newPage();
    await tab.setContent(page(false));
    const found = (await violations(tab)).map((line) => line.split(':')[0]);
    expect(found).toEqual(expect.arrayContaining(['image-alt', 'color-contrast', 'label']));
    await tab.setContent(page(true));
    expect(await violations(tab)).toEqual([]);
  });
});
