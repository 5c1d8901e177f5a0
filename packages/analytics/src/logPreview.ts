import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openAnalyticsDatabase } from './analyticsDatabase.ts';
import { loadCsvEvents } from './csvEventLoader.ts';
import type { EventSink, NormalizedEvent, ReadLogOptions, ReadSummary, RejectedLine } from './eventLogTypes.ts';
import { eventPartsRelation } from './eventPartsWriter.ts';
import { TEXT_READERS } from './logLoader.ts';
import { detectLogFormat } from './logFormatDetection.ts';
import { loadParquetEvents } from './parquetEventReader.ts';
import { RejectionLog } from './rejectionLog.ts';
import { formatMicrosAsIso } from './timestampParser.ts';

export interface PreviewRow {
  line: number;
  caseId: string;
  activity: string;
  /** ISO 8601, UTC when the source gave an offset. */
  timestamp: string;
  channel: string | null;
  resource: string | null;
  segment: string | null;
  attributes: Record<string, unknown> | null;
}

export interface LogPreview extends ReadSummary {
  sampleRows: PreviewRow[];
  /** The first rejected lines, in line order, up to `maxReportedRejections`. */
  rejected: RejectedLine[];
  rejectedCount: number;
  acceptedCount: number;
  /** False when `maxRows` stopped the scan before the end of the file. */
  complete: boolean;
}

export interface PreviewLogOptions extends ReadLogOptions {
  sampleSize?: number;
  /** Stop after this many rows (accepted or rejected); the whole file when left out. */
  maxRows?: number;
  maxReportedRejections?: number;
}

function previewRow(event: NormalizedEvent): PreviewRow {
  return {
    line: event.line,
    caseId: event.caseId,
    activity: event.activity,
    timestamp: formatMicrosAsIso(event.timestampMicros),
    channel: event.channel,
    resource: event.resource,
    segment: event.segment,
    attributes: event.attributesJson === null ? null : (JSON.parse(event.attributesJson) as Record<string, unknown>),
  };
}

/** Validates every row like an import would, keeping only a sample and the rejections. */
class PreviewSink implements EventSink {
  readonly sample: PreviewRow[] = [];
  readonly rejections: RejectionLog;
  accepted = 0;
  private readonly sampleSize: number;
  private readonly maxRows: number;

  constructor(sampleSize: number, maxRows: number, rejections: RejectionLog) {
    this.sampleSize = sampleSize;
    this.maxRows = maxRows;
    this.rejections = rejections;
  }

  accept(event: NormalizedEvent): void {
    this.accepted++;
    if (this.sample.length < this.sampleSize) this.sample.push(previewRow(event));
  }

  reject(rejection: RejectedLine): void {
    this.rejections.add(rejection);
  }

  async checkpoint(): Promise<void> {}

  get done(): boolean {
    return this.accepted + this.rejections.count >= this.maxRows;
  }
}

/**
 * Shows what an import would do without writing anything: the detected dialect and mapping, a
 * sample of normalized rows, and every rejected line with its reason. Readers stop between input
 * chunks, so `maxRows` is approximate by up to a chunk.
 */
export async function previewLog(file: string, options: PreviewLogOptions = {}): Promise<LogPreview> {
  const format = options.format ?? (await detectLogFormat(file));
  const sampleSize = options.sampleSize ?? 20;
  const rejections = new RejectionLog(options.maxReportedRejections);
  if (format === 'parquet' || format === 'csv') return previewWithDuckDb(format, file, options, sampleSize, rejections);
  const sink = new PreviewSink(sampleSize, options.maxRows ?? Number.POSITIVE_INFINITY, rejections);
  const summary = await TEXT_READERS[format](file, options, sink);
  rejections.lines.sort((a, b) => a.line - b.line);
  return {
    ...summary,
    sampleRows: sink.sample,
    rejected: rejections.lines,
    rejectedCount: rejections.count,
    acceptedCount: sink.accepted,
    complete: !sink.done,
  };
}

/**
 * CSV and Parquet are read by DuckDB as an import would read them, into a folder removed
 * afterwards; the whole file is read (`maxRows` does not apply), which DuckDB does in seconds.
 */
async function previewWithDuckDb(format: 'csv' | 'parquet', file: string, options: PreviewLogOptions, sampleSize: number, rejections: RejectionLog): Promise<LogPreview> {
  const database = await openAnalyticsDatabase();
  const directory = await mkdtemp(join(tmpdir(), 'klantreis-preview-'));
  try {
    let summary: ReadSummary;
    let events: number;
    // A Parquet file's rows are its lines; a CSV record's line is found by walking the file.
    let lineOf = (order: number): number => order + 1;
    if (format === 'csv') {
      const loaded = await loadCsvEvents(database, directory, file, options, rejections, true, sampleSize);
      ({ summary, events } = loaded);
      lineOf = (order) => loaded.lines.get(order) ?? order + 1;
    } else {
      ({ summary, events } = await loadParquetEvents(database.connection, directory, file, options, rejections));
    }
    const sampleRows = await readSample(database.connection, directory, sampleSize, lineOf);
    return { ...summary, sampleRows, rejected: rejections.lines, rejectedCount: rejections.count, acceptedCount: events, complete: true };
  } finally {
    database.close();
    await rm(directory, { recursive: true, force: true });
  }
}

async function readSample(connection: DuckDBConnection, directory: string, sampleSize: number, lineOf: (order: number) => number): Promise<PreviewRow[]> {
  const sample = await connection.runAndReadAll(`
    SELECT file_order, case_id, activity, epoch_us(ts) AS micros, channel, resource, segment, attributes
    FROM ${eventPartsRelation(directory)} ORDER BY file_order LIMIT ${sampleSize}`);
  return sample.getRowObjectsJS().map((row) =>
    previewRow({
      line: lineOf(Number(row.file_order)),
      caseId: String(row.case_id),
      activity: String(row.activity),
      timestampMicros: Number(row.micros),
      channel: row.channel === null ? null : String(row.channel),
      resource: row.resource === null ? null : String(row.resource),
      segment: row.segment === null ? null : String(row.segment),
      attributesJson: row.attributes === null ? null : String(row.attributes),
    }),
  );
}
