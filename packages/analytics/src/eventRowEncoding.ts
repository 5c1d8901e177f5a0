import type { NormalizedEvent } from './eventLogTypes.ts';

/*
 * The temporary CSV in which events travel to DuckDB's CSV reader. Unit separator and SOH serve
 * as delimiter and quote: JSON attribute text cannot contain them raw and event logs practically
 * never do, so almost no value needs quoting or escaping.
 */
export const ROW_DELIMITER = '\x1f';
export const ROW_QUOTE = '\x01';
const DELIMITER_BYTE = 0x1f;
const QUOTE_BYTE = 0x01;
const NEWLINE_BYTE = 0x0a;
const MINUS_BYTE = 0x2d;
const DIGIT_ZERO = 0x30;
const NEEDS_QUOTING = /[\x1f\x01\n\r]/;
/** The size of the Buffers rows are written into; a longer row gets a Buffer of its own size. */
const CHUNK_BYTES = 1024 * 1024;
/** DuckDB's CSV reader refuses longer lines; a longer event is rejected before it gets there. */
export const MAX_ROW_BYTES = 32 * 1024 * 1024;
/** Delimiters between the eight columns, and the newline. */
const SEPARATOR_CHARS = 8;

/** A field as the CSV holds it: the value itself unless it is empty or holds the delimiter, quote or a line break. */
function fieldText(value: string): string {
  if (value.length === 0) return ROW_QUOTE + ROW_QUOTE;
  return NEEDS_QUOTING.test(value) ? ROW_QUOTE + value.replaceAll(ROW_QUOTE, ROW_QUOTE + ROW_QUOTE) + ROW_QUOTE : value;
}

/** Text fields: case id, activity, channel, resource, segment. */
const QUOTED_FIELDS = 5;
/**
 * Up to this length a string is written by a loop over its characters while it is ASCII; a
 * longer one by Buffer#write. A native call per field cost more than the loop: 262,200 rows
 * shaped like BPIC 2012's took 120–200 ms to encode against 170–260 ms (and 70–160 ms with the
 * digits of writeInteger below).
 */
const LOOPED_CHARS = 64;

/** Writes a text field at `at` as fieldText gives it; returns where it ends. */
function writeField(buffer: Buffer, at: number, value: string): number {
  const length = value.length;
  if (length > 0 && length <= LOOPED_CHARS) {
    let index = 0;
    // Printable ASCII is written as it is; a control character (the delimiter, quote and line
    // breaks among them) or any other character leaves the field to fieldText and Buffer#write.
    for (; index < length; index++) {
      const code = value.charCodeAt(index);
      if (code < 0x20 || code >= 0x80) break;
      buffer[at + index] = code;
    }
    if (index === length) return at + length;
  }
  return at + buffer.write(fieldText(value), at);
}

/** Writes `text` as UTF-8 at `at`; returns where it ends. */
function writeAsciiOrUtf8(buffer: Buffer, at: number, text: string): number {
  const length = text.length;
  if (length > LOOPED_CHARS) return at + buffer.write(text, at);
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x80) return at + buffer.write(text, at);
    buffer[at + index] = code;
  }
  return at + length;
}

/** What a number's decimal text takes at most: a safe integer 17, `String(value)` of any other number 25 (`-0.0000012345678901234567`). */
const MAX_NUMBER_CHARS = 25;
const TEN_TO_THE_EIGHTH = 100_000_000;

/** The number of digits of a non-negative integer below 10^8. */
function digitCount(value: number): number {
  let digits = 1;
  for (let power = 10; digits < 8 && value >= power; power *= 10) digits++;
  return digits;
}

/**
 * Writes events as rows of the temporary CSV straight into off-heap Buffers, field by field. Rows
 * used to be built as strings, gathered into one string per megabyte and encoded by
 * `Buffer.from`: flattening those concatenated strings and encoding them cost about a quarter of
 * the main thread's time on BPIC 2012 (0.25 s of CPU a run), and the row strings were garbage.
 */
export class EncodedRows {
  private chunks: Buffer[] = [];
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private handedBytes = 0;
  private longestRow = 0;

  /** Bytes gathered since the last `take()`. */
  get bytes(): number {
    return this.handedBytes + this.used;
  }

  /** The bytes of the longest row gathered since the last `take()`, its newline included. */
  get longestRowBytes(): number {
    return this.longestRow;
  }

  /** Appends the event's row; false when the row is too large for DuckDB's reader, and then nothing is written. */
  append(event: NormalizedEvent, order: number): boolean {
    const { caseId, activity, channel, resource, segment } = event;
    // JSON escapes every control character, so attribute text never needs quoting.
    const attributes = event.attributesJson ?? '';
    const textChars = caseId.length + activity.length + (channel?.length ?? 0) + (resource?.length ?? 0) + (segment?.length ?? 0) + attributes.length;
    // A character is at most three UTF-8 bytes (a doubled quote two), and a quoted field gains two.
    const maxBytes = textChars * 3 + QUOTED_FIELDS * 2 + 2 * MAX_NUMBER_CHARS + SEPARATOR_CHARS;
    if (maxBytes > MAX_ROW_BYTES) return false;
    if (this.used + maxBytes > this.chunk.length) this.startChunk(maxBytes);
    const chunk = this.chunk;
    let at = this.used;
    at = writeField(chunk, at, caseId);
    chunk[at++] = DELIMITER_BYTE;
    at = writeField(chunk, at, activity);
    chunk[at++] = DELIMITER_BYTE;
    at = writeInteger(chunk, at, event.timestampMicros);
    chunk[at++] = DELIMITER_BYTE;
    at = writeInteger(chunk, at, order);
    chunk[at++] = DELIMITER_BYTE;
    // A NULL is an empty field: nothing is written.
    if (channel !== null) at = writeField(chunk, at, channel);
    chunk[at++] = DELIMITER_BYTE;
    if (resource !== null) at = writeField(chunk, at, resource);
    chunk[at++] = DELIMITER_BYTE;
    if (segment !== null) at = writeField(chunk, at, segment);
    chunk[at++] = DELIMITER_BYTE;
    if (attributes.length > 0) at = writeAsciiOrUtf8(chunk, at, attributes);
    chunk[at++] = NEWLINE_BYTE;
    if (at - this.used > this.longestRow) this.longestRow = at - this.used;
    this.used = at;
    return true;
  }

  /** Hands over everything gathered so far and starts empty. */
  take(): Buffer[] {
    this.closeChunk();
    const chunks = this.chunks;
    this.chunks = [];
    this.handedBytes = 0;
    this.longestRow = 0;
    return chunks;
  }

  private startChunk(minBytes: number): void {
    this.closeChunk();
    this.chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, minBytes));
  }

  /** The written part of the current chunk joins the chunks; the rest of it takes the next rows. */
  private closeChunk(): void {
    if (this.used === 0) return;
    this.chunks.push(this.chunk.subarray(0, this.used));
    this.handedBytes += this.used;
    this.chunk = this.chunk.subarray(this.used);
    this.used = 0;
  }
}

/** Writes an integer in decimal at `at`, without making a string of it; returns where it ends. */
function writeInteger(buffer: Buffer, at: number, value: number): number {
  if (!Number.isSafeInteger(value)) return at + buffer.write(String(value), at, 'latin1');
  if (value < 0) {
    buffer[at++] = MINUS_BYTE;
    value = -value;
  }
  if (value < TEN_TO_THE_EIGHTH) return writeDigits(buffer, at, value, digitCount(value));
  // A timestamp in microseconds has 16 digits: written as two parts that each fit 32-bit
  // arithmetic, not divided by ten 16 times as a double.
  const high = Math.floor(value / TEN_TO_THE_EIGHTH);
  at = writeDigits(buffer, at, high, digitCount(high));
  return writeDigits(buffer, at, value - high * TEN_TO_THE_EIGHTH, 8);
}

/** Writes `value`, below 10^8, as `digits` decimal digits with zeros in front; returns where they end. */
function writeDigits(buffer: Buffer, at: number, value: number, digits: number): number {
  const end = at + digits;
  for (let position = end - 1; position >= at; position--) {
    const next = (value / 10) | 0;
    buffer[position] = DIGIT_ZERO + value - next * 10;
    value = next;
  }
  return end;
}
