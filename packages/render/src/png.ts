import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, FONT_FILES } from './fonts.ts';
import type { MapLayout } from './layout/shapes.ts';
import { layoutSvg } from './svg.ts';

export const PNG_SCALES = [1, 2, 4] as const;
export type PngScale = (typeof PNG_SCALES)[number];

/** The map as a PNG at 1×, 2× or 4× its size, drawn by resvg with the shipped font files. */
export function layoutPng(layout: MapLayout, scale: PngScale = 2): Buffer {
  const svg = layoutSvg(layout, { font: 'reference' });
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: [FONT_FILES.regular, FONT_FILES.bold], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
