import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAnalyticsDatabase } from './analyticsDatabase.ts';
import { attachIndexCases, buildJourneyIndex, importIndexDirectory, readImportIndex, readJourneyIndex, type JourneyIndex } from './journeyIndex.ts';
import { stageEventLog } from './stagedImport.ts';
import { makeScratchDirectory, SHARED_EVENT_LOGS } from './testSupport.ts';

let scratch: Awaited<ReturnType<typeof makeScratchDirectory>>;
let events: string;

beforeAll(async () => {
  scratch = await makeScratchDirectory();
  events = (await stageEventLog(join(SHARED_EVENT_LOGS, 'running-example.csv'), { directory: scratch.path('events') })).directory;
});
afterAll(async () => {
  await scratch.remove();
});

/** Every row of the index's cases, by case id. */
async function indexRows(index: JourneyIndex, threads?: number) {
  const database = await openAnalyticsDatabase({ threads });
  try {
    return (await database.connection.runAndReadAll(`SELECT case_id, segment, acts, ts, repeated FROM ${await attachIndexCases(database.connection, index)} ORDER BY case_id`)).getRowObjectsJS();
  } finally {
    database.close();
  }
}

describe('the journey index', () => {
  it('holds every case once with its activities counted, and is found again only for the same imports', async () => {
    const index = await buildJourneyIndex([events], scratch.path('index'));
    // The running example's six cases are six variants (as logStats and pm4py count them).
    expect(index).toMatchObject({ cases: 6, events: 42, variants: 6 });
    expect(index.activities.map((a) => a.activity)).toEqual([...index.activities.map((a) => a.activity)].sort());
    expect(index.activities.find((a) => a.activity === 'decide')?.events).toBe(9);
    expect(await readJourneyIndex(scratch.path('index'), [events])).toMatchObject({ cases: 6 });
    expect(await readJourneyIndex(scratch.path('index'), [events, events])).toBeNull();
    expect(await readJourneyIndex(scratch.path('nothing'))).toBeNull();
  });

  it('is read by several connections at once, and not written by them', async () => {
    // The dashboard and the portfolio's roll-up may measure one journey at the same moment.
    const index = await buildJourneyIndex([events], scratch.path('shared'));
    const databases = await Promise.all([openAnalyticsDatabase(), openAnalyticsDatabase()]);
    try {
      const relations = await Promise.all(databases.map((database) => attachIndexCases(database.connection, index)));
      const counts = await Promise.all(databases.map(async (database, i) => (await database.connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${relations[i]}`)).getRowObjectsJS()));
      expect(counts).toEqual([[{ n: 6 }], [{ n: 6 }]]);
      await expect(databases[0]!.connection.run(`DELETE FROM ${relations[0]}`)).rejects.toThrow(/read-only/i);
    } finally {
      for (const database of databases) database.close();
    }
  });

  it('survives two builds of the same index at once (the server and the CLI)', async () => {
    const [a, b] = await Promise.all([buildJourneyIndex([events], scratch.path('twice')), buildJourneyIndex([events], scratch.path('twice'))]);
    expect([a.cases, b.cases]).toEqual([6, 6]);
    expect(await readJourneyIndex(scratch.path('twice'), [events])).toMatchObject({ cases: 6, events: 42 });
  });

  it('orders each case by time, then import, then file order, whatever order DuckDB gathered the events in', async () => {
    // Events logged in the same second: only the import and the line say which came first.
    const first = await scratch.write('ties-1.csv', [
      'case,activity,time,segment',
      'c1,b,2024-01-01 10:00:00,zakelijk',
      'c2,x,2024-01-01 09:00:00,particulier',
      'c1,a,2024-01-01 09:00:00,premium',
      'c1,c,2024-01-01 10:00:00,particulier',
      'c1,a,2024-01-01 11:00:00,particulier',
    ].join('\n'));
    const second = await scratch.write('ties-2.csv', ['case,activity,time,segment', 'c1,d,2024-01-01 10:00:00,zakelijk', 'c1,e,2024-01-01 09:00:00,zakelijk'].join('\n'));
    const imports = [
      (await stageEventLog(first, { directory: scratch.path('ties-1') })).directory,
      (await stageEventLog(second, { directory: scratch.path('ties-2') })).directory,
    ];
    const index = await buildJourneyIndex(imports, scratch.path('ties-index'), { eventsPerBucket: 3 });
    const names = new Map(index.activities.map((a) => [a.code, a.activity]));
    const rows = await indexRows(index, 4);
    const hour = (h: number) => BigInt(Date.UTC(2024, 0, 1, h)) * 1000n;
    expect(rows.map((row) => ({ ...row, acts: (row.acts as number[]).map((code) => names.get(code)), repeated: (row.repeated as number[]).map((code) => names.get(code)) }))).toEqual([
      { case_id: 'c1', segment: 'premium', acts: ['a', 'e', 'b', 'c', 'd', 'a'], ts: [hour(9), hour(9), hour(10), hour(10), hour(10), hour(11)], repeated: ['a'] },
      { case_id: 'c2', segment: 'particulier', acts: ['x'], ts: [hour(9)], repeated: [] },
    ]);
  });

  it.each([
    ['whole seconds', '2024-01-01 10:00:00', '2024-01-01 09:00:00', '2024-03-01 10:00:00'],
    ['milliseconds', '2024-01-01 10:00:00.250', '2024-01-01 09:00:00.001', '2024-03-01 10:00:00.999'],
    ['microseconds, a century apart', '2024-01-01 10:00:00.000250', '1924-01-01 09:00:00.000001', '2024-03-01 10:00:00.999999'],
  ])('gives the same index from one packed key per event as from times and order apart (%s)', async (_unit, late, early, later) => {
    // Ties in time inside a case and across imports, times out of order in the file.
    const first = await scratch.write(`pack-1-${_unit}.csv`, ['case,activity,time', `c1,b,${late}`, `c2,x,${early}`, `c1,a,${early}`, `c1,c,${late}`, `c1,a,${later}`, `c3,y,${later}`].join('\n'));
    const second = await scratch.write(`pack-2-${_unit}.csv`, ['case,activity,time', `c1,d,${late}`, `c1,e,${early}`, `c3,y,${early}`].join('\n'));
    const imports = [
      (await stageEventLog(first, { directory: scratch.path(`pack-1-${_unit}`) })).directory,
      (await stageEventLog(second, { directory: scratch.path(`pack-2-${_unit}`) })).directory,
    ];
    const read = async (packTimes: boolean) => indexRows(await buildJourneyIndex(imports, scratch.path(`pack-index-${_unit}-${packTimes}`), { packTimes, eventsPerBucket: 4 }));
    const packed = await read(true);
    expect(packed).toEqual(await read(false));
    const micros = (text: string) => BigInt(Date.parse(`${text.slice(0, 23).replace(' ', 'T')}Z`)) * 1000n + BigInt(text.length > 23 ? Number(text.slice(23)) : 0);
    expect(packed[0]!.ts).toEqual([micros(early), micros(early), micros(late), micros(late), micros(late), micros(later)]);
  });
});

describe('the index of several imports, each with its own index', () => {
  it('is the index gathered from all their events, though only the cases that run across imports are gathered', async () => {
    // c1 runs across all three imports with ties in time between them; c4's first event has no
    // segment; c2, c3 and c5 are in one import each; activity z is in the third import only.
    const files = [
      ['case,activity,time,segment', 'c1,b,2024-01-01 10:00:00,zakelijk', 'c2,x,2024-01-01 09:00:00,particulier', 'c1,a,2024-01-01 09:00:00,premium', 'c4,a,2024-01-02 09:00:00,', 'c1,a,2024-01-01 11:00:00,particulier'],
      ['case,activity,time,segment', 'c1,d,2024-01-01 10:00:00,zakelijk', 'c1,e,2024-01-01 09:00:00,', 'c3,y,2024-01-01 08:00:00,zakelijk', 'c4,b,2024-01-02 10:00:00,premium', 'c4,b,2024-01-02 08:00:00,'],
      ['case,activity,time,segment', 'c1,z,2024-01-01 09:00:00,particulier', 'c5,a,2024-01-03 09:00:00,zakelijk', 'c5,a,2024-01-03 09:00:00,premium', 'c4,x,2024-01-02 08:00:00,zakelijk'],
    ];
    const imports: string[] = [];
    for (const [i, lines] of files.entries()) {
      const file = await scratch.write(`across-${i}.csv`, lines.join('\n'));
      imports.push((await stageEventLog(file, { directory: scratch.path(`across-${i}`) })).directory);
    }
    const merged = await buildJourneyIndex(imports, scratch.path('across-merged'));
    const gathered = await buildJourneyIndex(imports, scratch.path('across-gathered'), { mergeImportIndexes: false });
    // Only c1's and c4's events were gathered from the files.
    expect([merged.gatheredEvents, gathered.gatheredEvents]).toEqual([10, 14]);
    expect(merged).toMatchObject({ cases: gathered.cases, variants: gathered.variants, events: gathered.events, activities: gathered.activities });
    const expected = await indexRows(gathered);
    expect(expected.map((row) => row.case_id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(await indexRows(merged)).toEqual(expected);
  });
});

describe('the index an event import builds of its own events', () => {
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

  it('is absent from an import made before imports built one', async () => {
    expect(await readImportIndex(scratch.path('no-such-import'))).toBeNull();
  });
});
