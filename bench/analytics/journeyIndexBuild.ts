/**
 * The journey index build alone, on an import made before (importLog's store folder):
 *   node bench/analytics/journeyIndexBuild.ts /tmp/kr-10m-store [--runs 2] [--and DIR]
 * With --and, the index of two imports: the store's and a checked upload's folder DIR (each with
 * its own index, as the server keeps them), built alternately by merging the two imports' own
 * indexes and by gathering every event (`mergeImportIndexes: false`), in one process.
 * Prints wall and CPU time (all threads) and peak memory per build, DuckDB `memory_limit` 1 GB as in
 * journeyMetricsBench. For a paired comparison with an older revision, run the same script from a
 * worktree of that revision (bench/analytics/README.md, "Journey index build"), alternating.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildJourneyIndex, type ImportedLog } from '@klantreis/analytics';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '2' }, and: { type: 'string' } } });
const store = positionals[0] ?? '/tmp/kr-10m-store';
const manifest = (await readdir(store)).find((name) => name.endsWith('.json'));
if (manifest === undefined) throw new Error(`no import in ${store}: import one first (journeyMetricsBench.ts without --store keeps none)`);
const imported = JSON.parse(await readFile(join(store, manifest), 'utf8')) as ImportedLog;
const scratch = await mkdtemp(join(tmpdir(), 'klantreis-bench-index-'));
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');
try {
  console.log(`load average before: ${load()}`);
  const imports = values.and === undefined ? [imported.parquetDirectory] : [imported.parquetDirectory, values.and];
  const ways = values.and === undefined ? [true] : [true, false];
  for (let run = 1; run <= Number(values.runs); run++) {
    for (const mergeImportIndexes of ways) {
      const directory = join(scratch, `index-${run}`);
      const started = performance.now();
      const cpu = process.cpuUsage();
      const index = await buildJourneyIndex(imports, directory, { memoryLimit: '1GB', tempDirectory: join(tmpdir(), 'klantreis-bench-spill'), mergeImportIndexes });
      const used = process.cpuUsage(cpu);
      console.log(
        `run ${run}${ways.length > 1 ? (mergeImportIndexes ? ', merged' : ', gathered') : ''}: ${((performance.now() - started) / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU, ` +
          `${index.cases} cases, ${index.events} events (${index.gatheredEvents} gathered from the files), peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, load ${load()}`,
      );
      await rm(directory, { recursive: true, force: true });
    }
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
