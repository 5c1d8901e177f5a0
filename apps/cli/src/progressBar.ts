/**
 * A progress bar on standard error: redrawn in place on a terminal (at most ten times a second),
 * or, when asked for where standard error is not a terminal (a log file, a test), one line per
 * tenth. Silent otherwise, so that scripts get clean output.
 */
export class ProgressBar {
  private readonly stream: NodeJS.WriteStream;
  private readonly label: string;
  private readonly mode: 'terminal' | 'lines' | 'off';
  private lastDraw = 0;
  private lastTenth = -1;

  constructor(stream: NodeJS.WriteStream, label: string, force: boolean) {
    this.stream = stream;
    this.label = label;
    this.mode = stream.isTTY ? 'terminal' : force ? 'lines' : 'off';
  }

  update(done: number, total: number): void {
    const fraction = total <= 0 ? 1 : Math.min(1, done / total);
    if (this.mode === 'terminal') {
      const now = performance.now();
      if (now - this.lastDraw < 100 && fraction < 1) return;
      this.lastDraw = now;
      const width = 30;
      const filled = Math.round(fraction * width);
      this.stream.write(`\r${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}% ${megabytes(done)}/${megabytes(total)} MB`);
    } else if (this.mode === 'lines') {
      const tenth = Math.floor(fraction * 10);
      if (tenth === this.lastTenth) return;
      this.lastTenth = tenth;
      this.stream.write(`${this.label}: ${tenth * 10}%\n`);
    }
  }

  finish(): void {
    if (this.mode === 'off') return;
    this.lastDraw = 0;
    if (this.mode === 'lines' && this.lastTenth === 10) return;
    this.update(1, 1);
    if (this.mode === 'terminal') this.stream.write('\n');
  }

  /** Clears the bar, for an error message to take its place. */
  stop(): void {
    if (this.mode === 'terminal') this.stream.write('\r\x1b[K');
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}
