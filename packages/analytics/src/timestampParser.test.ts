import { describe, expect, it } from 'vitest';
import { detectDateFormat, formatMicrosAsIso, parseTimestamp, type DateFormat } from './timestampParser.ts';

const iso = (text: string, format: DateFormat): string | null => {
  const micros = parseTimestamp(text, format);
  return micros === null ? null : formatMicrosAsIso(micros);
};

describe('parseTimestamp', () => {
  it.each<[string, DateFormat, string | null]>([
    ['2011-10-01T00:38:44.546+02:00', 'yyyy-mm-dd', '2011-09-30T22:38:44.546000Z'],
    ['2010-12-30 14:32:00+01:00', 'yyyy-mm-dd', '2010-12-30T13:32:00.000000Z'],
    ['2011-12-06 13:41:31.788000+01:00', 'yyyy-mm-dd', '2011-12-06T12:41:31.788000Z'],
    ['2024-01-05T09:00:00.123456789Z', 'yyyy-mm-dd', '2024-01-05T09:00:00.123456Z'],
    ['2024-01-05T09:00:00-0530', 'yyyy-mm-dd', '2024-01-05T14:30:00.000000Z'],
    ['2024-01-05', 'yyyy-mm-dd', '2024-01-05T00:00:00.000000Z'],
    ['1969-12-31T23:59:59.5Z', 'yyyy-mm-dd', '1969-12-31T23:59:59.500000Z'],
    ['31-12-2024 23:59', 'dd-mm-yyyy', '2024-12-31T23:59:00.000000Z'],
    ['1-2-2024 9:05:07', 'dd-mm-yyyy', '2024-02-01T09:05:07.000000Z'],
    ['29/02/2024', 'dd/mm/yyyy', '2024-02-29T00:00:00.000000Z'],
    ['02/29/2024 10:00', 'mm/dd/yyyy', '2024-02-29T10:00:00.000000Z'],
    ['2024/03/01 10:00:00', 'yyyy/mm/dd', '2024-03-01T10:00:00.000000Z'],
    ['01.03.2024 10:00', 'dd.mm.yyyy', '2024-03-01T10:00:00.000000Z'],
    ['29-02-2023', 'dd-mm-yyyy', null],
    ['1900-02-29', 'yyyy-mm-dd', null],
    ['2024-13-01', 'yyyy-mm-dd', null],
    ['2024-01-01 24:00', 'yyyy-mm-dd', null],
    ['2024-1-1', 'yyyy-mm-dd', null],
    ['2024-01-01T10:00:00 garbage', 'yyyy-mm-dd', null],
    ['31-12-2024', 'yyyy-mm-dd', null],
    ['', 'yyyy-mm-dd', null],
  ])('%s as %s', (text, format, expected) => {
    expect(iso(text, format)).toBe(expected);
  });
});

describe('detectDateFormat', () => {
  it('prefers day-first when both orders fit, and month-first when a day exceeds 12', () => {
    expect(detectDateFormat(['01/02/2024', '03/04/2024'])).toBe('dd/mm/yyyy');
    expect(detectDateFormat(['01/02/2024', '12/31/2024'])).toBe('mm/dd/yyyy');
    expect(detectDateFormat(['2024-01-02T10:00:00Z'])).toBe('yyyy-mm-dd');
    expect(detectDateFormat(['gisteren'])).toBeNull();
  });
});
