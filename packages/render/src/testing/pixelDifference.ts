// Comparing two drawings of one picture, for the PNG tests (mapExports.test.ts, raster.test.ts).

/**
 * How far two RGBA images of one size are apart: the mean largest channel difference, the share
 * of pixels more than 32 apart, and, over tiles of 32 × 32 px, the most ink one has that the
 * other has not, in pixels' worth (a missing word is 60 or more; anti-aliasing spreads evenly).
 */
export function pixelDifference(a: Uint8Array, b: Uint8Array, width = 0): { mean: number; over32: number; inkPerTile: number } {
  let sum = 0;
  let over32 = 0;
  for (let i = 0; i < a.length; i += 4) {
    const d = Math.max(Math.abs(a[i]! - b[i]!), Math.abs(a[i + 1]! - b[i + 1]!), Math.abs(a[i + 2]! - b[i + 2]!));
    sum += d;
    if (d > 32) over32++;
  }
  let inkPerTile = 0;
  const height = width > 0 ? a.length / 4 / width : 0;
  for (let ty = 0; ty < height; ty += 32) {
    for (let tx = 0; tx < width; tx += 32) {
      let ink = 0;
      for (let y = ty; y < Math.min(ty + 32, height); y++) {
        for (let x = tx; x < Math.min(tx + 32, width); x++) {
          const i = (y * width + x) * 4;
          ink += b[i]! + b[i + 1]! + b[i + 2]! - a[i]! - a[i + 1]! - a[i + 2]!;
        }
      }
      inkPerTile = Math.max(inkPerTile, Math.abs(ink) / 765);
    }
  }
  return { mean: sum / (a.length / 4), over32: over32 / (a.length / 4), inkPerTile };
}
