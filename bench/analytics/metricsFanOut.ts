// A workshop's editors after one change to a journey's mapping: each editor asks for the
// measurement again (apps/web/src/hooks/useMeasurement.ts), all at once. For `rounds` changes
// (a step's activity patterns) to the IKEA map, `editors` GET /metrics at once after each;
// prints the wall time until all are answered and the server process's CPU per change:
//   node bench/analytics/metricsFanOut.ts [editors=20] [rounds=10]
// Pair two builds by running it in a worktree of each, alternated.
import { loadavg } from 'node:os';
import { buildTestServer } from '../../apps/server/src/testServer.ts';
import { authorizedFetch } from '@klantreis/server/testCredentials';

const editors = Number(process.argv[2] ?? 20);
const rounds = Number(process.argv[3] ?? 10);
const server = await buildTestServer({ kind: 'sqlite' }, {});
try {
  const created = await authorizedFetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateId: 'ikea-visit', locale: 'en' }) });
  const { id } = (await created.json()) as { id: string };
  const journey = (await (await authorizedFetch(`${server.url}/api/journeys/${id}`)).json()) as { steps: { id: string }[] };
  const step = journey.steps[0]!.id;
  const metrics = () => authorizedFetch(`${server.url}/api/journeys/${id}/metrics?period=month`).then(async (response) => ({ status: response.status, bytes: (await response.text()).length }));
  await metrics(); // DuckDB and the routes warm
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const patched = await authorizedFetch(`${server.url}/api/journeys/${id}/records/${step}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ activityPatterns: [`activity ${round}`] }) });
    if (patched.status !== 200) throw new Error(`PATCH answered ${patched.status}`);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: editors }, metrics));
    walls.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
    if (answers.some((answer) => answer.status !== 200)) throw new Error(`answers: ${answers.map((answer) => answer.status).join(' ')}`);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(`${editors} editors asking /metrics at once after a change, ${rounds} changes: median ${Math.round(median(walls))} ms until all answered, server process CPU median ${Math.round(median(cpus))} ms per change (load ${loadavg()[0]!.toFixed(2)})`);
} finally {
  await server.close();
}
