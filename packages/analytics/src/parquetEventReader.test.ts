import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAnalyticsDatabase } from './analyticsDatabase.ts';
import { LogImportError } from './logImportError.ts';
import { loadEventLog } from './logLoader.ts';
import { logStats } from './logQueries.ts';
import { previewLog } from './logPreview.ts';
import { sqlString } from './sqlText.ts';
import { makeScratchDirectory } from './testSupport.ts';

let scratch: Awaited<ReturnType<typeof makeScratchDirectory>>;
beforeAll(async () => {
  scratch = await makeScratchDirectory();
});
afterAll(() => scratch.remove());

/** Writes a Parquet fixture with DuckDB itself, from a SELECT. */
async function writeParquet(name: string, select: string): Promise<string> {
  const file = scratch.path(name);
  const database = await openAnalyticsDatabase();
  try {
    await database.connection.run(`COPY (${select}) TO ${sqlString(file)} (FORMAT parquet)`);
  } finally {
    database.close();
  }
  return file;
}

describe('Parquet logs', () => {
  it('reads TIMESTAMPTZ and text columns, keeping the rest as attributes', async () => {
    const file = await writeParquet(
      'log.parquet',
      `SELECT * FROM (VALUES
        ('c1', 'aanvraag', TIMESTAMPTZ '2024-01-01 10:00:00+01', 'web', 10.5),
        ('c1', 'besluit', TIMESTAMPTZ '2024-01-02 10:00:00+01', 'post', NULL),
        ('c2', 'aanvraag', TIMESTAMPTZ '2024-01-03 10:00:00+01', 'web', 3.0)
      ) AS t("case id", "activity", "timestamp", "kanaal", "kosten")`,
    );
    const preview = await previewLog(file);
    expect(preview.format).toBe('parquet');
    expect(preview.mapping).toEqual({ caseId: 'case id', activity: 'activity', timestamp: 'timestamp', channel: 'kanaal' });
    expect(preview.sampleRows[0]).toEqual({
      line: 1,
      caseId: 'c1',
      activity: 'aanvraag',
      timestamp: '2024-01-01T09:00:00.000000Z',
      channel: 'web',
      resource: null,
      segment: null,
      attributes: { kosten: 10.5 },
    });
    const log = await loadEventLog(file);
    try {
      expect(await logStats(log)).toMatchObject({ cases: 2, events: 3, activities: 2, variants: 2, firstTimestamp: '2024-01-01T09:00:00.000000Z' });
    } finally {
      log.close();
    }
  });

  it('rejects rows without a case id or with a bad text timestamp, by row number', async () => {
    const file = await writeParquet(
      'bad.parquet',
      `SELECT * FROM (VALUES ('c1', 'a', '2024-01-01 10:00:00'), (NULL, 'a', '2024-01-01'), ('c2', 'a', '31-02-2024'))
       AS t(case_id, activity, timestamp)`,
    );
    const error = await loadEventLog(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LogImportError);
    expect((error as LogImportError).rejected).toEqual([
      { line: 2, field: 'case_id', reason: 'empty case id' },
      { line: 3, field: 'timestamp', reason: 'bad date (expected an ISO 8601 timestamp)' },
    ]);
    const log = await loadEventLog(file, { onRejected: 'skip' });
    try {
      expect(log.events).toBe(1);
      expect(log.rejectedCount).toBe(2);
    } finally {
      log.close();
    }
  });
});
