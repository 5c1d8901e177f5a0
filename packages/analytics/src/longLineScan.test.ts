import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasLineLongerThan } from './longLineScan.ts';
import { makeScratchDirectory } from './testSupport.ts';

let scratch: Awaited<ReturnType<typeof makeScratchDirectory>>;
beforeAll(async () => {
  scratch = await makeScratchDirectory();
});
afterAll(() => scratch.remove());

describe('hasLineLongerThan', () => {
  it('measures every line, the last one without a newline too, by bytes with the carriage return', async () => {
    const lines = (...lengths: number[]): string => lengths.map((length) => 'x'.repeat(length)).join('\n');
    expect(await hasLineLongerThan(await scratch.write('short.csv', `${lines(10, 20, 30)}\n`), 30)).toBe(false);
    expect(await hasLineLongerThan(await scratch.write('one-over.csv', `${lines(10, 31, 30)}\n`), 30)).toBe(true);
    expect(await hasLineLongerThan(await scratch.write('last-over.csv', lines(10, 20, 31)), 30)).toBe(true);
    expect(await hasLineLongerThan(await scratch.write('last-fits.csv', lines(10, 20, 30)), 30)).toBe(false);
    expect(await hasLineLongerThan(await scratch.write('crlf.csv', 'x'.repeat(30) + '\r\nabc\r\n'), 30)).toBe(true);
    expect(await hasLineLongerThan(await scratch.write('empty.csv', ''), 30)).toBe(false);
    expect(await hasLineLongerThan(await scratch.write('blank-lines.csv', '\n'.repeat(100)), 1)).toBe(false);
    await expect(hasLineLongerThan(await scratch.write('zero.csv', 'x'), 0)).rejects.toThrow(RangeError);
  });

  it('finds one long line among many short ones, past its read window, and passes lines of exactly the limit', async () => {
    const limit = 200_000;
    const rows = Array.from({ length: 30_000 }, (_, index) => `${index},${'y'.repeat(index % 90)}`);
    const fits = [...rows.slice(0, 15_000), 'z'.repeat(limit), ...rows.slice(15_000)].join('\n');
    expect(await hasLineLongerThan(await scratch.write('fits.csv', `${fits}\n`), limit)).toBe(false);
    const over = [...rows.slice(0, 15_000), 'z'.repeat(limit + 1), ...rows.slice(15_000)].join('\n');
    expect(await hasLineLongerThan(await scratch.write('over.csv', `${over}\n`), limit)).toBe(true);
  });
});
