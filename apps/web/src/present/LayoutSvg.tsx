import { memo, type ReactNode } from 'react';
import type { MapLayout, TextMeasure } from '@klantreis/render/layout';
import { shapeElement } from './shapeElement.tsx';

/**
 * Measures text with the browser's canvas in the export font (Inter, loaded by styles.css), so
 * the layout wraps text here exactly where the SVG, PNG and PDF exports wrap it.
 */
export function canvasMeasure(): TextMeasure {
  const context = document.createElement('canvas').getContext('2d')!;
  const cache = new Map<string, number>();
  return {
    width(text, size, weight) {
      const key = `${weight}|${text}`;
      let unit = cache.get(key);
      if (unit === undefined) {
        context.font = `${weight === 'bold' ? 700 : 400} 100px Inter`;
        unit = context.measureText(text).width / 100;
        cache.set(key, unit);
      }
      return unit * size;
    },
  };
}

/** Waits for both weights of the export font, so the first layout does not measure a fallback font. */
export async function exportFontReady(): Promise<void> {
  await Promise.all([document.fonts.load('400 16px Inter'), document.fonts.load('700 16px Inter')]);
}

/** The map drawn from the layout model: the same shapes as the SVG export, as React elements. */
export const LayoutSvg = memo(function LayoutSvg({
  layout,
  viewBox,
  children,
  label,
  natural = false,
  align = 'xMidYMin',
}: {
  layout: MapLayout;
  viewBox?: string;
  children?: ReactNode;
  label: string;
  natural?: boolean;
  align?: 'xMidYMin' | 'xMinYMin';
}) {
  return (
    <svg className="layout-svg" width={natural ? layout.width : undefined} height={natural ? layout.height : undefined} viewBox={viewBox ?? `0 0 ${layout.width} ${layout.height}`} role="img" aria-label={label} fontFamily="Inter, sans-serif" preserveAspectRatio={`${align} meet`}>
      <rect width={layout.width} height={layout.height} fill="#ffffff" />
      {layout.shapes.map(shapeElement)}
      {children}
    </svg>
  );
});
