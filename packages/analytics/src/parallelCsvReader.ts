import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { CsvChunkResult, CsvChunkTask, CsvChunkWorkerData } from './csvChunkWorker.ts';
import { CsvChunkScanner } from './csvChunkScanner.ts';
import { invalidTextError } from './csvEventReader.ts';
import { csvReadSummary, type CsvReadPlan } from './csvReadPlan.ts';
import type { EventSink, ReadLogOptions, ReadSummary, RejectedLine } from './eventLogTypes.ts';

const CHUNK_BYTES = 8 * 1024 * 1024;
const READ_BYTES = 1024 * 1024;

/** A sink that also takes rows the workers encoded, in file order. */
export interface EncodedEventSink extends EventSink {
  acceptEncoded(rows: readonly Buffer[], events: number): void;
  /** Rejections beyond a worker's report limit: counted, without details. */
  countRejected(count: number): void;
}

/** Encodings in which a newline byte is always a newline: the chunks are cut on bytes. */
export function canReadInParallel(plan: CsvReadPlan): boolean {
  return (plan.encoding === 'utf-8' || plan.encoding === 'windows-1252') && plan.delimiter.length === 1 && plan.delimiter.charCodeAt(0) < 0x80;
}

interface PendingChunk {
  result: Promise<CsvChunkResult>;
}

/**
 * Runs a pool of worker threads, each parsing the chunks posted to it in turn; results are
 * matched to their chunk by index.
 */
class ChunkWorkers {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (result: CsvChunkResult) => void; reject: (error: Error) => void }>();
  private next = 0;

  constructor(count: number, data: CsvChunkWorkerData) {
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(new URL('./csvChunkWorker.ts', import.meta.url), { workerData: data });
      worker.on('message', (result: CsvChunkResult) => {
        this.waiting.get(result.index)?.resolve(result);
        this.waiting.delete(result.index);
      });
      const failAll = (error: Error): void => {
        for (const pending of this.waiting.values()) pending.reject(error);
        this.waiting.clear();
      };
      worker.on('error', failAll);
      worker.on('exit', (code) => failAll(new Error(`a CSV worker thread stopped with exit code ${code}`)));
      return worker;
    });
  }

  parse(task: CsvChunkTask): PendingChunk {
    const result = new Promise<CsvChunkResult>((resolve, reject) => this.waiting.set(task.index, { resolve, reject }));
    const worker = this.workers[this.next++ % this.workers.length];
    if (worker === undefined) throw new Error('the CSV reader has no worker threads');
    worker.postMessage(task, [task.bytes.buffer as ArrayBuffer]);
    // Settled here too, so that a chunk failing while an earlier one is awaited is not unhandled.
    result.catch(() => undefined);
    return { result };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/**
 * Reads a large CSV with worker threads: the main thread only cuts the file into chunks of whole
 * records (CsvChunkScanner), the workers parse and encode them, and the results go to the sink in
 * file order. On 2 cores the JavaScript parse, not DuckDB, held a single-threaded import of 10M
 * events at about 45 s; with two workers it took 26 s. Lines longer than four times `maxLineChars` bytes are rejected here
 * without being held; shorter ones reach a worker, which rejects them as the sequential reader does.
 */
export async function readCsvEventsInParallel(
  plan: CsvReadPlan,
  options: ReadLogOptions,
  sink: EncodedEventSink,
  workerCount: number,
  maxRejections: number,
  chunkBytes = CHUNK_BYTES,
): Promise<ReadSummary> {
  const totalBytes = (await stat(plan.file)).size;
  const maxPendingBytes = Math.max(4 * plan.maxLineChars, chunkBytes);
  const scanner = new CsvChunkScanner(plan.delimiter);
  const workers = new ChunkWorkers(workerCount, { plan, maxRejections });
  const inFlight: (PendingChunk | { rejection: RejectedLine })[] = [];
  let pieces: Buffer[] = [];
  let pendingBytes = 0;
  let nextLine = 1;
  let chunkIndex = 0;
  let skippingLongLine = false;
  let bytesRead = 0;

  const dispatch = (bytes: Buffer, newlines: number): void => {
    const owned = new Uint8Array(bytes.length);
    owned.set(bytes);
    inFlight.push(workers.parse({ index: chunkIndex, bytes: owned, firstLine: nextLine, withHeader: chunkIndex === 0 }));
    chunkIndex++;
    nextLine += newlines;
  };

  /** Hands finished chunks to the sink in file order; waits for the oldest when `limit` are open. */
  const commit = async (limit: number): Promise<void> => {
    while (inFlight.length > limit && !sink.done) {
      const oldest = inFlight.shift();
      if (oldest === undefined) return;
      if ('rejection' in oldest) {
        sink.reject(oldest.rejection);
        continue;
      }
      const result = await oldest.result;
      for (const rejection of result.rejected) sink.reject(rejection);
      sink.countRejected(result.rejectedCount - result.rejected.length);
      if (result.invalidTextLine !== null) throw invalidTextError(plan, result.invalidTextLine);
      sink.acceptEncoded(
        result.rows.map((rows) => Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength)),
        result.events,
      );
      await sink.checkpoint();
    }
  };

  try {
    for await (const chunk of createReadStream(plan.file, { highWaterMark: Math.min(READ_BYTES, chunkBytes) })) {
      let bytes = chunk as Buffer;
      bytesRead += bytes.length;
      options.onProgress?.({ bytesRead, totalBytes });
      if (skippingLongLine) {
        const newline = bytes.indexOf(0x0a);
        if (newline === -1) continue;
        skippingLongLine = false;
        nextLine++;
        bytes = bytes.subarray(newline + 1);
      }
      pieces.push(bytes);
      pendingBytes += bytes.length;
      if (pendingBytes < chunkBytes) continue;
      // One piece is used as it is (no copy); its presence is what the length says.
      const buffer = pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
      const cut = scanner.scan(buffer);
      if (cut > 0) {
        const newlines = scanner.newlinesToCut;
        scanner.consume(cut);
        dispatch(buffer.subarray(0, cut), newlines);
        pieces = [buffer.subarray(cut)];
        pendingBytes = buffer.length - cut;
      } else if (buffer.length > maxPendingBytes) {
        inFlight.push({ rejection: { line: nextLine, field: null, reason: `line is longer than ${plan.maxLineChars} characters` } });
        // Newlines inside an unclosed quote still count as lines.
        for (let newline = buffer.indexOf(0x0a); newline !== -1; newline = buffer.indexOf(0x0a, newline + 1)) nextLine++;
        scanner.reset();
        pieces = [];
        pendingBytes = 0;
        skippingLongLine = true;
      } else {
        pieces = [buffer];
      }
      await commit(2 * workerCount);
      if (sink.done) break;
    }
    if (!sink.done && pendingBytes > 0 && !skippingLongLine) dispatch(Buffer.concat(pieces), 0);
    await commit(0);
  } finally {
    await workers.close();
  }
  return csvReadSummary(plan);
}
