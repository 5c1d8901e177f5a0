import type { ExportLocale } from './labels.ts';
import type { MapLayout } from './layout/shapes.ts';
import { ImageTooLargeError, MAX_PNG_PIXELS, MAX_PNG_SIDE, PNG_BAND_BYTES } from './exportLimits.ts';
import { BandedPng, deflateBand } from './pngBands.ts';
import { BandPainter, bandsOf, RasterScene } from './raster.ts';

export const PNG_SCALES = [1, 2, 4] as const;
export type PngScale = (typeof PNG_SCALES)[number];

/** Bands painted but not yet deflated, at most: two deflate on the thread pool while the next is painted. */
const BANDS_IN_FLIGHT = 3;

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
  // Reused, not allocated per band: fresh memory costs a page fault per 4 KB on first touch.
  const free: Buffer[] = Array.from({ length: Math.min(BANDS_IN_FLIGHT, bands.length) }, () => Buffer.alloc(bandRows * stride));
  const deflating: Promise<{ packed: Awaited<ReturnType<typeof deflateBand>>; buffer: Buffer }>[] = [];
  try {
    for (let b = 0; b < bands.length; b++) {
      const top = b * bandRows;
      const rows = Math.min(bandRows, scene.height - top);
      if (free.length === 0) {
        const { packed, buffer } = await deflating.shift()!;
        png.add(packed);
        free.push(buffer);
      }
      const buffer = free.pop()!;
      const band = buffer.subarray(0, rows * stride);
      painter.paint(bands[b]!, band, top, rows);
      deflating.push(deflateBand(band, 3).then((packed) => ({ packed, buffer })));
    }
    while (deflating.length > 0) png.add((await deflating.shift()!).packed);
  } finally {
    // A failure leaves no deflate running unheard.
    await Promise.allSettled(deflating);
  }
  return png.finish();
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
