import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLongLines } from './longLineScan.ts';
import { makeScratchDirectory } from './testSupport.ts';

let scratch: Awaited<ReturnType<typeof makeScratchDirectory>>;
beforeAll(async () => {
  scratch = await makeScratchDirectory();
});
afterAll(() => scratch.remove());

describe('findLongLines', () => {
  it('measures every line, the last one without a newline too, by bytes with the carriage return', async () => {
    const lines = (...lengths: number[]): string => lengths.map((length) => 'x'.repeat(length)).join('\n');
    expect(await findLongLines(await scratch.write('short.csv', `${lines(10, 20, 30)}\n`), 30)).toEqual([]);
    expect(await findLongLines(await scratch.write('one-over.csv', `${lines(10, 31, 30)}\n`), 30)).toEqual([{ position: 11, bytes: 31 }]);
    expect(await findLongLines(await scratch.write('last-over.csv', lines(10, 20, 31)), 30)).toEqual([{ position: 32, bytes: 31 }]);
    expect(await findLongLines(await scratch.write('last-fits.csv', lines(10, 20, 30)), 30)).toEqual([]);
    expect(await findLongLines(await scratch.write('crlf.csv', 'x'.repeat(30) + '\r\nabc\r\n'), 30)).toEqual([{ position: 0, bytes: 31 }]);
    expect(await findLongLines(await scratch.write('empty.csv', ''), 30)).toEqual([]);
    expect(await findLongLines(await scratch.write('blank-lines.csv', '\n'.repeat(100)), 1)).toEqual([]);
    expect(await findLongLines(await scratch.write('many.csv', `${lines(40, 5, 50, 60)}\n`), 30, 2)).toEqual([{ position: 0, bytes: 40 }, { position: 47, bytes: 50 }]);
    await expect(findLongLines(await scratch.write('zero.csv', 'x'), 0)).rejects.toThrow(RangeError);
  });

  it('finds long lines among many short ones, past its read windows, and passes lines of exactly the limit', async () => {
    const limit = 200_000;
    const rows = Array.from({ length: 30_000 }, (_, index) => `${index},${'y'.repeat(index % 90)}`);
    const fits = [...rows.slice(0, 15_000), 'z'.repeat(limit), ...rows.slice(15_000)].join('\n');
    expect(await findLongLines(await scratch.write('fits.csv', `${fits}\n`), limit)).toEqual([]);
    const head = `${rows.slice(0, 15_000).join('\n')}\n`;
    const over = `${head}${'z'.repeat(limit + 1)}\n${'w'.repeat(3 * limit)}\n${rows.slice(15_000).join('\n')}\n`;
    expect(await findLongLines(await scratch.write('over.csv', over), limit)).toEqual([
      { position: Buffer.byteLength(head), bytes: limit + 1 },
      { position: Buffer.byteLength(head) + limit + 2, bytes: 3 * limit },
    ]);
  });
});
