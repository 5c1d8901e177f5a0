import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import type { FontWeight, TextMeasure } from './layout/textWrap.ts';

/**
 * The export font, Inter (SIL Open Font License, fonts/OFL.txt), shipped in the repository so a
 * poster is laid out and drawn the same on every machine: the layout measures with these files,
 * and the PNG (raster.ts), PDFKit and the SVG's embedded @font-face draw with them.
 */
export const FONT_FAMILY = 'Inter';
export const FONT_FILES: Record<FontWeight, string> = {
  regular: fileURLToPath(new URL('../fonts/Inter_400Regular.ttf', import.meta.url)),
  bold: fileURLToPath(new URL('../fonts/Inter_700Bold.ttf', import.meta.url)),
};

let loaded: Record<FontWeight, { bytes: Buffer; font: fontkit.Font }> | null = null;

function fonts() {
  if (!loaded) {
    const open = (path: string) => {
      const bytes = readFileSync(path);
      return { bytes, font: fontkit.create(bytes) as fontkit.Font };
    };
    loaded = { regular: open(FONT_FILES.regular), bold: open(FONT_FILES.bold) };
  }
  return loaded;
}

export function fontBytes(weight: FontWeight): Buffer {
  return fonts()[weight].bytes;
}

/** The parsed font of one weight, for the PNG export's glyph outlines. */
export function fontFace(weight: FontWeight): fontkit.Font {
  return fonts()[weight].font;
}

/** Measures with the glyphs' advance widths, cached per character; kerning only narrows text, so it is left out. */
export function fontMeasure(): TextMeasure {
  const advance: Record<FontWeight, Map<number, number>> = { regular: new Map(), bold: new Map() };
  return {
    width(text, size, weight) {
      const { font } = fonts()[weight];
      const cache = advance[weight];
      let units = 0;
      for (const char of text) {
        const code = char.codePointAt(0)!;
        let width = cache.get(code);
        if (width === undefined) {
          width = font.glyphForCodePoint(code).advanceWidth;
          // A character the font lacks is drawn by a fallback font; count it as wide.
          if (!font.hasGlyphForCodePoint(code)) width = font.unitsPerEm * 0.6;
          cache.set(code, width);
        }
        units += width;
      }
      return (units / font.unitsPerEm) * size;
    },
  };
}
