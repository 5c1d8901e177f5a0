import type { DuckDBConnection } from '@duckdb/node-api';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAnalyticsDatabase, type AnalyticsDatabase, type AnalyticsDatabaseOptions } from './analyticsDatabase.ts';
import { loadCsvEvents } from './csvEventLoader.ts';
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
  /** Stops the load: a running DuckDB query is interrupted, readers stop, and it throws keeping nothing. */
  signal?: AbortSignal;
}

export interface LoadedEventLog extends EventTable {
  file: string;
  /** The folder of Parquet parts that `relation` reads. */
  partsDirectory: string;
  /** The file's size: what the reading progress counts up to. */
  bytes: number;
  summary: ReadSummary;
  events: number;
  /** The first rejected lines (up to `maxReportedRejections`), in line order. */
  rejected: RejectedLine[];
  rejectedCount: number;
  close(): void;
}

export type EventReader = (file: string, options: ReadLogOptions, sink: EventSink) => Promise<ReadSummary>;

/** The formats read in JavaScript, event by event; CSV and Parquet are read by DuckDB itself. */
export const TEXT_READERS: Record<'jsonl' | 'xes', EventReader> = {
  jsonl: readJsonlEvents,
  xes: readXesEvents,
};

/**
 * Feeds the writer until the first rejection under `refuse`; from then on it only gathers
 * rejections for the report, and stops reading once the report is full.
 */
class LoadingSink implements EventSink {
  private readonly writer: EventPartsWriter;
  private readonly policy: RejectedRowPolicy;
  private readonly signal: AbortSignal | undefined;
  readonly rejections: RejectionLog;
  refusing = false;

  constructor(writer: EventPartsWriter, policy: RejectedRowPolicy, rejections: RejectionLog, signal: AbortSignal | undefined) {
    this.writer = writer;
    this.policy = policy;
    this.rejections = rejections;
    this.signal = signal;
  }

  accept(event: NormalizedEvent): void {
    if (this.refusing) return;
    if (!this.writer.add(event)) this.reject({ line: event.line, field: null, reason: 'the event is too large to load' });
  }

  reject(rejection: RejectedLine): void {
    this.rejections.add(rejection);
    if (this.policy === 'refuse') this.refusing = true;
  }

  async checkpoint(): Promise<void> {
    if (!this.refusing) await this.writer.flushIfFull();
  }

  get done(): boolean {
    return (this.refusing && this.rejections.full) || this.signal?.aborted === true;
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

/**
 * Reads an event log of any supported format into Parquet parts and opens them as the view
 * `events` in a fresh in-memory DuckDB. CSV and Parquet are read by DuckDB itself. Under the
 * default policy a single rejected line makes it throw and keep nothing.
 */
export async function loadEventLog(file: string, options: LoadLogOptions = {}): Promise<LoadedEventLog> {
  // DuckDB starts (20–50 ms in a fresh process) while the file is looked at and a CSV is planned.
  const opening = openAnalyticsDatabase(options.database);
  opening.catch(() => undefined);
  const closeOnceOpen = (): Promise<void> => opening.then((database) => database.close(), () => undefined);
  let size: number | null;
  let format: LogFormat;
  let partsDirectory: string;
  const ownsDirectory = options.partsDirectory === undefined;
  try {
    size = await stat(file).then(
      (stats) => (stats.isFile() ? stats.size : null),
      () => null,
    );
    if (size === null) throw new LogImportError({ file, line: null, field: null, reason: 'no such file' });
    format = options.format ?? (await detectLogFormat(file));
    partsDirectory = options.partsDirectory ?? (await mkdtemp(join(tmpdir(), 'klantreis-log-')));
    await mkdir(partsDirectory, { recursive: true });
  } catch (error) {
    await closeOnceOpen();
    throw error;
  }
  const policy = options.onRejected ?? 'refuse';
  const rejections = new RejectionLog(options.maxReportedRejections);
  // Set once DuckDB is open: before that there is no query to interrupt.
  let database: AnalyticsDatabase | null = null;
  const interrupt = (): void => database?.connection.interrupt();
  options.signal?.addEventListener('abort', interrupt, { once: true });
  const useDatabase = (open: AnalyticsDatabase): AnalyticsDatabase => {
    database = open;
    options.signal?.throwIfAborted();
    return open;
  };
  const close = (): void => {
    options.signal?.removeEventListener('abort', interrupt);
    database?.close();
    if (ownsDirectory) rmSync(partsDirectory, { recursive: true, force: true });
  };
  try {
    options.signal?.throwIfAborted();
    // A CSV is planned while DuckDB opens (loadCsvEvents waits for it only to read).
    const opened = opening.then(useDatabase);
    opened.catch(() => undefined);
    const csv = format === 'csv' ? await loadCsvEvents(opened, partsDirectory, file, options, rejections, policy === 'skip') : null;
    const db = useDatabase(await opening);
    let summary: ReadSummary;
    let events: number;
    if (format === 'parquet' || format === 'csv') {
      // csv is null only for Parquet: the test on both is for the type checker.
      if (format === 'parquet' || csv === null) {
        ({ summary, events } = await loadParquetEvents(db.connection, partsDirectory, file, options, rejections));
        options.onProgress?.({ bytesRead: size, totalBytes: size, eventsRead: events });
      } else {
        ({ summary, events } = csv);
      }
      if (policy === 'refuse' && rejections.count > 0) throw refusalError(file, rejections);
    } else {
      // The JavaScript reader is the bottleneck: DuckDB writing parts on one core keeps up, and a
      // second DuckDB thread only takes the reader's core away.
      const pinThreads = options.database?.threads === undefined;
      if (pinThreads) await db.connection.run('SET threads = 1');
      const writer = new EventPartsWriter(db.connection, partsDirectory);
      const sink = new LoadingSink(writer, policy, rejections, options.signal);
      try {
        summary = await TEXT_READERS[format](file, options, sink);
      } catch (error) {
        // The reader's error is the one to report; a failing part write behind it adds nothing.
        await writer.abandon().catch(() => undefined);
        throw error;
      }
      if (sink.refusing) {
        // The refusal names the rejected lines; a part write failing behind it adds nothing.
        await writer.abandon().catch(() => undefined);
        rejections.lines.sort((a, b) => a.line - b.line);
        throw refusalError(file, rejections);
      }
      events = await writer.finish();
      if (pinThreads) await db.connection.run('RESET threads');
    }
    options.signal?.throwIfAborted();
    rejections.lines.sort((a, b) => a.line - b.line);
    await db.connection.run(`CREATE VIEW events AS SELECT * FROM ${eventPartsRelation(partsDirectory)}`);
    return {
      connection: db.connection,
      relation: 'events',
      file,
      partsDirectory,
      bytes: size,
      summary,
      events,
      rejected: rejections.lines,
      rejectedCount: rejections.count,
      close,
    };
  } catch (error) {
    // A load that failed before it used DuckDB closes it as well, once it is open.
    const open = await opening.catch(() => null);
    if (database === null) open?.close();
    close();
    // A caller-given folder is the caller's, but the parts of a failed load must not look like a log.
    if (!ownsDirectory) await rm(partsDirectory, { recursive: true, force: true });
    throw error;
  }
}
