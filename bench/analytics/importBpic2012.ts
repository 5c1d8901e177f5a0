/**
 * Imports BPIC 2012 (gzip XES, 262,200 events) into a Parquet store and computes its stats, as
 * `klantreis log stats` does (importAndOpenLog: the stats in the DuckDB that read the file).
 *   node bench/analytics/importBpic2012.ts [runs]
 * Goal: import + stats ≤ 1.5 s.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { importAndOpenLog, logStats } from '@klantreis/analytics';
import { SHARED_EVENT_LOGS } from '../../testing/sharedData.ts';

const file = `${SHARED_EVENT_LOGS}bpic2012.xes.gz`;
const runs = Number(process.argv[2] ?? 3);
const totals: number[] = [];
// The machine is shared: figures mean little without the load they were measured under.
const loadAverage = (): string => loadavg().map((load) => load.toFixed(2)).join(', ');
console.log(`load average before: ${loadAverage()}`);

for (let run = 1; run <= runs; run++) {
  const storeDir = await mkdtemp(join(tmpdir(), 'klantreis-bench-bpic-'));
  try {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const { log } = await importAndOpenLog(file, { storeDir });
    const imports = performance.now() - started;
    try {
      const stats = await logStats(log);
      const total = performance.now() - started;
      // CPU time too: on a shared machine it varies far less than wall time.
      const cpu = process.cpuUsage(cpuBefore);
      totals.push(total);
      console.log(
        `run ${run}: import ${(imports / 1000).toFixed(2)} s + stats ${((total - imports) / 1000).toFixed(2)} s = ${(total / 1000).toFixed(2)} s,`,
        `CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`,
        `(${stats.cases} cases, ${stats.events} events, ${stats.activities} activities, ${stats.variants} variants)`,
      );
    } finally {
      log.close();
    }
  } finally {
    await rm(storeDir, { recursive: true, force: true });
  }
}
totals.sort((a, b) => a - b);
const [best] = totals;
const median = totals[Math.floor(totals.length / 2)];
if (best === undefined || median === undefined) throw new Error('no run finished');
console.log(`best ${(best / 1000).toFixed(2)} s, median ${(median / 1000).toFixed(2)} s (goal ≤ 1.5 s); load average after: ${loadAverage()}`);
