import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHARED_EVENT_LOGS } from '../../../testing/sharedData.ts';

/** The real logs beside the checkout (shared/data/eventlogs), read-only. */
export { SHARED_EVENT_LOGS };

/** A scratch folder for one test file's fixtures; `remove` in afterAll. */
export async function makeScratchDirectory(): Promise<{ path: (name: string) => string; write: (name: string, content: string | Uint8Array) => Promise<string>; remove: () => Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'klantreis-analytics-test-'));
  return {
    path: (name) => join(directory, name),
    write: async (name, content) => {
      const file = join(directory, name);
      await writeFile(file, content);
      return file;
    },
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}
