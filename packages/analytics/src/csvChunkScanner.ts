const NEWLINE = 0x0a;
const QUOTE = 0x22;

/**
 * Finds where a CSV byte stream can be cut between records, so that worker threads can parse the
 * pieces independently. A newline ends a record unless it is inside a quoted field; a quote opens
 * a field only at its start, as `splitCsvRecord` reads it. Works on bytes: in UTF-8 and
 * Windows-1252 a newline, quote or ASCII delimiter byte is never part of another character.
 */
export class CsvChunkScanner {
  private readonly delimiter: number;
  private inQuotes = false;
  private atFieldStart = true;
  /** How far the buffer has been scanned. */
  private scanned = 0;
  private lastCut = 0;
  private newlinesBeforeCut = 0;
  private newlinesScanned = 0;

  constructor(delimiter: string) {
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 0x7f) throw new RangeError('the parallel reader needs a one-byte ASCII delimiter');
    this.delimiter = delimiter.charCodeAt(0);
  }

  /**
   * Scans `buffer` from where the last call stopped (the caller only appends to it between calls)
   * and returns the offset after the last record-ending newline, 0 when there is none yet.
   */
  scan(buffer: Uint8Array): number {
    const start = this.scanned;
    if (start >= buffer.length) return this.lastCut;
    if (!this.inQuotes && buffer.indexOf(QUOTE, start) === -1) {
      // No quotes: every newline ends a record, and native indexOf finds them.
      for (let newline = buffer.indexOf(NEWLINE, start); newline !== -1; newline = buffer.indexOf(NEWLINE, newline + 1)) {
        this.newlinesScanned++;
        this.lastCut = newline + 1;
        this.newlinesBeforeCut = this.newlinesScanned;
      }
      const last = buffer[buffer.length - 1];
      this.atFieldStart = last === NEWLINE || last === this.delimiter;
      this.scanned = buffer.length;
    } else {
      this.scanned = this.scanBytes(buffer, start);
    }
    return this.lastCut;
  }

  /** Returns where scanning stopped: the end, or a quote at the end that may be half of a pair. */
  private scanBytes(buffer: Uint8Array, start: number): number {
    for (let index = start; index < buffer.length; index++) {
      const byte = buffer[index];
      if (this.inQuotes) {
        if (byte === NEWLINE) this.newlinesScanned++;
        else if (byte === QUOTE) {
          if (index + 1 === buffer.length) return index;
          if (buffer[index + 1] === QUOTE) index++;
          else this.inQuotes = false;
        }
      } else if (byte === QUOTE && this.atFieldStart) {
        this.inQuotes = true;
        this.atFieldStart = false;
      } else if (byte === this.delimiter) {
        this.atFieldStart = true;
      } else if (byte === NEWLINE) {
        this.newlinesScanned++;
        this.atFieldStart = true;
        this.lastCut = index + 1;
        this.newlinesBeforeCut = this.newlinesScanned;
      } else {
        this.atFieldStart = false;
      }
    }
    return buffer.length;
  }

  /** The newlines before the cut, for the line number where the next piece starts. */
  get newlinesToCut(): number {
    return this.newlinesBeforeCut;
  }

  /** Forgets the first `cut` bytes after the caller has taken them off the buffer. */
  consume(cut: number): void {
    this.scanned -= cut;
    this.lastCut -= cut;
    this.newlinesScanned -= this.newlinesBeforeCut;
    this.newlinesBeforeCut = 0;
  }

  /** Starts afresh after the caller dropped an overlong record: the next line begins outside quotes. */
  reset(): void {
    this.inQuotes = false;
    this.atFieldStart = true;
    this.scanned = 0;
    this.lastCut = 0;
    this.newlinesScanned = 0;
    this.newlinesBeforeCut = 0;
  }
}
