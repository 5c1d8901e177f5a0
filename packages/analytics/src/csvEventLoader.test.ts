import { readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadLogOptions, ReadProgress } from './eventLogTypes.ts';
import { importLog } from './logImporter.ts';
import { LogImportError } from './logImportError.ts';
import { loadEventLog } from './logLoader.ts';
import { previewLog, type LogPreview } from './logPreview.ts';
import { makeScratchDirectory } from './testSupport.ts';

let scratch: Awaited<ReturnType<typeof makeScratchDirectory>>;
beforeAll(async () => {
  scratch = await makeScratchDirectory();
});
afterAll(() => scratch.remove());

/** Reads a CSV through DuckDB as an import would, keeping a sample of every row with its source line. */
async function readCsv(content: string | Uint8Array, options: ReadLogOptions = {}, name = 'log.csv'): Promise<LogPreview> {
  const file = await scratch.write(name, content);
  return previewLog(file, { ...options, sampleSize: 1000 });
}

/** Windows-1252 bytes for text whose characters are all in Latin-1 plus the euro sign. */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((character) => (character === '€' ? 0x80 : character.charCodeAt(0))));
}

describe('CSV import through DuckDB on Dutch exports', () => {
  const dutch = [
    'Zaak;Activiteit;Tijdstip;Kanaal;Bedrag',
    'Z1;Aanvraag ontvangen;03-01-2024 09:15;telefoon;12,50',
    'Z1;Dossier beoordeeld;03-01-2024 14:02:30;web;0,75',
    'Z2;Aanvraag ontvangen;4-1-2024 8:05;balie;3',
  ].join('\r\n');

  it('detects semicolons, decimal commas, CRLF and dd-mm-yyyy dates', async () => {
    const { detected, mapping, columns, sampleRows, rejected } = await readCsv(`\uFEFF${dutch}\r\n`);
    expect(rejected).toEqual([]);
    expect(detected).toEqual({ delimiter: ';', decimalMark: ',', encoding: 'utf-8', dateFormat: 'dd-mm-yyyy' });
    expect(mapping).toEqual({ caseId: 'Zaak', activity: 'Activiteit', timestamp: 'Tijdstip', channel: 'Kanaal' });
    expect(columns[0]).toBe('Zaak');
    expect(sampleRows.map((row) => [row.line, row.caseId, row.activity, row.timestamp, row.channel])).toEqual([
      [2, 'Z1', 'Aanvraag ontvangen', '2024-01-03T09:15:00.000000Z', 'telefoon'],
      [3, 'Z1', 'Dossier beoordeeld', '2024-01-03T14:02:30.000000Z', 'web'],
      [4, 'Z2', 'Aanvraag ontvangen', '2024-01-04T08:05:00.000000Z', 'balie'],
    ]);
    expect(sampleRows.map((row) => row.attributes)).toEqual([{ Bedrag: 12.5 }, { Bedrag: 0.75 }, { Bedrag: 3 }]);
  });

  it('reads Windows-1252 bytes such as é and € in activity names', async () => {
    const text = 'zaak;activiteit;datum\r\n1;Aanvraag geëvalueerd;05/02/2024\r\n1;Betaald € 10;06/02/2024 10:00\r\n1;Klacht ingediend;07/02/2024\r\n';
    const { detected, sampleRows, rejected } = await readCsv(windows1252(text));
    expect(rejected).toEqual([]);
    expect(detected.encoding).toBe('windows-1252');
    expect(detected.dateFormat).toBe('dd/mm/yyyy');
    expect(sampleRows.map((row) => row.activity)).toEqual(['Aanvraag geëvalueerd', 'Betaald € 10', 'Klacht ingediend']);
    expect(sampleRows.map((row) => row.timestamp)).toEqual(['2024-02-05T00:00:00.000000Z', '2024-02-06T10:00:00.000000Z', '2024-02-07T00:00:00.000000Z']);
  });

  it('reads Windows-1252 curly quotes (bytes 0x91–0x94, which DuckDB’s latin-1 refuses)', async () => {
    const bytes = Buffer.concat([Buffer.from('zaak;activiteit;datum\n1;'), Buffer.from([0x93]), Buffer.from('Klacht'), Buffer.from([0x94]), Buffer.from(' ingediend;07/02/2024\n')]);
    const { detected, sampleRows, rejected } = await readCsv(bytes);
    expect(rejected).toEqual([]);
    expect(detected.encoding).toBe('windows-1252');
    expect(sampleRows.map((row) => row.activity)).toEqual(['“Klacht” ingediend']);
  });

  it('reads UTF-16 with a byte order mark', async () => {
    const { detected, sampleRows } = await readCsv(Buffer.from('\uFEFFcase,activity,timestamp\r\nA,één,2024-01-02\r\n', 'utf16le'));
    expect(detected.encoding).toBe('utf-16le');
    expect(sampleRows.map((row) => [row.line, row.activity])).toEqual([[2, 'één']]);
  });

  it('reads tab-separated files with yyyy/mm/dd dates', async () => {
    const { detected, sampleRows } = await readCsv('case id\tactivity\ttimestamp\nA\tstart\t2024/02/05 10:00\nA\tend\t2024/02/05 11:00:00\n', {}, 'log.tsv');
    expect(detected.delimiter).toBe('\t');
    expect(detected.dateFormat).toBe('yyyy/mm/dd');
    expect(sampleRows.map((row) => row.timestamp)).toEqual(['2024-02-05T10:00:00.000000Z', '2024-02-05T11:00:00.000000Z']);
  });

  it('keeps quoted delimiters, doubled quotes and line breaks inside a field, numbering lines by where a record starts', async () => {
    const content = 'case,activity,timestamp,note\n1,"call, inbound",2024-01-01T10:00:00Z,"said ""hello"""\n1,letter,2024-01-02T10:00:00Z,"two\nlines"\n2,mail,2024-01-03T10:00:00Z,\n';
    const { sampleRows, rejected } = await readCsv(content);
    expect(rejected).toEqual([]);
    expect(sampleRows.map((row) => [row.line, row.activity, row.attributes])).toEqual([
      [2, 'call, inbound', { note: 'said "hello"' }],
      [3, 'letter', { note: 'two\nlines' }],
      [5, 'mail', null],
    ]);
  });

  it('converts offsets to UTC', async () => {
    const { sampleRows } = await readCsv('case,activity,timestamp\n1,a,2011-10-11 13:45:40.276000+02:00\n1,b,2024-01-05T09:00:00-0530\n');
    expect(sampleRows.map((row) => row.timestamp)).toEqual(['2011-10-11T11:45:40.276000Z', '2024-01-05T14:30:00.000000Z']);
  });

  it('trims the mapped fields of spaces, tabs, no-break spaces and byte order marks at either end, and nothing else', async () => {
    const content = [
      'case,activity,timestamp,channel,note',
      ' A ,\u00a0intake\t,  2024-01-01 10:00:00 ,\ufeffweb\u00a0,  kept  ',
      'Één,é-mail ,2024-01-02 10:00:00,\u0001x,é',
      '\tB,call  back,2024-01-03 10:00:00\ufeff,~,',
      'C,\t \u00a0,2024-01-04 10:00:00,web,x',
    ].join('\n');
    const { sampleRows, rejected } = await readCsv(`${content}\n`);
    expect(rejected).toEqual([{ line: 5, field: 'activity', reason: 'empty activity' }]);
    expect(sampleRows.map((row) => [row.line, row.caseId, row.activity, row.timestamp, row.channel, row.attributes])).toEqual([
      [2, 'A', 'intake', '2024-01-01T10:00:00.000000Z', 'web', { note: '  kept  ' }],
      [3, 'Één', 'é-mail', '2024-01-02T10:00:00.000000Z', '\u0001x', { note: 'é' }],
      [4, 'B', 'call  back', '2024-01-03T10:00:00.000000Z', '~', null],
    ]);
  });

  it('follows the options over what it would detect', async () => {
    const { mapping, sampleRows, rejected } = await readCsv('a|b|when|who\nx|step|01/02/2024|ann\n', {
      delimiter: '|',
      dateFormat: 'mm/dd/yyyy',
      mapping: { caseId: 'a', activity: 'b', timestamp: 'when', resource: 'who' },
    });
    expect(rejected).toEqual([]);
    expect(mapping).toEqual({ caseId: 'a', activity: 'b', timestamp: 'when', resource: 'who' });
    expect(sampleRows.map((row) => [row.timestamp, row.resource])).toEqual([['2024-01-02T00:00:00.000000Z', 'ann']]);
  });

  it('names an unnamed index column instead of losing it, and keeps long numbers and text as strings', async () => {
    const { columns, sampleRows } = await readCsv(',case,activity,timestamp,account,cost\n0,1,a,2024-01-01,1234567890123456789,-0.5\n1,1,b,2024-01-02,NL91,1e3\n');
    expect(columns).toEqual(['column1', 'case', 'activity', 'timestamp', 'account', 'cost']);
    expect(sampleRows.map((row) => row.attributes)).toEqual([
      { column1: 0, account: '1234567890123456789', cost: -0.5 },
      { column1: 1, account: 'NL91', cost: '1e3' },
    ]);
  });
});

const TRICKY = [
  'case;activity;timestamp;note',
  '1;"intake; phone";01-02-2024 10:00;"he said ""hi"""',
  '1;"multi',
  'line; with ""quotes""',
  'and more";02-02-2024 11:00;',
  '',
  '2;intake;31-02-2024;bad date',
  '2;"x";03-02-2024;5" screen',
  '3;only;two',
  '   ',
  '3;é and ü;04-02-2024 09:30;"12,5"',
  '4;last;05-02-2024;no newline at the end',
].join('\r\n');

describe('rejected lines on the DuckDB path', () => {
  it('names every line of a tricky file (BOM, CRLF, quoted line breaks, a blank and a space-only line) as the JavaScript reader did', async () => {
    const preview = await readCsv(`\uFEFF${TRICKY}`);
    expect(preview.rejected).toEqual([
      { line: 7, field: 'timestamp', reason: 'bad date "31-02-2024" (expected dd-mm-yyyy)' },
      { line: 9, field: 'note', reason: 'expected 4 fields, found 3' },
    ]);
    expect(preview.sampleRows.map((row) => [row.line, row.caseId, row.activity])).toEqual([
      [2, '1', 'intake; phone'],
      [3, '1', 'multi\nline; with "quotes"\nand more'],
      [8, '2', 'x'],
      [11, '3', 'é and ü'],
      [12, '4', 'last'],
    ]);
    expect(preview.sampleRows[2]?.attributes).toEqual({ note: '5" screen' });
    expect(preview.sampleRows[3]?.attributes).toEqual({ note: 12.5 });
  });

  it('counts lines from a header below blank lines', async () => {
    const preview = await readCsv('\n\ncase,activity,timestamp\n1,a,2024-01-01\n1,,2024-01-02\n');
    expect(preview.rejected).toEqual([{ line: 5, field: 'activity', reason: 'empty activity' }]);
    expect(preview.sampleRows.map((row) => row.line)).toEqual([4]);
  });

  it('rejects every row when no date format fits the first rows', async () => {
    const preview = await readCsv('case,activity,timestamp\n1,a,gisteren\n1,b,vandaag\n');
    expect(preview.detected.dateFormat).toBeNull();
    expect(preview.rejected).toEqual([
      { line: 2, field: 'timestamp', reason: 'bad date "gisteren" (no known date format fits the first rows)' },
      { line: 3, field: 'timestamp', reason: 'bad date "vandaag" (no known date format fits the first rows)' },
    ]);
  });

  it('rejects an overlong line and numbers the lines after it', async () => {
    const preview = await readCsv(`case,activity,timestamp\n1,a,2024-01-01\n1,${'x'.repeat(5000)},2024-01-02\n2,,2024-01-03\n`, { maxLineChars: 100 });
    expect(preview.rejected).toEqual([
      { line: 3, field: null, reason: 'line is longer than 100 characters' },
      { line: 4, field: 'activity', reason: 'empty activity' },
    ]);
  });

  it('names the line of bytes that are not valid UTF-8 and keeps nothing', async () => {
    const bytes = Buffer.concat([Buffer.from('case,activity,timestamp\n1,a,2024-01-01\n1,"b\nc",2024-01-01\n1,'), Buffer.from([0xe9]), Buffer.from(',2024-01-02\n')]);
    const file = await scratch.write('bad-utf8.csv', bytes);
    await expect(loadEventLog(file, { encoding: 'utf-8', onRejected: 'skip' })).rejects.toThrow(/bad-utf8\.csv:5: not valid utf-8; name the encoding/);
  });

  it('reads a gzip CSV (.csv.gz) and names its lines as those of the unpacked text', async () => {
    const file = await scratch.write('log.csv.gz', gzipSync('zaak;activiteit;datum\r\n1;a;01-02-2024\r\n1;;02-02-2024\r\n'));
    const error = await loadEventLog(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LogImportError);
    expect((error as Error).message).toBe(`${file}:3: field "activiteit": empty activity; 1 line rejected, nothing imported`);
    const log = await loadEventLog(file, { onRejected: 'skip' });
    try {
      expect([log.summary.format, log.summary.detected.delimiter, log.events]).toEqual(['csv', ';', 1]);
    } finally {
      log.close();
    }
    const broken = await scratch.write('broken.csv.gz', gzipSync('case,activity,timestamp\n').subarray(0, 12));
    await expect(loadEventLog(broken)).rejects.toThrow(/broken\.csv\.gz: not a readable gzip file/);
  });

  it('says what a 0-byte file and a header without rows are', async () => {
    const empty = await scratch.write('empty.csv', '');
    await expect(loadEventLog(empty)).rejects.toThrow(/empty\.csv: the file has no header line/);
    const headerOnly = await scratch.write('header-only.csv', 'case,activity,timestamp\r\n');
    const log = await loadEventLog(headerOnly);
    try {
      expect(log.events).toBe(0);
      const reader = await log.connection.runAndReadAll(`SELECT count(*)::INTEGER FROM ${log.relation}`);
      expect(reader.getRowsJS()).toEqual([[0]]);
    } finally {
      log.close();
    }
  });

  it('names the lines of bad rows far into a large file, past DuckDB’s buffers and threads, and writes nothing when refused', async () => {
    // About 40 MB: DuckDB reads it in several buffers on both threads.
    const rows: string[] = ['case_id,activity,timestamp,note'];
    const bad = new Map<number, { field: string | null; reason: string }>([
      [123_457, { field: 'case_id', reason: 'empty case id' }],
      [400_003, { field: null, reason: 'expected 4 fields, found 5' }],
      [654_321, { field: 'timestamp', reason: 'bad date "2024-13-01 10:00:00" (expected yyyy-mm-dd)' }],
      [799_998, { field: 'note', reason: 'expected 4 fields, found 3' }],
    ]);
    for (let line = 2; line <= 800_000; line++) {
      if (line === 123_457) rows.push(`,visit,2024-01-01 10:00:00,x`);
      else if (line === 400_003) rows.push(`K${line},visit,2024-01-01 10:00:00,x,extra`);
      else if (line === 654_321) rows.push(`K${line},visit,2024-13-01 10:00:00,x`);
      else if (line === 799_998) rows.push(`K${line},visit,2024-01-01 10:00:00`);
      else if (line % 1000 === 0) rows.push(`K${line},"quoted\nvisit",2024-01-01 10:00:00,"a ""b"""`);
      else rows.push(`K${line},visit ${line % 20},2024-01-01 10:00:00,note ${line}`);
    }
    // Each quoted line break moves every later line one down.
    const text = rows.join('\n');
    const lineOf = (row: number): number => row + Math.floor((row - 1) / 1000);
    const file = await scratch.write('large.csv', text);
    const progress: ReadProgress[] = [];
    const started = performance.now();
    const log = await loadEventLog(file, { onRejected: 'skip', onProgress: (report) => progress.push(report) });
    const seconds = (performance.now() - started) / 1000;
    try {
      expect(log.rejected).toEqual([...bad].map(([row, rejection]) => ({ line: lineOf(row), ...rejection })));
      expect(log.events).toBe(800_000 - 1 - bad.size);
      const order = await log.connection.runAndReadAll(`SELECT case_id FROM ${log.relation} ORDER BY file_order DESC LIMIT 1`);
      expect(order.getRowsJS()).toEqual([['K800000']]);
    } finally {
      log.close();
    }
    expect(progress.at(-1)).toMatchObject({ bytesRead: Buffer.byteLength(text), totalBytes: Buffer.byteLength(text), eventsRead: 800_000 - 1 });
    if (seconds > 1) expect(progress.some((report) => report.bytesRead < report.totalBytes && (report.eventsRead ?? 0) > 0)).toBe(true);

    const storeDir = scratch.path('large-store');
    const refused = await importLog(file, { storeDir }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LogImportError);
    expect(refused).toMatchObject({ line: lineOf(123_457), field: 'case_id', rejectedCount: 4 });
    expect(await readdir(storeDir).catch(() => [])).toEqual([]);
    // Seconds on a quiet machine; the shared test machines run other suites meanwhile.
  }, 120_000);
});
