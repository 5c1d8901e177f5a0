// The worker thread of DocumentThread: the work on a journey's whole Yjs document that would
// keep the server's one thread from answering anyone else meanwhile.
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import type { StoredDocument } from '@klantreis/db';

export type DocumentTask =
  | { id: number; kind: 'merge'; updates: Uint8Array[] }
  | { id: number; kind: 'state'; stored: StoredDocument }
  | { id: number; kind: 'warm' };

/** What a task sends back: its bytes, null (a state that awaits a schema upgrade, or warm), or why it failed. */
export type DocumentTaskResult = { id: number; bytes: Uint8Array | null } | { id: number; error: string };

// The journey model is read only for states: a thread that only merges starts in a third of the time.
let journeyModel: Promise<{ applyStoredDocument: typeof import('./storedDocument.ts').applyStoredDocument; upgradeDocSchema: typeof import('@klantreis/sync').upgradeDocSchema }> | null = null;
const model = () =>
  (journeyModel ??= Promise.all([import('./storedDocument.ts'), import('@klantreis/sync')]).then(([stored, sync]) => ({
    applyStoredDocument: stored.applyStoredDocument,
    upgradeDocSchema: sync.upgradeDocSchema,
  })));

async function run(task: DocumentTask): Promise<Uint8Array | null> {
  switch (task.kind) {
    case 'merge':
      return Y.mergeUpdates(task.updates);
    case 'warm':
      await model();
      return null;
    case 'state': {
      // As JourneyDocuments.state describes: encoded from a document (no deleted content), null before a schema upgrade.
      const { applyStoredDocument, upgradeDocSchema } = await model();
      const doc = new Y.Doc();
      try {
        applyStoredDocument(doc, task.stored);
        return upgradeDocSchema(doc).length > 0 ? null : Y.encodeStateAsUpdate(doc);
      } finally {
        doc.destroy();
      }
    }
  }
}

parentPort!.on('message', (task: DocumentTask) => {
  run(task).then(
    (bytes) => parentPort!.postMessage({ id: task.id, bytes } satisfies DocumentTaskResult, bytes ? [bytes.buffer as ArrayBuffer] : []),
    (error: unknown) => parentPort!.postMessage({ id: task.id, error: (error as Error).message } satisfies DocumentTaskResult),
  );
});
