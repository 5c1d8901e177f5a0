import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { afterUnloadDocumentPayload, Extension, Hocuspocus } from '@hocuspocus/server';

/**
 * After a workshop the server holds memory it no longer needs: V8 keeps the heap pages it grew
 * into in a pool for reuse (a regular collection frees the objects and shrinks `heapTotal`, but
 * the pooled pages stay resident: after a 300 MB heap, RSS stayed at 299 MB with 6 MB of heap;
 * the load bench saw RSS 30–75% above the start). Once the last document is unloaded
 * and nothing has been opened for `quietMs` (longer than the store's update thread idles before
 * it stops), this runs one memory-reducing collection, V8's "last resort" one, which compacts
 * the heap and gives its free pages back to the system. It runs only while no document is
 * open, so nobody's edit waits for it; it takes some tens of milliseconds on an idle server.
 */

type GcFunction = (options?: { type?: 'major' | 'minor'; execution?: 'sync' | 'async'; flavor?: 'regular' | 'last-resort' }) => void;

/** V8's gc(), whether or not node was started with --expose-gc. */
export function exposedGc(): GcFunction {
  const existing = (globalThis as { gc?: GcFunction }).gc;
  if (existing) return existing;
  // The flag only affects contexts created after it is set: take gc() from a fresh one.
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as GcFunction;
}

export function memoryReducingCollection(): void {
  exposedGc()({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

export interface IdleMemoryReleaseOptions {
  /** Quiet time after the last document is unloaded (default 20 s). */
  quietMs?: number;
  /** What runs once the server is idle; the collection above unless a test counts calls. */
  release?: () => void;
}

function isBusy(instance: Hocuspocus): boolean {
  return instance.getDocumentsCount() > 0 || instance.getConnectionsCount() > 0;
}

/** A Hocuspocus extension: counts open documents and releases memory when they have all gone. */
export class IdleMemoryRelease implements Extension {
  /** How many times memory was released, for the health endpoint and tests. */
  releases = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly quietMs: number;
  private readonly release: () => void;

  constructor(options: IdleMemoryReleaseOptions = {}) {
    this.quietMs = options.quietMs ?? 20_000;
    this.release = options.release ?? memoryReducingCollection;
  }

  async onLoadDocument(): Promise<void> {
    this.cancel();
  }

  async afterUnloadDocument({ instance }: afterUnloadDocumentPayload): Promise<void> {
    this.releaseWhenIdle(instance);
  }

  /**
   * Schedules a release once `instance` has been idle for the quiet time: called after each
   * unload, and once at start (migrations and the sample journeys grow the heap too).
   */
  releaseWhenIdle(instance: Hocuspocus): void {
    if (isBusy(instance)) return;
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (isBusy(instance)) return;
      this.release();
      this.releases++;
    }, this.quietMs);
    // A timer of its own must not keep a stopping process alive.
    this.timer.unref();
  }

  async onDestroy(): Promise<void> {
    this.cancel();
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
