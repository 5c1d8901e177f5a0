/**
 * The portfolio page with 1,000 journeys in headless Chromium (issue 12: rendered in under 1 s),
 * paired in one run with the journeys list (its cards with a small curve each) on the same
 * 1,000 journeys as the baseline. A real server on a SQLite store in a temporary folder holds
 * 1,000 journeys made from the templates (owners, statuses, tags spread over them); the roll-ups
 * are warmed once, as on a server that has been running. Each round opens, in turn:
 *   portfolio  /portfolio as the owner (an editor: every row has its inline selects)
 *   list       / until all 1,000 cards are in the list
 * each once from another site (a new renderer process first) and once from a page of the app,
 * timed in the page from the navigation's start to the animation frame after a screenful (the
 * portfolio's rows fill its scroll box; 60 cards) and after every journey can be seen (the
 * list's last card; the portfolio scrolled to its end and its last row drawn: it draws only the
 * rows in and near its box), the latter also from the API answer's end. Prints best and median
 * of each and the ratios of the medians.
 *   npm run build && node bench/portfolio/webRender.ts [rounds] [journeys]
 */
import { availableParallelism, loadavg } from 'node:os';
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
  /** Navigation start → the frame after the first screenful of rows (60): the table is there. */
  first: number;
  /** Navigation start → the frame after the last row. */
  total: number;
  /** The API answer's end → that frame: the page's own work on the data. */
  render: number;
}

/**
 * Where the visit comes from. From another site (about:blank) Chromium first starts a renderer
 * process for this one (site isolation), 0.2–0.4 s here before the page is read; a visit from a
 * page of the app itself (a reload, the address typed in a tab that was on it) reuses it.
 */
const FROMS = ['another site', 'this site'] as const;
type From = (typeof FROMS)[number];

/**
 * Opens `path` and times it in the page: `first` when a screenful is drawn (the portfolio's rows
 * reach the bottom of its scroll box, or 60 cards of the list are there), `total` when every
 * item can be seen: the list's last card is in the page; the portfolio, which draws only the
 * rows in and near its box, is then scrolled to its end and its last row drawn.
 */
async function timeRender(page: Page, from: From, path: string, api: string, selector: string, count: number): Promise<Timing> {
  await page.goto(from === 'another site' ? 'about:blank' : `${server.url}/api/health/live`);
  await page.goto(`${server.url}${path}`, { waitUntil: 'commit' });
  return page.evaluate(
    ({ selector, count, api }) =>
      new Promise<Timing>((resolve, reject) => {
        let first = 0;
        let scrolled = false;
        const gaveUp = setTimeout(() => reject(new Error(`${document.querySelectorAll(selector).length} of ${count} after 60 s at ${location.pathname}`)), 60_000);
        const screenful = (rows: NodeListOf<Element>) => {
          const box = document.querySelector('.portfolio-scroll');
          if (!box) return rows.length >= Math.min(60, count);
          return rows.length >= count || (rows.length > 0 && rows[rows.length - 1]!.getBoundingClientRect().bottom >= box.getBoundingClientRect().bottom);
        };
        const allThere = (rows: NodeListOf<Element>) => {
          const box = document.querySelector('.portfolio-scroll');
          if (!box) return rows.length >= count;
          if (!scrolled) {
            scrolled = true;
            box.scrollTop = box.scrollHeight;
          }
          return document.querySelector(`[data-testid="portfolio-row"][aria-rowindex="${count + 1}"]`) !== null;
        };
        const check = () => {
          const rows = document.querySelectorAll(selector);
          if (first === 0 && screenful(rows)) requestAnimationFrame(() => (first = performance.now()));
          if (first !== 0 && allThere(rows)) {
            clearTimeout(gaveUp);
            requestAnimationFrame(() => {
              const now = performance.now();
              const entry = performance.getEntriesByType('resource').filter((e) => new RegExp(api).test(e.name)).at(-1) as PerformanceResourceTiming | undefined;
              const script = performance.getEntriesByType('resource').find((e) => /\/assets\/index-.*\.js$/.test(e.name)) as PerformanceResourceTiming | undefined;
              const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
              console.log(JSON.stringify({ html: navigation?.responseEnd, script: script?.responseEnd, apiStart: entry?.startTime, apiEnd: entry?.responseEnd, first, rows: document.querySelectorAll(selector).length }));
              resolve({ first, total: now, render: entry ? now - entry.responseEnd : Number.NaN });
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
if (process.env.VERBOSE) page.on('console', (m) => console.log(m.text()));
const results = new Map<string, Timing[]>();
const visit = (which: 'portfolio' | 'list', from: From) =>
  which === 'portfolio'
    ? timeRender(page, from, '/portfolio', '/api/portfolio(\\?|$)', '[data-testid="portfolio-row"]', journeyCount)
    : timeRender(page, from, '/', '/api/journeys\\?', '.card', journeyCount);
try {
  // One unmeasured visit of each: the browser's cache holds the app's script and font after it.
  await visit('portfolio', 'this site');
  await visit('list', 'this site');
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['portfolio', 'list'] as const) : (['list', 'portfolio'] as const);
    for (const from of FROMS) {
      for (const which of order) {
        const key = `${which} from ${from}`;
        results.set(key, [...(results.get(key) ?? []), await visit(which, from)]);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const line = (values: number[]) => `best ${ms(sorted(values)[0]!)}, median ${ms(median(values))}`;
for (const from of FROMS) {
  for (const which of ['portfolio', 'list'] as const) {
    const r = results.get(`${which} from ${from}`)!;
    console.log(`${which.padEnd(9)} from ${from.padEnd(12)} a screenful: ${line(r.map((t) => t.first))} | all ${journeyCount} seen: ${line(r.map((t) => t.total))} (after the API answer: ${line(r.map((t) => t.render))})`);
  }
  const ratio = (key: 'first' | 'total') => median(results.get(`portfolio from ${from}`)!.map((t) => t[key])) / median(results.get(`list from ${from}`)!.map((t) => t[key]));
  console.log(`  portfolio / journeys list from ${from} (medians): a screenful ${ratio('first').toFixed(2)}x, all seen ${ratio('total').toFixed(2)}x; goal: the portfolio's table under 1,000 ms`);
}
console.log(`${rounds} rounds alternated, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores, node ${process.version}`);
