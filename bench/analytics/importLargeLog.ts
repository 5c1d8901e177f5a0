/**
 * Imports a large CSV log (see generateLog.ts) into a Parquet store and computes stats and the DFG:
 *   node bench/analytics/generateLog.ts /tmp/klantreis-10m-events.csv
 *   /usr/bin/time -v node bench/analytics/importLargeLog.ts /tmp/klantreis-10m-events.csv
 * Goal: import ≤ 30 s and peak memory ≤ 2 GB on 2 cores.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importLog, logDfg, logStats, openImportedLog } from '@klantreis/analytics';

const file = process.argv[2] ?? '/tmp/klantreis-10m-events.csv';
const storeDir = await mkdtemp(join(tmpdir(), 'klantreis-bench-store-'));
const megabytes = (await stat(file)).size / 1e6;
const seconds = (from: number): string => ((performance.now() - from) / 1000).toFixed(1);

try {
  let lastReport = 0;
  const importStarted = performance.now();
  const imported = await importLog(file, {
    storeDir,
    // DuckDB would otherwise take 80% of RAM for itself; beyond this it spills to disk.
    database: { memoryLimit: '1GB' },
    onProgress: ({ bytesRead, totalBytes }) => {
      if (bytesRead - lastReport < totalBytes / 10) return;
      lastReport = bytesRead;
      console.log(`  read ${Math.round((100 * bytesRead) / totalBytes)}% after ${seconds(importStarted)} s`);
    },
  });
  const importSeconds = seconds(importStarted);
  console.log(`import: ${imported.events} events from ${megabytes.toFixed(0)} MB in ${importSeconds} s (${(megabytes / Number(importSeconds)).toFixed(0)} MB/s)`);

  const log = await openImportedLog(imported, { memoryLimit: '1GB' });
  try {
    let started = performance.now();
    const stats = await logStats(log);
    console.log(`stats: ${seconds(started)} s`, { cases: stats.cases, events: stats.events, activities: stats.activities, variants: stats.variants });
    started = performance.now();
    const dfg = await logDfg(log);
    console.log(`dfg: ${seconds(started)} s, ${dfg.edges.length} edges; most frequent`, dfg.edges[0]);
  } finally {
    log.close();
  }
  console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  await rm(storeDir, { recursive: true, force: true });
}
