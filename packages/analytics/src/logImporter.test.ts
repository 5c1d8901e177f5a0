import { copyFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findImportedLog, importAndOpenLog, importLog, openImportedLog } from './logImporter.ts';
import { logStats } from './logQueries.ts';
import { makeScratchDirectory, SHARED_EVENT_LOGS } from './testSupport.ts';

let scratch: Awaited<ReturnType<typeof makeScratchDirectory>>;
beforeAll(async () => {
  scratch = await makeScratchDirectory();
});
afterAll(() => scratch.remove());

describe('importLog', () => {
  it('stores the log as Parquet with a manifest, and detects a re-import of the same content', async () => {
    const storeDir = scratch.path('store');
    const source = join(SHARED_EVENT_LOGS, 'running-example.csv');
    const progress: number[] = [];
    const first = await importLog(source, { storeDir, onProgress: ({ bytesRead }) => progress.push(bytesRead) });
    expect(first).toMatchObject({ reused: false, events: 42, format: 'csv', rejectedCount: 0 });
    expect(first.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(progress.at(-1)).toBe(3799);
    expect((await readdir(storeDir)).sort()).toEqual([first.id, `${first.id}.json`]);
    expect(await readdir(first.parquetDirectory)).toEqual(['part-00000.parquet']);

    // The same bytes under another name are the same import.
    const copy = scratch.path('renamed.csv');
    await copyFile(source, copy);
    const again = await importLog(copy, { storeDir });
    expect(again).toEqual({ ...first, reused: true });
    expect(await findImportedLog(storeDir, first.contentHash)).toEqual({ ...first, reused: true });

    await expect(importLog(copy, { storeDir, onDuplicate: 'refuse' })).rejects.toThrow(/renamed\.csv: already imported on .* from .*running-example\.csv/);
    const replaced = await importLog(copy, { storeDir, onDuplicate: 'replace' });
    expect(replaced).toMatchObject({ reused: false, file: copy, id: first.id });

    const opened = await openImportedLog(replaced);
    try {
      expect(await logStats(opened)).toMatchObject({ cases: 6, events: 42, activities: 8, variants: 6 });
    } finally {
      opened.close();
    }
  });

  it('opens a new import in the DuckDB that read it, reading the stored parts, and a reused one afresh', async () => {
    const storeDir = scratch.path('store-opened');
    const source = join(SHARED_EVENT_LOGS, 'bpic2012.xes.gz');
    const { imported, log } = await importAndOpenLog(source, { storeDir });
    try {
      expect(imported).toMatchObject({ reused: false, events: 262_200, format: 'xes' });
      // Only the stored import is left: the folder the parts were written to is gone.
      expect((await readdir(storeDir)).sort()).toEqual([imported.id, `${imported.id}.json`]);
      expect(await logStats(log)).toMatchObject({ cases: 13_087, events: 262_200, activities: 24, variants: 4_366 });
    } finally {
      log.close();
    }

    const again = await importAndOpenLog(source, { storeDir });
    try {
      expect(again.imported).toEqual({ ...imported, reused: true });
      expect(await logStats(again.log)).toMatchObject({ cases: 13_087, events: 262_200 });
    } finally {
      again.log.close();
    }
  });

  it('opens an import of the same content found in the store, however often it is asked for', async () => {
    const storeDir = scratch.path('store-small');
    const source = join(SHARED_EVENT_LOGS, 'running-example.csv');
    for (const reused of [false, true, true]) {
      const { imported, log } = await importAndOpenLog(source, { storeDir });
      try {
        expect(imported.reused).toBe(reused);
        expect(await logStats(log)).toMatchObject({ cases: 6, events: 42, activities: 8, variants: 6 });
        expect((await readdir(storeDir)).sort()).toEqual([imported.id, `${imported.id}.json`]);
      } finally {
        log.close();
      }
    }
  });
});
