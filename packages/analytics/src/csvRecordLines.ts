import { createReadStream } from 'node:fs';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const QUOTE = 0x22;

export interface RecordLineQuery {
  /** The 1-based line of the header: records up to it are not rows. */
  headerLine: number;
  /** One-byte delimiter, as DuckDB reads the file. */
  delimiter: number;
  /** Where DuckDB says each rejected record starts (`line_byte_position` of its rejects table), ascending. */
  rejectedPositions: readonly number[];
  /** Rows DuckDB emitted, as 0-based ordinals (`file_order`), ascending. */
  rowOrdinals: readonly number[];
}

export interface RecordLines {
  /** The line of each rejected position, in the order asked; null when no record starts there. */
  rejected: (number | null)[];
  rowOrdinals: readonly number[];
  /** The line of each row ordinal, in the order asked; null when the file has fewer rows. */
  rows: (number | null)[];
}

/**
 * Finds the source lines of the records DuckDB's CSV reader rejected or emitted, which it does not
 * tell itself: its rejects table gives a byte position that is off by one or two (it points into
 * the blank lines before a record, or one byte into it) and a `line` that miscounts quoted line
 * breaks and CRLF, and emitted rows carry no position at all. So the file is walked once, record
 * by record as DuckDB splits it (a newline outside quotes ends a record, a quote opens a field
 * only at its start, blank lines are no records): a rejected position belongs to the record whose
 * stretch from just after the previous record up to its second byte holds it, and every other
 * record after the header is the next row. Only run when something was rejected.
 */
export async function findRecordLines(file: string, query: RecordLineQuery): Promise<RecordLines> {
  const { headerLine, delimiter, rejectedPositions, rowOrdinals } = query;
  const rejected: (number | null)[] = rejectedPositions.map(() => null);
  const rows: (number | null)[] = rowOrdinals.map(() => null);
  let nextRejected = 0;
  let nextRow = 0;
  let ordinal = 0;

  // Byte offset of the file, line number, and the state of the record being read.
  let offset = 0;
  let line = 1;
  let gapStart = 0;
  let recordStart = -1;
  let recordLine = 0;
  let inQuotes = false;
  let atFieldStart = true;
  let quoteMayClose = false;

  const endRecord = (): void => {
    if (recordStart < 0) return;
    let isRejected = false;
    while (nextRejected < rejectedPositions.length && rejectedPositions[nextRejected]! <= recordStart + 1) {
      if (rejectedPositions[nextRejected]! >= gapStart) {
        rejected[nextRejected] = recordLine;
        isRejected = true;
      }
      nextRejected++;
    }
    if (!isRejected && recordLine > headerLine) {
      while (nextRow < rowOrdinals.length && rowOrdinals[nextRow]! < ordinal) nextRow++;
      while (nextRow < rowOrdinals.length && rowOrdinals[nextRow] === ordinal) rows[nextRow++] = recordLine;
      ordinal++;
    }
    recordStart = -1;
  };

  const done = (): boolean => nextRejected >= rejectedPositions.length && nextRow >= rowOrdinals.length;

  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    const bytes = chunk as Buffer;
    for (let index = 0; index < bytes.length; index++) {
      const byte = bytes[index]!;
      const position = offset + index;
      if (quoteMayClose) {
        quoteMayClose = false;
        // `""` inside quotes is a quote character; a lone quote closes the field.
        if (byte === QUOTE) continue;
        inQuotes = false;
      }
      if (inQuotes) {
        if (byte === QUOTE) quoteMayClose = true;
        else if (byte === NEWLINE) line++;
        continue;
      }
      if (byte === NEWLINE) {
        // Blank lines belong to the gap before the next record, where DuckDB may point.
        if (recordStart >= 0) {
          endRecord();
          gapStart = position + 1;
        }
        line++;
        atFieldStart = true;
        continue;
      }
      if (recordStart < 0) {
        if (byte === CARRIAGE_RETURN) continue;
        recordStart = position;
        recordLine = line;
      }
      if (byte === QUOTE && atFieldStart) {
        inQuotes = true;
        atFieldStart = false;
      } else {
        atFieldStart = byte === delimiter;
      }
    }
    offset += bytes.length;
    if (done()) break;
  }
  endRecord();
  return { rejected, rowOrdinals, rows };
}
