import { Command, Option } from 'commander';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, utimes } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ColumnMapping, DateFormat, DecimalMark, EventTable, LoadLogOptions, LogFormat } from '@klantreis/analytics';
import type { DirectlyFollowsGraph, ImportedLog, LogStats } from '@klantreis/analytics/eventLog';
import { CliError } from './cliError.ts';
import { addCsvDialectOptions } from './csvDialectOptions.ts';
import { ProgressBar } from './progressBar.ts';

interface LogCommandOptions {
  json?: boolean;
  format?: LogFormat;
  delimiter?: string;
  decimal?: DecimalMark;
  encoding?: string;
  dateFormat?: DateFormat;
  case?: string;
  activity?: string;
  timestamp?: string;
  channel?: string;
  resource?: string;
  segment?: string;
  skipRejected?: boolean;
  /** false with --no-cache: import into a temporary folder and remove it afterwards. */
  cache?: boolean;
}

function addLogOptions(command: Command): Command {
  return addCsvDialectOptions(command)
    .option('--json', 'print JSON instead of a table')
    .addOption(new Option('--format <format>', 'the file format (detected when left out)').choices(['csv', 'jsonl', 'xes', 'parquet']))
    .option('--case <column>', 'column with the case id')
    .option('--activity <column>', 'column with the activity')
    .option('--timestamp <column>', 'column with the timestamp')
    .option('--channel <column>', 'column with the channel')
    .option('--resource <column>', 'column with the resource')
    .option('--segment <column>', 'column with the customer segment')
    .option('--skip-rejected', 'analyse the good rows when some are rejected, instead of refusing the file')
    .option('--no-cache', 'read the file again instead of the import of the same content kept in KLANTREIS_CACHE (default ~/.cache/klantreis)');
}

function loadOptions(options: LogCommandOptions, bar?: ProgressBar): LoadLogOptions {
  const mapping: Partial<ColumnMapping> = {};
  if (options.case !== undefined) mapping.caseId = options.case;
  if (options.activity !== undefined) mapping.activity = options.activity;
  if (options.timestamp !== undefined) mapping.timestamp = options.timestamp;
  if (options.channel !== undefined) mapping.channel = options.channel;
  if (options.resource !== undefined) mapping.resource = options.resource;
  if (options.segment !== undefined) mapping.segment = options.segment;
  return {
    format: options.format,
    delimiter: options.delimiter,
    decimalMark: options.decimal,
    encoding: options.encoding,
    dateFormat: options.dateFormat,
    mapping,
    onRejected: options.skipRejected === true ? 'skip' : 'refuse',
    onProgress: bar && ((progress) => bar.report(progress)),
  };
}

/**
 * Where `log stats` and `log dfg` keep the logs they imported, so the second command on the same
 * file reads the first one's Parquet instead of parsing the file again: KLANTREIS_CACHE, else
 * $XDG_CACHE_HOME/klantreis, else ~/.cache/klantreis. One folder per set of reading options (a
 * different mapping or delimiter is a different import); in it, one import per file content.
 */
export function logCacheDirectory(options: LogCommandOptions, env: NodeJS.ProcessEnv = process.env): string {
  const root = env.KLANTREIS_CACHE || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'klantreis');
  const { json: _json, cache: _cache, ...reading } = options;
  const key = createHash('sha256').update(JSON.stringify(reading, Object.keys(reading).sort())).digest('hex').slice(0, 16);
  return join(root, 'logs', key);
}

/** The cache keeps the most recently used imports and removes the rest. */
const CACHED_LOGS = 20;

async function pruneLogCache(root: string): Promise<void> {
  const manifests: { path: string; usedAt: number }[] = [];
  for (const optionsDir of await readdir(root).catch(() => [])) {
    for (const name of await readdir(join(root, optionsDir)).catch(() => [])) {
      if (!/^[0-9a-f]{16}\.json$/.test(name)) continue;
      const path = join(root, optionsDir, name);
      manifests.push({ path, usedAt: (await stat(path)).mtimeMs });
    }
  }
  manifests.sort((a, b) => b.usedAt - a.usedAt);
  for (const { path } of manifests.slice(CACHED_LOGS)) {
    // The manifest first: without it the folder is no import, whatever happens next.
    await rm(path, { force: true });
    await rm(path.slice(0, -'.json'.length), { recursive: true, force: true });
  }
}

/**
 * Imports the file (or finds the import of the same content made before), runs `analyse` on it,
 * and turns a refused import into a CLI error naming file, line and field.
 */
async function withLog<T>(
  file: string,
  options: LogCommandOptions,
  analyse: (log: EventTable, imported: ImportedLog, analytics: typeof import('@klantreis/analytics/eventLog')) => Promise<T>,
): Promise<T> {
  // Loaded here, not at the top: the other commands and --help do not pay for DuckDB.
  const analytics = await import('@klantreis/analytics/eventLog');
  const storeDir = options.cache === false ? await mkdtemp(join(tmpdir(), 'klantreis-log-')) : logCacheDirectory(options);
  try {
    let opened: Awaited<ReturnType<typeof analytics.importAndOpenLog>>;
    const bar = new ProgressBar(process.stderr, `reading ${basename(file)}`, false);
    try {
      // A new import is queried in the DuckDB that read it, not closed and opened again.
      opened = await analytics.importAndOpenLog(file, { ...loadOptions(options, bar), storeDir, onDuplicate: 'reuse' });
      bar.finish();
    } catch (error) {
      bar.stop();
      if (error instanceof analytics.LogImportError) throw new CliError(`klantreis: ${error.message}`, 2);
      throw error;
    }
    const { imported, log } = opened;
    try {
      if (imported.reused) {
        // Most recently used first when the cache is pruned.
        const now = new Date();
        await utimes(join(storeDir, `${imported.id}.json`), now, now);
      } else if (options.cache !== false) await pruneLogCache(join(storeDir, '..'));
      const [first] = imported.rejected;
      if (imported.rejectedCount > 0) {
        process.stderr.write(`skipped ${imported.rejectedCount} rejected line(s)${first ? `; the first: line ${first.line}: ${first.reason}` : ''}\n`);
      }
      return await analyse(log, imported, analytics);
    } finally {
      log.close();
    }
  } finally {
    if (options.cache === false) await rm(storeDir, { recursive: true, force: true });
  }
}

function table(rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number> = new Set()): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, cell.length)));
  const aligned = (cell: string, column: number) => {
    const width = widths[column] ?? 0;
    return rightAligned.has(column) ? cell.padStart(width) : cell.padEnd(width);
  };
  return rows.map((row) => row.map(aligned).join('  ').trimEnd()).join('\n');
}

export function formatDuration(seconds: number): string {
  const rounded = Math.round(seconds);
  if (rounded < 60) return `${rounded}s`;
  const pad = (value: number): string => String(value).padStart(2, '0');
  if (rounded < 3600) return `${Math.floor(rounded / 60)}m ${pad(rounded % 60)}s`;
  if (rounded < 86_400) return `${Math.floor(rounded / 3600)}h ${pad(Math.floor((rounded % 3600) / 60))}m`;
  return `${Math.floor(rounded / 86_400)}d ${pad(Math.floor((rounded % 86_400) / 3600))}h`;
}

function countRows(counts: Record<string, number>): string[][] {
  return Object.entries(counts)
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1))
    .map(([name, count]) => [`  ${name}`, String(count)]);
}

export function formatStats(file: string, { format, detected }: Pick<ImportedLog, 'format' | 'detected'>, stats: LogStats): string {
  const dialect = [format, detected.delimiter === null ? null : `delimiter ${JSON.stringify(detected.delimiter)}`, detected.dateFormat ? `dates ${detected.dateFormat}` : null]
    .filter((part) => part !== null)
    .join(', ');
  const summary = table([
    ['File', `${file} (${dialect})`],
    ['Cases', String(stats.cases)],
    ['Events', String(stats.events)],
    ['Activities', String(stats.activities)],
    ['Variants', String(stats.variants)],
    ['First event', stats.firstTimestamp ?? '-'],
    ['Last event', stats.lastTimestamp ?? '-'],
  ]);
  const starts = countRows(stats.startActivities);
  const ends = countRows(stats.endActivities);
  return [
    summary,
    '',
    'Start activities',
    starts.length > 0 ? table(starts, new Set([1])) : '  -',
    '',
    'End activities',
    ends.length > 0 ? table(ends, new Set([1])) : '  -',
  ].join('\n');
}

export function formatDfg(dfg: DirectlyFollowsGraph): string {
  if (dfg.edges.length === 0) return 'No directly-follows pairs: every case has a single event.';
  const rows = [['from', 'to', 'count', 'median'], ...dfg.edges.map((edge) => [edge.from, edge.to, String(edge.count), formatDuration(edge.medianSeconds)])];
  return table(rows, new Set([2, 3]));
}

/** Adds `log stats <file>` and `log dfg <file>` to the klantreis CLI. */
export function registerLogCommands(program: Command): void {
  const log = program.command('log').description('analyse an event log (CSV, JSON Lines, XES, XES.gz or Parquet)');

  addLogOptions(log.command('stats').argument('<file>', 'the event log').description('cases, events, activities, variants, start and end activities'))
    .option('--dfg', 'also the directly-follows graph, from the same pass over the events (cheaper than log stats, then log dfg)')
    .action(async (file: string, options: LogCommandOptions & { dfg?: boolean }) => {
      await withLog(file, options, async (log, imported, { logStats, logStatsAndDfg }) => {
        if (options.dfg === true) {
          const both = await logStatsAndDfg(log);
          process.stdout.write(`${options.json === true ? JSON.stringify(both, null, 2) : `${formatStats(file, imported, both.stats)}\n\n${formatDfg(both.dfg)}`}\n`);
          return;
        }
        const stats = await logStats(log);
        process.stdout.write(`${options.json === true ? JSON.stringify(stats, null, 2) : formatStats(file, imported, stats)}\n`);
      });
    });

  addLogOptions(log.command('dfg').argument('<file>', 'the event log').description('the directly-follows graph: which activity follows which, how often, how long after')).action(
    async (file: string, options: LogCommandOptions) => {
      await withLog(file, options, async (log, _imported, { logDfg }) => {
        const dfg = await logDfg(log);
        process.stdout.write(`${options.json === true ? JSON.stringify(dfg, null, 2) : formatDfg(dfg)}\n`);
      });
    },
  );
}
