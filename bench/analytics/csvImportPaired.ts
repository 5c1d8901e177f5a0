/**
 * Our CSV import beside the DuckDB script an analyst would write, paired in one run:
 *   node bench/analytics/csvImportPaired.ts /tmp/klantreis-1m.csv --runs 5 [--two-pass] [--checked]
 * Each run starts one child process for ours (importAndOpenLog into a fresh store, as `klantreis
 * log stats` does, then the stats and DFG on the stored Parquet by logStatsAndDfg: logStats and
 * logDfg from one window pass, in the DuckDB that read the file) and one for
 * the analyst's script (read_csv into a table, then the counts, variants and DFG as SQL),
 * alternating which goes first; both have DuckDB's memory limit at 1 GB. Reported: best and
 * median wall time of each (measured in the child, from before the import to after the DFG, so
 * Node's start-up is left out of both), their ratio, and the peak RSS
 * of each child. Goal (issue 13): ours ≤ 1.2× and peak memory ≤ the script's + 20%. `--two-pass`
 * adds a third child per run: ours with `csvOnePass: false`, the import as it was before the one pass.
 * `--checked` adds the server's check of an uploaded file (stageEventLog: the read, the journey
 * index of its events, the totals and activities the preview shows), which a journey's dashboard
 * then reads without sorting the events again.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { analystDfgSql, analystStatsSql } from './analystSql.ts';
import { importAndOpenLog, logStatsAndDfg, stageEventLog } from '@klantreis/analytics';

/** `two-pass` is ours with `csvOnePass: false` (the import before the one pass), with `--two-pass`; `checked` the server's check, with `--checked`. */
type Side = 'ours' | 'two-pass' | 'checked' | 'analyst';

interface ChildResult {
  side: Side;
  seconds: number;
  importSeconds: number;
  events: number;
  cases: number;
  variants: number;
  edges: number;
  maxRssMegabytes: number;
  /** User and system CPU of the child, start-up included: steadier than wall time on a shared machine. */
  cpuSeconds: number;
}

const quoted = (text: string): string => `'${text.replaceAll("'", "''")}'`;

async function runOurs(file: string, side: 'ours' | 'two-pass'): Promise<Omit<ChildResult, 'maxRssMegabytes' | 'cpuSeconds'>> {
  const storeDir = await mkdtemp(join(tmpdir(), 'klantreis-paired-'));
  try {
    const started = performance.now();
    // As `klantreis log stats` does: the stats in the DuckDB that read the file.
    const { log } = await importAndOpenLog(file, { storeDir, database: { memoryLimit: '1GB' }, csvOnePass: side === 'ours' });
    const importSeconds = (performance.now() - started) / 1000;
    try {
      const { stats, dfg } = await logStatsAndDfg(log);
      return { side, seconds: (performance.now() - started) / 1000, importSeconds, events: stats.events, cases: stats.cases, variants: stats.variants, edges: dfg.edges.length };
    } finally {
      log.close();
    }
  } finally {
    await rm(storeDir, { recursive: true, force: true });
  }
}

/** The server's check of an upload: the read, the journey index, the totals and activities; cases and events from it. */
async function runChecked(file: string): Promise<Omit<ChildResult, 'maxRssMegabytes' | 'cpuSeconds'>> {
  const scratch = await mkdtemp(join(tmpdir(), 'klantreis-checked-'));
  try {
    const started = performance.now();
    const staged = await stageEventLog(file, { directory: join(scratch, 'staged'), database: { memoryLimit: '1GB' } });
    const seconds = (performance.now() - started) / 1000;
    return { side: 'checked', seconds, importSeconds: seconds, events: staged.events, cases: staged.cases, variants: Number.NaN, edges: Number.NaN };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** What an analyst writes: let DuckDB sniff the file into a table, then ask the same questions of it. */
async function runAnalyst(file: string): Promise<Omit<ChildResult, 'maxRssMegabytes' | 'cpuSeconds'>> {
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', memory_limit: '1GB' });
  const connection = await instance.connect();
  try {
    await connection.run("SET TimeZone = 'UTC'");
    const started = performance.now();
    await connection.run(`CREATE TABLE events AS SELECT * FROM read_csv(${quoted(file)})`);
    const importSeconds = (performance.now() - started) / 1000;
    const stats = await connection.runAndReadAll(analystStatsSql('timestamp'));
    const [row] = stats.getRowObjectsJson();
    if (!row) throw new Error('the stats query returned no row');
    const dfg = await connection.runAndReadAll(analystDfgSql('timestamp', 'timestamp'));
    return {
      side: 'analyst',
      seconds: (performance.now() - started) / 1000,
      importSeconds,
      events: Number(row.events),
      cases: Number(row.cases),
      variants: Number(row.variants),
      edges: dfg.currentRowCount,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' }, child: { type: 'string' }, 'two-pass': { type: 'boolean', default: false }, checked: { type: 'boolean', default: false } },
});
const file = positionals[0] ?? '/tmp/klantreis-10m-events.csv';

if (values.child !== undefined) {
  const result =
    values.child === 'analyst' ? await runAnalyst(file) : values.child === 'checked' ? await runChecked(file) : await runOurs(file, values.child === 'two-pass' ? 'two-pass' : 'ours');
  const usage = process.resourceUsage();
  process.stdout.write(`${JSON.stringify({ ...result, maxRssMegabytes: usage.maxRSS / 1024, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 })}\n`);
} else {
  const runChild = async (side: Side): Promise<ChildResult> => {
    const { stdout } = await promisify(execFile)(process.execPath, [fileURLToPath(import.meta.url), file, '--child', side], { maxBuffer: 1024 * 1024 });
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ChildResult;
  };
  const runs = Number(values.runs);
  const results: Record<Side, ChildResult[]> = { ours: [], 'two-pass': [], checked: [], analyst: [] };
  const sides: Side[] = ['ours', ...(values['two-pass'] ? ['two-pass' as const] : []), ...(values.checked ? ['checked' as const] : []), 'analyst'];
  const load = (): string => loadavg().map((value) => value.toFixed(2)).join(' ');
  console.log(`${file}, ${runs} paired runs, ${new Date().toISOString()}, load average before ${load()}`);
  for (let run = 0; run < runs; run++) {
    const order: Side[] = run % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const result = await runChild(side);
      results[side].push(result);
      console.log(
        `  run ${run + 1} ${side.padEnd(8)} ${result.seconds.toFixed(2)} s (import ${result.importSeconds.toFixed(2)} s), ` +
          `${result.events} events, ${result.cases} cases, ${result.variants} variants, ${result.edges} DFG edges, CPU ${result.cpuSeconds.toFixed(2)} s, max RSS ${result.maxRssMegabytes.toFixed(0)} MB, load ${load()}`,
      );
    }
  }
  const sorted = (side: Side, key: 'seconds' | 'maxRssMegabytes' | 'cpuSeconds'): number[] => results[side].map((result) => result[key]).sort((a, b) => a - b);
  const median = (list: number[]): number => {
    const middle = Math.floor(list.length / 2);
    return list.length % 2 === 1 ? list[middle]! : (list[middle - 1]! + list[middle]!) / 2;
  };
  const summary = (side: Side) => ({
    best: sorted(side, 'seconds')[0]!,
    median: median(sorted(side, 'seconds')),
    cpu: median(sorted(side, 'cpuSeconds')),
    rss: Math.max(...sorted(side, 'maxRssMegabytes')),
  });
  const ours = summary('ours');
  const analyst = summary('analyst');
  if (values['two-pass']) {
    const twoPass = summary('two-pass');
    console.log(`two-pass best ${twoPass.best.toFixed(2)} s, median ${twoPass.median.toFixed(2)} s, median CPU ${twoPass.cpu.toFixed(2)} s, peak RSS ${twoPass.rss.toFixed(0)} MB; ` +
      `ratio to the analyst: best ${(twoPass.best / analyst.best).toFixed(2)}, median ${(twoPass.median / analyst.median).toFixed(2)}, CPU ${(twoPass.cpu / analyst.cpu).toFixed(2)}`);
  }
  if (values.checked) {
    const checked = summary('checked');
    console.log(`checked best ${checked.best.toFixed(2)} s, median ${checked.median.toFixed(2)} s, median CPU ${checked.cpu.toFixed(2)} s, peak RSS ${checked.rss.toFixed(0)} MB; ` +
      `ratio to the analyst: best ${(checked.best / analyst.best).toFixed(2)}, median ${(checked.median / analyst.median).toFixed(2)}, CPU ${(checked.cpu / analyst.cpu).toFixed(2)}, peak RSS ${(checked.rss / analyst.rss).toFixed(2)}`);
  }
  console.log(`ours    best ${ours.best.toFixed(2)} s, median ${ours.median.toFixed(2)} s, median CPU ${ours.cpu.toFixed(2)} s, peak RSS ${ours.rss.toFixed(0)} MB`);
  console.log(`analyst best ${analyst.best.toFixed(2)} s, median ${analyst.median.toFixed(2)} s, median CPU ${analyst.cpu.toFixed(2)} s, peak RSS ${analyst.rss.toFixed(0)} MB`);
  console.log(
    `ratio   best ${(ours.best / analyst.best).toFixed(2)}, median ${(ours.median / analyst.median).toFixed(2)} (goal ≤ 1.2); ` +
      `CPU ${(ours.cpu / analyst.cpu).toFixed(2)}; peak RSS ${(ours.rss / analyst.rss).toFixed(2)} (goal ≤ 1.2)`,
  );
  console.log(`load average after ${load()}`);
}
