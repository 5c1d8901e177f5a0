import { Command, Option } from 'commander';
import {
  loadEventLog,
  logDfg,
  logStats,
  LogImportError,
  type ColumnMapping,
  type DateFormat,
  type DecimalMark,
  type DirectlyFollowsGraph,
  type LoadedEventLog,
  type LoadLogOptions,
  type LogFormat,
  type LogStats,
} from '@klantreis/analytics';
import { addCsvDialectOptions } from './csvDialectOptions.ts';

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
    .option('--skip-rejected', 'analyse the good rows when some are rejected, instead of refusing the file');
}

function loadOptions(options: LogCommandOptions): LoadLogOptions {
  const mapping: Partial<ColumnMapping> = {};
  if (options.case !== undefined) mapping.caseId = options.case;
  if (options.activity !== undefined) mapping.activity = options.activity;
  if (options.timestamp !== undefined) mapping.timestamp = options.timestamp;
  if (options.channel !== undefined) mapping.channel = options.channel;
  if (options.resource !== undefined) mapping.resource = options.resource;
  if (options.segment !== undefined) mapping.segment = options.segment;
  const showProgress = process.stderr.isTTY;
  return {
    format: options.format,
    delimiter: options.delimiter,
    decimalMark: options.decimal,
    encoding: options.encoding,
    dateFormat: options.dateFormat,
    mapping,
    onRejected: options.skipRejected === true ? 'skip' : 'refuse',
    onProgress: showProgress
      ? ({ bytesRead, totalBytes }) => process.stderr.write(`\rreading ${Math.floor((100 * bytesRead) / Math.max(1, totalBytes))}%`)
      : undefined,
  };
}

/** Loads the file, runs `analyse`, and turns a refused import into a CLI error naming file, line and field. */
async function withLog<T>(command: Command, file: string, options: LogCommandOptions, analyse: (log: LoadedEventLog) => Promise<T>): Promise<T> {
  let log: LoadedEventLog;
  try {
    log = await loadEventLog(file, loadOptions(options));
  } catch (error) {
    if (error instanceof LogImportError) command.error(`klantreis: ${error.message}`, { exitCode: 2, code: 'klantreis.log.rejected' });
    throw error;
  } finally {
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  }
  try {
    const [first] = log.rejected;
    if (log.rejectedCount > 0) {
      process.stderr.write(`skipped ${log.rejectedCount} rejected line(s)${first ? `; the first: line ${first.line}: ${first.reason}` : ''}\n`);
    }
    return await analyse(log);
  } finally {
    log.close();
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

export function formatStats(file: string, log: Pick<LoadedEventLog, 'summary'>, stats: LogStats): string {
  const { format, detected } = log.summary;
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

  addLogOptions(log.command('stats').argument('<file>', 'the event log').description('cases, events, activities, variants, start and end activities')).action(
    async function (this: Command, file: string, options: LogCommandOptions) {
      await withLog(this, file, options, async (loaded) => {
        const stats = await logStats(loaded);
        process.stdout.write(`${options.json === true ? JSON.stringify(stats, null, 2) : formatStats(file, loaded, stats)}\n`);
      });
    },
  );

  addLogOptions(log.command('dfg').argument('<file>', 'the event log').description('the directly-follows graph: which activity follows which, how often, how long after')).action(
    async function (this: Command, file: string, options: LogCommandOptions) {
      await withLog(this, file, options, async (loaded) => {
        const dfg = await logDfg(loaded);
        process.stdout.write(`${options.json === true ? JSON.stringify(dfg, null, 2) : formatDfg(dfg)}\n`);
      });
    },
  );
}
