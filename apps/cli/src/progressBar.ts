import type { ReadProgress } from '@klantreis/analytics';
import { progressFigures } from '@klantreis/analytics/progress';

/** A terminal bar appears only for work that takes longer than this. */
const QUIET_SECONDS = 1;

/**
 * A progress bar on standard error with the share done, events per second and the time left:
 * redrawn in place on a terminal (at most ten times a second, and only once the work has taken
 * a second), or, when asked for where standard error is not a terminal (a log file, a test), one
 * line per tenth. Silent otherwise, so that scripts get clean output. Once the file is read, an
 * import orders each case's events (the `indexing` stage), which has no share done to show: the
 * bar gives way to a line saying so, drawn on a terminal once the work has taken a second.
 */
export class ProgressBar {
  private readonly stream: NodeJS.WriteStream;
  private readonly label: string;
  private readonly mode: 'terminal' | 'lines' | 'off';
  private readonly startedAt = performance.now();
  private lastDraw = 0;
  private lastTenth = -1;
  private drawn = false;
  /** The file's size as last reported, for the bar `finish` draws. */
  private lastTotal = 0;
  private indexing = false;
  private indexingTimer: NodeJS.Timeout | undefined;

  constructor(stream: NodeJS.WriteStream, label: string, force: boolean) {
    this.stream = stream;
    this.label = label;
    this.mode = stream.isTTY ? 'terminal' : force ? 'lines' : 'off';
  }

  /** A reader's report: how far the read is, or that the import has moved on to indexing. */
  report(progress: ReadProgress): void {
    if (progress.stage === 'indexing') this.showIndexing(progress);
    else this.update(progress.bytesRead, progress.totalBytes, progress.eventsRead);
  }

  update(done: number, total: number, eventsRead?: number): void {
    if (this.mode === 'off') return;
    this.lastTotal = total;
    const elapsed = (performance.now() - this.startedAt) / 1000;
    const figures = progressFigures({ bytesRead: done, totalBytes: total, eventsRead }, elapsed);
    const percent = Math.floor(figures.fraction * 100);
    const pace = [
      figures.eventsPerSecond === null ? null : `${Math.round(figures.eventsPerSecond).toLocaleString('en')} events/s`,
      figures.secondsLeft === null ? null : `${clock(figures.secondsLeft)} left`,
    ].filter((part) => part !== null);
    const tail = pace.length > 0 ? ` · ${pace.join(' · ')}` : '';
    if (this.mode === 'terminal') {
      const now = performance.now();
      if (figures.fraction < 1 && (elapsed < QUIET_SECONDS || now - this.lastDraw < 100)) return;
      if (figures.fraction >= 1 && !this.drawn) return;
      this.lastDraw = now;
      this.drawn = true;
      const width = 30;
      const filled = Math.round(figures.fraction * width);
      this.stream.write(`\r\x1b[K${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${megabytes(done)}/${megabytes(total)} MB${tail}`);
    } else {
      const tenth = Math.floor(figures.fraction * 10);
      if (tenth === this.lastTenth) return;
      this.lastTenth = tenth;
      this.stream.write(`${this.label}: ${tenth * 10}%${tail}\n`);
    }
  }

  finish(): void {
    if (this.mode === 'off') return;
    clearTimeout(this.indexingTimer);
    this.lastDraw = 0;
    if (this.mode === 'lines' && this.lastTenth === 10) return;
    // All read: the whole file's size (a reader that reported nothing shows 100 % of nothing).
    this.update(this.lastTotal, this.lastTotal);
    if (this.mode === 'terminal' && this.drawn) this.stream.write('\n');
  }

  /** Clears the bar, for an error message to take its place. */
  stop(): void {
    clearTimeout(this.indexingTimer);
    if (this.mode === 'terminal' && this.drawn) this.stream.write('\r\x1b[K');
  }

  private showIndexing(progress: ReadProgress): void {
    if (this.mode === 'off' || this.indexing) return;
    this.indexing = true;
    const line = `${this.label}: ordering each case's events…`;
    if (this.mode === 'lines') {
      // The read's last tenth first, should the reader not have reported it.
      this.update(progress.totalBytes, progress.totalBytes, progress.eventsRead);
      this.stream.write(`${line}\n`);
      return;
    }
    this.lastTotal = progress.totalBytes;
    const draw = (): void => {
      this.drawn = true;
      this.stream.write(`\r\x1b[K${line}`);
    };
    const wait = QUIET_SECONDS * 1000 - (performance.now() - this.startedAt);
    if (this.drawn || wait <= 0) draw();
    else this.indexingTimer = setTimeout(draw, wait).unref();
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

/** 75 → "1:15", 3725 → "1:02:05". */
function clock(seconds: number): string {
  const whole = Math.ceil(seconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(whole % 60)}` : `${minutes}:${pad(whole % 60)}`;
}
