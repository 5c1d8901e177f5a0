import { availableParallelism } from 'node:os';
import { renderAsync } from '@resvg/resvg-js';
import type { ExportLocale } from './labels.ts';
import type { MapLayout, Shape } from './layout/shapes.ts';
import { ImageTooLargeError, MAX_PNG_PIXELS, MAX_PNG_SIDE, PNG_BAND_BYTES } from './exportLimits.ts';
import { TextOutliner } from './outlinedText.ts';
import { PngStream } from './pngStream.ts';
import { shapeSvg } from './svg.ts';

export const PNG_SCALES = [1, 2, 4] as const;
export type PngScale = (typeof PNG_SCALES)[number];

/**
 * The widest tile resvg draws at once, in px of the picture: with a band 200–400 rows tall, a
 * tile of 2–3 MB. Measured on the 2× of the big map (load 4–9): 12.0 s of CPU with 2,048 px,
 * 13.3 s with 8,192 px. An empty tile of 2,048 × 256 px costs 8.8 ns a pixel, one of 8,192 ×
 * 256 px 17.2: fresh memory is dear here (a page fault per 4 KB on first touch), and smaller
 * blocks are more likely reused by the allocator than mapped anew.
 */
const TILE_WIDTH = 2048;

/** One shape as SVG with the box its ink can reach, in map px. */
interface Piece {
  /**
   * UTF-8, so a tile's document is put together by copying bytes: joining the strings and
   * handing them to resvg took 1.1 s of the main thread for the 1× of the big map.
   */
  svg: Buffer;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The map as a PNG at 1×, 2× or 4× its size (issue 11). The picture is drawn in bands of rows,
 * each band in tiles: every tile is its own small SVG holding only the shapes that reach into
 * it, drawn by resvg on libuv's thread pool (two at a time: the machines we run on have two
 * cores), and the band's rows are deflated into the file while the next band is drawn. Memory
 * is bounded by the band (`PNG_BAND_BYTES`), not by the picture: a 2× PNG of the 200-step map
 * is 204 million pixels.
 * Text is given to resvg as glyph outlines (see outlinedText.ts); the SVG export keeps `<text>`.
 */
export async function layoutPng(layout: MapLayout, scale: PngScale = 2, locale: ExportLocale = 'en'): Promise<Buffer> {
  const width = Math.ceil(layout.width * scale);
  const height = Math.ceil(layout.height * scale);
  checkPngSize(layout, scale, locale);
  const outliner = new TextOutliner();
  const pieces = layout.shapes.flatMap((shape) => piecesOf(shape, outliner));
  const png = new PngStream(width, height);
  const rowBytes = width * 4 + 1;
  const bandRows = Math.max(1, Math.min(height, Math.floor(PNG_BAND_BYTES / rowBytes)));
  const parallel = Math.max(1, Math.min(2, availableParallelism()));
  // Two band buffers, taking turns: one is deflated while the other is drawn into. Reused,
  // not allocated per band: fresh memory costs a page fault per 4 KB on first touch.
  const buffers = [Buffer.alloc(bandRows * rowBytes), Buffer.alloc(Math.min(bandRows, Math.max(0, height - bandRows)) * rowBytes)];
  let deflating: Promise<void> = Promise.resolve();
  for (let top = 0, turn = 0; top < height; top += bandRows, turn ^= 1) {
    const rows = Math.min(bandRows, height - top);
    // Each row starts with its filter byte, 0 (none), which nothing overwrites.
    const band = buffers[turn]!.subarray(0, rows * rowBytes);
    const tiles: { left: number; width: number }[] = [];
    for (let left = 0; left < width; left += TILE_WIDTH) tiles.push({ left, width: Math.min(TILE_WIDTH, width - left) });
    await forEachLimited(tiles, parallel, async (tile) => {
      const pixels = await drawTile(pieces, scale, tile.left, top, tile.width, rows);
      const tileRow = tile.width * 4;
      for (let row = 0; row < rows; row++) pixels.copy(band, row * rowBytes + 1 + tile.left * 4, row * tileRow, (row + 1) * tileRow);
    });
    // At most one band waits to be deflated while the next is drawn.
    await deflating;
    deflating = png.writeRows(band);
  }
  await deflating;
  return png.finish();
}

/**
 * Refuses, before drawing anything, a PNG past the limits, naming the scale that fits. Memory is
 * bounded by the band whatever the size; the limits keep one request's drawing time and file
 * reasonable, and a band at least 64 rows tall.
 */
export function checkPngSize(layout: Pick<MapLayout, 'width' | 'height'>, scale: PngScale, locale: ExportLocale = 'en'): void {
  const fitsAt = (s: number) => {
    const [w, h] = [Math.ceil(layout.width * s), Math.ceil(layout.height * s)];
    return w * h <= MAX_PNG_PIXELS && Math.max(w, h) <= MAX_PNG_SIDE;
  };
  if (fitsAt(scale)) return;
  const fits = PNG_SCALES.filter((s) => s < scale && fitsAt(s)).at(-1);
  const [width, height] = [Math.ceil(layout.width * scale), Math.ceil(layout.height * scale)];
  const number = (value: number) => value.toLocaleString(locale);
  throw new ImageTooLargeError(
    locale === 'nl'
      ? `scale: bij ${scale}× is deze kaart ${number(width)} × ${number(height)} px; een PNG mag hier ten hoogste ${number(MAX_PNG_PIXELS)} pixels en ${number(MAX_PNG_SIDE)} px per zijde hebben. Kies ${fits ? `${fits}×, ` : ''}of de SVG of PDF, die zo'n grens niet hebben`
      : `scale: at ${scale}× this map is ${number(width)} × ${number(height)} px; a PNG may have at most ${number(MAX_PNG_PIXELS)} pixels and ${number(MAX_PNG_SIDE)} px a side here. Choose ${fits ? `${fits}×, ` : ''}or the SVG or PDF, which have no such limit`,
  );
}

function piecesOf(shape: Shape, outliner: TextOutliner): Piece[] {
  if (shape.kind === 'text') return outliner.outline(shape).map(({ svg, box }) => ({ svg: Buffer.from(svg), ...box }));
  return [piece(shape)];
}

function piece(shape: Exclude<Shape, { kind: 'text' }>): Piece {
  switch (shape.kind) {
    case 'rect':
      return withStroke(shapeSvg(shape), shape.x, shape.y, shape.width, shape.height, shape.strokeWidth);
    case 'line':
      return withStroke(shapeSvg(shape), Math.min(shape.x1, shape.x2), Math.min(shape.y1, shape.y2), Math.abs(shape.x2 - shape.x1), Math.abs(shape.y2 - shape.y1), shape.strokeWidth ?? 1);
    case 'circle':
      return withStroke(shapeSvg(shape), shape.cx - shape.r, shape.cy - shape.r, 2 * shape.r, 2 * shape.r, shape.strokeWidth);
    case 'path': {
      // M, L, C and Z with absolute coordinates: the curve lies within its points' box.
      const numbers = (shape.d.match(/-?\d*\.?\d+(?:e-?\d+)?/g) ?? []).map(Number);
      const xs = numbers.filter((_, i) => i % 2 === 0);
      const ys = numbers.filter((_, i) => i % 2 === 1);
      const [x, y] = [Math.min(...xs), Math.min(...ys)];
      return withStroke(shapeSvg(shape), x, y, Math.max(...xs) - x, Math.max(...ys) - y, shape.strokeWidth);
    }
  }
}

function withStroke(svg: string, x: number, y: number, width: number, height: number, strokeWidth = 0): Piece {
  // Half the stroke reaches outside, and a mitred corner a little further; one px for anti-aliasing.
  const margin = strokeWidth * 2 + 1;
  return { svg: Buffer.from(svg), x: x - margin, y: y - margin, width: width + 2 * margin, height: height + 2 * margin };
}

/** One tile's RGBA pixels: the pieces reaching into it, drawn by resvg off the main thread. */
async function drawTile(pieces: Piece[], scale: number, left: number, top: number, width: number, height: number): Promise<Buffer> {
  const [x0, y0, x1, y1] = [left / scale, top / scale, (left + width) / scale, (top + height) / scale];
  const inside = pieces.filter((p) => p.x < x1 && p.x + p.width > x0 && p.y < y1 && p.y + p.height > y0).map((p) => p.svg);
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><g transform="matrix(${scale} 0 0 ${scale} ${-left} ${-top})">`;
  const svg = Buffer.concat([Buffer.from(open), ...inside, Buffer.from('</g></svg>')]);
  // An empty crop rectangle: resvg-js crops to the whole picture when none is given, which
  // copies every pixel once more (40 % of the cost of an empty tile, measured).
  const image = await renderAsync(svg, { background: '#ffffff', font: { loadSystemFonts: false }, crop: { left: 0, top: 0, right: 0, bottom: 0 } });
  return image.pixels;
}

/** Runs `work` on every item, at most `limit` at a time. */
async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
