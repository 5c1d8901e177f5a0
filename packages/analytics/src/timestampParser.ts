/**
 * Timestamp formats seen in Dutch and international event-log exports. Each accepts an optional
 * time `hh:mm[:ss[.fraction]]` after a space or `T`, and an optional offset (`Z`, `+01:00`, `+0100`).
 * `yyyy-mm-dd` is ISO 8601 / XES `xs:dateTime`.
 */
export const DATE_FORMATS = ['yyyy-mm-dd', 'dd-mm-yyyy', 'dd/mm/yyyy', 'mm/dd/yyyy', 'yyyy/mm/dd', 'dd.mm.yyyy'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export function isDateFormat(value: string): value is DateFormat {
  return (DATE_FORMATS as readonly string[]).includes(value);
}

interface DateLayout {
  order: 'ymd' | 'dmy' | 'mdy';
  separator: number;
  /** ISO requires two-digit months, days and hours; hand-typed exports often write `1-2-2024 9:05`. */
  minDigits: number;
}

const LAYOUTS: Record<DateFormat, DateLayout> = {
  'yyyy-mm-dd': { order: 'ymd', separator: 0x2d, minDigits: 2 },
  'dd-mm-yyyy': { order: 'dmy', separator: 0x2d, minDigits: 1 },
  'dd/mm/yyyy': { order: 'dmy', separator: 0x2f, minDigits: 1 },
  'mm/dd/yyyy': { order: 'mdy', separator: 0x2f, minDigits: 1 },
  'yyyy/mm/dd': { order: 'ymd', separator: 0x2f, minDigits: 1 },
  'dd.mm.yyyy': { order: 'dmy', separator: 0x2e, minDigits: 1 },
};

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MAX_SAFE_MICROS = Number.MAX_SAFE_INTEGER;

// A module-level cursor instead of a parser object: this runs once per event, 10M times per large import.
let cursor = 0;

function readDigits(text: string, minDigits: number, maxDigits: number): number {
  let value = 0;
  let count = 0;
  while (count < maxDigits && cursor < text.length) {
    const digit = text.charCodeAt(cursor) - 48;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
    cursor++;
    count++;
  }
  return count >= minDigits ? value : -1;
}

function expect(text: string, code: number): boolean {
  if (text.charCodeAt(cursor) !== code) return false;
  cursor++;
  return true;
}

let parsedYear = 0;
let parsedMonth = 0;
let parsedDay = 0;

/** Reads the date part into parsedYear/Month/Day; false when it is not a valid date. */
function readDate(text: string, layout: DateLayout): boolean {
  const sep = layout.separator;
  const min = layout.minDigits;
  let year: number;
  let month: number;
  let day: number;
  if (layout.order === 'ymd') {
    year = readDigits(text, 4, 4);
    if (year < 0 || !expect(text, sep)) return false;
    month = readDigits(text, min, 2);
    if (month < 0 || !expect(text, sep)) return false;
    day = readDigits(text, min, 2);
  } else {
    const first = readDigits(text, min, 2);
    if (first < 0 || !expect(text, sep)) return false;
    const second = readDigits(text, min, 2);
    if (second < 0 || !expect(text, sep)) return false;
    year = readDigits(text, 4, 4);
    day = layout.order === 'dmy' ? first : second;
    month = layout.order === 'dmy' ? second : first;
  }
  // The month is checked to be 1–12 before its length is read.
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return false;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return false;
  parsedYear = year;
  parsedMonth = month;
  parsedDay = day;
  return true;
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm): Date.UTC was a third of the parse time. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Parses `text` in `format` into microseconds since the epoch, or null when it is not a valid
 * timestamp in that format. With an offset the result is UTC; without one it is the wall time as
 * written, so that naive exports keep the times people see.
 */
export function parseTimestamp(text: string, format: DateFormat): number | null {
  const layout = LAYOUTS[format];
  cursor = 0;
  if (!readDate(text, layout)) return null;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let fractionMicros = 0;
  let offsetMinutes = 0;
  const length = text.length;
  if (cursor < length) {
    const separator = text.charCodeAt(cursor);
    if (separator !== 0x54 && separator !== 0x20) return null;
    while (text.charCodeAt(cursor) === 0x20 || text.charCodeAt(cursor) === 0x54) cursor++;
    hour = readDigits(text, layout.minDigits, 2);
    if (hour < 0 || hour > 23 || !expect(text, 0x3a)) return null;
    minute = readDigits(text, 2, 2);
    if (minute < 0 || minute > 59) return null;
    if (expect(text, 0x3a)) {
      second = readDigits(text, 2, 2);
      if (second < 0 || second > 59) return null;
      const mark = text.charCodeAt(cursor);
      if (mark === 0x2e || mark === 0x2c) {
        cursor++;
        const start = cursor;
        let scale = 100_000;
        while (cursor < length) {
          const digit = text.charCodeAt(cursor) - 48;
          if (digit < 0 || digit > 9) break;
          // Digits beyond microseconds are dropped: DuckDB's TIMESTAMP stops there.
          fractionMicros += digit * scale;
          scale = Math.floor(scale / 10);
          cursor++;
        }
        if (cursor === start) return null;
      }
    }
    if (text.charCodeAt(cursor) === 0x20) cursor++;
    const zone = text.charCodeAt(cursor);
    if (zone === 0x5a) {
      cursor++;
    } else if (zone === 0x2b || zone === 0x2d) {
      cursor++;
      const offsetHours = readDigits(text, 2, 2);
      if (offsetHours < 0 || offsetHours > 14) return null;
      expect(text, 0x3a);
      const offsetMins = cursor < length ? readDigits(text, 2, 2) : 0;
      if (offsetMins < 0 || offsetMins > 59) return null;
      offsetMinutes = (zone === 0x2d ? -1 : 1) * (offsetHours * 60 + offsetMins);
    }
    if (cursor !== length) return null;
  }
  const seconds = daysFromCivil(parsedYear, parsedMonth, parsedDay) * 86_400 + hour * 3600 + (minute - offsetMinutes) * 60 + second;
  const micros = seconds * 1_000_000 + fractionMicros;
  return Math.abs(micros) <= MAX_SAFE_MICROS ? micros : null;
}

/**
 * Picks the format that parses the most samples. Day-first wins over month-first when both fit,
 * because the logs this tool meets are mostly Dutch.
 */
export function detectDateFormat(samples: readonly string[]): DateFormat | null {
  const values = samples.filter((sample) => sample.length > 0);
  let best: DateFormat | null = null;
  let bestCount = 0;
  for (const format of DATE_FORMATS) {
    let count = 0;
    for (const value of values) if (parseTimestamp(value, format) !== null) count++;
    if (count > bestCount) {
      best = format;
      bestCount = count;
    }
  }
  return best;
}

export function formatMicrosAsIso(micros: number): string {
  const millis = Math.floor(micros / 1000);
  const iso = new Date(millis).toISOString();
  const extra = String(micros - millis * 1000).padStart(3, '0');
  return `${iso.slice(0, 23)}${extra}Z`;
}
