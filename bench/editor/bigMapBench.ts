import type { Browser } from 'playwright-core';
import { buildTestServer, type TestServer } from '../../apps/server/src/testServer.ts';
import { launchBrowser } from '../../e2e/fixtures/browser.ts';
import { webDist } from '../../e2e/fixtures/webDist.ts';
import { authorizedFetch } from '@klantreis/server/testCredentials';
import { bigJourney } from './bigJourney.ts';

/**
 * A test server serving the built web app (or `KLANTREIS_BENCH_WEB_DIST`, to compare two
 * builds), Chromium, and the 200-step × 12-lane journey imported: what the map's browser
 * benchmarks start from.
 */
export async function startBigMapBench(): Promise<{ server: TestServer; browser: Browser; id: string }> {
  const server = await buildTestServer({ kind: 'sqlite' }, { webDist: process.env.KLANTREIS_BENCH_WEB_DIST ?? webDist() });
  const browser = await launchBrowser();
  const response = await authorizedFetch(`${server.url}/api/journeys/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bigJourney(200, 3)) });
  const { id } = (await response.json()) as { id: string };
  return { server, browser, id };
}
