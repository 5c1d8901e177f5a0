import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { createCellRecord, type JourneyDocument } from '@klantreis/schema';
import { TEMPLATE_IDS, buildTemplate } from '@klantreis/templates';
import { exportJourney, exportOptionsSchema } from './exportFormats.ts';
import { FONT_FAMILY, FONT_FILES, fontMeasure } from './fonts.ts';
import { journeyView } from './journeyView.ts';
import { layoutMap } from './layout/mapLayout.ts';
import type { TextShape } from './layout/shapes.ts';
import { layoutPdf, PAPER_SIZES } from './pdf.ts';
import { layoutPng } from './png.ts';
import { ImageTooLargeError, MAX_PNG_PIXELS, MAX_PNG_SIDE, PNG_BAND_BYTES } from './exportLimits.ts';
import { layoutSvg } from './svg.ts';
import { pdfInfo, pdfText, pdfWords, popplerUnavailable, squeeze } from './testing/popplerTools.ts';
import { pixelDifference } from './testing/pixelDifference.ts';

const measure = fontMeasure();
const samples = TEMPLATE_IDS.flatMap((id) => (['nl', 'en'] as const).map((locale) => ({ id, locale, doc: buildTemplate(id, locale) })));

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The text of every `<text>` element, its lines joined, as a reader of the SVG gets it. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) => [...m[1]!.matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((t) => t[1]).join('\n'));
}

describe('the map as SVG and PNG, for every sample journey', () => {
  it.each(samples)('$id ($locale): the SVG parses, holds every step title, lane name and cell text, and the PNG has its size', async ({ doc }) => {
    const view = journeyView(doc);
    const layout = layoutMap(view, measure);
    const svg = layoutSvg(layout, { font: 'reference' });
    // resvg refuses a document that is not well-formed XML.
    const parsed = new Resvg(svg, { font: { loadSystemFonts: false } });
    expect(parsed.width).toBe(layout.width);
    const texts = squeeze(svgTexts(svg).join('\n').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    for (const step of view.steps) expect(texts).toContain(squeeze(step.title));
    for (const lane of view.lanes) {
      expect(texts).toContain(squeeze(lane.name));
      for (const step of view.steps) {
        const cell = view.cellText(lane.lane.id, step.step.id);
        // A long cell ends in "…" after ten lines; what it shows is the start of the text.
        if (cell) expect(texts).toContain(squeeze(cell).slice(0, 40));
      }
    }
    const png = await layoutPng(layout, 1);
    expect(pngSize(png)).toEqual({ width: layout.width, height: layout.height });
  });

  it('keeps every text inside its column: no wrapped line is wider than the cell it stands in', () => {
    for (const { doc } of samples) {
      const layout = layoutMap(journeyView(doc), measure);
      const phaseBand = layout.regions.find((r) => r.kind === 'phase')!;
      // Below the phase band every text stands in one step's column.
      const texts = layout.shapes.filter((s): s is TextShape => s.kind === 'text' && s.anchor === 'start' && s.y > phaseBand.y + phaseBand.height);
      for (const region of layout.regions.filter((r) => r.kind === 'step')) {
        for (const text of texts.filter((t) => t.x >= region.x && t.x < region.x + region.width)) {
          for (const line of text.lines) expect(text.x + measure.width(line, text.size, text.weight)).toBeLessThanOrEqual(region.x + region.width);
        }
      }
      expect(Math.max(...layout.shapes.map((s) => (s.kind === 'rect' ? s.x + s.width : 0)))).toBeLessThanOrEqual(layout.width);
    }
  });

  it('embeds the font in the SVG it hands out, and draws 2× and 4× PNGs at twice and four times the size', async () => {
    const layout = layoutMap(journeyView(buildTemplate('restaurant-service-concept', 'en')), measure);
    expect(layoutSvg(layout)).toContain('@font-face{font-family:Inter;font-weight:700;src:url(data:font/ttf;base64,');
    expect(pngSize(await layoutPng(layout, 2))).toEqual({ width: layout.width * 2, height: layout.height * 2 });
    expect(pngSize(await layoutPng(layout, 4))).toEqual({ width: layout.width * 4, height: layout.height * 4 });
  });

  it('draws the map as resvg draws the SVG export: pixel by pixel within anti-aliasing, on every sample in both languages', async () => {
    // The PNG is drawn by raster.ts from the display list, its text shaped by fontkit; resvg
    // draws the SVG with `<text>`, shaped by itself. A shape or a glyph off by a pixel, a lost
    // kerning pair, a missing line or a wrong colour shows here.
    for (const [id, locale] of TEMPLATE_IDS.flatMap((template) => [[template, 'en'], [template, 'nl']] as const)) {
      const layout = layoutMap(journeyView(buildTemplate(id, locale)), measure);
      const before = new Resvg(layoutSvg(layout, { font: 'reference' }), {
        font: { fontFiles: [FONT_FILES.regular, FONT_FILES.bold], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
        background: '#ffffff',
      }).render();
      const after = PNG.sync.read(await layoutPng(layout, 1));
      expect([after.width, after.height]).toEqual([before.width, before.height]);
      const { mean, over32, inkPerTile } = pixelDifference(before.pixels, after.data, after.width);
      // Measured on the 18 samples: mean 0.66–0.84 of 255, 0.07–0.11 % of the pixels more than 32
      // apart (the edges of glyphs, where resvg's anti-aliasing and the exact area of raster.ts
      // differ, and glyphs placed to a sixteenth of a pixel), at most 4–7 pixels' worth of ink
      // apart in a 32 px tile. A missing or moved word is 60 or more in its tile.
      expect(mean, `${id} ${locale}`).toBeLessThan(1.2);
      expect(over32, `${id} ${locale}`).toBeLessThan(0.002);
      expect(inkPerTile, `${id} ${locale}`).toBeLessThan(20);
      // …and the text is there: the map without its text is far from it.
      const blank = new Resvg(layoutSvg({ ...layout, shapes: layout.shapes.filter((s) => s.kind !== 'text') }, { font: 'reference' }), { background: '#ffffff', font: { loadSystemFonts: false } }).render();
      expect(pixelDifference(blank.pixels, after.data).over32).toBeGreaterThan(0.02);
    }
  });

  it('draws a 2× PNG of a wide map in bands: the right size, a valid file, ink at the far right of a band and in a later band', async () => {
    const doc = wideMap(25);
    const layout = layoutMap(journeyView(doc), measure);
    const png = await layoutPng(layout, 2);
    // pngjs checks every chunk's CRC and zlib the stream's checksum.
    const image = PNG.sync.read(png);
    expect([image.width, image.height]).toEqual([Math.ceil(layout.width * 2), Math.ceil(layout.height * 2)]);
    const bandRows = Math.floor(PNG_BAND_BYTES / (image.width * 3 + 1));
    const texts = layout.shapes.filter((s): s is TextShape => s.kind === 'text');
    const lastTitle = texts.find((t) => t.lines.join(' ') === 'Far right end')!;
    const lastCell = texts.find((t) => t.lines.join(' ') === 'Bottom right')!;
    // The title stands at the far right end of a band, the cell in a later band.
    expect(lastTitle.x * 2).toBeGreaterThan(image.width - 600);
    expect(Math.floor((lastCell.y * 2) / bandRows)).toBeGreaterThan(Math.floor(((lastTitle.y + lastTitle.lineHeight) * 2) / bandRows));
    for (const text of [lastTitle, lastCell]) expect(inkIn(image, text, 2)).toBeGreaterThan(50);
    // Between the two, the lanes' empty cells: no ink.
    expect(inkIn(image, { ...lastCell, y: lastCell.y - 60 }, 2)).toBe(0);
  });

  it('refuses a PNG past the pixel or side limit before drawing, naming the scale that fits, in the journey\'s language', async () => {
    // 60,000 × 5,000 px at 1×: 4× is 4.8 billion pixels, 2× 1.2 billion, 1× 300 million.
    const wide = { width: 60_000, height: 5_000, shapes: [], regions: [], title: '' };
    await expect(layoutPng(wide, 4)).rejects.toThrow(ImageTooLargeError);
    await expect(layoutPng(wide, 4, 'en')).rejects.toThrow(`scale: at 4× this map is 240,000 × 20,000 px; a PNG may have at most ${MAX_PNG_PIXELS.toLocaleString('en')} pixels and ${MAX_PNG_SIDE.toLocaleString('en')} px a side here. Choose 1×, or the SVG or PDF`);
    await expect(layoutPng(wide, 2, 'nl')).rejects.toThrow('scale: bij 2× is deze kaart 120.000 × 10.000 px; een PNG mag hier ten hoogste 1.000.000.000 pixels en 262.144 px per zijde hebben. Kies 1×, of de SVG of PDF');
    // A side past the limit, however few the pixels: no scale fits.
    const long = { width: 70_000, height: 10, shapes: [], regions: [], title: '' };
    await expect(layoutPng(long, 4, 'en')).rejects.toThrow(/at 4× this map is 280,000 × 40 px; .* Choose 2×, or/);
    // Through the one entry point, in the journey's language.
    const doc = wideMap(320);
    doc.journey.locale = 'nl';
    await expect(exportJourney(doc, exportOptionsSchema.parse({ format: 'png', scale: '4' }))).rejects.toThrow(/^scale: bij 4× is deze kaart .* Kies 2×, of de SVG/);
  });

  it('escapes what a title may hold, so a hostile title cannot break or script the SVG', () => {
    const doc = buildTemplate('ikea-visit', 'en');
    doc.journey.title = '</title><script>alert(1)</script> & "quotes" \u0007';
    doc.steps[0]!.title = '<img src=x onerror=alert(1)>';
    const svg = layoutSvg(layoutMap(journeyView(doc), measure), { font: 'reference' });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;/title&gt;&lt;script&gt;');
    expect(() => new Resvg(svg, { font: { loadSystemFonts: false } })).not.toThrow();
  });
});

/** The IKEA sample widened to `steps` steps, added to its last phase, the last titled "Far right end" with a cell "Bottom right" in the last lane. */
function wideMap(steps: number): JourneyDocument {
  const doc = buildTemplate('ikea-visit', 'en');
  const phaseId = doc.phases.at(-1)!.id;
  for (let i = doc.steps.length; i < steps; i++) doc.steps.push({ ...doc.steps[0]!, phaseId, id: `step:wide${i}` as (typeof doc.steps)[0]['id'], index: `z${String(i).padStart(4, '0')}` });
  const last = doc.steps.at(-1)!;
  last.title = 'Far right end';
  last.description = '';
  doc.cells.push(createCellRecord(doc.lanes.at(-1)!.id, last.id, 'Bottom right'));
  return doc;
}

/** Dark pixels in the box of a text shape's first line, at `scale`. */
function inkIn(image: PNG, text: TextShape, scale: number): number {
  let ink = 0;
  const [x0, y0] = [Math.floor(text.x * scale), Math.floor(text.y * scale)];
  for (let y = y0; y < y0 + text.lineHeight * scale; y++) {
    for (let x = x0; x < Math.min(image.width, x0 + 80 * scale); x++) {
      const i = (y * image.width + x) * 4;
      if (image.data[i]! < 120 && image.data[i + 1]! < 120 && image.data[i + 2]! < 120) ink++;
    }
  }
  return ink;
}

describe.skipIf(popplerUnavailable() !== null)('the map as a poster PDF', () => {
  it.each(samples.filter((s) => s.locale === 'nl'))('$id: A3 landscape on one page with selectable text, nothing past the edge, and the findings after it', async ({ doc }) => {
    const view = journeyView(doc);
    const pdf = await layoutPdf(layoutMap(view, measure), view, { paper: 'A3', orientation: 'landscape', mode: 'fit', findings: true });
    const info = pdfInfo(pdf);
    expect([info.width, info.height]).toEqual([PAPER_SIZES.A3[1], PAPER_SIZES.A3[0]]);
    expect(info.pages).toBeGreaterThanOrEqual(2);
    const text = squeeze(pdfText(pdf));
    expect(text).toContain(squeeze(doc.journey.title));
    for (const step of view.steps) expect(text).toContain(squeeze(step.title));
    for (const finding of view.evaluation.findings) expect(text).toContain(squeeze(finding.message).slice(0, 30));
    for (const word of pdfWords(pdf)) {
      expect(word.xMin).toBeGreaterThanOrEqual(0);
      expect(word.yMin).toBeGreaterThanOrEqual(0);
      expect(word.xMax).toBeLessThanOrEqual(word.pageWidth);
      expect(word.yMax).toBeLessThanOrEqual(word.pageHeight);
    }
  });

  it('tiles the map at full size over A4 pages with every step on some page, and takes each paper size and orientation', async () => {
    const doc = buildTemplate('pay-tv-onboarding', 'nl');
    const view = journeyView(doc);
    const layout = layoutMap(view, measure);
    const tiled = await layoutPdf(layout, view, { paper: 'A4', orientation: 'portrait', mode: 'tile', findings: false });
    const info = pdfInfo(tiled);
    expect(info.pages).toBe(Math.ceil(layout.width / (595 - 72)) * Math.ceil(layout.height / (842 - 72)));
    const text = squeeze(pdfText(tiled));
    // A title may be cut by a tile's edge; its first word is always on one page.
    for (const step of view.steps) expect(text).toContain(squeeze(step.title.split(' ')[0]!));
    for (const [paper, [short, long]] of Object.entries(PAPER_SIZES)) {
      const portrait = pdfInfo(await layoutPdf(layout, view, { paper: paper as keyof typeof PAPER_SIZES, orientation: 'portrait', mode: 'fit', findings: false }));
      expect([portrait.width, portrait.height, portrait.pages]).toEqual([short, long, 1]);
    }
  });
});
