/**
 * CLI start-up (issue 13), paired in one run: each round runs, in turn,
 *   klantreis --help                      (goal < 0.3 s)
 *   klantreis log stats <file>            (goal ≤ 1.2× the DuckDB script; after the first run it
 *                                          reads the import kept in the cache)
 *   klantreis log stats --no-cache <file> (reads the file every time)
 *   node bench/cli/duckdbLogStats.ts <file>   (the analyst's script, the baseline)
 *   npx klantreis --help                  (what the README's `npx klantreis` costs)
 * and prints best and median wall time of each and the ratio of the medians.
 *   node bench/cli/startup.ts [runs] [file]
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runs = Number(process.argv[2] ?? 10);
const file = process.argv[3] ?? fileURLToPath(new URL('../../../shared/data/eventlogs/running-example.csv', import.meta.url));
const cli = 'apps/cli/bin/klantreis.js';

const commands: Record<string, string[]> = {
  'klantreis --help': [process.execPath, cli, '--help'],
  'klantreis log stats': [process.execPath, cli, 'log', 'stats', file],
  'log stats --no-cache': [process.execPath, cli, 'log', 'stats', '--no-cache', file],
  'DuckDB script': [process.execPath, 'bench/cli/duckdbLogStats.ts', file],
  'npx klantreis --help': ['npx', 'klantreis', '--help'],
};

function time(command: string[]): number {
  const started = performance.now();
  const result = spawnSync(command[0]!, command.slice(1), { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed: ${result.stderr.toString()}`);
  return elapsed;
}

// One warm-up of each fills the compile cache and the file cache, as a second run by hand would.
for (const command of Object.values(commands)) time(command);
const seconds: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
const loadBefore = loadavg()[0]!;
for (let round = 0; round < runs; round++) {
  for (const [name, command] of Object.entries(commands)) seconds[name]!.push(time(command));
}
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
console.log(`${runs} rounds, ${file}, load average ${loadBefore.toFixed(2)} before and ${loadavg()[0]!.toFixed(2)} after`);
for (const [name, values] of Object.entries(seconds)) {
  console.log(`${name.padEnd(22)} best ${Math.min(...values).toFixed(3)} s  median ${median(values).toFixed(3)} s`);
}
const ratio = median(seconds['klantreis log stats']!) / median(seconds['DuckDB script']!);
const uncached = median(seconds['log stats --no-cache']!) / median(seconds['DuckDB script']!);
console.log(`log stats / DuckDB script (medians): ${ratio.toFixed(2)}× (goal ≤ 1.2×); without the cache ${uncached.toFixed(2)}×`);
