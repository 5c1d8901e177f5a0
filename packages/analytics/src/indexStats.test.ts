import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexDfg, indexStats, indexStatsAndDfg } from './indexStats.ts';
import { importIndexDirectory, readImportIndex, readJourneyIndex } from './journeyIndex.ts';
import { importLog, openImportedLog, type ImportedLog } from './logImporter.ts';
import { logDfg, logStats, logStatsAndDfg } from './logQueries.ts';
import { stageEventLog } from './stagedImport.ts';
import { makeScratchDirectory, SHARED_EVENT_LOGS } from './testSupport.ts';

let scratch: Awaited<ReturnType<typeof makeScratchDirectory>>;

beforeAll(async () => {
  scratch = await makeScratchDirectory();
});
afterAll(async () => {
  await scratch.remove();
});

/** The stats and DFG of an import from its index, beside the window queries over its events. */
async function bothWays(imported: ImportedLog) {
  const index = await readImportIndex(imported.parquetDirectory);
  if (index === null) throw new Error(`the import in ${imported.parquetDirectory} has no index`);
  const log = await openImportedLog(imported);
  try {
    return { fromIndex: await indexStatsAndDfg(index), fromEvents: await logStatsAndDfg(log), index, windowDfg: await logDfg(log), windowStats: await logStats(log) };
  } finally {
    log.close();
  }
}

// Case 3 has two events in the same second: file order decides (a,c,b). Rows out of time order on
// purpose; case 5 has a single event (a start and an end, no edge).
const CSV = `case,activity,timestamp
1,a,2024-01-01T10:00:00Z
1,b,2024-01-01T10:01:00Z
2,b,2024-01-02T10:10:00Z
2,a,2024-01-02T10:00:00Z
2,c,2024-01-02T10:20:00Z
1,c,2024-01-01T10:05:00Z
3,a,2024-01-03T10:00:00Z
3,c,2024-01-03T10:02:00Z
3,b,2024-01-03T10:02:00Z
4,a,2024-01-04T10:00:00Z
4,b,2024-01-04T10:03:00Z
5,d,2024-01-05T08:00:00.250Z
4,c,2024-01-04T10:04:00Z
`;

describe('stats and DFG from the journey index an import builds', () => {
  it('are those of the window queries over the events, ties in file order, for a small log', async () => {
    const imported = await importLog(await scratch.write('unit.csv', CSV), { storeDir: scratch.path('unit-store') });
    const { fromIndex, fromEvents } = await bothWays(imported);
    expect(fromIndex).toEqual(fromEvents);
    expect(fromIndex.stats).toMatchObject({ cases: 5, events: 13, activities: 4, variants: 3, lastTimestamp: '2024-01-05T08:00:00.250000Z' });
    expect(fromIndex.dfg.edges[0]).toEqual({ from: 'a', to: 'b', count: 3, medianSeconds: 180 });
    expect(fromIndex.dfg.edges).toContainEqual({ from: 'c', to: 'b', count: 1, medianSeconds: 0 });
    expect(fromIndex.dfg.endActivities).toEqual({ c: 3, b: 1, d: 1 });
  });

  it('give empty figures for an import without events', async () => {
    const imported = await importLog(await scratch.write('empty.csv', 'case,activity,timestamp\n'), { storeDir: scratch.path('empty-store') });
    const { fromIndex, fromEvents } = await bothWays(imported);
    expect(fromIndex).toEqual(fromEvents);
    expect(fromIndex.stats).toMatchObject({ cases: 0, events: 0, variants: 0, firstTimestamp: null });
  });

  it.each([
    ['running-example.csv', { cases: 6, events: 42, activities: 8, variants: 6 }],
    ['receipt.csv', { cases: 1434, events: 8577, activities: 27, variants: 116 }],
    ['bpic2012.xes.gz', { cases: 13087, events: 262200, activities: 24, variants: 4366 }],
  ])('reproduce the published figures of %s and equal the window queries', async (name, published) => {
    const imported = await importLog(join(SHARED_EVENT_LOGS, name), { storeDir: scratch.path(`store-${name}`) });
    const { fromIndex, fromEvents, windowStats, windowDfg, index } = await bothWays(imported);
    expect(fromIndex.stats).toMatchObject(published);
    expect(fromIndex).toEqual(fromEvents);
    expect(await indexStats(index)).toEqual(windowStats);
    expect(await indexDfg(index)).toEqual(windowDfg);
  });
});

describe('the index an import builds of its own events', () => {
  it('is staged with the events and still found after the staging folder moves into the store', async () => {
    const staged = await stageEventLog(join(SHARED_EVENT_LOGS, 'running-example.csv'), { directory: scratch.path('staging/one') });
    expect(staged.cases).toBe(6);
    const moved = scratch.path('store/one');
    await rename(scratch.path('staging'), scratch.path('store'));
    const index = await readImportIndex(moved);
    expect(index).toMatchObject({ cases: 6, events: 42, eventDirectories: [moved], directory: importIndexDirectory(moved) });
    // It is the import's own: it does not pass for the index of a set of imports.
    expect(await readJourneyIndex(importIndexDirectory(moved), [moved])).toBeNull();
  });

  it('is refused, naming its folder, when its manifest does not name an activity its cases hold', async () => {
    const imported = await importLog(join(SHARED_EVENT_LOGS, 'running-example.csv'), { storeDir: scratch.path('damaged-store') });
    const index = (await readImportIndex(imported.parquetDirectory))!;
    const damaged = { ...index, activities: index.activities.filter((activity) => activity.activity !== 'decide') };
    await expect(indexStatsAndDfg(damaged)).rejects.toThrow(`the journey index in ${index.directory} has an activity code ${index.activities.find((a) => a.activity === 'decide')!.code} that its manifest does not name`);
  });

  it('is absent from an import made before imports built one', async () => {
    expect(await readImportIndex(scratch.path('no-such-import'))).toBeNull();
  });
});
