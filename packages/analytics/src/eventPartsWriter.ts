import type { DuckDBConnection } from '@duckdb/node-api';
import { closeSync, openSync, writeSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { NormalizedEvent } from './eventLogTypes.ts';
import { EncodedRows, MAX_ROW_BYTES, ROW_DELIMITER, ROW_QUOTE } from './eventRowEncoding.ts';
import { sqlString } from './sqlText.ts';

/**
 * The normalized event columns, as an empty SELECT: the schema of every Parquet part, and the
 * part written for a log without events so that `read_parquet` still finds one. `ts` is UTC when
 * the source gave an offset. `file_order` orders events as the source lists them (a running count
 * of the events or of the rows read): only its order means anything.
 */
export const EMPTY_EVENTS_SELECT = `SELECT
  NULL::VARCHAR AS case_id, NULL::VARCHAR AS activity, NULL::TIMESTAMP AS ts, NULL::BIGINT AS file_order,
  NULL::VARCHAR AS channel, NULL::VARCHAR AS resource, NULL::VARCHAR AS segment, NULL::VARCHAR AS attributes
  LIMIT 0`;

/**
 * The SQL relation over a folder of event parts. A CSV import writes its one part in file order
 * with `file_order` left NULL (numbering rows in the COPY that reads the CSV would keep DuckDB on
 * one thread, numbering them in a second pass cost a third of the import's CPU): there the row's
 * position in its part file is its file order.
 */
export function eventPartsRelation(directory: string): string {
  return `(SELECT case_id, activity, ts, coalesce(file_order, file_row_number) AS file_order, channel, resource, segment, attributes
    FROM read_parquet(${sqlString(join(directory, '*.parquet'))}, file_row_number = true))`;
}

/** DuckDB's own default for `max_line_size`. */
const DEFAULT_LINE_LIMIT = 2 * 1024 * 1024;

/**
 * The `max_line_size` for a segment whose longest row has `longestRow` bytes: DuckDB's default,
 * or more when a row needs it (never more than MAX_ROW_BYTES, as longer events are refused). DuckDB
 * sizes its read buffers by it: a segment of 4 MB took 88–95 ms of CPU to load with 32 MB, 49–58 ms
 * with 2 MB, and on BPIC 2012 DuckDB's loads are as slow as the reader.
 */
function readerLineLimit(longestRow: number): number {
  return Math.min(Math.max(DEFAULT_LINE_LIMIT, longestRow + 1), MAX_ROW_BYTES);
}

/**
 * The COPY options of a CSV import's event part: zstd, and a dictionary only for columns of at most 1,000
 * values per row group (activities, channels, segments). DuckDB's default tries one up to a fifth
 * of a row group (24,576 values) for every column, case ids and costs included, and builds a bloom
 * filter per dictionary. On the 1M-event CSV the one-pass COPY cost 1.26/1.71 s of CPU (min/median
 * of 5) against 1.42/1.93 s, the part as large (11.2 MB: zstd packs the case ids better without
 * their dictionary), and logStats + logDfg over it no slower (issue 13).
 *
 * zstd at level 1, not DuckDB's 3: the one-pass COPY of the 1M-event CSV took 0.65 s wall and
 * 1.18 s of CPU against 0.83 s and 1.53 s (medians of 11, alternating), 10M 5.86 s against 6.12 s;
 * the part grows 5% (11.8 MB against 11.2 MB) and logStats + logDfg read it as fast.
 */
export const EVENT_PART_COPY_OPTIONS = 'FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, DICTIONARY_SIZE_LIMIT 1000';

export function partPath(directory: string, index: number): string {
  return join(directory, `part-${String(index).padStart(5, '0')}.parquet`);
}

const SMALL_SEGMENT_BYTES = 4 * 1024 * 1024;
/** Segments of the small size come first: 64 MB of rows, about 700,000 events. */
const SMALL_SEGMENTS = 16;
const LARGEST_SEGMENT_BYTES = 32 * 1024 * 1024;

/**
 * The size at which segment `index` is written: 4 MB sixteen times, then 8, 16 and 32 MB. The
 * segment written after the parse is the import's tail, which DuckDB converts while nothing else
 * happens: small segments keep it short for the logs people import most (BPIC 2012 has 24 MB of
 * rows; with segments of 4, 8, 16 MB its last one held 12 MB, about 0.18 s of conversion after the
 * parse). A large log still gets parts of 32 MB, not hundreds of files.
 */
export function segmentBytes(index: number): number {
  if (index < SMALL_SEGMENTS) return SMALL_SEGMENT_BYTES;
  return Math.min(SMALL_SEGMENT_BYTES * 2 ** (index - SMALL_SEGMENTS + 1), LARGEST_SEGMENT_BYTES);
}

function writeChunksSync(path: string, chunks: readonly Buffer[]): void {
  const file = openSync(path, 'w');
  try {
    for (const chunk of chunks) {
      for (let written = 0; written < chunk.length; ) written += writeSync(file, chunk, written);
    }
  } finally {
    closeSync(file);
  }
}

/**
 * Writes events as Parquet parts in a folder: each segment of rows goes through a temporary CSV
 * read by DuckDB's own CSV reader (on 1M events 0.59 s, against 0.85 s for the data-chunk appender
 * and 1.17 s for the row appender) straight into a zstd Parquet part, on DuckDB's threads while the
 * reader parses the next segment. No table holds the whole log: an in-memory table of 10M events
 * outgrew a 1 GB memory limit and slowed the import threefold.
 */
export class EventPartsWriter {
  private readonly connection: DuckDBConnection;
  private readonly directory: string;
  private readonly rows = new EncodedRows();
  private count = 0;
  private segments = 0;
  private loading: Promise<unknown> | null = null;

  /** `directory` must exist and is the caller's to remove; the writer only adds parts to it. */
  constructor(connection: DuckDBConnection, directory: string) {
    this.connection = connection;
    this.directory = directory;
  }

  get events(): number {
    return this.count;
  }

  /** Adds an event in file order; false when it is too large to load, so the caller can reject it. */
  add(event: NormalizedEvent): boolean {
    if (!this.rows.append(event, this.count)) return false;
    this.count++;
    return true;
  }

  async flushIfFull(): Promise<void> {
    if (this.rows.bytes >= segmentBytes(this.segments)) await this.flush();
  }

  /** Writes what is buffered and waits for every part; returns the number of events written. */
  async finish(): Promise<number> {
    await this.flush();
    await this.waitForLoad();
    if (this.segments === 0) {
      await this.connection.run(`COPY (${EMPTY_EVENTS_SELECT}) TO ${sqlString(partPath(this.directory, 0))} (FORMAT parquet)`);
    }
    return this.count;
  }

  /** Stops without writing the rest; the caller removes the folder. */
  async abandon(): Promise<void> {
    this.rows.take();
    await this.waitForLoad();
  }

  private async flush(): Promise<void> {
    const maxLineBytes = readerLineLimit(this.rows.longestRowBytes);
    const chunks = this.rows.take();
    if (chunks.length === 0) return;
    // One load at a time keeps memory at about two segments however large the file.
    await this.waitForLoad();
    const index = this.segments++;
    const path = join(this.directory, `segment-${index}.csv`);
    // Written at once, so that DuckDB starts loading it now. Written asynchronously, the file
    // waited for turns of the event loop, which the reader keeps busy: the load ran during the
    // next flush's wait, in series with the reader (BPIC 2012: 0.30–0.37 s of waiting in six
    // flushes, the import 1.31 s against 1.61 s median in 8 alternating runs; a 4 MB write takes
    // 2–15 ms into the page cache).
    writeChunksSync(path, chunks);
    // The reader goes on while DuckDB loads the segment on its own thread. Settled into a value
    // so that a failure waits for `waitForLoad` instead of being unhandled.
    this.loading = this.load(path, partPath(this.directory, index), maxLineBytes).then(
      () => null,
      (error: unknown) => ({ failed: error }),
    );
  }

  private async waitForLoad(): Promise<void> {
    if (this.loading === null) return;
    const outcome = await this.loading;
    this.loading = null;
    if (outcome !== null && typeof outcome === 'object' && 'failed' in outcome) throw outcome.failed;
  }

  private async load(path: string, part: string, maxLineBytes: number): Promise<void> {
    await this.connection.run(`
      COPY (
        SELECT case_id, activity, make_timestamp(ts_us) AS ts, file_order, channel, resource, segment, attributes
        FROM read_csv(${sqlString(path)},
        header = false, auto_detect = false, delim = ${sqlString(ROW_DELIMITER)}, quote = ${sqlString(ROW_QUOTE)},
        escape = ${sqlString(ROW_QUOTE)}, new_line = '\\n', allow_quoted_nulls = false, strict_mode = true,
        max_line_size = ${maxLineBytes},
        columns = {'case_id': 'VARCHAR', 'activity': 'VARCHAR', 'ts_us': 'BIGINT', 'file_order': 'BIGINT',
                   'channel': 'VARCHAR', 'resource': 'VARCHAR', 'segment': 'VARCHAR', 'attributes': 'VARCHAR'})
      ) TO ${sqlString(part)} (FORMAT parquet, COMPRESSION zstd)`);
    await rm(path, { force: true });
  }
}
