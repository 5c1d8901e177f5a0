import { open } from 'node:fs/promises';

const NEWLINE = 0x0a;
const WINDOW_BYTES = 64 * 1024;

export interface LongLine {
  /** Byte offset of the line's first byte. */
  position: number;
  /** Its length in bytes, a carriage return included, the newline not. */
  bytes: number;
}

/**
 * The lines of the file (the bytes between two newlines) longer than `limit` bytes, the first
 * `maxCount` of them. It reads only what it must: from each line start it looks back from `limit`
 * bytes further for the last newline, which is nearly always within the last few hundred bytes,
 * and jumps there; so a 735 MB file of short lines costs about 700 small reads, not a read of the
 * file. Only a long line itself is read through, to find its end.
 */
export async function findLongLines(file: string, limit: number, maxCount = 1_000): Promise<LongLine[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const window = Buffer.allocUnsafe(WINDOW_BYTES);
    const found: LongLine[] = [];
    /** The first byte from `from` that is a newline, or the end of the file. */
    const nextNewline = async (from: number): Promise<number> => {
      for (let start = from; start < size; start += window.length) {
        const { bytesRead } = await handle.read(window, 0, Math.min(window.length, size - start), start);
        const index = window.subarray(0, bytesRead).indexOf(NEWLINE);
        if (index >= 0) return start + index;
        if (bytesRead === 0) break;
      }
      return size;
    };
    let lineStart = 0;
    // The line from lineStart fits when a newline falls within its first limit + 1 bytes.
    while (size - lineStart > limit && found.length < maxCount) {
      let searchEnd = lineStart + limit + 1;
      let newline = -1;
      while (newline < 0 && searchEnd > lineStart) {
        const from = Math.max(lineStart, searchEnd - window.length);
        const { bytesRead } = await handle.read(window, 0, searchEnd - from, from);
        const index = window.subarray(0, bytesRead).lastIndexOf(NEWLINE);
        if (index >= 0) newline = from + index;
        searchEnd = from;
      }
      if (newline < 0) {
        const end = await nextNewline(lineStart + limit + 1);
        found.push({ position: lineStart, bytes: end - lineStart });
        newline = end;
      }
      lineStart = newline + 1;
    }
    return found;
  } finally {
    await handle.close();
  }
}
