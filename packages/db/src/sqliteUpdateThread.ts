import { Worker } from 'node:worker_threads';
import type { UpdateRow } from './journeyStore.ts';

/** An idle thread is stopped after this long: its memory goes back to the system. */
const IDLE_MS = 10_000;

/**
 * Commits update rows on a worker thread with a connection of its own. With
 * synchronous=FULL every commit waits for an fsync (2–3 ms on an ordinary disk, far more on
 * a busy one); on the server's thread that wait holds up every editor's messages, and under
 * load it took a third of the server's time. The worker waits instead. SQLite serializes the
 * two connections' writes, so sequence numbers still follow commit order.
 *
 * The thread starts with the first batch and stops when idle (its V8 heap grows under load
 * and would otherwise stay); the first batch after a pause waits some tens of milliseconds
 * for it to start again.
 */
export class SqliteUpdateThread {
  private readonly file: string;
  private readonly idleMs: number;
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(file: string, idleMs = IDLE_MS) {
    this.file = file;
    this.idleMs = idleMs;
  }

  append(rows: readonly UpdateRow[], at: number): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the SQLite update thread is closed'));
    const worker = this.running();
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, rows, at });
    });
  }

  /** Lets the batches already sent commit, then closes the worker's connection. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await this.stop();
  }

  private running(): Worker {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./sqliteUpdateWorker.ts', import.meta.url), {
      workerData: { file: this.file },
      // It holds nothing but the batch at hand.
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    worker.on('message', ({ id, error }: { id: number; error?: string }) => {
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (error === undefined) waiting?.resolve();
      else waiting?.reject(new Error(error));
      if (this.pending.size === 0 && !this.closed) this.stopWhenIdle();
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => {
      // A thread stopped because it was idle had nothing pending; one that died did.
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(new Error('the SQLite update thread stopped'));
    });
    this.worker = worker;
    return worker;
  }

  /** Sends the worker its 'close' after the batches before it, and waits until it is gone. */
  private async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('close');
    await exited;
  }

  private stopWhenIdle(): void {
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      // Nothing waits for an idle stop; a failure to stop leaves only a thread behind.
      if (this.pending.size === 0) this.stop().catch(() => {});
    }, this.idleMs);
    // A timer that must not keep the process alive.
    this.idleTimer.unref();
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
