import type { MapLayout, Shape, TextShape } from './layout/shapes.ts';
import { baseline } from './layout/shapes.ts';
import { FONT_FAMILY, fontBytes } from './fonts.ts';

export interface SvgOptions {
  /**
   * 'embed' puts the font files in the SVG (@font-face with data URLs, about 0.9 MB), so it
   * looks the same on a machine without Inter; 'reference' names the font only, for renderers
   * that are given the font files themselves (resvg, which the tests draw the SVG with).
   */
  font?: 'embed' | 'reference';
}

/** The map as one SVG document: vector shapes and real `<text>`, selectable and searchable. */
export function layoutSvg(layout: MapLayout, options: SvgOptions = {}): string {
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="${escapeXml(layout.title)}" font-family="${FONT_FAMILY}, 'Segoe UI', Roboto, Arial, sans-serif">`,
  );
  out.push(`<title>${escapeXml(layout.title)}</title>`);
  if ((options.font ?? 'embed') === 'embed') {
    out.push('<defs><style>');
    out.push(`@font-face{font-family:${FONT_FAMILY};font-weight:400;src:url(data:font/ttf;base64,${fontBytes('regular').toString('base64')}) format("truetype")}`);
    out.push(`@font-face{font-family:${FONT_FAMILY};font-weight:700;src:url(data:font/ttf;base64,${fontBytes('bold').toString('base64')}) format("truetype")}`);
    out.push('</style></defs>');
  }
  out.push(`<rect width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`);
  for (const shape of layout.shapes) out.push(shapeSvg(shape));
  out.push('</svg>');
  return out.join('\n');
}

/** One shape as an SVG element; a text shape as real `<text>`. */
export function shapeSvg(shape: Shape): string {
  switch (shape.kind) {
    case 'rect':
      return `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.width)}" height="${n(shape.height)}"${shape.radius ? ` rx="${n(shape.radius)}"` : ''}${paint(shape.fill, shape)}/>`;
    case 'line':
      return `<line x1="${n(shape.x1)}" y1="${n(shape.y1)}" x2="${n(shape.x2)}" y2="${n(shape.y2)}"${paint(undefined, shape)}/>`;
    case 'path':
      return `<path d="${shape.d}"${paint(shape.fill ?? 'none', shape)}/>`;
    case 'circle':
      return `<circle cx="${n(shape.cx)}" cy="${n(shape.cy)}" r="${n(shape.r)}"${paint(shape.fill, shape)}/>`;
    case 'text':
      return textSvg(shape);
  }
}

function textSvg(text: TextShape): string {
  const anchor = text.anchor === 'start' ? '' : ` text-anchor="${text.anchor}"`;
  const style = `${text.weight === 'bold' ? ' font-weight="700"' : ''}${text.italic ? ' font-style="italic"' : ''}`;
  const spans = text.lines.map((line, i) => `<tspan x="${n(text.x)}" y="${n(baseline(text, i))}">${escapeXml(line)}</tspan>`).join('');
  return `<text font-size="${n(text.size)}" fill="${text.color}"${style}${anchor} xml:space="preserve">${spans}</text>`;
}

function paint(fill: string | undefined, stroke: { stroke?: string; strokeWidth?: number; dash?: number[] }): string {
  let out = fill ? ` fill="${fill}"` : stroke.stroke ? ' fill="none"' : '';
  if (stroke.stroke) out += ` stroke="${stroke.stroke}" stroke-width="${n(stroke.strokeWidth ?? 1)}"`;
  if (stroke.dash) out += ` stroke-dasharray="${stroke.dash.join(' ')}"`;
  return out;
}

function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function escapeXml(value: string): string {
  // Characters XML 1.0 forbids (control characters a pasted text may hold) are dropped.
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
