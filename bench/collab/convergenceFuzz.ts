// Convergence fuzz at full scale (issue 5): 100 seeds × 10,000 random edits by 5 editors,
// 2% disconnects, random delivery order, server restarts from the store; every editor, the
// server and a reload from the store must read the same journey, with no id twice.
// The same simulation as the CI test (apps/server/src/collaboration/convergence.test.ts), which
// runs 100 seeds × 1,000.
//
// Run:    node bench/collab/convergenceFuzz.ts [seeds=100] [edits=10000] [workers=2] [first seed=1]
// Replay: node bench/collab/convergenceFuzz.ts 1 10000 1 <seed>
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { openSqliteStore } from '@klantreis/db';
import { runSimulatedFuzz, type FuzzResult } from '../../apps/server/src/collaboration/reliability/simulatedCollaboration.ts';

interface Job {
  seeds: number[];
  edits: number;
}

async function runSeeds(job: Job, report: (result: FuzzResult & { ms: number }) => void): Promise<void> {
  const store = await openSqliteStore(':memory:');
  try {
    for (const seed of job.seeds) {
      const started = performance.now();
      const result = await runSimulatedFuzz(store, { seed, operations: job.edits });
      report({ ...result, ms: performance.now() - started });
    }
  } finally {
    await store.close();
  }
}

if (!isMainThread) {
  await runSeeds(workerData as Job, (result) => parentPort!.postMessage(result));
} else {
  const seedCount = Number(process.argv[2] ?? 100);
  const edits = Number(process.argv[3] ?? 10_000);
  const workers = Math.max(1, Math.min(Number(process.argv[4] ?? 2), availableParallelism(), seedCount));
  const firstSeed = Number(process.argv[5] ?? 1);
  const seeds = Array.from({ length: seedCount }, (_, i) => firstSeed + i);
  console.log(`convergence fuzz: ${seedCount} seeds × ${edits} edits, 5 editors, ${workers} worker threads`);

  const results: (FuzzResult & { ms: number })[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const job: Job = { seeds: seeds.filter((_, i) => i % workers === w), edits };
      const worker = new Worker(new URL(import.meta.url), { workerData: job });
      return new Promise<void>((resolve, reject) => {
        worker.on('message', (result: FuzzResult & { ms: number }) => {
          results.push(result);
          const status = result.problems.length === 0 && result.refusals.length === 0 ? 'ok' : 'FAILED';
          console.log(
            `seed ${result.seed}: ${status} in ${(result.ms / 1000).toFixed(1)} s — ${result.edits} edits, ${result.deliveries} deliveries, ` +
              `${result.disconnects} disconnects, ${result.restarts} restarts, ${result.compactions} compactions, ${result.steps} steps at the end, ` +
              `${result.typedTogether.rounds} rounds of typing into one new cell at once (${result.typedTogether.letters} letters, ${result.typedTogether.lost} lost)`,
          );
          for (const problem of [...result.refusals.map((r) => `refused: ${r}`), ...result.problems]) console.log(`  ${problem}`);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker ${w} exited with ${code}`))));
      });
    }),
  );

  const failed = results.filter((r) => r.problems.length > 0 || r.refusals.length > 0);
  const sum = (pick: (r: FuzzResult) => number) => results.reduce((total, r) => total + pick(r), 0);
  console.log(
    `\n${results.length} seeds, ${sum((r) => r.edits)} edits, ${sum((r) => r.deliveries)} deliveries, ${sum((r) => r.disconnects)} disconnects, ` +
      `${sum((r) => r.restarts)} server restarts, ${sum((r) => r.compactions)} compactions in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  console.log(
    `typing into one new cell at once: ${sum((r) => r.typedTogether.rounds)} rounds, ${sum((r) => r.typedTogether.letters)} letters typed, ` +
      `${sum((r) => r.typedTogether.lost)} lost characters`,
  );
  console.log(failed.length === 0 ? 'all converged: identical JSON on every editor, the server and the store; no duplicate ids' : `FAILED seeds: ${failed.map((r) => r.seed).join(', ')}`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}
