// First visits to a small map (the IKEA template, 14 steps), as most maps are: from navigation
// until the editor is connected, each in a new browser context (nothing of the map in the
// browser), after a visit to the start page in that context (the app's own scripts in its HTTP
// cache, as firstVisit.ts does):
//   node bench/editor/smallMapVisit.ts [runs]
// KLANTREIS_BENCH_WEB_DIST compares two web builds, as for the other map benchmarks.
import { loadavg } from 'node:os';
import { buildTestServer } from '../../apps/server/src/testServer.ts';
import { launchBrowser } from '../../e2e/fixtures/browser.ts';
import { webDist } from '../../e2e/fixtures/webDist.ts';
import { authorizedFetch, sessionCookies } from '@klantreis/server/testCredentials';

const runs = Number(process.argv[2] ?? 5);
const server = await buildTestServer({ kind: 'sqlite' }, { webDist: process.env.KLANTREIS_BENCH_WEB_DIST ?? webDist() });
const browser = await launchBrowser();
try {
  const created = await authorizedFetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateId: 'ikea-visit', locale: 'en' }) });
  const { id } = (await created.json()) as { id: string };
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies(sessionCookies());
    const start = await context.newPage();
    await start.goto(`${server.url}/`);
    await start.close();
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${server.url}/journeys/${id}`);
    await page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor();
    times.push(Date.now() - started);
    await context.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`small map, first visit to connected: median ${sorted[Math.floor(sorted.length / 2)]} ms, all ${times.join(', ')} (load ${loadavg()[0]!.toFixed(2)})`);
} finally {
  await browser.close();
  await server.close();
}
