// What the address bar's popup costs a browser test: Chromium 156 loads it (a web page of its
// own) for every new window, which every browser context is. Opens the small IKEA map in a new
// context until it is connected, `opens` times, in Chromium launched with the flags the tests use
// (e2e/fixtures/browser.ts) and with the same flags but the popup left on, alternated:
//   node bench/editor/browserFlags.ts [opens=8] [rounds=2]
// Prints the wall time and the CPU of Chromium's processes (the browser and all its children,
// also those that ended, through their parents' counts) for each.
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { buildTestServer } from '../../apps/server/src/testServer.ts';
import { CHROMIUM_PATH, chromiumFlags, playwrightDisabledFeatures } from '../../e2e/fixtures/browser.ts';
import { webDist } from '../../e2e/fixtures/webDist.ts';
import { authorizedFetch, sessionCookies } from '@klantreis/server/testCredentials';

const opens = Number(process.argv[2] ?? 8);
const rounds = Number(process.argv[3] ?? 2);
const VARIANTS: Record<string, string[]> = {
  'popup on (Playwright’s features only)': chromiumFlags(playwrightDisabledFeatures()),
  'popup off (the tests’ flags)': chromiumFlags(),
};

/** CPU time in ms of this process's Chromium and every process under it, those that ended and were reaped included. */
function chromiumCpuMs(): number {
  const stats = new Map<number, { parent: number; ticks: number; browser: boolean }>();
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ');
      const browser = readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('--remote-debugging-pipe');
      stats.set(Number(name), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]), browser });
    } catch {
      // ended while we looked
    }
  }
  const under = (pid: number): boolean => {
    const stat = stats.get(pid);
    if (!stat) return false;
    if (stat.browser && stat.parent === process.pid) return true;
    return under(stat.parent);
  };
  let ticks = 0;
  for (const [pid, stat] of stats) if (under(pid)) ticks += stat.ticks;
  return ticks * 10;
}

const server = await buildTestServer({ kind: 'sqlite' }, { webDist: process.env.KLANTREIS_BENCH_WEB_DIST ?? webDist() });
try {
  const created = await authorizedFetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateId: 'ikea-visit', locale: 'en' }) });
  const { id } = (await created.json()) as { id: string };
  for (let round = 1; round <= rounds; round++) {
    for (const [name, args] of Object.entries(VARIANTS)) {
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args });
      const cpuBefore = chromiumCpuMs();
      const started = performance.now();
      for (let i = 0; i < opens; i++) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        await context.addCookies(sessionCookies());
        const page = await context.newPage();
        await page.goto(`${server.url}/journeys/${id}`);
        await page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor();
        await context.close();
      }
      const wall = performance.now() - started;
      const cpu = chromiumCpuMs() - cpuBefore;
      console.log(`round ${round}, ${name}: ${opens} opens, ${Math.round(wall / opens)} ms each, Chromium CPU ${Math.round(cpu / opens)} ms each (load ${loadavg()[0]!.toFixed(2)})`);
      await browser.close();
    }
  }
} finally {
  await server.close();
}
