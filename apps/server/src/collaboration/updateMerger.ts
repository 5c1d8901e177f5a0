import { Worker } from 'node:worker_threads';

/**
 * Merges update rows on a worker thread. Merging is a decode and an encode of a document's
 * whole history: for a journey edited for a minute by twenty people that took 100–300 ms,
 * during which the server answered nobody (the load bench's p99 latency came from it).
 */
export class UpdateMerger {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (merged: Uint8Array) => void; reject: (error: Error) => void }>();
  private nextId = 1;

  constructor() {
    this.worker = new Worker(new URL('./updateMergeWorker.ts', import.meta.url));
    this.worker.on('message', ({ id, merged, error }: { id: number; merged?: Uint8Array; error?: string }) => {
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (this.pending.size === 0) this.worker.unref();
      if (merged) waiting?.resolve(merged);
      else waiting?.reject(new Error(error ?? 'the merge failed'));
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', () => this.failAll(new Error('the merge thread stopped')));
    this.worker.unref();
  }

  merge(updates: readonly Uint8Array[]): Promise<Uint8Array> {
    const id = this.nextId++;
    return new Promise<Uint8Array>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, updates });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
