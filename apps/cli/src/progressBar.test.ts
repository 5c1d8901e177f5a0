import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
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
    new ProgressBar(pipe.stream, 'reading', false).update(50, 100);
    expect(pipe.text()).toBe('');
  });
});
