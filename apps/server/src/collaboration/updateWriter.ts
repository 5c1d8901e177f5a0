import { LeaseLostError, type JourneyStore, type UpdateRow } from '@klantreis/db';

interface QueuedRow {
  row: UpdateRow;
  stored: () => void;
  failed: (error: unknown) => void;
  /** Resolves when the row is stored or has failed, for `drain`. */
  settled: Promise<void>;
  markSettled: () => void;
}

function queuedRow(row: UpdateRow, stored: () => void, failed: (error: unknown) => void): QueuedRow {
  let markSettled = () => {};
  const settled = new Promise<void>((resolve) => {
    markSettled = resolve;
  });
  return { row, stored, failed, settled, markSettled };
}

/**
 * Stores update rows with group commit: every update that arrives in one turn of the event
 * loop is written in one transaction. With SQLite at synchronous=FULL each commit is an
 * fsync (2–3 ms on an ordinary disk), so one commit per update would cap a server at a few
 * hundred updates a second and block its event loop the whole time.
 *
 * Flushes run one at a time. On PostgreSQL that keeps the order of sequence numbers the
 * order of commits, which compaction relies on: it merges up to the highest stored `seq`,
 * and a row committed later with a lower `seq` would never be loaded again.
 */
export class UpdateWriter {
  private readonly append: (rows: readonly UpdateRow[]) => void | Promise<void>;
  private queue: QueuedRow[] = [];
  private inFlight: readonly QueuedRow[] = [];
  private flushing: Promise<void> | null = null;
  private scheduled: NodeJS.Immediate | null = null;

  /** `append` stores a batch; by default the store's own, with several processes a fenced one (DocumentOwnership). */
  constructor(store: JourneyStore, append?: (rows: readonly UpdateRow[]) => void | Promise<void>) {
    this.append = append ?? ((rows) => store.appendUpdates(rows));
  }

  /** Resolves once the row is committed; the caller holds the update back until then. */
  write(journeyId: string, update: Uint8Array): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push(queuedRow({ journeyId, update }, resolve, reject));
      this.schedule();
    });
  }

  /**
   * Waits until every row queued so far is stored (or has failed); rows queued meanwhile
   * are not waited for, so a busy server cannot keep a drain going forever.
   */
  async drain(): Promise<void> {
    const waitFor = [...this.inFlight, ...this.queue];
    this.flush();
    await Promise.all(waitFor.map((queued) => queued.settled));
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    // setImmediate runs after the poll phase: every message read from the sockets in this
    // turn has queued its row by then.
    this.scheduled = setImmediate(() => {
      this.scheduled = null;
      this.flush();
    });
  }

  private flush(): void {
    if (this.flushing || this.queue.length === 0) return;
    if (this.scheduled) {
      clearImmediate(this.scheduled);
      this.scheduled = null;
    }
    const batch = this.queue;
    this.queue = [];
    this.inFlight = batch;
    let written: void | Promise<void>;
    try {
      written = this.append(batch.map((queued) => queued.row));
    } catch (error) {
      this.inFlight = [];
      settle(batch, { error });
      return;
    }
    if (!(written instanceof Promise)) {
      this.inFlight = [];
      settle(batch, null);
      return;
    }
    // Never rejects: the outcome goes to each row's own callbacks.
    this.flushing = written
      .then(
        () => settle(batch, null),
        (error: unknown) => {
          // A lease lost on one journey refuses the whole batch: the other journeys' rows go
          // into the next one instead of failing with it.
          if (error instanceof LeaseLostError) {
            const lost = new Set(error.journeyIds);
            this.queue.unshift(...batch.filter((queued) => !lost.has(queued.row.journeyId)));
            settle(
              batch.filter((queued) => lost.has(queued.row.journeyId)),
              { error },
            );
            return;
          }
          settle(batch, { error });
        },
      )
      .then(() => {
        this.flushing = null;
        this.inFlight = [];
        this.schedule();
      });
  }
}

function settle(batch: readonly QueuedRow[], failure: { error: unknown } | null): void {
  for (const queued of batch) {
    try {
      if (failure) queued.failed(failure.error);
      else queued.stored();
    } catch (error) {
      console.error(`collab: a store callback failed: ${(error as Error).message}`);
    }
    queued.markSettled();
  }
}
