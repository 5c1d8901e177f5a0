/**
 * The portfolio page with 1,000 journeys in headless Chromium (issue 12: rendered in under 1 s),
 * paired in one run with the journeys list (its cards with a small curve each) on the same
 * 1,000 journeys as the baseline. A real server on a SQLite store in a temporary folder holds
 * 1,000 journeys made from the templates (owners, statuses, tags spread over them); the roll-ups
 * are warmed once, as on a server that has been running. Each round opens, in turn:
 *   portfolio  /portfolio as the owner (an editor: every row has its inline selects), until all
 *              1,000 rows are in the table
 *   list       / until all 1,000 cards are in the list
 * timed in the page from the navigation's start to the first animation frame after the last row
 * is there, and split into the API answer's end and the render after it. Prints best and median
 * of each and the ratio of the medians.
 *   npm run build && node bench/portfolio/webRender.ts [rounds] [journeys]
 */
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { buildTemplate, TEMPLATE_IDS } from '@klantreis/templates';
import { JOURNEY_STATUSES } from '@klantreis/schema';
import { buildTestServer } from '@klantreis/server/testServer';
import { sessionCookies } from '@klantreis/server/testCredentials';
import { launchBrowser } from '../../e2e/fixtures/browser.ts';
import { webDist } from '../../e2e/fixtures/webDist.ts';

const rounds = Number(process.argv[2] ?? 7);
const journeyCount = Number(process.argv[3] ?? 1000);
const TAGS = ['digitaal', 'balie', 'telefoon', 'lidmaatschap', 'hypotheek', 'onboarding'];

const server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
const workspaceId = (await server.server.access.firstWorkspace())!.id;
const ownerId = (await server.server.access.findUserByEmail('owner@klantreis.test'))!.id;

const started = performance.now();
for (let n = 0; n < journeyCount; n++) {
  const doc = buildTemplate(TEMPLATE_IDS[n % TEMPLATE_IDS.length]!, n % 2 === 0 ? 'nl' : 'en');
  Object.assign(doc.journey, {
    title: `${doc.journey.title} ${n}`,
    ownerId: n % 3 === 0 ? ownerId : null,
    owner: n % 3 === 0 ? '' : `Team ${n % 17}`,
    status: JOURNEY_STATUSES[n % JOURNEY_STATUSES.length],
    tags: [...new Set([TAGS[n % TAGS.length]!, TAGS[(n * 7) % TAGS.length]!])],
  });
  await server.server.creator.fromDocument(doc, null, workspaceId);
}
const warm = performance.now();
const answer = await server.fetch(`/api/portfolio?workspace=${workspaceId}`);
const journeys = ((await answer.json()) as { journeys: unknown[] }).journeys.length;
console.log(`store: ${journeyCount} journeys made in ${((warm - started) / 1000).toFixed(1)} s; roll-ups warmed in ${((performance.now() - warm) / 1000).toFixed(1)} s (${journeys} in the portfolio)`);

interface Timing {
  /** Navigation start → the frame after the last row: what the person waits. */
  total: number;
  /** The API answer's end → that frame: the page's own work on the data. */
  render: number;
}

/** Opens `path` and times it in the page until `selector` matches `count` elements. */
async function timeRender(page: Page, path: string, api: string, selector: string, count: number): Promise<Timing> {
  await page.goto('about:blank');
  await page.goto(`${server.url}${path}`, { waitUntil: 'commit' });
  return page.evaluate(
    ({ selector, count, api }) =>
      new Promise<Timing>((resolve) => {
        const check = () => {
          if (document.querySelectorAll(selector).length >= count) {
            requestAnimationFrame(() => {
              const now = performance.now();
              const entry = performance.getEntriesByType('resource').filter((e) => e.name.includes(api)).at(-1) as PerformanceResourceTiming | undefined;
              resolve({ total: now, render: entry ? now - entry.responseEnd : Number.NaN });
            });
          } else requestAnimationFrame(check);
        };
        check();
      }),
    { selector, count, api },
  );
}

const browser = await launchBrowser();
const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1440, height: 900 } });
await context.addCookies(sessionCookies());
const page = await context.newPage();
const results = { portfolio: [] as Timing[], list: [] as Timing[] };
try {
  // One unmeasured visit of each: the browser's cache holds the app's script and font after it.
  await timeRender(page, '/portfolio', '/api/portfolio?', '[data-testid="portfolio-row"]', journeyCount);
  await timeRender(page, '/', '/api/journeys?', '.card', journeyCount);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['portfolio', 'list'] as const) : (['list', 'portfolio'] as const);
    for (const which of order) {
      const timing =
        which === 'portfolio'
          ? await timeRender(page, '/portfolio', '/api/portfolio?', '[data-testid="portfolio-row"]', journeyCount)
          : await timeRender(page, '/', '/api/journeys?', '.card', journeyCount);
      results[which].push(timing);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;
for (const which of ['portfolio', 'list'] as const) {
  const totals = results[which].map((t) => t.total);
  const renders = results[which].map((t) => t.render);
  console.log(`${which.padEnd(9)} to the rendered ${which === 'portfolio' ? 'table' : 'list '}: best ${ms(sorted(totals)[0]!)}, median ${ms(median(totals))}; of which after the API answer: best ${ms(sorted(renders)[0]!)}, median ${ms(median(renders))}`);
}
const ratio = median(results.portfolio.map((t) => t.total)) / median(results.list.map((t) => t.total));
console.log(`portfolio / journeys list (median): ${ratio.toFixed(2)}x; goal: the portfolio under 1,000 ms; ${rounds} rounds, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}, node ${process.version}`);
