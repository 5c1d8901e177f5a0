import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgressBar } from './progressBar.ts';

function sink(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  stream.isTTY = isTTY;
  return { stream, text: () => chunks.join('') };
}

describe('the progress bar', () => {
  it('tells events per second and the time left once there is a pace, one line per tenth', async () => {
    const out = sink(false);
    const bar = new ProgressBar(out.stream, 'reading log.csv', true);
    bar.update(0, 1000, 0);
    await new Promise((resolve) => setTimeout(resolve, 600));
    bar.update(500, 1000, 6000);
    bar.update(520, 1000, 6200); // the same tenth: no new line
    bar.finish();
    const lines = out.text().trim().split('\n');
    expect(lines[0]).toBe('reading log.csv: 0%');
    expect(lines[1]).toMatch(/^reading log\.csv: 50% · [\d,]+ events\/s · 0:0\d left$/);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^reading log\.csv: 100%/);
  });

  it('draws nothing on a terminal for work shorter than a second, and nothing unasked elsewhere', () => {
    const terminal = sink(true);
    const quick = new ProgressBar(terminal.stream, 'reading', false);
    quick.update(10, 100, 5);
    quick.update(100, 100, 50);
    quick.finish();
    expect(terminal.text()).toBe('');
    const pipe = sink(false);
    const unasked = new ProgressBar(pipe.stream, 'reading', false);
    unasked.update(50, 100);
    unasked.report({ bytesRead: 100, totalBytes: 100, eventsRead: 50, stage: 'indexing' });
    unasked.finish();
    expect(pipe.text()).toBe('');
  });
});

// Issue 13: after the read, ordering each case's events takes about as long again, and the bar
// sat at 100 % meanwhile.
describe('the progress bar once the file is read', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says the events are being put in order, in one line, after the 100 % of the read', () => {
    const out = sink(false);
    const bar = new ProgressBar(out.stream, 'reading log.csv', true);
    bar.report({ bytesRead: 0, totalBytes: 1000, eventsRead: 0 });
    // A reader whose last report fell short of the end: the 100 % comes first.
    bar.report({ bytesRead: 1000, totalBytes: 1000, eventsRead: 12_000, stage: 'indexing' });
    bar.report({ bytesRead: 1000, totalBytes: 1000, eventsRead: 12_000, stage: 'indexing' });
    bar.finish();
    const lines = out.text().trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('reading log.csv: 0%');
    expect(lines[1]).toMatch(/^reading log\.csv: 100%/);
    expect(lines[2]).toBe("reading log.csv: ordering each case's events…");
  });

  it('redraws the terminal line once the work has taken a second, and ends on the full bar', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const terminal = sink(true);
    const bar = new ProgressBar(terminal.stream, 'reading log.csv', false);
    bar.report({ bytesRead: 5_000_000, totalBytes: 5_000_000, eventsRead: 60_000 });
    vi.advanceTimersByTime(300);
    bar.report({ bytesRead: 5_000_000, totalBytes: 5_000_000, eventsRead: 60_000, stage: 'indexing' });
    expect(terminal.text()).toBe('');
    vi.advanceTimersByTime(700);
    expect(terminal.text()).toBe("\r\x1b[Kreading log.csv: ordering each case's events…");
    bar.finish();
    expect(terminal.text()).toMatch(/\r\x1b\[Kreading log\.csv \[#{30}\] 100% 5\.0\/5\.0 MB\n$/);
  });

  it('draws nothing on a terminal when the whole import is shorter than a second', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const terminal = sink(true);
    const bar = new ProgressBar(terminal.stream, 'reading', false);
    bar.report({ bytesRead: 100, totalBytes: 100, eventsRead: 5, stage: 'indexing' });
    vi.advanceTimersByTime(500);
    bar.finish();
    vi.advanceTimersByTime(1000);
    expect(terminal.text()).toBe('');
  });
});
