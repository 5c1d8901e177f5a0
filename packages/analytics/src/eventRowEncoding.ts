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

/** A NULL is an empty field: nothing is written. */
function optionalFieldText(value: string | null): string {
  return value === null ? '' : fieldText(value);
}

/** The number of characters of an integer written in decimal (as `String(value)` writes it). */
function decimalLength(value: number): number {
  if (!Number.isSafeInteger(value)) return String(value).length;
  let length = value < 0 ? 2 : 1;
  for (let rest = Math.abs(value); rest >= 10; rest = Math.floor(rest / 10)) length++;
  return length;
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
    const caseId = fieldText(event.caseId);
    const activity = fieldText(event.activity);
    const channel = optionalFieldText(event.channel);
    const resource = optionalFieldText(event.resource);
    const segment = optionalFieldText(event.segment);
    // JSON escapes every control character, so attribute text never needs quoting.
    const attributes = event.attributesJson ?? '';
    const rowChars =
      caseId.length + activity.length + decimalLength(event.timestampMicros) + decimalLength(order) +
      channel.length + resource.length + segment.length + attributes.length + SEPARATOR_CHARS;
    // Characters, not bytes, but one character is at most three UTF-8 bytes.
    const maxBytes = rowChars * 3;
    if (maxBytes > MAX_ROW_BYTES) return false;
    if (this.used + maxBytes > this.chunk.length) this.startChunk(maxBytes);
    const chunk = this.chunk;
    let at = this.used;
    at += chunk.write(caseId, at);
    chunk[at++] = DELIMITER_BYTE;
    at += chunk.write(activity, at);
    chunk[at++] = DELIMITER_BYTE;
    at = writeInteger(chunk, at, event.timestampMicros);
    chunk[at++] = DELIMITER_BYTE;
    at = writeInteger(chunk, at, order);
    chunk[at++] = DELIMITER_BYTE;
    if (channel.length > 0) at += chunk.write(channel, at);
    chunk[at++] = DELIMITER_BYTE;
    if (resource.length > 0) at += chunk.write(resource, at);
    chunk[at++] = DELIMITER_BYTE;
    if (segment.length > 0) at += chunk.write(segment, at);
    chunk[at++] = DELIMITER_BYTE;
    if (attributes.length > 0) at += chunk.write(attributes, at);
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
  const end = at + decimalLength(value);
  let position = end;
  do {
    const next = Math.floor(value / 10);
    buffer[--position] = DIGIT_ZERO + (value - next * 10);
    value = next;
  } while (value > 0);
  return end;
}
