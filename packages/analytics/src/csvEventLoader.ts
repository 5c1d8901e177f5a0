import type { DuckDBConnection } from '@duckdb/node-api';
import type { AnalyticsDatabase } from './analyticsDatabase.ts';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planCsvRead, csvReadSummary, type CsvReadPlan } from './csvReadPlan.ts';
import { findRecordLines } from './csvRecordLines.ts';
import { csvEventsSelect, csvLineLimit, csvSource, type CsvSourceTables } from './csvEventSql.ts';
import type { ReadLogOptions, ReadProgress, ReadSummary, RejectedLine } from './eventLogTypes.ts';
import { EVENT_PART_COPY_OPTIONS, partPath } from './eventPartsWriter.ts';
import { LogImportError, quoteValue } from './logImportError.ts';
import { GzipBombError, gunzipToFile, isGzip, readFileHead, transcodeToUtf8 } from './logFileSource.ts';
import { findLongLines, type LongLine } from './longLineScan.ts';
import type { RejectionLog } from './rejectionLog.ts';
import { sqlString } from './sqlText.ts';
import { splitCsvRecord } from './csvRecordReader.ts';

/** Problems found by SQL in rows DuckDB's reader accepted; 0 is a good row. */
const PROBLEMS: Record<number, { field: 'caseId' | 'activity' | 'timestamp'; reason: string }> = {
  1: { field: 'caseId', reason: 'empty case id' },
  2: { field: 'activity', reason: 'empty activity' },
  3: { field: 'timestamp', reason: 'empty timestamp' },
  4: { field: 'timestamp', reason: 'bad date' },
};

/** More reader errors than this are not kept one by one: a file with millions of broken lines must not fill memory. */
const MAX_STORED_READER_ERRORS = 1_000_000;
const PROGRESS_INTERVAL_MS = 200;
/** The share of the time the first pass takes, for the progress of the two together. */
const READ_SHARE = 0.8;

interface ReaderRejection {
  position: number;
  duckLine: number;
  errorType: string;
  message: string;
  columnIndex: number | null;
  csvLine: string | null;
  blank: boolean;
  /** Found by findLongLines, not in DuckDB's rejects table: DuckDB dropped the line without a word. */
  fromScan?: boolean;
}

interface ProblemRow {
  ordinal: number;
  problem: number;
  value: string | null;
}

/**
 * Loads a CSV event log with DuckDB's own reader: the dialect, header, mapping and date format
 * are settled from the head of the file in JavaScript (csvReadPlan.ts), then DuckDB reads the
 * whole file, normalizes and checks it in SQL (csvEventSql.ts) and writes the store's part.
 *
 * One pass first: one COPY reads, checks and writes the good rows in file order straight into
 * the part, on DuckDB's threads, with `file_order` left NULL (the row's position in the part is
 * its order, see eventPartsRelation). A row that fails a check stops that COPY (`error()`), and
 * the file is read again in two passes that name every such row: the first writes every row in
 * file order with its problem, the second numbers the good ones into the part. Numbering in the
 * one COPY (`row_number() OVER ()`) would keep it on one thread: 1.4 times the wall time in the
 * paired bench. Lines the reader itself rejects (field counts, quotes, long lines) do not need
 * the second read: its rejects table names them, and the rows it let through are the part.
 *
 * Only what DuckDB does not say is worked out in JavaScript, and only when something was
 * rejected: the lines of the rejected records (csvRecordLines.ts). Files that are not UTF-8 are
 * transcoded first: DuckDB's `latin-1` refuses the bytes 0x80–0x9F that Windows-1252 uses for
 * €, ‘ ’ and “ ”. The JavaScript reader this replaced parsed each row in worker threads and
 * handed DuckDB a second CSV to parse: 3.2 times the time of a plain `read_csv`.
 */
export async function loadCsvEvents(
  /** Awaited only once the file is planned: DuckDB may still be opening while it is. */
  database: AnalyticsDatabase | Promise<AnalyticsDatabase>,
  partsDirectory: string,
  file: string,
  options: ReadLogOptions,
  rejections: RejectionLog,
  /** False (the `refuse` policy) writes nothing once a line is rejected. */
  keepGoodRows: boolean,
  /** How many of the first events to name the source line of (`lines`, by file_order), for a preview. */
  linesOfFirstEvents = 0,
): Promise<{ summary: ReadSummary; events: number; lines: Map<number, number> }> {
  const totalBytes = (await stat(file)).size;
  const scratch = await mkdtemp(join(tmpdir(), 'klantreis-csv-'));
  try {
    // A gzip CSV is unpacked first: the head is sampled and rejected lines are found in the bytes.
    const unpacked = isGzip(await readFileHead(file, 2)) ? join(scratch, 'unpacked.csv') : file;
    if (unpacked !== file) {
      await gunzipToFile(file, unpacked).catch((error: unknown) => {
        throw new LogImportError({ file, line: null, field: null, reason: error instanceof GzipBombError ? error.message : `not a readable gzip file: ${(error as Error).message}` });
      });
    }
    const plan = await planCsvRead(unpacked, options).catch((error: unknown) => {
      throw error instanceof LogImportError && unpacked !== file ? new LogImportError({ ...error, file }) : error;
    });
    const { connection } = await database;
    let source = unpacked;
    let progressBase = 0;
    if (plan.encoding !== 'utf-8') {
      // Transcoding reads the file once more: its half of the progress is the first half.
      source = join(scratch, 'source.csv');
      await transcodeToUtf8(unpacked, source, plan.encoding, (bytesRead) =>
        options.onProgress?.({ bytesRead: Math.floor(bytesRead / 2), totalBytes, eventsRead: estimateEvents(plan, bytesRead / 2) }),
      );
      progressBase = 0.5;
    }
    const tables = { rejectsTable: 'klantreis_csv_rejects', scanTable: 'klantreis_csv_scans', maxStoredErrors: MAX_STORED_READER_ERRORS };
    await dropTables(connection, tables);
    const part = partPath(partsDirectory, 0);
    // Progress never goes back: after a failed first pass it holds until the two passes pass it.
    const progressOptions: ReadLogOptions = { ...options, onProgress: options.onProgress && forwardOnly(options.onProgress) };

    // Lines near or over the limit: they rule out small read buffers, and DuckDB drops a line
    // longer than its read buffer without a rejects row (a 40 MB line), so each is named here.
    const longLines = await findLongLines(source, csvLineLimit(plan) - 2);
    if (options.csvOnePass !== false) {
      // Small read buffers only where DuckDB's reader is sure to split the file right with them.
      const small = smallReadBuffer(plan);
      const buffers = small !== undefined && longLines.length === 0 ? [small, undefined] : [undefined];
      for (const bufferBytes of buffers) {
        const written = await copyInOnePass(connection, plan, source, tables, part, totalBytes, progressBase, progressOptions, bufferBytes);
        if (written === null) break;
        const readerRejections = await readReaderRejections(connection, tables.rejectsTable);
        await dropTables(connection, tables);
        if (bufferBytes !== undefined && readerRejections.length > 0) {
          // Rejected lines are named as DuckDB's default buffers read them: read the file again so.
          await rm(part, { force: true });
          continue;
        }
        // No row failed a check, so the part's rows are the rows DuckDB emitted, in order.
        const firstEvents = Array.from({ length: Math.min(linesOfFirstEvents, written) }, (_, ordinal) => ordinal);
        const lines = await locateAndReport(file, source, plan, withLongLines(readerRejections, longLines, plan), { rows: [], total: 0 }, firstEvents, rejections);
        if (!keepGoodRows && rejections.count > 0) {
          // Under refusal nothing is kept: the part goes before anyone could read it.
          await rm(part, { force: true });
          return { summary: csvReadSummary(plan), events: 0, lines };
        }
        options.onProgress?.({ bytesRead: totalBytes, totalBytes, eventsRead: written + rejections.count });
        return { summary: csvReadSummary(plan), events: written, lines };
      }
      await rm(part, { force: true });
      await dropTables(connection, tables);
    }

    const rows = join(scratch, 'rows.parquet');
    // Pass one reads, checks and writes every row on DuckDB's threads, in file order (snappy:
    // this file lives for seconds); pass two numbers the good rows into the store's part.
    const passTwoFrom = progressBase + (1 - progressBase) * READ_SHARE;
    await withProgress(connection, plan, totalBytes, progressBase, passTwoFrom, progressOptions, () =>
      connection.run(`COPY (${csvEventsSelect(csvSource(source, plan, tables), plan)}) TO ${sqlString(rows)} (FORMAT parquet, COMPRESSION snappy)`),
    );
    const numbered = `read_parquet(${sqlString(rows)}, file_row_number = true)`;

    const readerRejections = await readReaderRejections(connection, tables.rejectsTable);
    await dropTables(connection, tables);
    const problems = await readProblemRows(connection, numbered, rejections.limit);
    const firstEvents = linesOfFirstEvents > 0 ? await readFirstOrdinals(connection, numbered, linesOfFirstEvents) : [];
    const lines = await locateAndReport(file, source, plan, withLongLines(readerRejections, longLines, plan), problems, firstEvents, rejections);

    // Under refusal, rows that would be thrown away are not written.
    let events = 0;
    if (keepGoodRows || rejections.count === 0) {
      await withProgress(connection, plan, totalBytes, passTwoFrom, 1, progressOptions, async () => {
        const written = await connection.runAndReadAll(`
          COPY (SELECT case_id, activity, ts, file_row_number AS file_order, channel, resource, segment, attributes FROM ${numbered} WHERE problem = 0)
          TO ${sqlString(part)} (${EVENT_PART_COPY_OPTIONS})`);
        events = Number(written.getRowsJS()[0]?.[0] ?? 0);
      });
    }
    options.onProgress?.({ bytesRead: totalBytes, totalBytes, eventsRead: events + rejections.count });
    return { summary: csvReadSummary(plan), events, lines };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * DuckDB's CSV read buffer for the one pass (its default is larger): with more, smaller
 * buffers its threads hand the ordered Parquet write more, smaller batches, and the one-pass COPY
 * of the 1M-event file cost 15–17% less CPU (issue 13). But DuckDB 1.5.6 splits a file wrongly around a
 * record longer than the line limit when the buffers are small: it drops a 3 MB line without a
 * rejects row, and cuts a quoted 3 MB record at its line breaks into hundreds of short records.
 * So the small buffers are used only when no line is longer than the limit (findLongLines)
 * and kept only when the reader rejected nothing; otherwise the file is read with DuckDB's own.
 */
export const SMALL_READ_BUFFER_BYTES = 4 * 1024 * 1024;

function smallReadBuffer(plan: CsvReadPlan): number | undefined {
  return csvLineLimit(plan) * 4 <= SMALL_READ_BUFFER_BYTES ? SMALL_READ_BUFFER_BYTES : undefined;
}

/** The message of the `error()` that stops the one-pass COPY at a row that fails a check. */
const ROW_CHECK_FAILED = 'klantreis: a CSV row failed a check';

/**
 * Reads, checks and writes the good rows into the store's part in one COPY, `file_order` NULL.
 * Returns the rows written, or null when a row failed a check (the COPY stopped there; the part
 * may be partly written and is the caller's to remove). Reader rejections are left in the
 * rejects table.
 */
async function copyInOnePass(
  connection: DuckDBConnection,
  plan: CsvReadPlan,
  source: string,
  tables: CsvSourceTables,
  part: string,
  totalBytes: number,
  progressBase: number,
  options: ReadLogOptions,
  bufferBytes: number | undefined,
): Promise<number | null> {
  let written = 0;
  try {
    await withProgress(connection, plan, totalBytes, progressBase, 1, options, async () => {
      const result = await connection.runAndReadAll(`
        COPY (
          SELECT case_id, activity, ts, NULL::BIGINT AS file_order, channel, resource, segment,
                 CASE WHEN problem = 0 THEN attributes ELSE error(${sqlString(ROW_CHECK_FAILED)}) END AS attributes
          FROM (${csvEventsSelect(csvSource(source, plan, tables, bufferBytes), plan)})
        ) TO ${sqlString(part)} (${EVENT_PART_COPY_OPTIONS})`);
      written = Number(result.getRowsJS()[0]?.[0] ?? 0);
    });
  } catch (error) {
    if (error instanceof Error && error.message.includes(ROW_CHECK_FAILED)) return null;
    throw error;
  }
  return written;
}

/**
 * Finds the lines of the rejected records and of the first events (a preview shows them) by
 * walking the file, only when there are any, and reports the rejections; returns the line of
 * each row ordinal asked.
 */
async function locateAndReport(
  file: string,
  source: string,
  plan: CsvReadPlan,
  readerRejections: ReaderRejection[],
  problems: { rows: ProblemRow[]; total: number },
  firstEvents: number[],
  rejections: RejectionLog,
): Promise<Map<number, number>> {
  const lines = new Map<number, number>();
  if (readerRejections.length === 0 && problems.rows.length === 0 && firstEvents.length === 0) return lines;
  const located = await findRecordLines(source, {
    headerLine: plan.headerLine,
    delimiter: plan.delimiter.charCodeAt(0),
    rejectedPositions: readerRejections.map((rejection) => rejection.position),
    rowOrdinals: [...new Set([...problems.rows.map((row) => row.ordinal), ...firstEvents])].sort((a, b) => a - b),
  });
  located.rowOrdinals.forEach((ordinal, index) => {
    const line = located.rows[index];
    if (line !== null && line !== undefined) lines.set(ordinal, line);
  });
  reportRejections(file, plan, readerRejections, located.rejected, problems, lines, rejections);
  return lines;
}

async function dropTables(connection: DuckDBConnection, { rejectsTable, scanTable }: { rejectsTable: string; scanTable: string }): Promise<void> {
  await connection.run(`DROP TABLE IF EXISTS ${rejectsTable}; DROP TABLE IF EXISTS ${scanTable}`);
}

function estimateEvents(plan: CsvReadPlan, bytesRead: number): number {
  return Math.max(0, Math.round(bytesRead / plan.bytesPerRecord));
}

/** Passes on only the reports that do not go back: a pass read again starts from where the first stopped. */
export function forwardOnly(report: (progress: ReadProgress) => void): (progress: ReadProgress) => void {
  let reported = 0;
  return (progress) => {
    if (progress.bytesRead < reported) return;
    reported = progress.bytesRead;
    report(progress);
  };
}

/**
 * Runs `work` while reporting DuckDB's own query progress (the share of the query done), mapped
 * onto the stretch `from`–`to` of the whole import, as bytes of the file, with an estimate of the
 * events read from the average record size of the head. Reported every 200 ms, so any import
 * longer than a second shows it.
 */
async function withProgress(
  connection: DuckDBConnection,
  plan: CsvReadPlan,
  totalBytes: number,
  from: number,
  to: number,
  options: ReadLogOptions,
  work: () => Promise<unknown>,
): Promise<void> {
  const report = options.onProgress;
  if (report === undefined) {
    await work();
    return;
  }
  await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
  const timer = setInterval(() => {
    const percentage = connection.progress.percentage;
    if (percentage < 0) return;
    const bytesRead = Math.floor(totalBytes * (from + ((to - from) * Math.min(100, percentage)) / 100));
    report({ bytesRead, totalBytes, eventsRead: estimateEvents(plan, bytesRead) });
  }, PROGRESS_INTERVAL_MS);
  try {
    await work();
  } finally {
    clearInterval(timer);
    await connection.run('RESET enable_progress_bar; RESET enable_progress_bar_print');
  }
}

async function readFirstOrdinals(connection: DuckDBConnection, numbered: string, count: number): Promise<number[]> {
  const reader = await connection.runAndReadAll(`SELECT file_row_number FROM ${numbered} WHERE problem = 0 ORDER BY file_row_number LIMIT ${count}`);
  return reader.getRowsJS().map((row) => Number(row[0]));
}

/**
 * DuckDB's rejections with the lines over the limit that it did not report (it drops a line longer
 * than its read buffer without a rejects row), by position. A line it did report may come twice,
 * at positions a byte or two apart: reportRejections names each line once.
 */
function withLongLines(readerRejections: ReaderRejection[], longLines: readonly LongLine[], plan: CsvReadPlan): ReaderRejection[] {
  const limit = csvLineLimit(plan);
  const reported = new Set(readerRejections.filter((rejection) => rejection.errorType === 'LINE SIZE OVER MAXIMUM').map((rejection) => rejection.position));
  const missing = longLines
    // Lines within two bytes of the limit are DuckDB's to judge (a carriage return, where its count starts).
    .filter((line) => line.bytes > limit + 2 && ![-2, -1, 0, 1, 2].some((offset) => reported.has(line.position + offset)))
    .map((line): ReaderRejection => ({
      position: line.position,
      duckLine: 0,
      errorType: 'LINE SIZE OVER MAXIMUM',
      message: '',
      columnIndex: null,
      csvLine: null,
      blank: false,
      fromScan: true,
    }));
  return missing.length === 0 ? readerRejections : [...readerRejections, ...missing].sort((a, b) => a.position - b.position);
}

/** One entry per rejected record: DuckDB writes one error per missing column of a short line. */
async function readReaderRejections(connection: DuckDBConnection, rejectsTable: string): Promise<ReaderRejection[]> {
  const reader = await connection.runAndReadAll(`
    SELECT line_byte_position AS position, min(line) AS duck_line,
           arg_min(error_type, coalesce(column_idx, 0)) AS error_type,
           arg_min(error_message, coalesce(column_idx, 0)) AS message,
           min(column_idx) AS column_idx,
           bool_and(trim(csv_line, ' \t\r\n') = '') AS blank,
           any_value(CASE WHEN error_type = 'TOO MANY COLUMNS' THEN csv_line END) AS csv_line
    FROM ${rejectsTable} GROUP BY line_byte_position ORDER BY line_byte_position`);
  return reader.getRowObjectsJS().map((row) => ({
    position: Number(row.position),
    duckLine: Number(row.duck_line),
    errorType: String(row.error_type),
    message: String(row.message),
    columnIndex: row.column_idx === null ? null : Number(row.column_idx),
    csvLine: row.csv_line === null ? null : String(row.csv_line),
    blank: row.blank === true,
  }));
}

/** The first rows (by file order) that SQL found fault with, and how many there are in all. */
async function readProblemRows(connection: DuckDBConnection, numbered: string, limit: number): Promise<{ rows: ProblemRow[]; total: number }> {
  const reader = await connection.runAndReadAll(`
    SELECT file_row_number AS file_order, problem, attributes AS value, count(*) OVER () AS total
    FROM ${numbered} WHERE problem <> 0 ORDER BY file_order LIMIT ${limit}`);
  const found = reader.getRowObjectsJS();
  return {
    rows: found.map((row) => ({ ordinal: Number(row.file_order), problem: Number(row.problem), value: row.value === null ? null : String(row.value) })),
    total: found.length === 0 ? 0 : Number(found[0]!.total),
  };
}

function numbersIn(message: string): number[] {
  return [...message.matchAll(/\d+/g)].map((match) => Number(match[0]));
}

/** Our words for DuckDB's reader errors, as the JavaScript reader said them. */
function describeReaderError(rejection: ReaderRejection, plan: CsvReadPlan): { field: string | null; reason: string } {
  const expected = plan.columns.length;
  switch (rejection.errorType) {
    case 'MISSING COLUMNS': {
      const found = numbersIn(rejection.message).at(-1) ?? 0;
      return { field: plan.columns[found] ?? null, reason: `expected ${expected} fields, found ${found}` };
    }
    case 'TOO MANY COLUMNS': {
      const text = rejection.csvLine?.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '') ?? '';
      const found = splitCsvRecord(text, plan.delimiter)?.length ?? numbersIn(rejection.message).at(-1) ?? expected + 1;
      return { field: null, reason: `expected ${expected} fields, found ${found}` };
    }
    case 'UNQUOTED VALUE':
      return /unterminated/i.test(rejection.message)
        ? { field: null, reason: 'a quoted field is not closed before the end of the file' }
        : { field: null, reason: 'a quoted field is followed by other characters before the delimiter' };
    case 'LINE SIZE OVER MAXIMUM':
      return { field: null, reason: `line is longer than ${plan.maxLineChars} characters` };
    default: {
      const field = rejection.columnIndex === null ? null : (plan.columns[rejection.columnIndex] ?? null);
      return { field, reason: `${rejection.errorType.toLowerCase()}: ${rejection.message}` };
    }
  }
}

/**
 * Names every rejected record by its line: reader errors (wrong field counts, open quotes, long
 * lines, bytes that are not UTF-8) and rows a SQL check failed (empty case id, activity or
 * timestamp, a date that does not parse). Bytes that are not UTF-8 fail the whole import, as
 * they mean the encoding was guessed wrong.
 */
function reportRejections(
  file: string,
  plan: CsvReadPlan,
  readerRejections: ReaderRejection[],
  readerLines: (number | null)[],
  problems: { rows: ProblemRow[]; total: number },
  rowLines: ReadonlyMap<number, number>,
  rejections: RejectionLog,
): void {
  const found: RejectedLine[] = [];
  let readerCount = 0;
  const longLinesNamed = new Set<number>();
  for (const [index, rejection] of readerRejections.entries()) {
    // A long line the scan found inside a quoted record (no record starts there) is DuckDB's to name.
    if (rejection.fromScan === true && readerLines[index] === null) continue;
    const line = readerLines[index] ?? rejection.duckLine;
    if (rejection.errorType === 'LINE SIZE OVER MAXIMUM') {
      if (longLinesNamed.has(line)) continue;
      longLinesNamed.add(line);
    }
    if (rejection.errorType === 'INVALID ENCODING') {
      throw new LogImportError({ file, line, field: null, reason: `not valid ${plan.encoding}; name the encoding (for example windows-1252)` });
    }
    // A line of nothing but spaces is skipped like a blank line, not rejected.
    if (rejection.blank) continue;
    readerCount++;
    if (found.length < rejections.limit) found.push({ line, ...describeReaderError(rejection, plan) });
  }
  for (const row of problems.rows) {
    const problem = PROBLEMS[row.problem];
    if (problem === undefined) throw new Error(`the CSV import marked a row with unknown problem ${row.problem}`);
    const field = plan.mapping[problem.field] ?? null;
    let reason = problem.reason;
    if (row.problem === 4) {
      const expected = plan.dateFormat === null ? 'no known date format fits the first rows' : `expected ${plan.dateFormat}`;
      reason = `bad date ${quoteValue(row.value ?? '')} (${expected})`;
    }
    // Every row ordinal is in the file; a null would mean the walk split records otherwise than DuckDB.
    const line = rowLines.get(row.ordinal);
    if (line === undefined) throw new Error(`${file}: row ${row.ordinal + 1} of the CSV import has no line; the record walk and DuckDB disagree`);
    found.push({ line, field, reason });
  }
  found.sort((a, b) => a.line - b.line);
  for (const rejection of found.slice(0, rejections.limit)) rejections.add(rejection);
  rejections.countOmitted(readerCount + problems.total - Math.min(found.length, rejections.limit));
}
