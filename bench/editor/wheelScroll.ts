// Scrolling the 200-step × 12-lane map with the mouse wheel, as a person does (issue 14: "scrolls
// at 60 fps, frame times from Chromium's tracing, with sticky headers"):
//   node bench/editor/wheelScroll.ts [rounds]
// Each round scrolls down through all lanes and then 4,000 px to the right at 2,400 px/s (40 px a
// frame at 60 Hz) with Chromium's own synthetic wheel gesture (`Input.synthesizeScrollGesture`,
// the gesture its smoothness benchmarks scroll with), and counts the frames Chromium drew
// (`DrawFrame` in its trace) that came more than 25 ms after the one before (a missed 60 Hz frame).
//
// Paired in the same browser, round by round, with the floor: a page of the same size with
// nothing to do, the same grid (the map's own column and row tracks, read from it) drawn whole
// as static HTML with the same texts, a sticky step row and sticky lane names, and no script. The
// wheel scrolls on Chromium's compositor thread; the floor is what that thread, the raster
// threads and the display compositor manage on this machine without any page work.
//
// It also checks, in every frame of the map's pass, that each step column reaching into the view
// is drawn (head and 12 filled cells, as mapShown): the columns are drawn by the page's script
// (columnWindow.ts) while the compositor scrolls, and a column that arrived late would show blank.
import type { Page } from 'playwright-core';
import { bigJourney } from './bigJourney.ts';
import { startBigMapBench } from './bigMapBench.ts';
import { mapShown } from './mapShown.ts';
import type { TraceEvent } from './traceTasks.ts';
import { sessionCookies } from '@klantreis/server/testCredentials';

const rounds = Number(process.argv[2] ?? 3);
const SPEED = 2400; // px/s: 40 px a frame at 60 Hz, as bigMap.ts scrolls by script
const RIGHT = 4000;
const MISSED = 25; // ms: over 1.5 frames of 60 Hz

const { server, browser, id } = await startBigMapBench();

interface Pass { gaps: number[]; blankFrames: number; frames: number; end: [number, number] }

/** One wheel pass over `scroller` in `page`: down to the end, then RIGHT px to the right. */
async function wheelPass(page: Page, scroller: string, watchColumns: boolean): Promise<Pass> {
  await page.bringToFront();
  await page.evaluate((selector) => document.querySelector(selector)!.scrollTo({ left: 0, top: 0, behavior: 'instant' }), scroller);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 400)));
  const box = (await page.locator(scroller).boundingBox())!;
  const down = await page.evaluate((selector) => { const s = document.querySelector(selector)!; return s.scrollHeight - s.clientHeight; }, scroller);
  // In the map, every frame: is each step column in view drawn? (An init script cannot see
  // mapShown's module, so its source goes along, as bigMap.ts does.)
  if (watchColumns) {
    await page.evaluate(`(() => {
      const shown = ${mapShown.toString()};
      window.klantreisWatch = { frames: 0, blank: 0, on: true };
      const tick = () => { const w = window.klantreisWatch; if (!w.on) return; w.frames++; if (!shown(true)) w.blank++; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })()`);
  }
  const cdp = await page.context().newCDPSession(page);
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  // Each gesture traced on its own: the pause between them (the next command's round trip) is
  // no frame of a scroll. Negative distances scroll down and to the right.
  const gaps: number[] = [];
  for (const distance of [{ yDistance: -down }, { xDistance: -RIGHT }]) {
    await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline.frame', 'devtools.timeline'] });
    await cdp.send('Input.synthesizeScrollGesture', { ...at, ...distance, speed: SPEED, gestureSourceType: 'mouse', preventFling: true });
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    const drawn = trace.traceEvents.filter((e) => e.name === 'DrawFrame').map((e) => e.ts / 1000).sort((a, b) => a - b);
    gaps.push(...drawn.slice(1).map((t, i) => t - drawn[i]!));
  }
  await cdp.detach();
  const watched = watchColumns
    ? await page.evaluate(() => { const w = (window as unknown as { klantreisWatch: { frames: number; blank: number; on: boolean } }).klantreisWatch; w.on = false; return w; })
    : { frames: 0, blank: 0 };
  const end = await page.evaluate((selector) => { const s = document.querySelector(selector)!; return [s.scrollLeft, s.scrollTop] as [number, number]; }, scroller);
  return { gaps, blankFrames: watched.blank, frames: watched.frames, end };
}

/** The floor: the map's grid drawn whole as static HTML, the same tracks and texts, sticky rows, no script. */
function floorPage(columns: string, rows: string, width: number, height: number, laneNames: string[], titles: string[], texts: string[][]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const heads = titles.map((title, i) => `<div class="h" style="grid-area:1/${i + 2}">${i + 1}. ${esc(title)}</div>`).join('');
  const lanes = laneNames.map((name, l) => `<div class="l" style="grid-area:${l + 2}/1">${esc(name)}</div>` + texts[l]!.map((text, i) => `<div class="c" style="grid-area:${l + 2}/${i + 2}">${esc(text)}</div>`).join('')).join('');
  return `<!doctype html><html lang="en"><style>
    body { margin: 0; font: 13.5px/1.35 Inter, system-ui, sans-serif; }
    #s { width: ${width}px; height: ${height}px; overflow: auto; background: #f4f6f7; }
    #g { display: grid; grid-template-columns: ${columns}; grid-template-rows: ${rows}; width: max-content; }
    .h { position: sticky; top: 0; z-index: 5; background: #fff; border-left: 1px solid #dde3e6; padding: 8px; font-weight: 600; box-shadow: 0 1px 0 #cfd8dc; }
    .l { position: sticky; left: 0; z-index: 3; background: #fff; border-right: 1px solid #cfd8dc; padding: 8px 10px; font-weight: 650; }
    .c { background: #fff; border-left: 1px solid #dde3e6; border-bottom: 1px solid #cfd8dc; padding: 8px 10px; overflow-wrap: anywhere; }
  </style><div id="s"><div id="g">${heads}${lanes}</div></div></html>`;
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms, over ${MISSED} ms ${values.filter((v) => v > MISSED).length} of ${values.length}`;
}

try {
  // The same journey as the one imported, for the floor's texts (its ids differ; its words do not).
  const journey = bigJourney(200, 3);
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await context.addCookies(sessionCookies());
  const page = await context.newPage();
  await page.goto(`${server.url}/journeys/${id}`);
  await page.waitForFunction(mapShown, undefined, { timeout: 60_000 });
  await page.waitForTimeout(1000); // the sizers and the columns beyond the view follow the first frame
  // KLANTREIS_BENCH_MAP_CSS adds a style sheet to the map's page (to try a change of style).
  if (process.env.KLANTREIS_BENCH_MAP_CSS) await page.addStyleTag({ content: process.env.KLANTREIS_BENCH_MAP_CSS });

  // The floor takes the map's geometry as laid out: its tracks, the scroller's size.
  const geometry = await page.evaluate(() => {
    const map = document.querySelector<HTMLElement>('.map')!;
    const scroller = document.querySelector<HTMLElement>('.map-scroll')!;
    const style = getComputedStyle(map);
    return { columns: style.gridTemplateColumns, rows: style.gridTemplateRows, width: scroller.clientWidth, height: scroller.clientHeight };
  });
  const rowCount = geometry.rows.split(' ').length;
  const laneNames = journey.lanes.map((lane) => lane.name || lane.kind);
  const steps = journey.steps; // in order: bigJourney adds them phase by phase
  const texts = journey.lanes.map((lane) => steps.map((step) => journey.cells.find((cell) => cell.laneId === lane.id && cell.stepId === step.id)?.text ?? ''));
  // Lanes sit in the map's last rows (above them: phases, steps, the curve); the floor puts its
  // step row first and the lanes under it, in the same number of rows.
  const lanesRows = geometry.rows.split(' ').slice(rowCount - laneNames.length).join(' ');
  const headRows = geometry.rows.split(' ').slice(0, rowCount - laneNames.length);
  const headHeight = headRows.reduce((sum, h) => sum + Number.parseFloat(h), 0);
  const floor = await context.newPage();
  await floor.setContent(floorPage(geometry.columns, `${headHeight}px ${lanesRows}`, geometry.width, geometry.height, laneNames, steps.map((s) => s.title), texts));
  const floorSize = await floor.evaluate(() => { const s = document.getElementById('s')!; return [s.scrollWidth, s.scrollHeight]; });
  const mapSize = await page.evaluate(() => { const s = document.querySelector('.map-scroll')!; return [s.scrollWidth, s.scrollHeight]; });

  const results: Record<'map' | 'floor', Pass[]> = { map: [], floor: [] };
  for (let round = 0; round < rounds; round++) {
    results.map.push(await wheelPass(page, '.map-scroll', true));
    results.floor.push(await wheelPass(floor, '#s', false));
  }
  console.log(`200 steps × 12 lanes, Chromium headless, 1600×1000, the mouse wheel at ${SPEED} px/s down through the lanes and ${RIGHT} px right, ${rounds} rounds alternated`);
  console.log(`scroll area: map ${mapSize.join(' × ')} px, floor ${floorSize.join(' × ')} px`);
  for (const [name, passes] of Object.entries(results)) {
    for (const [i, pass] of passes.entries()) {
      const blank = name === 'map' ? `; frames with a column in view not drawn: ${pass.blankFrames} of ${pass.frames}` : '';
      console.log(`${name}, round ${i + 1} (ended at ${pass.end.join(', ')}): ${summary(pass.gaps)}${blank}`);
    }
    console.log(`${name}, all rounds: ${summary(passes.flatMap((p) => p.gaps))}`);
  }
  const missed = (passes: Pass[]) => passes.flatMap((p) => p.gaps).filter((g) => g > MISSED).length;
  console.log(`frames over ${MISSED} ms, map / floor: ${missed(results.map)} / ${missed(results.floor)}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
