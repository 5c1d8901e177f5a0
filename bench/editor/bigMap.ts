// A 200-step × 12-lane map in headless Chromium:
//   node bench/editor/bigMap.ts [runs]
// - navigation: from page.goto to the map shown (live, its full width, every step column in view
//   with its head and 12 filled cells; see mapShown); goal (issue 2) under 1 s;
// - a keystroke in a cell until the next frame is painted, on that map;
// - frame times while scrolling the map horizontally in 640 px jumps;
// - frame times while scrolling it as a person does, 40 px a frame, down to the last lane and
//   then to the right, with the phase and step rows and the lane names sticky (issue 14): from
//   requestAnimationFrame and from Chromium's own trace of the frames it drew.
import { buildTestServer } from '../../apps/server/src/testServer.ts';
import { launchBrowser } from '../../e2e/fixtures/browser.ts';
import { webDist } from '../../e2e/fixtures/webDist.ts';
import { bigJourney } from './bigJourney.ts';
import { mapShown } from './mapShown.ts';
import { taskSummary, type TraceEvent } from './traceTasks.ts';
import { authorizedFetch, sessionCookies } from '@klantreis/server/testCredentials';

const runs = Number(process.argv[2] ?? 5);
const server = await buildTestServer({ kind: 'sqlite' }, { webDist: process.env.KLANTREIS_BENCH_WEB_DIST ?? webDist() });
const browser = await launchBrowser();

function summary(label: string, values: number[], unit = 'ms') {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  console.log(`${label}: median ${at(0.5).toFixed(1)} ${unit}, p95 ${at(0.95).toFixed(1)} ${unit}, max ${sorted.at(-1)!.toFixed(1)} ${unit} (n=${values.length})`);
}

try {
  const journey = bigJourney(200, 3);
  const response = await authorizedFetch(`${server.url}/api/journeys/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(journey) });
  const { id } = (await response.json()) as { id: string };
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await context.addCookies(sessionCookies()); // the editor asks who is there before it opens a map
  const page = await context.newPage();
  await page.goto(`${server.url}/`); // warm the HTTP cache for the app's script, as a returning user has it

  const navigation: number[] = [];
  // The same moment by the page's clock (from its navigation start): this process also runs the
  // server, which answers the editor's first requests then, and can see the map shown late.
  const inPage: number[] = [];
  // An init script (the page's CSP allows no eval) tests mapShown in every frame and notes when.
  await page.addInitScript(`(() => {
    const shown = ${mapShown.toString()};
    const check = () => (shown() ? (window.klantreisShownAt = performance.now()) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  })()`);
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await page.goto(`${server.url}/journeys/${id}`);
    await page.waitForFunction(() => 'klantreisShownAt' in window, undefined, { timeout: 30_000, polling: 'raf' });
    navigation.push(performance.now() - started);
    inPage.push(await page.evaluate(() => (window as unknown as { klantreisShownAt: number }).klantreisShownAt));
  }

  // Typing: the time from a key press in a cell to the frame that shows it.
  const cell = page.locator('.cell[data-step-id]').nth(5);
  await cell.getByRole('button').click();
  const typing: number[] = [];
  for (let i = 0; i < 40; i++) {
    const ms = await page.evaluate(async () => {
      const area = document.querySelector<HTMLTextAreaElement>('.cell__input')!;
      const started = performance.now();
      area.setRangeText('x', area.value.length, area.value.length, 'end');
      area.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'x', inputType: 'insertText' }));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - started;
    });
    typing.push(ms);
  }

  // Scrolling: frame times while the map scrolls from left to right in 60 steps.
  const frames = await page.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>('.map-scroll')!;
    const times: number[] = [];
    let last = performance.now();
    for (let i = 1; i <= 60; i++) {
      scroller.scrollLeft = (scroller.scrollWidth - scroller.clientWidth) * (i / 60);
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return times;
  });

  // Scrolling as a person does: 40 px a frame, down through all lanes, then along the steps,
  // the sticky headers and lane names repositioned in every frame.
  await page.evaluate(() => document.querySelector<HTMLElement>('.map-scroll')!.scrollTo({ left: 0, top: 0, behavior: 'instant' }));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // KLANTREIS_BENCH_TASKS=1 also traces the main thread's tasks (more tracing: other frame times).
  const tasks = process.env.KLANTREIS_BENCH_TASKS === '1';
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline.frame', 'devtools.timeline', ...(tasks ? ['disabled-by-default-devtools.timeline'] : [])] });
  const smooth = await page.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>('.map-scroll')!;
    const times: number[] = [];
    let last = performance.now();
    const step = async (apply: () => boolean) => {
      for (;;) {
        const more = apply();
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        times.push(now - last);
        last = now;
        if (!more) return;
      }
    };
    await step(() => {
      scroller.scrollTop += 40;
      return scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1;
    });
    await step(() => {
      scroller.scrollLeft += 40;
      return scroller.scrollLeft < 4000;
    });
    // The headers really are in view at the end: the step row under the phase row, at the top.
    const box = scroller.getBoundingClientRect();
    const head = [...document.querySelectorAll('.map > .step-head')].find((el) => el.getBoundingClientRect().left > box.left + 200)!;
    const near = (el: Element, from: number, to: number) => el.getBoundingClientRect().top >= from && el.getBoundingClientRect().top <= to;
    const stuck = near(head, box.top, box.top + 300) && near(document.querySelector('.map > .phase')!, box.top - 1, box.top + 1);
    return { times, stuck };
  });
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const drawn = trace.traceEvents.filter((e) => e.name === 'DrawFrame').map((e) => e.ts / 1000).sort((a, b) => a - b);
  const traced = drawn.slice(1).map((t, i) => t - drawn[i]!);

  console.log('200 steps × 12 lanes (2,400 filled cells), Chromium headless, 1600×1000');
  summary('navigation to the map shown, live, every column in view filled (goal < 1000 ms)', navigation);
  summary('the same, by the clock of the page, from its navigation start', inPage);
  summary('keystroke in a cell to painted frame', typing);
  summary('frame time while scrolling in 640 px jumps', frames);
  summary('frame time scrolling 40 px a frame, sticky headers (requestAnimationFrame)', smooth.times);
  if (traced.length > 0) summary('frame time scrolling 40 px a frame, sticky headers (Chromium trace, DrawFrame)', traced);
  else console.log('Chromium trace: no DrawFrame events');
  const over = (values: number[]) => values.filter((v) => v > 1000 / 60 * 1.5).length;
  console.log(`frames over 25 ms (a missed 60 Hz frame): ${over(smooth.times)} of ${smooth.times.length} (requestAnimationFrame), ${over(traced)} of ${traced.length} (trace); headers stuck at the end: ${smooth.stuck}`);
  // What ran in the main thread's long tasks while scrolling 40 px a frame.
  if (tasks) console.log(`main-thread tasks over 16 ms while scrolling 40 px a frame: ${taskSummary(trace.traceEvents, 16)}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
