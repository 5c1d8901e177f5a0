import type { DecimalMark } from './eventLogTypes.ts';
import { splitCsvRecord } from './csvRecordReader.ts';

const DELIMITER_CANDIDATES = [',', ';', '\t', '|'] as const;

/**
 * A BOM decides; otherwise the head must be valid UTF-8 or it is Windows-1252, the encoding Excel
 * on Dutch Windows writes. A multi-byte character cut off by the end of the head is not an error, unless the head is the whole file.
 */
export function detectEncoding(head: Uint8Array, wholeFile: boolean): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !wholeFile });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/**
 * Picks the candidate that splits the header into the most columns with the same count on the
 * following lines; a delimiter that is merely frequent in the values (a comma in `12,5`) splits
 * rows unevenly and loses.
 */
export function detectDelimiter(lines: readonly string[]): string {
  const sample = lines.filter((line) => line.length > 0).slice(0, 50);
  let best: string = ',';
  let bestScore = -1;
  for (const candidate of DELIMITER_CANDIDATES) {
    const counts = sample.map((line) => splitCsvRecord(line, candidate)?.length ?? 0).filter((count) => count > 0);
    const [headerCount] = counts;
    if (headerCount === undefined || headerCount < 2) continue;
    const consistent = counts.filter((count) => count === headerCount).length / counts.length;
    const score = consistent * 1000 + headerCount;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

const COMMA_DECIMAL = /^-?\d+,\d+$/;
const POINT_DECIMAL = /^-?\d+\.\d+$/;

/** Counts decimal-looking values; a comma wins only when it is the more common mark. */
export function detectDecimalMark(rows: readonly (readonly string[])[], skipColumns: ReadonlySet<number>): DecimalMark {
  let comma = 0;
  let point = 0;
  for (const row of rows) {
    row.forEach((value, index) => {
      if (skipColumns.has(index)) return;
      if (COMMA_DECIMAL.test(value)) comma++;
      else if (POINT_DECIMAL.test(value)) point++;
    });
  }
  return comma > point ? ',' : '.';
}
