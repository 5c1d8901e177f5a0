import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAnalyticsDatabase, type AnalyticsDatabase } from './analyticsDatabase.ts';
import { EventPartsWriter, segmentBytes } from './eventPartsWriter.ts';

describe('EventPartsWriter', () => {
  let database: AnalyticsDatabase | null = null;
  let directory = '';
  afterEach(() => {
    database?.close();
    database = null;
    rmSync(directory, { recursive: true, force: true });
  });

  it('writes segments of 4 MB up to 64 MB, then of 8, 16 and 32 MB', () => {
    expect([0, 1, 15, 16, 17, 18, 19, 40].map((index) => segmentBytes(index) / 1024 / 1024)).toEqual([4, 4, 4, 8, 16, 32, 32, 32]);
  });

  it('starts small, so the first parts are written while events still arrive, and keeps every event in file order', async () => {
    database = await openAnalyticsDatabase();
    directory = mkdtempSync(join(tmpdir(), 'klantreis-parts-'));
    const writer = new EventPartsWriter(database.connection, directory);
    const padding = 'x'.repeat(200);
    let events = 0;
    // About 17 MB of rows: four parts of 4 MB, then the rest.
    for (; events < 70_000; events++) {
      writer.add({ line: events + 2, caseId: `case-${events % 997}`, activity: `activity ${events % 20}`, timestampMicros: 1_700_000_000_000_000 + events, channel: null, resource: padding, segment: null, attributesJson: null });
      await writer.flushIfFull();
    }
    expect(await writer.finish()).toBe(events);
    const parts = readdirSync(directory).filter((name) => name.endsWith('.parquet')).sort();
    expect(parts).toEqual(['part-00000.parquet', 'part-00001.parquet', 'part-00002.parquet', 'part-00003.parquet', 'part-00004.parquet']);
    const reader = await database.connection.runAndReadAll(
      `SELECT count(*)::INTEGER AS n, min(file_order)::INTEGER AS first, max(file_order)::INTEGER AS last, count(DISTINCT file_order)::INTEGER AS distinct_orders FROM read_parquet('${directory}/part-*.parquet')`,
    );
    expect(reader.getRowObjects()[0]).toEqual({ n: events, first: 0, last: events - 1, distinct_orders: events });
  });

  it('stores every value as it was given: delimiter, quote and line breaks inside values, empty and missing values, non-ASCII text, times before 1970, rows across buffers', async () => {
    database = await openAnalyticsDatabase();
    directory = mkdtempSync(join(tmpdir(), 'klantreis-parts-'));
    const writer = new EventPartsWriter(database.connection, directory);
    const given = [
      { caseId: 'a\x1fb', activity: 'quote \x01 "here"', timestampMicros: -2_208_988_800_000_000, channel: '', resource: null, segment: 'line\nbreak\r\nand CR\r', attributesJson: '{"k":"é € 😀 \\u0001"}' },
      { caseId: 'ü', activity: 'Aanvraag voltooien', timestampMicros: 0, channel: null, resource: '112', segment: '', attributesJson: null },
      // ASCII, then a character that is not: the row writer starts such a value over in UTF-8.
      { caseId: 'case 7', activity: 'Offerte naar Ünal', timestampMicros: 1, channel: 'balie', resource: 'Jansen\tde Vries', segment: 'zzp€', attributesJson: '{"naam":"Müller"}' },
      // 2.4 MB: longer than a row buffer of 1 MB and than DuckDB's default line limit of 2 MB, and after it a row that starts in a new buffer.
      { caseId: 'long', activity: 'ß'.repeat(1_200_000), timestampMicros: 1_317_422_324_546_000, channel: 'web', resource: 'x', segment: null, attributesJson: '{"n":1}' },
      // Integers are written in two parts from 10^8 on.
      { caseId: 'tens', activity: 'around 10^8', timestampMicros: 99_999_999, channel: null, resource: null, segment: null, attributesJson: null },
      { caseId: 'tens', activity: 'around 10^8', timestampMicros: 100_000_000, channel: null, resource: null, segment: null, attributesJson: null },
      { caseId: 'tens', activity: 'around 10^8', timestampMicros: -100_000_007, channel: null, resource: null, segment: null, attributesJson: null },
      { caseId: 'tens', activity: 'around 10^8', timestampMicros: 1_000_000_000_000_001, channel: null, resource: null, segment: null, attributesJson: null },
      { caseId: 'last', activity: 'end', timestampMicros: 9_007_199_254_740_991, channel: null, resource: null, segment: null, attributesJson: null },
    ];
    for (const [index, event] of given.entries()) expect(writer.add({ line: index + 1, ...event })).toBe(true);
    expect(await writer.finish()).toBe(given.length);
    const reader = await database.connection.runAndReadAll(
      `SELECT case_id, activity, epoch_us(ts) AS micros, channel, resource, segment, attributes FROM read_parquet('${directory}/part-*.parquet') ORDER BY file_order`,
    );
    expect(reader.getRowObjectsJS()).toEqual(
      given.map((event) => ({
        case_id: event.caseId,
        activity: event.activity,
        micros: BigInt(event.timestampMicros),
        channel: event.channel,
        resource: event.resource,
        segment: event.segment,
        attributes: event.attributesJson,
      })),
    );
  });

  it('refuses an event too large for DuckDB\'s CSV reader and writes nothing of it', async () => {
    database = await openAnalyticsDatabase();
    directory = mkdtempSync(join(tmpdir(), 'klantreis-parts-'));
    const writer = new EventPartsWriter(database.connection, directory);
    const event = { line: 1, caseId: 'c', activity: 'a', timestampMicros: 0, channel: null, resource: null, segment: null, attributesJson: null };
    expect(writer.add({ ...event, attributesJson: `"${'x'.repeat(12 * 1024 * 1024)}"` })).toBe(false);
    expect(writer.add(event)).toBe(true);
    expect(await writer.finish()).toBe(1);
    const reader = await database.connection.runAndReadAll(`SELECT count(*)::INTEGER AS n, max(file_order)::INTEGER AS last FROM read_parquet('${directory}/part-*.parquet')`);
    expect(reader.getRowObjects()[0]).toEqual({ n: 1, last: 0 });
  });
});
