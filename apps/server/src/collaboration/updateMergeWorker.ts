// The worker thread of UpdateMerger: merges a journey's stored state and update rows into one
// update, which takes Yjs a decode and an encode of the whole history.
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

parentPort!.on('message', ({ id, updates }: { id: number; updates: Uint8Array[] }) => {
  try {
    const merged = Y.mergeUpdates(updates);
    parentPort!.postMessage({ id, merged }, [merged.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
