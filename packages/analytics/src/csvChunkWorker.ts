/*
 * A worker thread of the parallel CSV reader: parses whole-record chunks of the file into encoded
 * event rows, exactly as the sequential reader would, and posts them back with their rejections.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createCsvRecordHandlers } from './csvRecordNormalizer.ts';
import { CsvRecordReader } from './csvRecordReader.ts';
import type { CsvReadPlan } from './csvReadPlan.ts';
import type { NormalizedEvent, RejectedLine } from './eventLogTypes.ts';
import { EncodedRows, encodeEventRow } from './eventRowEncoding.ts';
import { firstInvalidUtf8Byte } from './logFileSource.ts';

export interface CsvChunkWorkerData {
  plan: CsvReadPlan;
  maxRejections: number;
}

export interface CsvChunkTask {
  index: number;
  bytes: Uint8Array;
  firstLine: number;
  /** The first chunk starts with the header. */
  withHeader: boolean;
}

export interface CsvChunkResult {
  index: number;
  rows: Uint8Array[];
  events: number;
  rejected: RejectedLine[];
  rejectedCount: number;
  /** Set when the bytes are not valid in the plan's encoding: the line where they stop being valid. */
  invalidTextLine: number | null;
}

/** A small Buffer may sit in Node's shared pool, whose memory must not be transferred away. */
function ownBytes(chunk: Buffer): Uint8Array {
  if (chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength) return chunk;
  return new Uint8Array(chunk);
}

function parseChunk(plan: CsvReadPlan, maxRejections: number, task: CsvChunkTask): CsvChunkResult {
  const rows = new EncodedRows();
  const rejected: RejectedLine[] = [];
  let rejectedCount = 0;
  let events = 0;
  const reject = (rejection: RejectedLine): void => {
    rejectedCount++;
    if (rejected.length < maxRejections) rejected.push(rejection);
  };
  const accept = (event: NormalizedEvent): void => {
    // The line orders events: it grows through the file whichever worker parses the chunk.
    const row = encodeEventRow(event, event.line);
    if (row === null) return reject({ line: event.line, field: null, reason: 'the event is too large to load' });
    rows.append(row);
    events++;
  };
  const records = new CsvRecordReader(plan.delimiter, plan.maxLineChars, createCsvRecordHandlers(plan, { accept, reject }, task.withHeader), task.firstLine);
  let invalidTextLine: number | null = null;
  try {
    records.push(new TextDecoder(plan.encoding, { fatal: plan.encoding === 'utf-8' }).decode(task.bytes));
  } catch {
    // Parse the valid lines before the bad byte, so that the error names the right line.
    records.push(new TextDecoder(plan.encoding).decode(task.bytes.subarray(0, firstInvalidUtf8Byte(task.bytes))));
    invalidTextLine = records.currentLine;
  }
  if (invalidTextLine === null) records.finish();
  return { index: task.index, rows: rows.take().map(ownBytes), events, rejected, rejectedCount, invalidTextLine };
}

if (parentPort !== null) {
  const port = parentPort;
  const { plan, maxRejections } = workerData as CsvChunkWorkerData;
  port.on('message', (task: CsvChunkTask) => {
    const result = parseChunk(plan, maxRejections, task);
    port.postMessage(
      result,
      result.rows.map((row) => row.buffer as ArrayBuffer),
    );
  });
}
