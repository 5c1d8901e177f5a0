import type { ExportLocale } from './labels.ts';
import type { MapLayout } from './layout/shapes.ts';
import { ImageTooLargeError, MAX_PNG_PIXELS, MAX_PNG_SIDE, PNG_BAND_BYTES } from './exportLimits.ts';
import { BandedPng, deflateBand } from './pngBands.ts';
import { BandPainter, bandsOf, RasterScene } from './raster.ts';

export const PNG_SCALES = [1, 2, 4] as const;
export type PngScale = (typeof PNG_SCALES)[number];

/** Bands painted but not yet deflated, at most: two deflate on the thread pool while the next is painted. */
const BANDS_IN_FLIGHT = 3;

/** Repeated rows in a row that stand apart from the zlib streams around them. */
const MIN_REPEATED_RUN = 4;

/**
 * The map as a PNG at 1×, 2× or 4× its size (issue 11), drawn by raster.ts straight from the
 * display list. The picture is painted in bands of rows on the main thread, and each band is
 * deflated on libuv's thread pool while the next is painted (two at a time: the machines we run
 * on have two cores), each on its own and then joined into one stream (pngBands.ts). Memory is
 * bounded by the bands (`PNG_BAND_BYTES` each), not by the picture: a 2× PNG of the 200-step map
 * is 193 million pixels. 8-bit RGB: the map is opaque.
 */
export async function layoutPng(layout: MapLayout, scale: PngScale = 2, locale: ExportLocale = 'en'): Promise<Buffer> {
  checkPngSize(layout, scale, locale);
  const scene = new RasterScene(layout, scale);
  const painter = new BandPainter(scene.width);
  const stride = scene.width * 3 + 1;
  const bandRows = Math.max(1, Math.min(scene.height, Math.floor(PNG_BAND_BYTES / stride)));
  const bands = bandsOf(scene, bandRows);
  const png = new BandedPng(scene.width, scene.height);
  // A row that repeats the one above (42 % of the rows of the 2× big map: between lines of text,
  // inside the curve's lane) is written with the Up filter, which makes it all zeros: one deflated
  // row, made once, stands for each row of a run of them, and zlib does not see those (packBand).
  const repeatedRow = Buffer.alloc(stride);
  repeatedRow[0] = 2;
  const repeated = await deflateBand(repeatedRow, 3);
  const previousRow = Buffer.alloc(stride - 1);
  // Reused, not allocated per band: fresh memory costs a page fault per 4 KB on first touch.
  const free: Buffer[] = Array.from({ length: Math.min(BANDS_IN_FLIGHT, bands.length) }, () => Buffer.alloc(bandRows * stride));
  const deflating: Promise<{ pieces: PackedRows[]; buffer: Buffer }>[] = [];
  try {
    for (let b = 0; b < bands.length; b++) {
      const top = b * bandRows;
      const rows = Math.min(bandRows, scene.height - top);
      if (free.length === 0) free.push(addBand(png, await deflating.shift()!));
      const buffer = free.pop()!;
      const band = buffer.subarray(0, rows * stride);
      painter.paint(bands[b]!, band, top, rows);
      const pieces = packBand(band, rows, stride, top === 0, previousRow, repeated);
      deflating.push(Promise.all(pieces).then((packed) => ({ pieces: packed, buffer })));
    }
    while (deflating.length > 0) addBand(png, await deflating.shift()!);
  } finally {
    // A failure leaves no deflate running unheard.
    await Promise.allSettled(deflating);
  }
  return png.finish();
}

type PackedRows = Awaited<ReturnType<typeof deflateBand>>;

/**
 * A painted band as the pieces of the file, in order. A run of rows that each repeat the one
 * above stands as `repeated` (the Up filter's zero row, deflated once), once per row; a short
 * run (a zlib stream has a cost of its own) is written with the Up filter in place and deflated
 * with the new rows around it, on the thread pool. `previousRow` (the last row above the band)
 * is compared before any row is changed, then becomes the band's last row.
 */
function packBand(band: Buffer, rows: number, stride: number, firstBand: boolean, previousRow: Buffer, repeated: PackedRows): Promise<PackedRows>[] {
  const row = (r: number) => band.subarray(r * stride + 1, (r + 1) * stride);
  // The picture's first row has none above it.
  const repeats = Array.from({ length: rows }, (_, r) => (r > 0 || !firstBand) && row(r).equals(r > 0 ? row(r - 1) : previousRow));
  row(rows - 1).copy(previousRow);
  const pieces: Promise<PackedRows>[] = [];
  let from = 0;
  for (let r = 0; r < rows; r++) {
    if (!repeats[r]) continue;
    let end = r;
    while (end < rows && repeats[end]) end++;
    if (end - r >= MIN_REPEATED_RUN) {
      if (from < r) pieces.push(deflateBand(band.subarray(from * stride, r * stride), 3));
      for (let i = r; i < end; i++) pieces.push(Promise.resolve(repeated));
      from = end;
    } else {
      for (let i = r; i < end; i++) {
        band.fill(0, i * stride, (i + 1) * stride);
        band[i * stride] = 2;
      }
    }
    r = end - 1;
  }
  if (from < rows) pieces.push(deflateBand(band.subarray(from * stride, rows * stride), 3));
  return pieces;
}

/** Adds a band's deflated pieces to the file, in order, and gives its buffer back. */
function addBand(png: BandedPng, band: { pieces: PackedRows[]; buffer: Buffer }): Buffer {
  for (const piece of band.pieces) png.add(piece);
  return band.buffer;
}

/**
 * Refuses, before drawing anything, a PNG past the limits, naming the scale that fits. Memory is
 * bounded by the bands whatever the size; the limits keep one request's drawing time and file
 * reasonable.
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
