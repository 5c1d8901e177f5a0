import type { NormalizedEvent } from './eventLogTypes.ts';

/*
 * The temporary CSV in which events travel to DuckDB's CSV reader. Unit separator and SOH serve
 * as delimiter and quote: JSON attribute text cannot contain them raw and event logs practically
 * never do, so almost no value needs quoting or escaping.
 */
export const ROW_DELIMITER = '\x1f';
export const ROW_QUOTE = '\x01';
const NEEDS_QUOTING = /[\x1f\x01\n\r]/;
const CHUNK_CHARS = 1024 * 1024;
/** DuckDB's CSV reader refuses longer lines; a longer event is rejected before it gets there. */
export const MAX_ROW_BYTES = 32 * 1024 * 1024;

function field(value: string | null): string {
  if (value === null) return '';
  if (value.length === 0) return ROW_QUOTE + ROW_QUOTE;
  return NEEDS_QUOTING.test(value) ? ROW_QUOTE + value.replaceAll(ROW_QUOTE, ROW_QUOTE + ROW_QUOTE) + ROW_QUOTE : value;
}

/** One row of the temporary CSV, or null when it is too large for DuckDB's reader. */
export function encodeEventRow(event: NormalizedEvent, order: number): string | null {
  const row =
    field(event.caseId) + ROW_DELIMITER + field(event.activity) + ROW_DELIMITER + event.timestampMicros + ROW_DELIMITER + order +
    ROW_DELIMITER + field(event.channel) + ROW_DELIMITER + field(event.resource) + ROW_DELIMITER + field(event.segment) +
    // JSON escapes every control character, so attribute text never needs quoting.
    ROW_DELIMITER + (event.attributesJson ?? '') + '\n';
  // Characters, not bytes, but one character is at most three UTF-8 bytes.
  return row.length * 3 > MAX_ROW_BYTES ? null : row;
}

/**
 * Gathers rows in a short string that is encoded into off-heap Buffers every megabyte: one long
 * concatenated string survived into V8's old space and doubled the garbage collector's time.
 */
export class EncodedRows {
  private text = '';
  private chunks: Buffer[] = [];
  private byteCount = 0;

  get bytes(): number {
    return this.byteCount;
  }

  append(row: string): void {
    this.text += row;
    if (this.text.length >= CHUNK_CHARS) this.encodeText();
  }

  /** Hands over everything gathered so far and starts empty. */
  take(): Buffer[] {
    this.encodeText();
    const chunks = this.chunks;
    this.chunks = [];
    this.byteCount = 0;
    return chunks;
  }

  private encodeText(): void {
    if (this.text.length === 0) return;
    const chunk = Buffer.from(this.text, 'utf8');
    this.chunks.push(chunk);
    this.byteCount += chunk.length;
    this.text = '';
  }
}
