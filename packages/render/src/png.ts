import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, FONT_FILES } from './fonts.ts';
import type { MapLayout } from './layout/shapes.ts';
import { ImageTooLargeError, MAX_PNG_PIXELS } from './exportLimits.ts';
import { layoutSvg } from './svg.ts';

export const PNG_SCALES = [1, 2, 4] as const;
export type PngScale = (typeof PNG_SCALES)[number];

/** The map as a PNG at 1×, 2× or 4× its size, drawn by resvg with the shipped font files. */
export function layoutPng(layout: MapLayout, scale: PngScale = 2): Buffer {
  const width = Math.ceil(layout.width * scale);
  const height = Math.ceil(layout.height * scale);
  if (width * height > MAX_PNG_PIXELS) {
    const fits = [4, 2, 1].find((s) => layout.width * s * layout.height * s <= MAX_PNG_PIXELS);
    throw new ImageTooLargeError(
      `scale: at ${scale}× this map is ${width.toLocaleString('en')} × ${height.toLocaleString('en')} px, more than the ${MAX_PNG_PIXELS.toLocaleString('en')} pixels a PNG may have here; ${fits ? `choose ${fits}×, ` : ''}or the SVG or PDF, which have no such limit`,
    );
  }
  const svg = layoutSvg(layout, { font: 'reference' });
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: [FONT_FILES.regular, FONT_FILES.bold], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
