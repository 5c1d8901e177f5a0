import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLog } from './logImporter.ts';
import { LogImportError } from './logImportError.ts';
import { loadEventLog } from './logLoader.ts';
import { previewLog } from './logPreview.ts';
import { makeScratchDirectory } from './testSupport.ts';

let scratch: Awaited<ReturnType<typeof makeScratchDirectory>>;
beforeAll(async () => {
  scratch = await makeScratchDirectory();
});
afterAll(() => scratch.remove());

async function importError(file: string): Promise<LogImportError> {
  const caught = await loadEventLog(file).catch((error: unknown) => error);
  if (!(caught instanceof LogImportError)) throw new Error(`expected a LogImportError, got ${String(caught)}`);
  return caught;
}

const HEADER = 'case;activity;timestamp;channel';

describe('malformed CSV', () => {
  const content = [
    HEADER,
    '1;intake;01-02-2024 10:00;web',
    '1;besluit;31-02-2024 10:00;web',
    '2;intake;01-02-2024;phone;extra',
    '3;intake',
    ';intake;01-02-2024 10:00;web',
    '4;;01-02-2024 10:00;web',
    '5;intake;;web',
    '6;intake;02-02-2024 11:00;web',
  ].join('\n');

  it('previews every rejected line with its line, field and reason, and counts the accepted rows', async () => {
    const file = await scratch.write('malformed.csv', content);
    const preview = await previewLog(file);
    expect(preview.acceptedCount).toBe(2);
    expect(preview.rejected).toEqual([
      { line: 3, field: 'timestamp', reason: 'bad date "31-02-2024 10:00" (expected dd-mm-yyyy)' },
      { line: 4, field: null, reason: 'expected 4 fields, found 5' },
      { line: 5, field: 'timestamp', reason: 'expected 4 fields, found 2' },
      { line: 6, field: 'case', reason: 'empty case id' },
      { line: 7, field: 'activity', reason: 'empty activity' },
      { line: 8, field: 'timestamp', reason: 'empty timestamp' },
    ]);
  });

  it('refuses the import by default with an error naming file, line and field', async () => {
    const file = await scratch.write('refused.csv', content);
    const error = await importError(file);
    expect(error.message).toBe(`${file}:3: field "timestamp": bad date "31-02-2024 10:00" (expected dd-mm-yyyy); 6 lines rejected, nothing imported`);
    expect(error).toMatchObject({ file, line: 3, field: 'timestamp', rejectedCount: 6 });
    expect(error.rejected).toHaveLength(6);
  });

  it('keeps the good rows when the caller skips rejected ones', async () => {
    const file = await scratch.write('skipped.csv', content);
    const log = await loadEventLog(file, { onRejected: 'skip' });
    try {
      expect(log.events).toBe(2);
      expect(log.rejectedCount).toBe(6);
    } finally {
      log.close();
    }
  });

  it('writes nothing to the store when the import is refused', async () => {
    const file = await scratch.write('store-refused.csv', content);
    const storeDir = scratch.path('store');
    await expect(importLog(file, { storeDir })).rejects.toThrow(LogImportError);
    expect(await readdir(storeDir).catch(() => [])).toEqual([]);
  });

  it('names the missing column when the header lacks one', async () => {
    const file = await scratch.write('no-timestamp.csv', 'case;activity;channel\n1;intake;web\n');
    const error = await importError(file);
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/no-timestamp\.csv:1: no column for the timestamp; columns are "case", "activity", "channel"/);
  });

  it('names a mapped column that does not exist', async () => {
    const file = await scratch.write('wrong-mapping.csv', `${HEADER}\n1;intake;01-02-2024;web\n`);
    await expect(loadEventLog(file, { mapping: { caseId: 'zaak' } })).rejects.toThrow(/no column "zaak" for the case id/);
  });

  it('rejects a 10 MB line without holding it, and reads on after it', async () => {
    const huge = `7;${'x'.repeat(10 * 1024 * 1024)};01-02-2024;web`;
    const file = await scratch.write('huge-line.csv', `${HEADER}\n1;intake;01-02-2024;web\n${huge}\n2;intake;01-02-2024;web\n`);
    const before = process.memoryUsage().heapUsed;
    const preview = await previewLog(file);
    expect(preview.rejected).toEqual([{ line: 3, field: null, reason: 'line is longer than 1048576 characters' }]);
    expect(preview.acceptedCount).toBe(2);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
    const error = await importError(file);
    expect(error.message).toMatch(/huge-line\.csv:3: line is longer than 1048576 characters/);
  });

  it('rejects a 40 MB line, which DuckDB drops without a rejects row, and reads on after it', async () => {
    const huge = `7;${'x'.repeat(40 * 1024 * 1024)};01-02-2024;web`;
    const file = await scratch.write('huger-line.csv', `${HEADER}\n1;intake;01-02-2024;web\n${huge}\n2;intake;01-02-2024;web\n`);
    const preview = await previewLog(file);
    expect(preview.rejected).toEqual([{ line: 3, field: null, reason: 'line is longer than 1048576 characters' }]);
    expect(preview.acceptedCount).toBe(2);
    expect(preview.sampleRows.map((row) => row.line)).toEqual([2, 4]);
    const error = await importError(file);
    expect(error.message).toMatch(/huger-line\.csv:3: line is longer than 1048576 characters; 1 line rejected/);
  }, 60_000);

  it('rejects a quoted field that never closes', async () => {
    const file = await scratch.write('open-quote.csv', 'case,activity,timestamp\n1,"intake,2024-01-01\n2,intake,2024-01-01\n');
    const preview = await previewLog(file);
    expect(preview.rejected).toEqual([{ line: 2, field: null, reason: 'a quoted field is not closed before the end of the file' }]);
  });

  it('reports invalid UTF-8 after the detection sample with its line', async () => {
    const good = `case,activity,timestamp\n${'1,intake,2024-01-01\n'.repeat(20_000)}`;
    const bytes = Buffer.concat([Buffer.from(good), Buffer.from([0x31, 0x2c, 0xe9, 0x2c, 0x0a])]);
    const file = await scratch.write('late-latin1.csv', bytes);
    const error = await importError(file);
    expect(error.message).toMatch(/late-latin1\.csv:20002: not valid utf-8/);
  });
});
