// The first visit to the 200-step × 12-lane map (the browser has no copy of it yet), as a
// timeline by the page's clock: the socket's frames (sizes), the long tasks, the map shown;
// and the server process's CPU while it loads and sends the map:
//   node bench/editor/firstVisit.ts [runs]
// Each run is a new browser context, so IndexedDB is empty, as on a first visit.
import { buildTestServer } from '../../apps/server/src/testServer.ts';
import { launchBrowser } from '../../e2e/fixtures/browser.ts';
import { webDist } from '../../e2e/fixtures/webDist.ts';
import { bigJourney } from './bigJourney.ts';
import { mapShown } from './mapShown.ts';
import { authorizedFetch, sessionCookies } from '@klantreis/server/testCredentials';

interface TraceEvent { name: string; ts: number; dur?: number; ph: string; tid: number; pid: number; args?: { data?: { frame?: string } } }

/** The renderer main thread's tasks of 30 ms or more, each by what ran in it (the top-level events' names). */
function taskSummary(events: TraceEvent[]): string {
  const main = events.find((e) => e.name === 'thread_name' && (e as unknown as { args: { name: string } }).args.name === 'CrRendererMain');
  const onMain = events.filter((e) => main && e.tid === main.tid && e.pid === main.pid && e.ph === 'X');
  const start = Math.min(...events.filter((e) => e.name === 'navigationStart' || e.name === 'TracingStartedInBrowser').map((e) => e.ts));
  const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) >= 30_000);
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && e.name !== 'RunTask');
    // Time by name of the events not inside another event of this task (the top level).
    const sums = new Map<string, number>();
    const tops = inside.filter((e) => !inside.some((o) => o !== e && o.ts <= e.ts && o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0) && (o.dur ?? 0) > (e.dur ?? 0)));
    for (const e of tops) sums.set(e.name, (sums.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    // And the layout and style inside scripts (forced).
    const forced = inside.filter((e) => (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && !tops.includes(e)).reduce((n, e) => n + (e.dur ?? 0) / 1000, 0);
    const parts = [...sums].filter(([, v]) => v >= 3).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
    return `\n    ${Math.round((task.ts - start) / 1000)}+${Math.round((task.dur ?? 0) / 1000)}: ${parts}${forced > 3 ? ` (forced style/layout in scripts ${forced.toFixed(0)})` : ''}`;
  }).join('');
}

const runs = Number(process.argv[2] ?? 3);
const server = await buildTestServer({ kind: 'sqlite' }, { webDist: process.env.KLANTREIS_BENCH_WEB_DIST ?? webDist() });
const browser = await launchBrowser();
try {
  const response = await authorizedFetch(`${server.url}/api/journeys/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bigJourney(200, 3)) });
  const { id } = (await response.json()) as { id: string };
  const shownAt: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    await context.addCookies(sessionCookies());
    const page = await context.newPage();
    await page.goto(`${server.url}/`); // the app's scripts in the HTTP cache
    // KLANTREIS_BENCH_AGAIN=1: the second visit instead (the browser's copy of the map is there).
    if (process.env.KLANTREIS_BENCH_AGAIN === '1') {
      await page.goto(`${server.url}/journeys/${id}`);
      await page.waitForFunction(mapShown, undefined, { timeout: 30_000, polling: 'raf' });
      await page.waitForTimeout(1_500); // the copy stored
      await page.goto(`${server.url}/`);
    }
    await page.addInitScript(`(() => {
      const shown = ${mapShown.toString()};
      window.klantreisLong = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.klantreisLong.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
      const check = () => (shown() ? (window.klantreisShownAt = performance.now()) : requestAnimationFrame(check));
      requestAnimationFrame(check);
    })()`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const frames: string[] = [];
    let origin = 0;
    cdp.on('Network.requestWillBeSent', (e) => {
      if (e.type === 'Document') origin = e.timestamp;
    });
    const at = (ts: number) => Math.round((ts - origin) * 1000);
    cdp.on('Network.webSocketCreated', () => frames.push(`socket created`));
    cdp.on('Network.webSocketFrameSent', (e) => frames.push(`${at(e.timestamp)} sent ${Math.round(e.response.payloadData.length * 0.75)} B`));
    cdp.on('Network.webSocketFrameReceived', (e) => frames.push(`${at(e.timestamp)} received ${Math.round(e.response.payloadData.length * 0.75)} B`));
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await page.goto(`${server.url}/journeys/${id}`);
    await page.waitForFunction(() => 'klantreisShownAt' in window, undefined, { timeout: 30_000, polling: 'raf' });
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    console.log(`  main thread over 30 ms tasks: ${taskSummary(trace.traceEvents)}`);
    const { shown, long, nav } = await page.evaluate(() => ({
      shown: (window as unknown as { klantreisShownAt: number }).klantreisShownAt,
      long: (window as unknown as { klantreisLong: number[][] }).klantreisLong,
      nav: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.duration > 20).map((r) => `${Math.round(r.startTime)}–${Math.round(r.responseEnd)} ${r.name.split('/').slice(-2).join('/')}`),
    }));
    shownAt.push(shown);
    console.log(`run ${run + 1}: shown at ${Math.round(shown)} ms (page clock)`);
    console.log(`  long tasks [start, ms]: ${long.map(([s, d]) => `${s}+${d}`).join(', ')}`);
    console.log(`  frames (ms since navigation, by the network clock): ${frames.filter((f) => !f.includes(' 2 B') && !f.includes(' 3 B')).slice(0, 12).join('; ')}`);
    console.log(`  slow resources: ${nav.join('; ')}`);
    await context.close();
  }
  shownAt.sort((a, b) => a - b);
  console.log(`first visit, map shown by the page's clock: median ${Math.round(shownAt[Math.floor(runs / 2)]!)} ms, all ${shownAt.map(Math.round).join(', ')}`);
} finally {
  await browser.close();
  await server.close();
}
