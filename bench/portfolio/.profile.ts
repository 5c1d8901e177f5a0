import { buildTemplate, TEMPLATE_IDS } from '@klantreis/templates';
import { JOURNEY_STATUSES } from '@klantreis/schema';
import { buildTestServer } from '@klantreis/server/testServer';
import { sessionCookies } from '@klantreis/server/testCredentials';
import { launchBrowser } from '../../e2e/fixtures/browser.ts';
import { webDist } from '../../e2e/fixtures/webDist.ts';
const server = await buildTestServer({ kind: 'sqlite' }, { webDist: process.env.WEB_DIST ?? webDist() });
const workspaceId = (await server.server.access.firstWorkspace())!.id;
const ownerId = (await server.server.access.findUserByEmail('owner@klantreis.test'))!.id;
for (let n = 0; n < 1000; n++) {
  const doc = buildTemplate(TEMPLATE_IDS[n % TEMPLATE_IDS.length]!, 'nl');
  Object.assign(doc.journey, { title: `${doc.journey.title} ${n}`, ownerId: n % 3 === 0 ? ownerId : null, status: JOURNEY_STATUSES[n % 6], tags: ['a', 'b'] });
  await server.server.creator.fromDocument(doc, null, workspaceId);
}
await server.fetch(`/api/portfolio?workspace=${workspaceId}`);
const browser = await launchBrowser();
const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1440, height: 900 } });
await context.addCookies(sessionCookies());
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Performance.enable');
if (process.env.PROFILE) {
  await page.goto(`${server.url}/portfolio`);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="portfolio-row"]').length >= 1000, null, { polling: 100, timeout: 60000 });
  await page.goto('about:blank');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(`${server.url}/portfolio`);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="portfolio-row"]').length >= 1000, null, { polling: 100, timeout: 60000 });
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const n = byId.get(id)!;
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms ${k}`).join('\n'));
}
for (const path of process.argv.slice(2)) {
  for (let i = 0; i < 3; i++) {
    await page.goto('about:blank');
    const before = (await cdp.send('Performance.getMetrics')).metrics;
    const t0 = Date.now();
    await page.goto(`${server.url}${path}`);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="portfolio-row"], .card').length >= 1000, null, { polling: 100, timeout: 60000 });
    const after = (await cdp.send('Performance.getMetrics')).metrics;
    const get = (m: typeof after, name: string) => m.find((x) => x.name === name)?.value ?? 0;
    console.log(path, Date.now() - t0, 'ms', ['ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'TaskDuration'].map((n) => `${n} ${((get(after, n) - get(before, n)) * 1000).toFixed(0)}`).join(' '), 'nodes', get(after, 'Nodes'));
  }
}
await browser.close();
await server.close();
