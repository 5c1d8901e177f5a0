/**
 * The journey portfolio of 1,000 journeys (issue 12), paired in one run. A real server on a
 * SQLite store in a temporary folder holds 1,000 journeys made from the templates (owners,
 * tags, statuses spread over them), 50 of them with an imported event log and survey answers.
 * Each round measures, in turn:
 *   warm     GET /api/portfolio, the roll-ups cached (the figure; goal: the API well under 1 s)
 *   cold     GET /api/portfolio after emptying journey_rollups: every snapshot evaluated and the
 *            50 measured journeys measured in DuckDB again (what the cache saves)
 *   plain    what a client has without the portfolio: GET /api/journeys, then per journey
 *            GET /api/journeys/:id/evaluation, and GET …/metrics for the measured ones,
 *            eight requests at a time
 * and prints best and median wall time of each and the ratios of the medians.
 *   node bench/portfolio/portfolioBench.ts [rounds] [journeys] [measured] [--postgres]
 * With --postgres the store is a throwaway PostgreSQL cluster (as the tests start it) instead of SQLite.
 */
import { loadavg } from 'node:os';
import { buildTemplate, TEMPLATE_IDS } from '@klantreis/templates';
import type { PortfolioResponse } from '@klantreis/core/contracts';
import { JOURNEY_STATUSES, type JourneyDocument } from '@klantreis/schema';
import { buildTestServer, type Backend } from '@klantreis/server/testServer';
import { startPostgres } from '../../testing/postgresServer.ts';

const onPostgres = process.argv.includes('--postgres');
const [roundsArg, journeysArg, measuredArg] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const rounds = Number(roundsArg ?? 5);
const journeyCount = Number(journeysArg ?? 1000);
const measuredCount = Number(measuredArg ?? 50);
const TAGS = ['digitaal', 'balie', 'telefoon', 'lidmaatschap', 'hypotheek', 'onboarding'];

const postgres = onPostgres ? await startPostgres() : null;
if (postgres && 'unavailable' in postgres) throw new Error(`PostgreSQL: ${postgres.unavailable}`);
const backend: Backend = postgres ? { kind: 'postgres', adminUrl: postgres.url } : { kind: 'sqlite' };
const server = await buildTestServer(backend);
const workspaceId = (await server.server.access.firstWorkspace())!.id;
const ownerId = (await server.server.access.findUserByEmail('owner@klantreis.test'))!.id;

/** A template with this journey's title, owner, status and tags; the measured ones get an activity mapping. */
function benchJourney(n: number, measured: boolean): JourneyDocument {
  const doc = buildTemplate(TEMPLATE_IDS[n % TEMPLATE_IDS.length]!, n % 2 === 0 ? 'nl' : 'en');
  Object.assign(doc.journey, {
    title: `${doc.journey.title} ${n}`,
    ownerId: n % 3 === 0 ? ownerId : null,
    owner: n % 3 === 0 ? '' : `Team ${n % 17}`,
    status: JOURNEY_STATUSES[n % JOURNEY_STATUSES.length],
    tags: [TAGS[n % TAGS.length]!, TAGS[(n * 7) % TAGS.length]!].filter((tag, i, all) => all.indexOf(tag) === i),
  });
  if (measured) {
    const steps = doc.steps.slice(0, 4);
    steps.forEach((step, i) => Object.assign(step, { activityPatterns: [`activity ${i}`], journeyEnd: i === steps.length - 1 }));
  }
  return doc;
}

/** 300 cases over three months; a third stop after the second step. */
function eventLog(): string {
  const lines = ['case:concept:name,concept:name,time:timestamp'];
  for (let c = 0; c < 300; c++) {
    const month = 1 + (c % 3);
    const day = 1 + (c % 27);
    const steps = c % 3 === 0 ? 2 : 4;
    for (let s = 0; s < steps; s++) lines.push(`${c},activity ${s},2026-0${month}-${String(day).padStart(2, '0')} ${String(9 + s).padStart(2, '0')}:${String(c % 60).padStart(2, '0')}:00`);
  }
  return lines.join('\n');
}

async function expectOk(response: Response, what: string): Promise<Response> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response;
}

const started = performance.now();
const measuredIds: string[] = [];
const log = eventLog();
for (let n = 0; n < journeyCount; n++) {
  const measured = n % Math.max(1, Math.floor(journeyCount / measuredCount)) === 0 && measuredIds.length < measuredCount;
  const id = await server.server.creator.fromDocument(benchJourney(n, measured), null, workspaceId);
  if (!measured) continue;
  measuredIds.push(id);
  const doc = (await (await server.fetch(`/api/journeys/${id}`)).json()) as JourneyDocument;
  const titles = doc.steps.slice(0, 4).map((step) => step.title.replace(/[;\n]/g, ' '));
  const survey = ['klant;stap;score;schaal;datum', ...titles.map((title, i) => `${i};${title};${1 + ((i * 2 + n) % 5)};csat;2026-02-0${1 + i}`)].join('\n');
  const post = (kind: string, body: string) => server.fetch(`/api/journeys/${id}/imports?kind=${kind}&fileName=${kind}.csv&skipRejected=true`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body });
  await expectOk(await post('events', log), `event import of ${id}`);
  await expectOk(await post('survey', survey), `survey import of ${id}`);
}
console.log(`store (${backend.kind}): ${journeyCount} journeys (${measuredIds.length} with an event log and survey answers) made in ${((performance.now() - started) / 1000).toFixed(1)} s`);

async function warm(): Promise<PortfolioResponse> {
  return (await (await expectOk(await server.fetch(`/api/portfolio?workspace=${workspaceId}`), 'portfolio')).json()) as PortfolioResponse;
}

async function cold(): Promise<void> {
  await server.store.db.deleteFrom('journey_rollups').execute();
  await warm();
}

async function plain(): Promise<void> {
  const list = (await (await expectOk(await server.fetch('/api/journeys'), 'list')).json()) as { id: string }[];
  const measured = new Set(measuredIds);
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const { id } = list[next++]!;
      await (await expectOk(await server.fetch(`/api/journeys/${id}/evaluation`), 'evaluation')).arrayBuffer();
      if (measured.has(id)) await (await expectOk(await server.fetch(`/api/journeys/${id}/metrics`), 'metrics')).arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

// One warm-up of each: the cache filled, the metrics tables of the measured journeys written.
const first = await warm();
const measuredShown = first.journeys.filter((j) => j.measurement !== null).length;
console.log(`portfolio: ${first.journeys.length} journeys, ${measuredShown} with measurement, ${(JSON.stringify(first).length / 1024).toFixed(0)} KB of JSON`);
await plain();
await cold();
await warm();

// After an upgrade (or a restore) the cache is empty: the start brings it up to date in the background.
await server.store.db.deleteFrom('journey_rollups').execute();
const warmUpStarted = performance.now();
await server.server.warmPortfolio();
console.log(`warm-up after a start with an empty cache: ${((performance.now() - warmUpStarted) / 1000).toFixed(1)} s for ${journeyCount} journeys`);

const variants: Record<string, () => Promise<unknown>> = { warm, cold, plain };
const seconds: Record<string, number[]> = { warm: [], cold: [], plain: [] };
const loadBefore = loadavg()[0]!;
for (let round = 0; round < rounds; round++) {
  for (const [name, run] of Object.entries(variants)) {
    const t = performance.now();
    await run();
    seconds[name]!.push((performance.now() - t) / 1000);
  }
  // The cold run emptied the cache; the next warm run is measured warm again.
  await warm();
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(`${rounds} rounds, load average ${loadBefore.toFixed(2)} before and ${loadavg()[0]!.toFixed(2)} after`);
for (const [name, values] of Object.entries(seconds)) console.log(`${name.padEnd(6)} best ${Math.min(...values).toFixed(3)} s  median ${median(values).toFixed(3)} s`);
console.log(`plain / warm (medians): ${(median(seconds.plain!) / median(seconds.warm!)).toFixed(1)}×; cold / warm: ${(median(seconds.cold!) / median(seconds.warm!)).toFixed(1)}×`);
await server.close();
postgres?.stop();
