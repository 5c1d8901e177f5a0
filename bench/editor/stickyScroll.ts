// What the sticky phase and step rows and lane names (issue 14) cost while scrolling the
// 200-step × 12-lane map, against the same page with them switched off:
//   node bench/editor/stickyScroll.ts [rounds]
// One page, the variants alternated round by round, so that a busy machine weighs on each alike.
// Each pass scrolls 40 px a frame, 40 frames down and 60 to the right, after a first pass that
// has laid out every cell (content-visibility skips cells never shown).
import { buildTestServer } from '../../apps/server/src/testServer.ts';
import { launchBrowser } from '../../e2e/fixtures/browser.ts';
import { webDist } from '../../e2e/fixtures/webDist.ts';
import { bigJourney } from './bigJourney.ts';
import { mapShown } from './mapShown.ts';
import { authorizedFetch, sessionCookies } from '@klantreis/server/testCredentials';

const rounds = Number(process.argv[2] ?? 5);
// KLANTREIS_BENCH_VARIANTS='{"name": "css", …}' compares other style sheets the same way.
const VARIANTS: Record<string, string> = process.env.KLANTREIS_BENCH_VARIANTS ? (JSON.parse(process.env.KLANTREIS_BENCH_VARIANTS) as Record<string, string>) : {
  'sticky headers and lane names (as shipped)': '',
  'nothing sticky': '.map > * { position: relative !important; }',
};

const server = await buildTestServer({ kind: 'sqlite' }, { webDist: process.env.KLANTREIS_BENCH_WEB_DIST ?? webDist() });
const browser = await launchBrowser();
try {
  const response = await authorizedFetch(`${server.url}/api/journeys/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bigJourney(200, 3)) });
  const { id } = (await response.json()) as { id: string };
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await context.addCookies(sessionCookies());
  const page = await context.newPage();
  await page.goto(`${server.url}/journeys/${id}`);
  await page.waitForFunction(mapShown, undefined, { timeout: 60_000 });

  const pass = (css: string) =>
    page.evaluate(async (css) => {
      let style = document.getElementById('bench-variant');
      if (!style) {
        style = document.createElement('style');
        style.id = 'bench-variant';
        document.head.append(style);
      }
      style.textContent = css;
      const scroller = document.querySelector<HTMLElement>('.map-scroll')!;
      scroller.scrollTo({ left: 0, top: 0, behavior: 'instant' });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const times: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 100; i++) {
        if (i < 40) scroller.scrollTop += 40;
        else scroller.scrollLeft += 40;
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      return times;
    }, css);

  await pass('');
  const frames: Record<string, number[]> = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, css] of Object.entries(VARIANTS)) (frames[name] ??= []).push(...(await pass(css)));
  }
  console.log(`200 steps × 12 lanes, Chromium headless, 1600×1000, ${rounds} rounds of 100 frames each`);
  for (const [name, values] of Object.entries(frames)) {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
    const missed = values.filter((v) => v > 25).length;
    console.log(`${name}: median ${at(0.5)} ms, p95 ${at(0.95)} ms, frames over 25 ms ${missed} of ${values.length}`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
