import { describe, expect, it } from 'vitest';
import { CsvRecordReader, splitCsvRecord } from './csvRecordReader.ts';
import { detectDecimalMark, detectDelimiter, detectEncoding } from './csvDialect.ts';

function readRecords(chunks: string[], maxChars = 100): { records: [number, string[]][]; bad: [number, string][] } {
  const records: [number, string[]][] = [];
  const bad: [number, string][] = [];
  const reader = new CsvRecordReader(',', maxChars, {
    onRecord: (fields, line) => records.push([line, fields]),
    onBadLine: (line, reason) => bad.push([line, reason]),
  });
  for (const chunk of chunks) reader.push(chunk);
  reader.finish();
  return { records, bad };
}

describe('splitCsvRecord', () => {
  it('handles quotes, doubled quotes, empty fields and literal quotes in unquoted fields', () => {
    expect(splitCsvRecord('a,"b,c","say ""hi""",,5" screen', ',')).toEqual(['a', 'b,c', 'say "hi"', '', '5" screen']);
    expect(splitCsvRecord('"open,still', ',')).toBeNull();
    expect(splitCsvRecord('a;b', ';')).toEqual(['a', 'b']);
  });
});

describe('CsvRecordReader', () => {
  it('joins lines split across chunks, CRLF included (a line break inside quotes becomes \\n), and skips blank lines', () => {
    const { records, bad } = readRecords(['h1,h2\r', '\n1,"x\r\ny"\r\n\r\n2,', 'z']);
    expect(bad).toEqual([]);
    expect(records).toEqual([
      [1, ['h1', 'h2']],
      [2, ['1', 'x\ny']],
      [5, ['2', 'z']],
    ]);
  });

  it('rejects an overlong line arriving in many chunks and carries on', () => {
    const { records, bad } = readRecords(['a,b\n', 'x'.repeat(80), 'x'.repeat(80), 'x'.repeat(80), '\nc,d\n']);
    expect(bad).toEqual([[2, 'line is longer than 100 characters']]);
    expect(records.map(([line]) => line)).toEqual([1, 3]);
  });
});

describe('CSV dialect detection', () => {
  it('finds the delimiter that splits every line alike', () => {
    expect(detectDelimiter(['a;b;c', '1;2,5;3', '4;5,5;6'])).toBe(';');
    expect(detectDelimiter(['a,b', '1,2'])).toBe(',');
    expect(detectDelimiter(['a\tb\tc', '1\t2\t3'])).toBe('\t');
  });

  it('finds the decimal mark and the encoding', () => {
    expect(detectDecimalMark([['12,5', 'x'], ['0,75', 'y']], new Set())).toBe(',');
    expect(detectDecimalMark([['12.5', '3,4'], ['0.75', 'y']], new Set())).toBe('.');
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), true)).toBe('utf-8');
    expect(detectEncoding(Buffer.from('café', 'utf8'), true)).toBe('utf-8');
    expect(detectEncoding(Buffer.from('caf\xe9\n', 'latin1'), false)).toBe('windows-1252');
    // A head cut inside a multi-byte character is still UTF-8; a whole file ending that way is not.
    expect(detectEncoding(Buffer.from('café', 'utf8').subarray(0, 4), false)).toBe('utf-8');
    expect(detectEncoding(Buffer.from('caf\xe9', 'latin1'), true)).toBe('windows-1252');
  });
});
