import { open } from 'node:fs/promises';

const NEWLINE = 0x0a;
const WINDOW_BYTES = 64 * 1024;

/**
 * Whether some line of the file (the bytes between two newlines, a carriage return included) is
 * longer than `limit` bytes. It reads only what it must: from each line start it looks back from
 * `limit` bytes further for the last newline, which is nearly always within the last few hundred
 * bytes, and jumps there; so a 735 MB file costs about 700 small reads, not a read of the file.
 */
export async function hasLineLongerThan(file: string, limit: number): Promise<boolean> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const window = Buffer.allocUnsafe(Math.min(WINDOW_BYTES, limit + 1));
    let lineStart = 0;
    // The line from lineStart fits when a newline falls within its first limit + 1 bytes.
    while (size - lineStart > limit) {
      let searchEnd = lineStart + limit + 1;
      let newline = -1;
      while (newline < 0 && searchEnd > lineStart) {
        const from = Math.max(lineStart, searchEnd - window.length);
        const { bytesRead } = await handle.read(window, 0, searchEnd - from, from);
        if (bytesRead < searchEnd - from) return false;
        const found = window.subarray(0, bytesRead).lastIndexOf(NEWLINE);
        if (found >= 0) newline = from + found;
        searchEnd = from;
      }
      if (newline < 0) return true;
      lineStart = newline + 1;
    }
    return false;
  } finally {
    await handle.close();
  }
}
