import { Worker } from 'node:worker_threads';
import type { StoredDocument } from '@klantreis/db';
import type { DocumentTask, DocumentTaskResult } from './documentThreadWorker.ts';

/** An idle thread is stopped after this long, and its memory goes back to the system. */
const IDLE_MS = 10_000;

/** A task as asked for; `run` numbers it. */
type Task = DocumentTask extends infer T ? (T extends unknown ? Omit<T, 'id'> : never) : never;

/**
 * Work on a journey's whole Yjs document, on a worker thread, so the server answers everyone
 * else meanwhile:
 * - merging update rows (a compaction): a decode and an encode of the whole history, 100–300 ms
 *   for a journey edited for a minute by twenty people (the load bench's p99 latency came from it);
 * - a stored journey's state for an editor's first visit (`JourneyDocuments.state`): applying a
 *   200 × 12 map took 0.1 s of an idle core and 0.3–0.4 s beside a busy browser, and the editor's
 *   own files, asked for at the same moment, waited behind it.
 * The thread starts with the first task (or `warm`) and stops when idle.
 */
export class DocumentThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (bytes: Uint8Array | null) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  async merge(updates: readonly Uint8Array[]): Promise<Uint8Array> {
    const merged = await this.run({ kind: 'merge', updates: [...updates] });
    if (!merged) throw new Error('the merge gave nothing');
    return merged;
  }

  /** The stored journey applied to a new document and encoded as one update; null when it awaits a schema upgrade. */
  storedState(stored: StoredDocument): Promise<Uint8Array | null> {
    return this.run({ kind: 'state', stored });
  }

  /** Starts the thread and reads the journey model, for a state asked for in a moment (a map's page was sent). */
  warm(): void {
    this.run({ kind: 'warm' }).catch(() => undefined);
  }

  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private run(task: Task): Promise<Uint8Array | null> {
    const worker = this.running();
    const id = this.nextId++;
    return new Promise<Uint8Array | null>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...task });
    });
  }

  private running(): Worker {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./documentThreadWorker.ts', import.meta.url));
    worker.on('message', (result: DocumentTaskResult) => {
      const waiting = this.pending.get(result.id);
      this.pending.delete(result.id);
      if ('error' in result) waiting?.reject(new Error(result.error));
      else waiting?.resolve(result.bytes);
      if (this.pending.size === 0) this.stopWhenIdle();
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => {
      // A thread stopped because it was idle had nothing pending; one that died did.
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(new Error('the document thread stopped'));
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
