import type { DuckDBConnection } from '@duckdb/node-api';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAnalyticsDatabase, type AnalyticsDatabaseOptions } from './analyticsDatabase.ts';
import { readCsvEvents } from './csvEventReader.ts';
import { planCsvRead } from './csvReadPlan.ts';
import { canReadInParallel, readCsvEventsInParallel, type EncodedEventSink } from './parallelCsvReader.ts';
import type { EventSink, LogFormat, NormalizedEvent, ReadLogOptions, ReadSummary, RejectedLine } from './eventLogTypes.ts';
import { eventPartsRelation, EventPartsWriter } from './eventPartsWriter.ts';
import { readJsonlEvents } from './jsonlEventReader.ts';
import { detectLogFormat } from './logFormatDetection.ts';
import { LogImportError } from './logImportError.ts';
import { loadParquetEvents } from './parquetEventReader.ts';
import { RejectionLog } from './rejectionLog.ts';
import { readXesEvents } from './xesEventReader.ts';

/** A DuckDB relation holding normalized events: what every query in logQueries.ts reads. */
export interface EventTable {
  connection: DuckDBConnection;
  /** SQL text to put after FROM: a quoted table name or a `read_parquet(...)` call. */
  relation: string;
}

export type RejectedRowPolicy = 'refuse' | 'skip';

export interface LoadLogOptions extends ReadLogOptions {
  /** `refuse` (the default) loads nothing when any line is rejected; `skip` loads the good lines. */
  onRejected?: RejectedRowPolicy;
  maxReportedRejections?: number;
  /**
   * The folder for the Parquet parts, created if needed and left in place (importLog moves it into
   * the store). When left out, a temporary folder that `close()` removes.
   */
  partsDirectory?: string;
  database?: AnalyticsDatabaseOptions;
  /** CSV files from this size on are parsed by worker threads; 32 MB when left out. */
  parallelThresholdBytes?: number;
  /** Worker threads for a parallel read; the number of CPUs, at most 4, when left out. */
  workerThreads?: number;
}

export interface LoadedEventLog extends EventTable {
  file: string;
  /** The folder of Parquet parts that `relation` reads. */
  partsDirectory: string;
  summary: ReadSummary;
  events: number;
  /** The first rejected lines (up to `maxReportedRejections`), in line order. */
  rejected: RejectedLine[];
  rejectedCount: number;
  close(): void;
}

/** Files at least this large are read by worker threads (CSV only); smaller ones do not repay their start-up. */
export const DEFAULT_PARALLEL_THRESHOLD_BYTES = 32 * 1024 * 1024;

export type EventReader = (file: string, options: ReadLogOptions, sink: EventSink) => Promise<ReadSummary>;

export const TEXT_READERS: Record<Exclude<LogFormat, 'parquet'>, EventReader> = {
  csv: readCsvEvents,
  jsonl: readJsonlEvents,
  xes: readXesEvents,
};

/**
 * Feeds the writer until the first rejection under `refuse`; from then on it only gathers
 * rejections for the report, and stops reading once the report is full.
 */
class LoadingSink implements EncodedEventSink {
  private readonly writer: EventPartsWriter;
  private readonly policy: RejectedRowPolicy;
  readonly rejections: RejectionLog;
  refusing = false;

  constructor(writer: EventPartsWriter, policy: RejectedRowPolicy, rejections: RejectionLog) {
    this.writer = writer;
    this.policy = policy;
    this.rejections = rejections;
  }

  accept(event: NormalizedEvent): void {
    if (this.refusing) return;
    if (!this.writer.add(event)) this.reject({ line: event.line, field: null, reason: 'the event is too large to load' });
  }

  acceptEncoded(rows: readonly Buffer[], events: number): void {
    if (!this.refusing) this.writer.addEncoded(rows, events);
  }

  reject(rejection: RejectedLine): void {
    this.rejections.add(rejection);
    if (this.policy === 'refuse') this.refusing = true;
  }

  countRejected(count: number): void {
    if (count <= 0) return;
    this.rejections.countOmitted(count);
    if (this.policy === 'refuse') this.refusing = true;
  }

  async checkpoint(): Promise<void> {
    if (!this.refusing) await this.writer.flushIfFull();
  }

  get done(): boolean {
    return this.refusing && this.rejections.full;
  }
}

export function refusalError(file: string, rejections: RejectionLog): LogImportError {
  const [first] = rejections.lines;
  const count = rejections.count;
  const rejected = `${count} line${count === 1 ? '' : 's'} rejected, nothing imported`;
  return new LogImportError({
    file,
    line: first?.line ?? null,
    field: first?.field ?? null,
    reason: first ? `${first.reason}; ${rejected}` : rejected,
    rejected: rejections.lines,
    rejectedCount: count,
  });
}

async function readText(
  format: Exclude<LogFormat, 'parquet'>,
  file: string,
  size: number,
  options: LoadLogOptions,
  sink: EncodedEventSink,
  maxRejections: number,
): Promise<ReadSummary> {
  if (format !== 'csv') return TEXT_READERS[format](file, options, sink);
  const threshold = options.parallelThresholdBytes ?? DEFAULT_PARALLEL_THRESHOLD_BYTES;
  const workers = options.workerThreads ?? Math.min(4, availableParallelism());
  if (size < threshold || workers < 1) return readCsvEvents(file, options, sink);
  const plan = await planCsvRead(file, options);
  if (!canReadInParallel(plan)) return readCsvEvents(file, options, sink);
  return readCsvEventsInParallel(plan, options, sink, workers, maxRejections);
}

/**
 * Reads an event log of any supported format into Parquet parts and opens them as the view
 * `events` in a fresh in-memory DuckDB. Large CSV files are parsed by worker threads. Under the
 * default policy a single rejected line makes it throw and keep nothing.
 */
export async function loadEventLog(file: string, options: LoadLogOptions = {}): Promise<LoadedEventLog> {
  const size = await stat(file).then(
    (stats) => (stats.isFile() ? stats.size : null),
    () => null,
  );
  if (size === null) throw new LogImportError({ file, line: null, field: null, reason: 'no such file' });
  const format = options.format ?? (await detectLogFormat(file));
  const policy = options.onRejected ?? 'refuse';
  const rejections = new RejectionLog(options.maxReportedRejections);
  const ownsDirectory = options.partsDirectory === undefined;
  const partsDirectory = options.partsDirectory ?? (await mkdtemp(join(tmpdir(), 'klantreis-log-')));
  await mkdir(partsDirectory, { recursive: true });
  const database = await openAnalyticsDatabase(options.database);
  const close = (): void => {
    database.close();
    if (ownsDirectory) rmSync(partsDirectory, { recursive: true, force: true });
  };
  try {
    let summary: ReadSummary;
    let events: number;
    if (format === 'parquet') {
      ({ summary, events } = await loadParquetEvents(database.connection, partsDirectory, file, options, rejections));
      options.onProgress?.({ bytesRead: size, totalBytes: size });
      if (policy === 'refuse' && rejections.count > 0) throw refusalError(file, rejections);
    } else {
      // The JavaScript reader is the bottleneck: DuckDB writing parts on one core keeps up, and a
      // second DuckDB thread only takes the reader's core away.
      const pinThreads = options.database?.threads === undefined;
      if (pinThreads) await database.connection.run('SET threads = 1');
      const writer = new EventPartsWriter(database.connection, partsDirectory);
      const sink = new LoadingSink(writer, policy, rejections);
      try {
        summary = await readText(format, file, size, options, sink, rejections.limit);
      } catch (error) {
        // The reader's error is the one to report; a failing part write behind it adds nothing.
        await writer.abandon().catch(() => undefined);
        throw error;
      }
      if (sink.refusing) {
        await writer.abandon();
        rejections.lines.sort((a, b) => a.line - b.line);
        throw refusalError(file, rejections);
      }
      events = await writer.finish();
      if (pinThreads) await database.connection.run('RESET threads');
    }
    rejections.lines.sort((a, b) => a.line - b.line);
    await database.connection.run(`CREATE VIEW events AS SELECT * FROM ${eventPartsRelation(partsDirectory)}`);
    return {
      connection: database.connection,
      relation: 'events',
      file,
      partsDirectory,
      summary,
      events,
      rejected: rejections.lines,
      rejectedCount: rejections.count,
      close,
    };
  } catch (error) {
    close();
    // A caller-given folder is the caller's, but the parts of a failed load must not look like a log.
    if (!ownsDirectory) await rm(partsDirectory, { recursive: true, force: true });
    throw error;
  }
}
