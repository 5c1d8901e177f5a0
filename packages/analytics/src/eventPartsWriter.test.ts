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

  it('writes segments of 4, 8, 16 and then 32 MB', () => {
    expect([0, 1, 2, 3, 4, 10].map((index) => segmentBytes(index) / 1024 / 1024)).toEqual([4, 8, 16, 32, 32, 32]);
  });

  it('starts small, so the first parts are written while events still arrive, and keeps every event in file order', async () => {
    database = await openAnalyticsDatabase();
    directory = mkdtempSync(join(tmpdir(), 'klantreis-parts-'));
    const writer = new EventPartsWriter(database.connection, directory);
    const padding = 'x'.repeat(200);
    let events = 0;
    // About 17 MB of rows: parts of ~4 and ~8 MB, then the rest.
    for (; events < 70_000; events++) {
      writer.add({ line: events + 2, caseId: `case-${events % 997}`, activity: `activity ${events % 20}`, timestampMicros: 1_700_000_000_000_000 + events, channel: null, resource: padding, segment: null, attributesJson: null });
      await writer.flushIfFull();
    }
    expect(await writer.finish()).toBe(events);
    const parts = readdirSync(directory).filter((name) => name.endsWith('.parquet')).sort();
    expect(parts).toEqual(['part-00000.parquet', 'part-00001.parquet', 'part-00002.parquet']);
    const reader = await database.connection.runAndReadAll(
      `SELECT count(*)::INTEGER AS n, min(file_order)::INTEGER AS first, max(file_order)::INTEGER AS last, count(DISTINCT file_order)::INTEGER AS distinct_orders FROM read_parquet('${directory}/part-*.parquet')`,
    );
    expect(reader.getRowObjects()[0]).toEqual({ n: events, first: 0, last: events - 1, distinct_orders: events });
  });
});
