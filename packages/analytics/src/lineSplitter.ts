export interface LineHandlers {
  /** A complete line without its `\n` or `\r\n`, with its 1-based line number. */
  onLine(line: string, lineNumber: number): void;
  /** A line longer than the limit: its text was dropped as it streamed by, never held whole. */
  onOversizedLine(lineNumber: number, maxChars: number): void;
}

/**
 * Splits streamed text into lines. A line longer than `maxChars` is reported once and skipped up to
 * its end, so a 10 MB line with no newline costs no more memory than the limit.
 */
export class LineSplitter {
  private readonly maxChars: number;
  private readonly handlers: LineHandlers;
  private carry = '';
  private skipping = false;
  private lineNumber = 1;

  constructor(maxChars: number, handlers: LineHandlers) {
    this.maxChars = maxChars;
    this.handlers = handlers;
  }

  /** The number of the line being read, for errors raised between lines (a decoding error). */
  get currentLine(): number {
    return this.lineNumber;
  }

  push(chunk: string): void {
    const text = this.carry.length > 0 ? this.carry + chunk : chunk;
    this.carry = '';
    let start = 0;
    for (;;) {
      const newline = text.indexOf('\n', start);
      if (newline === -1) break;
      if (this.skipping) {
        this.skipping = false;
      } else if (newline - start > this.maxChars) {
        this.handlers.onOversizedLine(this.lineNumber, this.maxChars);
      } else {
        const end = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
        this.handlers.onLine(text.slice(start, end), this.lineNumber);
      }
      this.lineNumber++;
      start = newline + 1;
    }
    if (this.skipping) return;
    if (text.length - start > this.maxChars) {
      this.handlers.onOversizedLine(this.lineNumber, this.maxChars);
      this.skipping = true;
      return;
    }
    this.carry = text.slice(start);
  }

  finish(): void {
    if (!this.skipping && this.carry.length > 0) {
      const line = this.carry.endsWith('\r') ? this.carry.slice(0, -1) : this.carry;
      this.handlers.onLine(line, this.lineNumber);
    }
    this.carry = '';
  }
}
