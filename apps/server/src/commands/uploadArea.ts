import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { discardStagedImport, LogImportError, type ImportStage, type RejectedLine, type StagedImport } from '@klantreis/analytics';
import type { AnalyticsImport, AnalyticsImportKind } from '@klantreis/db';
import type { JourneyDocument } from '@klantreis/schema';
import { HttpError } from '../httpErrors.ts';
import type { EventLogImportOptions, JourneyAnalytics, SurveyImportOptions } from './journeyAnalytics.ts';

export type UploadState = 'uploaded' | 'checking' | 'checked' | 'failed' | 'committed';

/** Why a file could not be read at all: where and what, in the words of the original file name. */
export interface UploadProblem {
  message: string;
  line: number | null;
  field: string | null;
  rejected: RejectedLine[];
  rejectedCount: number;
}

/**
 * A file on its way into a journey: uploaded to a temporary file (never held in memory), then
 * checked (staged: every row read, the good ones kept aside, the rejected ones listed), then
 * committed or discarded. Uploads live in this process only; a restart forgets them.
 */
export interface Upload {
  id: string;
  journeyId: string;
  kind: AnalyticsImportKind;
  fileName: string;
  bytes: number;
  contentHash: string;
  createdAt: number;
  state: UploadState;
  /**
   * While checking: how far the reader is in the file, the records it read (counted or estimated,
   * for a rate) and how long it has been reading, so the web app can show events/s and time left;
   * `stage` is `indexing` once the file is read and each case's events are put in order (no share
   * done to show), else left out.
   */
  progress: { bytesRead: number; totalBytes: number; eventsRead?: number; stage?: ImportStage; elapsedMs: number } | null;
  staged: StagedImport | null;
  problem: UploadProblem | null;
  /** The earlier import of the same content for this journey, if any: committing would be refused. */
  duplicateOf: AnalyticsImport | null;
  importId: string | null;
}

interface StoredUpload extends Upload {
  path: string;
}

/** What a check reads, and where the staged rows go: everything a process needs to check an upload. */
export interface StagingRequest {
  journeyId: string;
  kind: AnalyticsImportKind;
  /** The uploaded file, in the data folder. */
  file: string;
  fileName: string;
  options: { events?: EventLogImportOptions; survey?: SurveyImportOptions; document: JourneyDocument };
}

export type StagingProgress = { bytesRead: number; totalBytes: number; eventsRead?: number; stage?: ImportStage };

/** A check that failed, already described for the person who sent the file (by the process that ran it). */
export class StagingProblemError extends Error {
  readonly problem: UploadProblem;
  constructor(problem: UploadProblem) {
    super(problem.message);
    this.name = 'StagingProblemError';
    this.problem = problem;
  }
}

/** Runs a check: in this process, or, with several, on a process that runs the `worker` service (cluster/stagingJobs.ts). */
export interface Stager {
  stage(request: StagingRequest, onProgress: (progress: StagingProgress) => void): Promise<StagedImport>;
}

/** Checks in this process. */
export function stagerHere(analytics: JourneyAnalytics): Stager {
  return {
    stage: ({ journeyId, kind, file, options }, onProgress) =>
      kind === 'events' ? analytics.stageEventLog(journeyId, file, options.events ?? {}, onProgress) : analytics.stageSurvey(journeyId, file, options.document, options.survey ?? {}),
  };
}

/** Uploads that were never committed or discarded are removed after this long. */
const FORGET_AFTER_MS = 6 * 60 * 60 * 1000;

function safeName(fileName: string): string {
  return fileName.replace(/[^\w.\-]+/g, '_').slice(-120) || 'upload';
}

export function describeProblem(fileName: string, error: unknown): UploadProblem {
  if (error instanceof LogImportError) {
    const where = error.line === null ? fileName : `${fileName}:${error.line}`;
    return {
      message: error.field === null ? `${where}: ${withoutServerPaths(error.reason)}` : `${where}: field "${error.field}": ${withoutServerPaths(error.reason)}`,
      line: error.line,
      field: error.field,
      rejected: error.rejected,
      rejectedCount: error.rejectedCount,
    };
  }
  return { message: `${fileName}: ${readableReason(error)}`, line: null, field: null, rejected: [], rejectedCount: 0 };
}

/**
 * An error's message for the person who sent the file: a full disk said as such, and no path
 * of the server's (a DuckDB or file-system message names the temporary files it read).
 */
export function readableReason(error: unknown): string {
  if ((error as NodeJS.ErrnoException).code === 'ENOSPC') return "the server's disk is full";
  return withoutServerPaths((error as Error).message);
}

/** Replaces each absolute path in a message by its last part: `/srv/data/uploads/x-log.csv` → `x-log.csv`. */
export function withoutServerPaths(message: string): string {
  return message.replace(/(?<![\w.:/])\/(?:[^\s"'`/]+\/)+([^\s"'`/]*)/g, (_path, last: string) => last);
}

export class UploadArea {
  private readonly analytics: JourneyAnalytics;
  private readonly directory: string;
  private readonly maxBytes: number;
  private readonly uploads = new Map<string, StoredUpload>();
  /** Checks running in the background, by upload; `settled` and `close` wait for them. */
  private readonly running = new Map<string, Promise<void>>();

  /** The disk that all open uploads together may hold: each is kept until committed or discarded. */
  private readonly maxOpenBytes: number;
  /** Bytes of uploads still arriving. */
  private arriving = 0;

  /** `folder`: this process's own folder under uploads/ when several processes share the data folder. */
  private readonly stager: Stager;

  constructor(analytics: JourneyAnalytics, options: { maxBytes: number; maxOpenBytes?: number; folder?: string; stager?: Stager }) {
    this.analytics = analytics;
    this.stager = options.stager ?? stagerHere(analytics);
    this.directory = options.folder ? join(analytics.analyticsDir, 'uploads', options.folder) : join(analytics.analyticsDir, 'uploads');
    this.maxBytes = options.maxBytes;
    this.maxOpenBytes = options.maxOpenBytes ?? 4 * options.maxBytes;
  }

  /** The bytes open uploads hold on disk now (committed ones are removed). */
  private openBytes(): number {
    let total = this.arriving;
    for (const upload of this.uploads.values()) if (upload.state !== 'committed') total += upload.bytes;
    return total;
  }

  /** Streams the body to a temporary file, hashing it on the way; too large a body is cut off and removed. */
  async receive(journeyId: string, kind: AnalyticsImportKind, fileName: string, body: Readable): Promise<Upload> {
    await this.forgetOld();
    await mkdir(this.directory, { recursive: true });
    const id = randomUUID();
    const path = join(this.directory, `${id}-${safeName(fileName)}`);
    const hash = createHash('sha256');
    let bytes = 0;
    const maxBytes = this.maxBytes;
    const area = this;
    let refusal: HttpError | null = null;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        area.arriving += chunk.length;
        if (bytes > maxBytes) return done(new HttpError(413, `${fileName} is larger than ${maxBytes} bytes, the most one upload may be`));
        // Over the cap the rest of the body is read and dropped, not written: a client still
        // sending gets its answer (a socket closed on it leaves it waiting), and an upload
        // that fits is at most maxBytes.
        if (refusal !== null) return done();
        if (area.openBytes() > area.maxOpenBytes) {
          refusal = new HttpError(507, `${fileName} does not fit: open uploads may hold ${Math.round(area.maxOpenBytes / 1024 ** 2)} MB together; import or discard one first`);
          return done();
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(path));
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    } finally {
      this.arriving -= bytes;
    }
    if (refusal !== null) {
      await rm(path, { force: true });
      throw refusal;
    }
    if (bytes === 0) {
      await rm(path, { force: true });
      throw new HttpError(400, `${fileName} is empty`);
    }
    const contentHash = hash.digest('hex');
    const upload: StoredUpload = {
      id,
      journeyId,
      kind,
      fileName,
      path,
      bytes,
      contentHash,
      createdAt: Date.now(),
      state: 'uploaded',
      progress: null,
      staged: null,
      problem: null,
      duplicateOf: (await this.analytics.findDuplicate(journeyId, kind, contentHash)) ?? null,
      importId: null,
    };
    this.uploads.set(id, upload);
    return publicView(upload);
  }

  get(journeyId: string, id: string): Upload {
    return publicView(this.stored(journeyId, id));
  }

  /**
   * Starts reading the whole file with these options; poll `get` for progress and the result.
   * A new check replaces an earlier one (another delimiter, another mapping).
   */
  async check(journeyId: string, id: string, options: { events?: EventLogImportOptions; survey?: SurveyImportOptions; document: JourneyDocument }): Promise<Upload> {
    const upload = this.stored(journeyId, id);
    if (upload.state === 'checking') throw new HttpError(409, `${upload.fileName} is being checked; wait until it is done`);
    if (upload.state === 'committed') throw new HttpError(409, `${upload.fileName} was imported already`);
    if (upload.staged) await discardStagedImport(upload.staged);
    const checkStartedAt = Date.now();
    Object.assign(upload, { state: 'checking', staged: null, problem: null, progress: { bytesRead: 0, totalBytes: upload.bytes, elapsedMs: 0 } });
    const running: { work?: Promise<void> } = {};
    const work: Promise<void> = (async () => {
      // Registered below before anything here can finish and remove it.
      await Promise.resolve();
      try {
        const staged = await this.stager.stage({ journeyId, kind: upload.kind, file: upload.path, fileName: upload.fileName, options }, (progress) => {
          upload.progress = { bytesRead: progress.bytesRead, totalBytes: progress.totalBytes, eventsRead: progress.eventsRead, stage: progress.stage, elapsedMs: Date.now() - checkStartedAt };
        });
        // Discarded while it was being read: nothing of it may stay.
        if (!this.uploads.has(id)) {
          await discardStagedImport(staged);
          return;
        }
        Object.assign(upload, { state: 'checked', staged, progress: { bytesRead: upload.bytes, totalBytes: upload.bytes, elapsedMs: Date.now() - checkStartedAt } });
      } catch (error) {
        Object.assign(upload, { state: 'failed', problem: error instanceof StagingProblemError ? error.problem : describeProblem(upload.fileName, error) });
      } finally {
        if (this.running.get(id) === running.work) this.running.delete(id);
      }
    })();
    // Awaited by settled() and close(); the work catches its own errors into the upload's state.
    running.work = work;
    this.running.set(id, work);
    return publicView(upload);
  }

  /** The upload once its check (if any) has finished. */
  async settled(journeyId: string, id: string): Promise<Upload> {
    this.stored(journeyId, id);
    await this.running.get(id);
    return this.get(journeyId, id);
  }

  has(id: string): boolean {
    return this.uploads.has(id);
  }

  /** Keeps the checked rows: the good ones, or none when the check failed. */
  async commit(journeyId: string, id: string): Promise<AnalyticsImport> {
    const upload = this.stored(journeyId, id);
    if (upload.state !== 'checked' || upload.staged === null) {
      throw new HttpError(409, upload.state === 'committed' ? `${upload.fileName} was imported already` : `check ${upload.fileName} before importing it`);
    }
    const record = await this.analytics.commit(journeyId, upload.staged, { fileName: upload.fileName, contentHash: upload.contentHash });
    Object.assign(upload, { state: 'committed', staged: null, importId: record.id });
    await rm(upload.path, { force: true });
    return record;
  }

  async discard(journeyId: string, id: string): Promise<void> {
    const upload = this.stored(journeyId, id);
    this.uploads.delete(id);
    if (upload.staged) await discardStagedImport(upload.staged);
    await rm(upload.path, { force: true });
  }

  /** At start-up: the files of uploads a crashed process left. Uploads live in one process only. */
  async sweepLeftovers(): Promise<void> {
    await rm(this.directory, { recursive: true, force: true });
  }

  /** Waits for running checks and removes every upload of this process. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
    for (const upload of this.uploads.values()) if (upload.staged) await discardStagedImport(upload.staged);
    this.uploads.clear();
    await rm(this.directory, { recursive: true, force: true });
  }

  private stored(journeyId: string, id: string): StoredUpload {
    const upload = this.uploads.get(id);
    if (!upload || upload.journeyId !== journeyId) throw new HttpError(404, `journey ${journeyId} has no upload ${id}`);
    return upload;
  }

  private async forgetOld(): Promise<void> {
    const now = Date.now();
    for (const upload of [...this.uploads.values()]) {
      if (upload.state !== 'checking' && now - upload.createdAt > FORGET_AFTER_MS) await this.discard(upload.journeyId, upload.id);
    }
  }
}

function publicView({ path: _path, ...upload }: StoredUpload): Upload {
  return { ...upload, progress: upload.progress && { ...upload.progress } };
}
