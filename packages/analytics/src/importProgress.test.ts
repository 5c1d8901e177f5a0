import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadProgress } from './eventLogTypes.ts';
import { importLog } from './logImporter.ts';
import { stageEventLog } from './stagedImport.ts';
import { makeScratchDirectory, SHARED_EVENT_LOGS } from './testSupport.ts';

// Issue 13: after the read, the server's check builds the import's journey index, which takes
// about as long again; without a stage of its own the import dialog (and `klantreis measurement
// import`'s bar) sat at 100 % with nothing moving.

let scratch: Awaited<ReturnType<typeof makeScratchDirectory>>;
beforeAll(async () => {
  scratch = await makeScratchDirectory();
});
afterAll(() => scratch.remove());

const RUNNING_EXAMPLE = join(SHARED_EVENT_LOGS, 'running-example.csv');
const RUNNING_EXAMPLE_BYTES = 3799;

function expectIndexingLast(progress: ReadProgress[]): void {
  const indexing = progress.filter((report) => report.stage === 'indexing');
  expect(indexing).toEqual([{ bytesRead: RUNNING_EXAMPLE_BYTES, totalBytes: RUNNING_EXAMPLE_BYTES, eventsRead: 42, stage: 'indexing' }]);
  expect(progress.at(-1)).toBe(indexing[0]);
  expect(progress.length).toBeGreaterThan(1);
}

describe('the progress of an import', () => {
  it('importLog (log stats and dfg, which build no index) reports reading only', async () => {
    const progress: ReadProgress[] = [];
    await importLog(RUNNING_EXAMPLE, { storeDir: scratch.path('store'), onProgress: (report) => progress.push(report) });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.filter((report) => report.stage === 'indexing')).toEqual([]);
  });

  it('stageEventLog reports the indexing stage once the file is read', async () => {
    const progress: ReadProgress[] = [];
    await stageEventLog(RUNNING_EXAMPLE, { directory: scratch.path('staging'), onProgress: (report) => progress.push(report) });
    expectIndexingLast(progress);
  });
});
