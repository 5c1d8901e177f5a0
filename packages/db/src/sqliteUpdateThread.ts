import { Worker } from 'node:worker_threads';
import type { UpdateRow } from './journeyStore.ts';

/**
 * Commits update rows on a worker thread with a connection of its own. With
 * synchronous=FULL every commit waits for an fsync (2–3 ms on an ordinary disk, far more on
 * a busy one); on the server's thread that wait holds up every editor's messages, and under
 * load it took a third of the server's time. The worker waits instead. SQLite serializes the
 * two connections' writes, so sequence numbers still follow commit order.
 */
export class SqliteUpdateThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private readonly inFlight = new Set<Promise<void>>();
  private nextId = 1;
  private closing: Promise<void> | null = null;

  constructor(file: string) {
    this.worker = new Worker(new URL('./sqliteUpdateWorker.ts', import.meta.url), {
      workerData: { file },
      // It holds nothing but the batch at hand: a small young generation keeps the memory it
      // takes under load (and keeps afterwards) small.
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    this.worker.on('message', ({ id, error }: { id: number; error?: string }) => {
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      // An idle worker must not keep a process alive that has nothing else to do.
      if (this.pending.size === 0) this.worker.unref();
      if (error === undefined) waiting?.resolve();
      else waiting?.reject(new Error(error));
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', () => this.failAll(new Error('the SQLite update thread stopped')));
    this.worker.unref();
  }

  append(rows: readonly UpdateRow[], at: number): Promise<void> {
    if (this.closing) return Promise.reject(new Error('the SQLite update thread is closed'));
    const id = this.nextId++;
    const committed = new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, rows, at });
    });
    // For close(): settles either way, and leaves the set when it does.
    const settled: Promise<void> = committed.then(
      () => void this.inFlight.delete(settled),
      () => void this.inFlight.delete(settled),
    );
    this.inFlight.add(settled);
    return committed;
  }

  /** Lets the batches already sent commit, then closes the worker's connection. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all(this.inFlight);
      const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
      this.worker.ref();
      this.worker.postMessage('close');
      await exited;
    })();
    return this.closing;
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
