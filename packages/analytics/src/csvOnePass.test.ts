import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardOnly } from './csvEventLoader.ts';
import { parseDfg } from './dfgFormat.ts';
import type { ReadProgress } from './eventLogTypes.ts';
import { importLog } from './logImporter.ts';
import { LogImportError } from './logImportError.ts';
import { loadEventLog, type LoadedEventLog, type LoadLogOptions } from './logLoader.ts';
import { previewLog } from './logPreview.ts';
import { logDfg, logStats } from './logQueries.ts';
import { sqlString } from './sqlText.ts';
import { makeScratchDirectory, SHARED_EVENT_LOGS } from './testSupport.ts';

/*
 * The CSV import's one pass (issue 13): a file without bad rows is read, checked and written into
 * the store's part by one COPY, its `file_order` left NULL for the row's position in the part. A
 * row that fails a check sends the import to the two passes that name it. These tests fail if the
 * one pass stops being taken, loses the file's order, or reports rejections differently.
 */

let scratch: Awaited<ReturnType<typeof makeScratchDirectory>>;
beforeAll(async () => {
  scratch = await makeScratchDirectory();
});
afterAll(() => scratch.remove());

async function withLog<T>(file: string, options: LoadLogOptions, use: (log: LoadedEventLog) => Promise<T>): Promise<T> {
  const log = await loadEventLog(file, options);
  try {
    return await use(log);
  } finally {
    log.close();
  }
}

/** How many rows of the part files carry a `file_order` of their own: 0 after the one pass. */
async function storedFileOrders(log: LoadedEventLog): Promise<number> {
  const reader = await log.connection.runAndReadAll(`SELECT count(file_order)::INTEGER FROM read_parquet(${sqlString(join(log.partsDirectory, '*.parquet'))})`);
  return Number(reader.getRowsJS()[0]?.[0]);
}

async function eventsInFileOrder(log: LoadedEventLog): Promise<unknown[][]> {
  const reader = await log.connection.runAndReadAll(`
    SELECT case_id, activity, CAST(ts AS VARCHAR), channel, resource, segment, attributes FROM ${log.relation} ORDER BY file_order`);
  return reader.getRowsJS();
}

describe('CSV import in one pass', () => {
  // Case A's "review" and "check" share a second: the file's order decides, review first.
  const tied = [
    'case,activity,timestamp,cost',
    'A,start,2024-03-01 09:00:00,1.5',
    'B,start,2024-03-01 09:00:30,2',
    'A,review,2024-03-01 10:00:00,',
    'A,check,2024-03-01 10:00:00,3',
    'B,end,2024-03-01 11:00:00,4',
    'A,end,2024-03-01 12:00:00,5',
  ].join('\n');

  it('writes a clean file in one pass: file_order is the row’s position, and ties in time keep the file’s order', async () => {
    const file = await scratch.write('tied.csv', `${tied}\n`);
    const onePass = await withLog(file, {}, async (log) => {
      expect(await storedFileOrders(log)).toBe(0);
      const order = await log.connection.runAndReadAll(`SELECT file_order::INTEGER, case_id, activity FROM ${log.relation} ORDER BY file_order`);
      expect(order.getRowsJS()).toEqual([
        [0, 'A', 'start'],
        [1, 'B', 'start'],
        [2, 'A', 'review'],
        [3, 'A', 'check'],
        [4, 'B', 'end'],
        [5, 'A', 'end'],
      ]);
      const dfg = await logDfg(log);
      expect(dfg.edges.map((edge) => `${edge.from}>${edge.to}x${edge.count}`).sort()).toEqual(['check>endx1', 'review>checkx1', 'start>endx1', 'start>reviewx1']);
      return { events: await eventsInFileOrder(log), stats: await logStats(log), dfg };
    });
    const twoPasses = await withLog(file, { csvOnePass: false }, async (log) => {
      expect(await storedFileOrders(log)).toBe(6);
      return { events: await eventsInFileOrder(log), stats: await logStats(log), dfg: await logDfg(log) };
    });
    expect(onePass).toEqual(twoPasses);
  });

  it('keeps the file order of a file DuckDB reads on several threads (600,000 rows, 23 MB)', async () => {
    // The small files above are read on one thread, where any order comes out right.
    const rows = ['case,activity,timestamp,seq'];
    for (let seq = 0; seq < 600_000; seq++) rows.push(`C${seq % 5_003},activity ${seq % 17},2024-01-01 10:00:00,${seq}`);
    const file = await scratch.write('many-rows.csv', `${rows.join('\n')}\n`);
    await withLog(file, {}, async (log) => {
      expect(await storedFileOrders(log)).toBe(0);
      const threads = await log.connection.runAndReadAll(`SELECT current_setting('threads')::INTEGER`);
      expect(Number(threads.getRowsJS()[0]?.[0])).toBeGreaterThanOrEqual(2);
      const compared = await log.connection.runAndReadAll(`
        SELECT count(seq)::INTEGER, count(*) FILTER (WHERE file_order::BIGINT <> seq)::INTEGER
        FROM (SELECT file_order, CAST(json_extract_string(attributes, '$.seq') AS BIGINT) AS seq FROM ${log.relation})`);
      // Every row carries its seq, and every row's position is its seq.
      expect(compared.getRowsJS()[0]?.map(Number)).toEqual([600_000, 0]);
    });
  }, 60_000);

  // Past DuckDB's small read buffers (csvEventLoader.ts, SMALL_READ_BUFFER_BYTES: 4 MB): 3,000 rows
  // of 1 KB first, so that the long record starts in the first buffer and ends in the second.
  const kilobyteRows = Array.from({ length: 3_000 }, (_, index) => `K${index},step,2024-01-01 10:00:00,${'z'.repeat(1_000)}`);
  const aroundLongRecord = (record: string): string => ['case,activity,timestamp,note', ...kilobyteRows, record, 'L1,end,2024-01-02 10:00:00,n', 'L2,end,2024-01-02 11:00:00,n', ''].join('\n');

  it('names a 3 MB line after the first 3 MB as too long: read with small buffers, DuckDB dropped it without a word', async () => {
    const file = await scratch.write('long-line-late.csv', aroundLongRecord(`X,long,2024-01-01 11:00:00,${'x'.repeat(3 * 1024 * 1024)}`));
    await withLog(file, { onRejected: 'skip' }, async (log) => {
      expect(log.rejected).toEqual([{ line: 3_002, field: null, reason: 'line is longer than 1048576 characters' }]);
      expect(log.events).toBe(3_002);
      const last = await log.connection.runAndReadAll(`SELECT case_id FROM ${log.relation} ORDER BY file_order DESC LIMIT 2`);
      expect(last.getRowsJS().flat()).toEqual(['L2', 'L1']);
    });
    await expect(importLog(file, { storeDir: scratch.path('long-line-store') })).rejects.toThrow(/long-line-late\.csv:3002: line is longer than 1048576 characters; 1 line rejected/);
  }, 60_000);

  it('names a quoted 3 MB record of short lines as too long: read with small buffers, DuckDB cut it into hundreds of records', async () => {
    const note = `${'y'.repeat(99)}\n`.repeat(30_000);
    const file = await scratch.write('long-record-late.csv', aroundLongRecord(`X,long,2024-01-01 11:00:00,"${note}"`));
    await withLog(file, { onRejected: 'skip' }, async (log) => {
      expect(log.rejected).toEqual([{ line: 3_002, field: null, reason: 'line is longer than 1048576 characters' }]);
      expect(log.rejectedCount).toBe(1);
      expect(log.events).toBe(3_002);
    });
  }, 60_000);

  it('gives the events and published figures of running-example.csv and receipt.csv that the two passes give', async () => {
    const expectedDfg = parseDfg(await readFile(join(SHARED_EVENT_LOGS, 'running-example.dfg'), 'utf8'));
    const published: Record<string, { cases: number; events: number; activities: number; variants: number }> = {
      'running-example.csv': { cases: 6, events: 42, activities: 8, variants: 6 },
      'receipt.csv': { cases: 1434, events: 8577, activities: 27, variants: 116 },
    };
    for (const [name, figures] of Object.entries(published)) {
      const file = join(SHARED_EVENT_LOGS, name);
      const read = async (csvOnePass: boolean) =>
        withLog(file, { csvOnePass }, async (log) => ({
          stored: await storedFileOrders(log),
          events: await eventsInFileOrder(log),
          stats: await logStats(log),
          dfg: await logDfg(log),
        }));
      const onePass = await read(true);
      const twoPasses = await read(false);
      expect(onePass.stored).toBe(0);
      expect(twoPasses.stored).toBe(figures.events);
      expect(onePass.stats).toMatchObject(figures);
      expect(onePass.events).toHaveLength(figures.events);
      expect(onePass.events).toEqual(twoPasses.events);
      expect(onePass.stats).toEqual(twoPasses.stats);
      expect(onePass.dfg).toEqual(twoPasses.dfg);
      if (name === 'running-example.csv') {
        const edgeKey = (edge: { from: string; to: string; count: number }): string => `${edge.from} > ${edge.to} x ${edge.count}`;
        expect(onePass.dfg.edges.map(edgeKey).sort()).toEqual(expectedDfg.edges.map(edgeKey).sort());
        expect(onePass.dfg.startActivities).toEqual(expectedDfg.startActivities);
        expect(onePass.dfg.endActivities).toEqual(expectedDfg.endActivities);
      }
    }
  });

  it('keeps a line the reader rejects out of the one pass and names it by line, field and reason, as do the preview’s lines after it', async () => {
    const content = [
      'case;activity;timestamp;note',
      '1;intake;01-02-2024 10:00;"two',
      'lines"',
      '1;besluit;02-02-2024 10:00;x;extra',
      '2;intake;03-02-2024 10:00',
      '2;besluit;04-02-2024 11:00;y',
    ].join('\n');
    const file = await scratch.write('reader-rejects.csv', content);
    const rejected = [
      { line: 4, field: null, reason: 'expected 4 fields, found 5' },
      { line: 5, field: 'note', reason: 'expected 4 fields, found 3' },
    ];
    await withLog(file, { onRejected: 'skip' }, async (log) => {
      expect(log.rejected).toEqual(rejected);
      expect(log.events).toBe(2);
      expect(await storedFileOrders(log)).toBe(0);
    });
    const preview = await previewLog(file);
    expect(preview.rejected).toEqual(rejected);
    expect(preview.sampleRows.map((row) => [row.line, row.activity])).toEqual([
      [2, 'intake'],
      [6, 'besluit'],
    ]);

    const storeDir = scratch.path('reader-rejects-store');
    const refused = await importLog(file, { storeDir }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LogImportError);
    expect(refused).toMatchObject({ line: 4, field: null, rejectedCount: 2 });
    expect(await readdir(storeDir).catch(() => [])).toEqual([]);
  });

  it('leaves the one pass at a row that fails a check and names every rejected line by line, field and reason, with progress that never goes back', async () => {
    const rows = ['case_id,activity,timestamp'];
    for (let row = 1; row <= 50_000; row++) {
      if (row === 30_000) rows.push(`K${row},visit,2024-02-30 10:00:00`);
      else if (row === 40_000) rows.push(`K${row},visit,2024-01-01 10:00:00,extra`);
      else if (row === 45_000) rows.push(`K${row},,2024-01-01 10:00:00`);
      else rows.push(`K${row % 977},visit ${row % 13},2024-01-01 ${String(row % 24).padStart(2, '0')}:00:00`);
    }
    const file = await scratch.write('check-fails.csv', rows.join('\n'));
    const rejected = [
      { line: 30_001, field: 'timestamp', reason: 'bad date "2024-02-30 10:00:00" (expected yyyy-mm-dd)' },
      { line: 40_001, field: null, reason: 'expected 3 fields, found 4' },
      { line: 45_001, field: 'activity', reason: 'empty activity' },
    ];
    const progress: ReadProgress[] = [];
    await withLog(file, { onRejected: 'skip', onProgress: (report) => progress.push(report) }, async (log) => {
      expect(log.rejected).toEqual(rejected);
      expect(log.events).toBe(50_000 - 3);
      // The two passes wrote the part, numbering its rows.
      expect(await storedFileOrders(log)).toBe(50_000 - 3);
    });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.map((report) => report.bytesRead)).toEqual(progress.map((report) => report.bytesRead).sort((a, b) => a - b));

    const storeDir = scratch.path('check-fails-store');
    const refused = await importLog(file, { storeDir }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LogImportError);
    expect(refused).toMatchObject({ line: 30_001, field: 'timestamp', rejectedCount: 3 });
    expect(await readdir(storeDir).catch(() => [])).toEqual([]);
  }, 60_000);
});

describe('progress of a CSV import', () => {
  it('never goes back: a pass read again after a failed one reports nothing until it passes where the first stopped', () => {
    const seen: number[] = [];
    const report = forwardOnly((progress) => seen.push(progress.bytesRead));
    // The one pass reaches 600 of 1,000 bytes and fails; the two passes start again from 0.
    for (const bytesRead of [100, 300, 600, 0, 250, 500, 600, 800, 1_000]) report({ bytesRead, totalBytes: 1_000, eventsRead: bytesRead / 10 });
    expect(seen).toEqual([100, 300, 600, 600, 800, 1_000]);
  });
});
