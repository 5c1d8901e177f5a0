// A score edit appearing in a second tab, over the real server on loopback:
//   node bench/editor/scoreLatency.ts [edits]
// Tab A changes a step's score with the keyboard; tab B records when the curve point's score
// changes in its DOM. Both tabs share one browser, so they share one clock. Goal (issue 2): p95 < 50 ms.
import { buildTestServer } from '../../apps/server/src/testServer.ts';
import { launchBrowser } from '../../e2e/fixtures/browser.ts';
import { JourneyMapPage } from '../../e2e/fixtures/journeyMapPage.ts';
import { webDist } from '../../e2e/fixtures/webDist.ts';
import { authorizedFetch } from '@klantreis/server/testCredentials';

const edits = Number(process.argv[2] ?? 100);
const server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
const browser = await launchBrowser();
try {
  const created = await authorizedFetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateId: 'ikea-visit', locale: 'en' }) });
  const { id } = (await created.json()) as { id: string };
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const a = new JourneyMapPage(await context.newPage(), server.url);
  const b = new JourneyMapPage(await context.newPage(), server.url);
  await a.open(id);
  await b.open(id);
  const stepId = await a.page.locator('g.curve__point').first().getAttribute('data-step-id');
  const selector = `g.curve__point[data-step-id="${stepId}"]`;
  await b.page.evaluate((sel) => {
    const seen: number[] = [];
    (window as unknown as { seen: number[] }).seen = seen;
    new MutationObserver(() => seen.push(Date.now())).observe(document.querySelector('svg.curve')!, { attributes: true, subtree: true, attributeFilter: ['data-score'] });
    void sel;
  }, selector);

  const latencies: number[] = [];
  for (let i = 0; i < edits; i++) {
    const before = await b.page.evaluate(() => (window as unknown as { seen: number[] }).seen.length);
    const sentAt = await a.page.evaluate((sel) => {
      const point = document.querySelector<SVGGElement>(sel)!;
      const score = Number(point.getAttribute('data-score'));
      const key = score >= 2 ? 'ArrowDown' : score <= -2 ? 'ArrowUp' : Math.random() < 0.5 ? 'ArrowUp' : 'ArrowDown';
      const at = Date.now();
      point.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      return at;
    }, selector);
    await b.page.waitForFunction((n) => (window as unknown as { seen: number[] }).seen.length > n, before, { polling: 'raf', timeout: 5_000 });
    const seenAt = await b.page.evaluate((n) => (window as unknown as { seen: number[] }).seen[n]!, before);
    latencies.push(seenAt - sentAt);
    await new Promise((r) => setTimeout(r, 20));
  }
  const sorted = [...latencies].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  console.log(`score edit in tab A → visible in tab B (n=${edits}, loopback, goal p95 < 50 ms)`);
  console.log(`p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, max ${sorted.at(-1)} ms`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
