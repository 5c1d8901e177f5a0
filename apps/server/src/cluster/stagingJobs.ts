import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import { discardStagedImport, type StagedImport } from '@klantreis/analytics';
import type { Database, StagingJobsTable } from '@klantreis/db';
import { describeProblem, StagingProblemError, type Stager, type StagingProgress, type StagingRequest } from '../commands/uploadArea.ts';

/** How often the process that queued a check looks at it, and an idle worker looks for work. */
const POLL_MS = 200;
/** A running check whose worker has not said it is alive for this long is taken over by another (its worker died). */
const STALE_AFTER_MS = 30_000;
const HEARTBEAT_MS = 1_000;
/** A check no worker took in this time fails, naming why: no process runs the `worker` service. */
const UNCLAIMED_AFTER_MS = 10 * 60_000;

/**
 * Checks of uploaded files sent to the processes that run the `worker` service (several
 * processes, docs/deploy.md), through the `staging_jobs` table in PostgreSQL: the process that
 * received the upload queues the check and follows its progress there; a worker claims it
 * (FOR UPDATE SKIP LOCKED: one worker per check), reads the file from the shared data folder,
 * stages it there, and leaves the result. A worker that dies mid-check stops its heartbeat, and
 * another takes the check over.
 */
export class StagingQueue implements Stager {
  private readonly db: Kysely<Database>;
  private closed = false;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async stage(request: StagingRequest, onProgress: (progress: StagingProgress) => void): Promise<StagedImport> {
    const id = randomUUID();
    const queuedAt = Date.now();
    await this.db
      .insertInto('staging_jobs')
      .values({ id, journey_id: request.journeyId, kind: request.kind, file: request.file, file_name: request.fileName, options: JSON.stringify(request.options), state: 'queued', created_at: queuedAt })
      .execute();
    try {
      for (;;) {
        if (this.closed) throw new Error('the server is stopping: check the file again once it is back');
        const job = await this.db.selectFrom('staging_jobs').select(['state', 'progress', 'staged', 'problem', 'heartbeat_at']).where('id', '=', id).executeTakeFirst();
        if (!job) throw new Error('the check was removed (the journey was deleted?)');
        if (job.progress) onProgress(JSON.parse(job.progress) as StagingProgress);
        if (job.state === 'done') return JSON.parse(job.staged!) as StagedImport;
        if (job.state === 'failed') throw new StagingProblemError(JSON.parse(job.problem!) as ReturnType<typeof describeProblem>);
        if (job.state === 'queued' && Date.now() - queuedAt > UNCLAIMED_AFTER_MS) {
          throw new Error(`no process took the check in ${UNCLAIMED_AFTER_MS / 60_000} minutes: is a process with the worker service running (KLANTREIS_SERVICES)?`);
        }
        // Its worker died and no other took it over.
        if (job.state === 'running' && Date.now() - (job.heartbeat_at ?? queuedAt) > UNCLAIMED_AFTER_MS) {
          throw new Error(`the worker process that checked the file stopped, and no other took the check over in ${UNCLAIMED_AFTER_MS / 60_000} minutes: check it again`);
        }
        await sleep(POLL_MS);
      }
    } finally {
      await this.db.deleteFrom('staging_jobs').where('id', '=', id).execute().catch(() => undefined);
    }
  }

  /** Stops following: the checks still queued are left to the sweep. */
  close(): void {
    this.closed = true;
  }
}

/** The `worker` service's side: claims queued checks one at a time and runs them here. */
export class StagingWorker {
  private readonly db: Kysely<Database>;
  private readonly nodeName: string;
  private readonly stager: Stager;
  private running: Promise<void> | null = null;
  private stopping = false;

  constructor(db: Kysely<Database>, nodeName: string, stager: Stager) {
    this.db = db;
    this.nodeName = nodeName;
    this.stager = stager;
  }

  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let worked = false;
      try {
        worked = await this.runOne();
      } catch (error) {
        // The database is away (a restart): try again in a moment.
        console.warn(`worker: could not take a check: ${(error as Error).message}`);
      }
      if (!worked) await sleep(POLL_MS * 2);
    }
  }

  /** Claims the oldest check nobody runs (or whose worker went silent) and runs it; false when there was none. */
  async runOne(): Promise<boolean> {
    const now = Date.now();
    const claimed = await sql<StagingJobsTable>`
      update staging_jobs set state = 'running', claimed_by = ${this.nodeName}, heartbeat_at = ${now}
      where id = (
        select id from staging_jobs
        where state = 'queued' or (state = 'running' and heartbeat_at < ${now - STALE_AFTER_MS})
        order by created_at for update skip locked limit 1)
      returning *`.execute(this.db);
    const job = claimed.rows[0];
    if (!job) return false;
    let progress: StagingProgress | null = null;
    const heartbeat = setInterval(() => {
      void this.db
        .updateTable('staging_jobs')
        .set({ heartbeat_at: Date.now(), progress: progress && JSON.stringify(progress) })
        .where('id', '=', job.id)
        .where('claimed_by', '=', this.nodeName)
        .execute()
        .catch(() => undefined);
    }, HEARTBEAT_MS);
    try {
      const request: StagingRequest = { journeyId: job.journey_id, kind: job.kind as StagingRequest['kind'], file: job.file, fileName: job.file_name, options: JSON.parse(job.options) as StagingRequest['options'] };
      const outcome = await this.stager.stage(request, (next) => (progress = next)).then(
        (staged) => ({ state: 'done' as const, staged: JSON.stringify(staged), problem: null }),
        (error: unknown) => ({ state: 'failed' as const, staged: null, problem: JSON.stringify(describeProblem(job.file_name, error)) }),
      );
      const kept = await this.db.updateTable('staging_jobs').set(outcome).where('id', '=', job.id).where('claimed_by', '=', this.nodeName).executeTakeFirst();
      // Nobody waits for it any more (the upload was discarded, its process stopped) or another
      // worker took it over: what this one staged would be left in the data folder.
      if (Number(kept.numUpdatedRows) === 0 && outcome.staged) await discardStagedImport(JSON.parse(outcome.staged) as StagedImport);
    } finally {
      clearInterval(heartbeat);
    }
    return true;
  }
}
