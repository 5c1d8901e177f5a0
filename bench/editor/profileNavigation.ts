// Where the time of opening the 200-step × 12-lane map goes: a CPU profile of the page from
// page.goto until the map is shown (bench/editor/mapShown.ts), summed by function (self time)
// and by the function's file, and the trace's main-thread time by category (script, layout, …):
//   node bench/editor/profileNavigation.ts [runs]
// With KLANTREIS_BENCH_FIRST_VISIT=1 every run is a new browser context, so a first visit (the
// browser has no copy of the map: the whole document comes over the socket).
import { startBigMapBench } from './bigMapBench.ts';
import { mapShown } from './mapShown.ts';
import { sessionCookies } from '@klantreis/server/testCredentials';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
const runs = Number(process.argv[2] ?? 3);
const { server, browser, id } = await startBigMapBench();
try {
  const firstVisit = process.env.KLANTREIS_BENCH_FIRST_VISIT === '1';
  const open = async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    await context.addCookies(sessionCookies());
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    return { context, page, cdp };
  };
  let { context, page, cdp } = await open();
  const self = new Map<string, number>();
  const byFile = new Map<string, number>();
  // Inclusive time by chain of callers of the functions named on the command line (after runs).
  const traced = process.argv.slice(3);
  const stacks = new Map<string, number>();
  // KLANTREIS_BENCH_UNDER=<function>: self time by function of the samples under that function only.
  const under = process.env.KLANTREIS_BENCH_UNDER;
  const selfUnder = new Map<string, number>();
  let total = 0;
  for (let run = 0; run < runs; run++) {
    if (firstVisit && run > 0) {
      await context.close();
      ({ context, page, cdp } = await open());
    }
    await cdp.send('Profiler.start');
    const started = performance.now();
    await page.goto(`${server.url}/journeys/${id}`);
    await page.waitForFunction(mapShown, undefined, { timeout: 30_000, polling: 'raf' });
    const ms = performance.now() - started;
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    profile.samples.forEach((sample, i) => {
      const node = nodes.get(sample)!;
      const dt = (profile.timeDeltas[i] ?? 0) / 1000;
      const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
      self.set(name, (self.get(name) ?? 0) + dt);
      const file = node.callFrame.url.split('/').pop() || node.callFrame.functionName;
      byFile.set(file, (byFile.get(file) ?? 0) + dt);
      const chain: string[] = [];
      for (let at: number | undefined = sample; at !== undefined; at = parent.get(at)) chain.push(nodes.get(at)!.callFrame.functionName || '(anonymous)');
      if (under && chain.includes(under)) {
        const own = chain.find((f) => /^[A-Z]/.test(f) && f !== node.callFrame.functionName);
        const key = `${name} (in ${own ?? '?'})`;
        selfUnder.set(key, (selfUnder.get(key) ?? 0) + dt);
      }
      const hit = chain.findIndex((f) => traced.includes(f));
      if (hit >= 0) {
        const key = chain.slice(hit, hit + 8).join(' < ');
        stacks.set(key, (stacks.get(key) ?? 0) + dt);
      }
    });
    total += ms;
    console.log(`run ${run + 1}: ${ms.toFixed(0)} ms`);
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${(v / runs).toFixed(1).padStart(7)} ms  ${k}`).join('\n');
  console.log(`mean navigation ${(total / runs).toFixed(0)} ms; main-thread samples per run, by file:\n${top(byFile, 12)}\nby function (self):\n${top(self, 30)}${under ? `\nself time under ${under}, with the nearest capitalised (component) caller:\n${top(selfUnder, 40)}` : ''}${traced.length ? `\ncallers of ${traced.join(', ')}:\n${top(stacks, 12)}` : ''}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
