// From the sign-in page to an editor ready to edit (issue 10), in Chromium against the real
// server: type e-mail and password, sign in, open a journey from the list, until the map is
// in sync with the server. Each run is a fresh browser context (no cookie, cold page cache
// for the app's own files after the first run as a returning user has them).
// Run: node bench/access/signInToEditor.ts [runs=10]
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { TEST_OWNER } from '../../apps/server/src/testCredentials.ts';
import { buildTestServer } from '../../apps/server/src/testServer.ts';
import { CHROMIUM_PATH } from '../../e2e/fixtures/browser.ts';
import { webDist } from '../../e2e/fixtures/webDist.ts';

const runs = Number(process.argv[2] ?? 10);
const server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  await server.fetch('/api/journeys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateId: 'ikea-visit', locale: 'en' }) });
  const times: { signedIn: number; ready: number }[] = [];
  for (let run = 0; run <= runs; run++) {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByLabel('E-mail address').fill(TEST_OWNER.email);
    await page.getByLabel('Password').fill(TEST_OWNER.password);
    const started = performance.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Customer journeys' }).waitFor();
    const signedIn = performance.now() - started;
    await page.getByRole('link', { name: /IKEA/ }).first().click();
    // Ready: the map is drawn and the connection says everything is saved (in sync).
    await page.locator('[data-testid="step-head"]').first().waitFor();
    await page.locator('.status').filter({ hasText: /Saved|Opgeslagen/ }).first().waitFor();
    const ready = performance.now() - started;
    if (run > 0) times.push({ signedIn, ready }); // the first run warms the server and the browser
    await context.close();
  }
  const sorted = (key: 'signedIn' | 'ready') => times.map((t) => t[key]).sort((a, b) => a - b);
  const at = (values: number[], p: number) => values[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!.toFixed(0);
  console.log(`sign-in to editor ready, ${times.length} runs (after one warm-up):`);
  console.log(`  click "Sign in" → journeys list: median ${at(sorted('signedIn'), 50)} ms, p90 ${at(sorted('signedIn'), 90)} ms`);
  console.log(`  click "Sign in" → editor in sync: median ${at(sorted('ready'), 50)} ms, p90 ${at(sorted('ready'), 90)} ms`);
} finally {
  await browser.close();
  await server.close();
}
