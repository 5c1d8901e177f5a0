// The task that draws the 200-step × 12-lane map on a first visit (the browser has no copy of
// it: the whole map comes over the socket) and what follows it until the map is shown, from a
// Chromium trace of each visit:
//   node bench/editor/firstFrame.ts [visits]
// Per visit: the map shown by the page's clock (mapShown.ts, tested in every frame), the last
// main-thread task over 150 ms before it (applying the server's answer and React's first render of
// the map) and the time from that task's start to the map shown, and the main thread's Layout and
// style (UpdateLayoutTree) until then. KLANTREIS_BENCH_WEB_DIST compares builds, run after run;
// KLANTREIS_BENCH_VARIANTS='{"name": "css", …}' adds style sheets to the page, visit by visit.
import { startBigMapBench } from './bigMapBench.ts';
import { mapShown } from './mapShown.ts';
import type { TraceEvent } from './traceTasks.ts';
import { sessionCookies } from '@klantreis/server/testCredentials';

const visits = Number(process.argv[2] ?? 3);
const variants = JSON.parse(process.env.KLANTREIS_BENCH_VARIANTS ?? '{"as built": ""}') as Record<string, string>;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const { server, browser, id } = await startBigMapBench();
const results = new Map<string, { shown: number; task: number; taskToShown: number; layout: number; style: number }[]>();
try {
  for (let visit = 0; visit < visits; visit++) {
    for (const [name, css] of Object.entries(variants)) {
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
      await context.addCookies(sessionCookies());
      const page = await context.newPage();
      await page.goto(`${server.url}/`); // the app's scripts in the HTTP cache
      await page.addInitScript(`(() => {
        const shown = ${mapShown.toString()};
        const css = ${JSON.stringify(css)};
        if (css) document.addEventListener('DOMContentLoaded', () => { const s = document.createElement('style'); s.textContent = css; document.head.append(s); });
        const check = () => (shown() ? (window.klantreisShownAt = performance.now(), console.timeStamp('klantreis-map-shown')) : requestAnimationFrame(check));
        requestAnimationFrame(check);
      })()`);
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
      await page.goto(`${server.url}/journeys/${id}`);
      await page.waitForFunction(() => 'klantreisShownAt' in window, undefined, { timeout: 30_000, polling: 'raf' });
      const events = (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
      const shown = await page.evaluate(() => (window as unknown as { klantreisShownAt: number }).klantreisShownAt);
      await context.close();
      // The page's main thread is the one that stamped the moment the map was shown.
      const stamp = events.find((e) => e.name === 'TimeStamp' && JSON.stringify(e.args).includes('klantreis-map-shown'));
      if (!stamp) throw new Error('no time stamp of the map shown in the trace');
      const onMain = events.filter((e) => e.pid === stamp.pid && e.tid === stamp.tid && e.ph === 'X' && e.ts <= stamp.ts);
      const sum = (name: string) => onMain.filter((e) => e.name === name).reduce((total, e) => total + (e.dur ?? 0) / 1000, 0);
      const task = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 150_000).at(-1);
      const row = { shown, task: (task?.dur ?? 0) / 1000, taskToShown: task ? (stamp.ts - task.ts) / 1000 : NaN, layout: sum('Layout'), style: sum('UpdateLayoutTree') };
      results.set(name, [...(results.get(name) ?? []), row]);
      console.log(`${name}, visit ${visit + 1}: shown at ${row.shown.toFixed(0)} ms; task ${row.task.toFixed(0)} ms, its start to shown ${row.taskToShown.toFixed(0)} ms; layout ${row.layout.toFixed(0)} ms, style ${row.style.toFixed(0)} ms until shown`);
    }
  }
  for (const [name, rows] of results) {
    const m = (key: keyof (typeof rows)[number]) => median(rows.map((r) => r[key])).toFixed(0);
    console.log(`${name}, medians of ${rows.length}: shown at ${m('shown')} ms; task ${m('task')} ms, its start to shown ${m('taskToShown')} ms; layout ${m('layout')} ms, style ${m('style')} ms`);
  }
} finally {
  await browser.close();
  await server.close();
}
