import { Worker } from 'node:worker_threads';

/** An idle merge thread is stopped after this long, and its memory goes back to the system. */
const IDLE_MS = 10_000;

/**
 * Merges update rows on a worker thread. Merging is a decode and an encode of a document's
 * whole history: for a journey edited for a minute by twenty people that took 100–300 ms,
 * during which the server answered nobody (the load bench's p99 latency came from it).
 * The thread starts with the first merge and stops when idle.
 */
export class UpdateMerger {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (merged: Uint8Array) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  merge(updates: readonly Uint8Array[]): Promise<Uint8Array> {
    const worker = this.running();
    const id = this.nextId++;
    return new Promise<Uint8Array>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, updates });
    });
  }

  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private running(): Worker {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./updateMergeWorker.ts', import.meta.url));
    worker.on('message', ({ id, merged, error }: { id: number; merged?: Uint8Array; error?: string }) => {
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (merged) waiting?.resolve(merged);
      else waiting?.reject(new Error(error ?? 'the merge failed'));
      if (this.pending.size === 0) this.stopWhenIdle();
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => {
      // A thread stopped because it was idle had nothing pending; one that died did.
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(new Error('the merge thread stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private stopWhenIdle(): void {
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.pending.size > 0 || !this.worker) return;
      const worker = this.worker;
      this.worker = null;
      // Nothing waits for an idle stop; a failure to stop leaves only a thread behind.
      worker.terminate().catch(() => {});
    }, IDLE_MS);
    // A timer that must not keep the process alive.
    this.idleTimer.unref();
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
