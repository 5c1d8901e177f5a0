import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsvRows } from './csvRows.ts';

describe('readCsvRows', () => {
  it('reads commas, semicolons and tabs, with the line each row starts on', () => {
    expect(detectDelimiter('a;b;c\n1,2;3')).toBe(';');
    expect(detectDelimiter('a\tb\n')).toBe('\t');
    expect(detectDelimiter('"a;b",c')).toBe(',');
    expect(readCsvRows('a,b\r\n\r\n1,2\n')).toEqual({ ok: true, delimiter: ',', rows: [{ line: 1, fields: ['a', 'b'] }, { line: 3, fields: ['1', '2'] }] });
  });

  it('keeps quoted delimiters, doubled quotes and line breaks, and counts the lines inside quotes', () => {
    const result = readCsvRows('\uFEFFwho;what\n"Jan; de Vries";"zegt ""hoi""\nen gaat"\nPiet;x');
    expect(result).toEqual({
      ok: true,
      delimiter: ';',
      rows: [
        { line: 1, fields: ['who', 'what'] },
        { line: 2, fields: ['Jan; de Vries', 'zegt "hoi"\nen gaat'] },
        { line: 4, fields: ['Piet', 'x'] },
      ],
    });
  });

  it('reports a quote that is never closed at the line it opened', () => {
    expect(readCsvRows('a,b\n1,2\n3,"open\n\n')).toEqual({ ok: false, line: 3, message: 'unclosed-quote' });
  });
});
