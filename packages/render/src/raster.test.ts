import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { FONT_FAMILY, FONT_FILES } from './fonts.ts';
import type { MapLayout, Shape } from './layout/shapes.ts';
import { combineAdler } from './pngBands.ts';
import { layoutPng } from './png.ts';
import { layoutSvg } from './svg.ts';
import { pixelDifference } from './testing/pixelDifference.ts';

// The PNG's own rasterizer (raster.ts) against resvg's drawing of the same shapes as SVG, shape
// kind by shape kind, including what reaches past the picture's edge, dashes, rounded corners,
// strokes without a fill, a rectangle without either (SVG fills it black) and text at each anchor.

function layoutOf(width: number, height: number, shapes: Shape[]): MapLayout {
  return { width, height, shapes, regions: [], title: 'test' };
}

/** Our PNG against resvg's drawing of the same layout as SVG (pixelDifference). */
function compare(layout: MapLayout, png: Buffer): { mean: number; over32: number } {
  const reference = new Resvg(layoutSvg(layout, { font: 'reference' }), {
    font: { fontFiles: [FONT_FILES.regular, FONT_FILES.bold], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    background: '#ffffff',
  })
    .render()
    .pixels;
  return pixelDifference(reference, PNG.sync.read(png).data);
}

describe('the PNG rasterizer', () => {
  const kinds: [string, Shape[]][] = [
    ['rectangles: filled, stroked, rounded, dashed, without paint, half past the edge', [
      { kind: 'rect', x: -10, y: -10, width: 80, height: 50, fill: '#2e7d32', stroke: '#1f2a30', strokeWidth: 3 },
      { kind: 'rect', x: 90, y: 20, width: 70, height: 40, radius: 8, fill: '#fbe0dd', stroke: '#8a1c14', strokeWidth: 1.5, dash: [3, 3] },
      { kind: 'rect', x: 180, y: 10.5, width: 40.3, height: 20.7 },
      { kind: 'rect', x: 230, y: 70, width: 60, height: 60, stroke: '#4f5d66', strokeWidth: 2 },
    ]],
    ['lines: straight, slanted, dashed, thick, past the edge', [
      { kind: 'line', x1: 0, y1: 20.5, x2: 300, y2: 20.5, stroke: '#c3ccd2', strokeWidth: 1 },
      { kind: 'line', x1: 10, y1: 130, x2: 290, y2: 30, stroke: '#1f2a30', strokeWidth: 2.4 },
      { kind: 'line', x1: 20, y1: 100, x2: 280, y2: 100, stroke: '#8fa5b2', strokeWidth: 1, dash: [4, 4] },
      { kind: 'line', x1: 150, y1: -20, x2: 150, y2: 160, stroke: '#b71c1c', strokeWidth: 6 },
    ]],
    ['paths and circles: a filled curve, a stroked and dashed one, dots with a ring, one past the corner', [
      { kind: 'path', d: 'M10 120 C60 20 120 20 160 80 L200 120 Z', fill: '#e3e8eb', stroke: '#37474f', strokeWidth: 1.2 },
      { kind: 'path', d: 'M0 60 C80 0 160 140 300 40', stroke: '#1f2a30', strokeWidth: 2.2, dash: [7, 5] },
      { kind: 'circle', cx: 240, cy: 110, r: 9, fill: '#2e7d32', stroke: '#1f2a30', strokeWidth: 1.2 },
      { kind: 'circle', cx: 296, cy: 4, r: 12, fill: '#ef6c00' },
      { kind: 'circle', cx: 60, cy: 40, r: 6, stroke: '#4f5d66', strokeWidth: 2 },
    ]],
    ['text at each anchor, both weights, several lines, letters outside the font', [
      { kind: 'text', x: 8, y: 8, lines: ['Klantreis: 1,234 € — “quoted” ë'], size: 14, weight: 'bold', color: '#1f2a30', lineHeight: 18, anchor: 'start' },
      { kind: 'text', x: 150, y: 50, lines: ['Midden', 'two lines, centred'], size: 12, weight: 'regular', color: '#4f5d66', lineHeight: 15.6, anchor: 'middle' },
      { kind: 'text', x: 292, y: 100, lines: ['Einde → ✓'], size: 11.5, weight: 'regular', color: '#8a1c14', lineHeight: 15, anchor: 'end' },
    ]],
  ];

  for (const [name, shapes] of kinds) {
    it(`draws ${name} as resvg draws them`, async () => {
      const layout = layoutOf(300, 140, shapes);
      for (const scale of [1, 2] as const) {
        const png = await layoutPng(layout, scale);
        const image = PNG.sync.read(png);
        expect([image.width, image.height]).toEqual([300 * scale, 140 * scale]);
        if (scale === 1) {
          const { mean, over32 } = compare(layout, png);
          // Measured: mean 0.08–0.49 of 255, at most 0.17 % of pixels more than 32 apart (edges; on
          // a thick curve resvg's stroker strays 0.3 px where this one stays within 0.02 px).
          expect(mean, name).toBeLessThan(1.5);
          expect(over32, name).toBeLessThan(0.005);
        }
      }
    });
  }

  it('tells a shape missing from the picture: the comparison is not blind', async () => {
    const shapes = kinds.flatMap(([, s]) => s);
    const layout = layoutOf(300, 140, shapes);
    const without = layoutOf(300, 140, shapes.filter((s) => s.kind !== 'circle'));
    const { over32 } = compare(layout, await layoutPng(without, 1));
    // Measured: 1.5 % without the circles.
    expect(over32).toBeGreaterThan(0.01);
  });

  it('draws nothing SVG would not draw, refuses path commands it does not draw, and stays quick on shapes far past the picture', async () => {
    const blank = (shapes: Shape[]) => layoutPng(layoutOf(100, 60, shapes), 1).then((png) => PNG.sync.read(png).data.every((v) => v === 255));
    // No size, a negative size, no radius, 'none' for a fill, a stroke of no width.
    expect(await blank([
      { kind: 'rect', x: 10, y: 10, width: 0, height: 30, stroke: '#000000' },
      { kind: 'rect', x: 40, y: 10, width: -20, height: 30, radius: 4, fill: '#000000' },
      { kind: 'circle', cx: 30, cy: 30, r: -10, fill: '#000000' },
      { kind: 'rect', x: 10, y: 10, width: 30, height: 30, fill: 'none' },
      { kind: 'line', x1: 0, y1: 0, x2: 100, y2: 60, stroke: '#000000', strokeWidth: 0 },
    ])).toBe(true);
    await expect(layoutPng(layoutOf(100, 60, [{ kind: 'path', d: 'M10 10 l20 0 z', fill: '#000000' }]), 1)).rejects.toThrow(/command l is not drawn/);
    await expect(layoutPng(layoutOf(100, 60, [{ kind: 'path', d: 'M10 10 H40 V40 Z', fill: '#000000' }]), 1)).rejects.toThrow(/command H is not drawn/);
    // A circle a million px across, a line from a million px away, dashes of a millionth of a px:
    // cut to the picture, or drawn solid, within a second.
    const started = performance.now();
    await layoutPng(layoutOf(100, 60, [
      { kind: 'circle', cx: 50, cy: 30, r: 1e6, fill: '#2e7d32' },
      { kind: 'line', x1: -1e6, y1: 0, x2: 100, y2: 60, stroke: '#000000', strokeWidth: 2 },
      { kind: 'line', x1: 0, y1: 30, x2: 100, y2: 31, stroke: '#000000', strokeWidth: 2, dash: [1e-6, 1e-6] },
      { kind: 'rect', x: -1e7, y: -1e7, width: 2e7, height: 2e7, fill: '#ffffff' },
    ]), 2);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('combines the Adler-32 of two pieces as of the whole', () => {
    const adler = (bytes: Buffer) => {
      let [a, b] = [1, 0];
      for (const byte of bytes) [a, b] = [(a + byte) % 65521, (b + (a + byte) % 65521) % 65521];
      return ((b << 16) | a) >>> 0;
    };
    const whole = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 251));
    for (const cut of [0, 1, 65_520, 65_521, 99_999]) {
      const [first, second] = [whole.subarray(0, cut), whole.subarray(cut)];
      expect(combineAdler(adler(first), adler(second), second.length)).toBe(adler(whole));
    }
  });
});
