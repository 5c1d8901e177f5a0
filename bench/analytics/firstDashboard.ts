// The first dashboard after an import, as a person meets it in the app: a real server (SQLite,
// or with --postgres a throwaway PostgreSQL, for the journeys, imports and accounts),
// a journey of 8 steps mapped onto the generated log's 20 activities, the file uploaded, checked
// and committed through the API, then the dashboard's GET /metrics at once. Prints how long the
// check took and how long the dashboard waited after the commit:
//   node bench/analytics/firstDashboard.ts [file=/tmp/klantreis-10m-events.csv] [runs=2] [--postgres]
// Pair two builds by running it in a worktree of each, alternated (bench/analytics/README.md).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { buildTestServer, type Backend } from '../../apps/server/src/testServer.ts';
import { startPostgres } from '../../testing/postgresServer.ts';
import { authorizedFetch } from '@klantreis/server/testCredentials';
import { activitiesOfStep, BENCH_STEPS } from './generatedActivities.ts';

const [file = '/tmp/klantreis-10m-events.csv', runsArg = '2'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const runs = Number(runsArg);
const body = readFileSync(file);
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(2);

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`${response.url} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

let backend: Backend = { kind: 'sqlite' };
const postgres = process.argv.includes('--postgres') ? await startPostgres() : null;
if (postgres && 'unavailable' in postgres) throw new Error(postgres.unavailable);
if (postgres) backend = { kind: 'postgres', adminUrl: postgres.url };
const server = await buildTestServer(backend, { maxUploadBytes: 4 * 1024 ** 3 });
const api = (path: string, init?: RequestInit) => authorizedFetch(`${server.url}${path}`, init);
const post = (path: string, value: unknown) => api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
try {
  console.log(`${file}, ${runs} runs, metadata in ${backend.kind}, load average before ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  for (let run = 1; run <= runs; run++) {
    const { id } = await json<{ id: string }>(await post('/api/journeys', { title: 'Eerste dashboard', locale: 'nl' }), 201);
    const phaseId = (await json<{ phases: { id: string }[] }>(await api(`/api/journeys/${id}`), 200)).phases[0]!.id;
    for (let step = 0; step < BENCH_STEPS; step++) {
      const created = await json<{ id: string }>(await post(`/api/journeys/${id}/steps`, { phaseId, title: `Stap ${step + 1}` }), 201);
      const fields = { activityPatterns: activitiesOfStep(step), journeyEnd: step === BENCH_STEPS - 1 };
      await json(await api(`/api/journeys/${id}/records/${created.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) }), 200);
    }
    let started = performance.now();
    const upload = await json<{ id: string }>(
      await api(`/api/journeys/${id}/uploads?kind=events&fileName=log.csv`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body }),
      201,
    );
    const uploaded = seconds(started);
    started = performance.now();
    await json(await post(`/api/journeys/${id}/uploads/${upload.id}/check`, {}), 202);
    for (;;) {
      const state = (await json<{ state: string; problem: unknown }>(await api(`/api/journeys/${id}/uploads/${upload.id}`), 200)).state;
      if (state === 'checked') break;
      if (state !== 'checking') throw new Error(`the check ended ${state}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const checked = seconds(started);
    started = performance.now();
    await json(await post(`/api/journeys/${id}/uploads/${upload.id}/commit`, {}), 201);
    const committed = seconds(started);
    const metrics = await json<{ metrics: { cases: number; completed: number } }>(await api(`/api/journeys/${id}/metrics?period=month`), 200);
    console.log(
      `run ${run}: upload ${uploaded} s, check ${checked} s, commit ${committed} s, ` +
        `**the dashboard after the commit: ${seconds(started)} s** (${metrics.metrics.cases} cases, ${metrics.metrics.completed} completed), load ${loadavg()[0]!.toFixed(2)}`,
    );
  }
} finally {
  await server.close();
  if (postgres && !('unavailable' in postgres)) postgres.stop();
}
