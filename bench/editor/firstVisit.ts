// The first visit to the 200-step × 12-lane map (the browser has no copy of it yet), as a
// timeline by the page's clock: the socket's frames (sizes), the long tasks, the map drawn
// (mapShown(true): on a first visit the editor draws the server's copy the page asked for, which
// may come before its socket is live), and drawn and live (mapShown);
// and the server process's CPU while it loads and sends the map:
//   node bench/editor/firstVisit.ts [runs]
// Each run is a new browser context, so IndexedDB is empty, as on a first visit.
import { startBigMapBench } from './bigMapBench.ts';
import { mapShown } from './mapShown.ts';
import { taskSummary, type TraceEvent } from './traceTasks.ts';
import { sessionCookies } from '@klantreis/server/testCredentials';

const runs = Number(process.argv[2] ?? 3);
const { server, browser, id } = await startBigMapBench();
try {
  const shownAt: number[] = [];
  const drawnAt: number[] = [];
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
      const drawn = () => (${mapShown.toString()})(true);
      const shown = () => document.querySelector('[data-status="connected"]') !== null && drawn();
      window.klantreisLong = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.klantreisLong.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
      const check = () => {
        if (window.klantreisDrawnAt === undefined && drawn()) window.klantreisDrawnAt = performance.now();
        if (window.klantreisShownAt === undefined && shown()) window.klantreisShownAt = performance.now();
        if (window.klantreisShownAt === undefined) requestAnimationFrame(check);
        else window.klantreisDone = true;
      };
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
    await page.waitForFunction(() => 'klantreisDone' in window, undefined, { timeout: 30_000, polling: 'raf' });
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    console.log(`  main thread over 30 ms tasks: ${taskSummary(trace.traceEvents, 30)}`);
    const { shown, drawn, long, nav } = await page.evaluate(() => ({
      shown: (window as unknown as { klantreisShownAt: number }).klantreisShownAt,
      drawn: (window as unknown as { klantreisDrawnAt: number }).klantreisDrawnAt,
      long: (window as unknown as { klantreisLong: number[][] }).klantreisLong,
      nav: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.duration > 20).map((r) => `${Math.round(r.startTime)}–${Math.round(r.responseEnd)} ${r.name.split('/').slice(-2).join('/')}`),
    }));
    shownAt.push(shown);
    drawnAt.push(drawn);
    console.log(`run ${run + 1}: drawn at ${Math.round(drawn)} ms, live at ${Math.round(shown)} ms (page clock)`);
    console.log(`  long tasks [start, ms]: ${long.map(([s, d]) => `${s}+${d}`).join(', ')}`);
    console.log(`  frames (ms since navigation, by the network clock): ${frames.filter((f) => !f.includes(' 2 B') && !f.includes(' 3 B')).slice(0, 12).join('; ')}`);
    console.log(`  slow resources: ${nav.join('; ')}`);
    await context.close();
  }
  const median = (list: number[]) => `median ${Math.round([...list].sort((a, b) => a - b)[Math.floor(runs / 2)]!)} ms, all ${list.map(Math.round).join(', ')}`;
  console.log(`first visit by the page's clock: map drawn ${median(drawnAt)}; drawn and live ${median(shownAt)}`);
} finally {
  await browser.close();
  await server.close();
}
