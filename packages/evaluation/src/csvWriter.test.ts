import { describe, expect, it } from 'vitest';
import { readCsvRows } from './csvRows.ts';
import { csvField, csvText, neutralizeCsvFormula } from './csvWriter.ts';

describe('csvWriter', () => {
  it('quotes what needs quoting and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('a;b', ';')).toBe('"a;b"');
  });

  it('makes cells a spreadsheet would run safe, and leaves numbers alone', () => {
    for (const cell of ['=1+1', '+31 20', '-cmd', '@SUM(A1)', '\t=x', '\r=x']) expect(neutralizeCsvFormula(cell)).toBe(`'${cell}`);
    expect(neutralizeCsvFormula('-1')).toBe('-1');
    expect(neutralizeCsvFormula('-2.5')).toBe('-2.5');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('writes a BOM and CRLF rows that the reader reads back', () => {
    const rows = [
      ['naam', 'opmerking'],
      ['Anna', 'zegt "ja", en\ngaat'],
    ];
    const text = csvText(rows);
    expect(text.startsWith('\uFEFFnaam,opmerking\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const read = readCsvRows(text);
    expect(read.ok && read.rows.map((row) => row.fields)).toEqual(rows);
  });
});
