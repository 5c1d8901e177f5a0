import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { TEMPLATE_IDS, buildTemplate } from '@klantreis/templates';
import { fontMeasure } from './fonts.ts';
import { journeyView } from './journeyView.ts';
import { layoutMap } from './layout/mapLayout.ts';
import type { TextShape } from './layout/shapes.ts';
import { layoutPdf, PAPER_SIZES } from './pdf.ts';
import { layoutPng } from './png.ts';
import { ImageTooLargeError } from './exportLimits.ts';
import { layoutSvg } from './svg.ts';
import { pdfInfo, pdfText, pdfWords, popplerUnavailable, squeeze } from './testing/popplerTools.ts';

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
  it.each(samples)('$id ($locale): the SVG parses, holds every step title, lane name and cell text, and the PNG has its size', ({ doc }) => {
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
    const png = layoutPng(layout, 1);
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

  it('embeds the font in the SVG it hands out, and draws 2× and 4× PNGs at twice and four times the size', () => {
    const layout = layoutMap(journeyView(buildTemplate('restaurant-service-concept', 'en')), measure);
    expect(layoutSvg(layout)).toContain('@font-face{font-family:Inter;font-weight:700;src:url(data:font/ttf;base64,');
    expect(pngSize(layoutPng(layout, 2))).toEqual({ width: layout.width * 2, height: layout.height * 2 });
    expect(pngSize(layoutPng(layout, 4))).toEqual({ width: layout.width * 4, height: layout.height * 4 });
  });

  it('refuses a PNG too large to draw, naming the scale that fits, before drawing anything', () => {
    const doc = buildTemplate('ikea-visit', 'en');
    // 60 steps: 11,784 × 1,171 px; at 4× 47,136 × 4,684 px, past the pixel limit; 2× fits.
    for (let i = 0; i < 50; i++) doc.steps.push({ ...doc.steps[0]!, id: `step:wide${i}` as typeof doc.steps[0]['id'], index: `z${String(i).padStart(3, '0')}` });
    const layout = layoutMap(journeyView(doc), measure);
    expect(() => layoutPng(layout, 4)).toThrow(ImageTooLargeError);
    expect(() => layoutPng(layout, 4)).toThrow(/scale: at 4× this map is 47,136 × 4,684 px, .* choose 2×/);
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
