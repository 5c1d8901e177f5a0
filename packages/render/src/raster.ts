import type { CircleShape, LineShape, MapLayout, PathShape, RectShape, Shape, TextShape } from './layout/shapes.ts';
import { baseline } from './layout/shapes.ts';
import type { FontWeight } from './layout/textWrap.ts';
import * as harfbuzz from 'harfbuzzjs';
import { fontBytes, fontFace } from './fonts.ts';

/**
 * The map's display list drawn straight into rows of pixels (issue 11's PNG), band by band,
 * without an SVG in between. The display list has five kinds of shape, flat colours and no
 * transparency, so the drawing is small: every outline (a rounded rectangle, a circle, a curve, a
 * stroke, a glyph) becomes polygons, and the polygons' exact area per pixel is accumulated
 * (the signed-area method of font-rs) and blended over what lies below in the shapes' order.
 * Axis-aligned rectangles, most of the map, are filled as spans. Glyphs are drawn once per
 * size and sixteenth-pixel position and then copied. docs/ARCHITECTURE.md says why this and not
 * an SVG renderer.
 */

/** A polygon's outlines in picture px: each contour a flat list x0, y0, x1, y1, …, closed. */
type Contours = number[][];

/** What one shape draws in picture px, ready for any band. */
type Drawing =
  | { kind: 'rect'; x0: number; y0: number; x1: number; y1: number; color: number }
  | { kind: 'polygon'; contours: Contours; color: number; box: Box }
  | { kind: 'glyphs'; color: number; glyphs: PlacedGlyph[]; box: Box };

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface GlyphMask {
  /** Coverage 0–255, `width` × `height`, its top left at (left, top) from the pen's whole pixel. */
  alpha: Uint8Array;
  /** Per row, the first column with ink and the one after the last (both 0 for an empty row). */
  spans: Int16Array;
  width: number;
  height: number;
  left: number;
  top: number;
}

interface PlacedGlyph {
  mask: GlyphMask;
  x: number;
  y: number;
}

/** A shape's fill as SVG paints it: its own, none for 'none', and black when it has neither fill nor stroke. */
function fillOf(fill: string | undefined, stroke: string | undefined): string | undefined {
  if (fill === 'none') return undefined;
  return fill ?? (stroke ? undefined : '#000000');
}

/** #rgb or #rrggbb as 0xRRGGBB. */
function parseColor(color: string): number {
  const hex = color.startsWith('#') ? color.slice(1) : color;
  if (hex.length === 3) return parseInt(hex[0]! + hex[0]! + hex[1]! + hex[1]! + hex[2]! + hex[2]!, 16);
  if (hex.length === 6) return parseInt(hex, 16);
  throw new Error(`colour ${color}: only #rgb and #rrggbb are drawn`);
}

/** The drawings of a layout at a scale, in the shapes' order (`bandsOf` sorts them into bands). */
export class RasterScene {
  readonly width: number;
  readonly height: number;
  drawings: Drawing[] = [];
  private readonly glyphs = sharedGlyphs();

  readonly scale: number;

  constructor(layout: MapLayout, scale: number) {
    this.scale = scale;
    this.width = Math.ceil(layout.width * scale);
    this.height = Math.ceil(layout.height * scale);
    for (const shape of layout.shapes) this.add(shape);
    this.dropWhiteOnWhite();
  }

  /**
   * Drops the white rectangles that nothing drawn before them reaches into: the paper is white
   * already. Most of the map's cells are white; filling them again was a sixth of the painting.
   */
  private dropWhiteOnWhite(): void {
    const CELL = 512;
    const grid = new Map<number, Box[]>();
    const cells = (box: Box, visit: (key: number) => boolean | void): boolean => {
      for (let gy = Math.floor(box.y0 / CELL); gy <= Math.floor(box.y1 / CELL); gy++) {
        for (let gx = Math.floor(box.x0 / CELL); gx <= Math.floor(box.x1 / CELL); gx++) if (visit(gy * 100_000 + gx) === true) return true;
      }
      return false;
    };
    const kept: Drawing[] = [];
    for (const drawing of this.drawings) {
      // Within the picture, and a pixel wider each way: a shape that only shares a pixel with the
      // white rectangle (a fractional edge) counts as under it.
      const own = boxOf(drawing);
      const box = { x0: Math.max(-1, own.x0 - 1), y0: Math.max(-1, own.y0 - 1), x1: Math.min(this.width + 1, own.x1 + 1), y1: Math.min(this.height + 1, own.y1 + 1) };
      if (!(box.x0 < box.x1 && box.y0 < box.y1)) continue;
      const whiteRect = drawing.kind === 'rect' && drawing.color === 0xffffff;
      const overlaps = (b: Box) => b.x0 < box.x1 && b.x1 > box.x0 && b.y0 < box.y1 && b.y1 > box.y0;
      if (whiteRect && !cells(box, (key) => grid.get(key)?.some(overlaps))) continue;
      kept.push(drawing);
      cells(box, (key) => {
        const list = grid.get(key);
        if (list) list.push(box);
        else grid.set(key, [box]);
      });
    }
    // Assigned, not spliced in: a map of thousands of steps has more drawings than a call takes arguments.
    this.drawings = kept;
  }

  private add(shape: Shape): void {
    switch (shape.kind) {
      case 'rect':
        return this.addRect(shape);
      case 'line':
        return this.addLine(shape);
      case 'circle':
        return this.addCircle(shape);
      case 'path':
        return this.addPath(shape);
      case 'text':
        return this.addText(shape);
    }
  }

  private addRect(rect: RectShape): void {
    // SVG draws no rectangle of no or negative size.
    if (!(rect.width > 0 && rect.height > 0)) return;
    const s = this.scale;
    const [x0, y0, x1, y1] = [rect.x * s, rect.y * s, (rect.x + rect.width) * s, (rect.y + rect.height) * s];
    const fill = fillOf(rect.fill, rect.stroke);
    if (rect.radius && rect.radius > 0) {
      const outline = roundedRect(x0, y0, x1, y1, rect.radius * s);
      if (fill) this.polygon([outline], parseColor(fill));
      if (rect.stroke) this.stroke([outline], true, rect.stroke, rect.strokeWidth, rect.dash);
      return;
    }
    if (fill) this.drawings.push({ kind: 'rect', x0, y0, x1, y1, color: parseColor(fill) });
    // The outline as a ring (or dashes), not four rectangles whose corners would be painted twice.
    if (rect.stroke) this.stroke([[x0, y0, x1, y0, x1, y1, x0, y1]], true, rect.stroke, rect.strokeWidth, rect.dash);
  }

  private addLine(line: LineShape): void {
    if (!line.stroke) return;
    const s = this.scale;
    const [x0, y0, x1, y1] = [line.x1 * s, line.y1 * s, line.x2 * s, line.y2 * s];
    const h = ((line.strokeWidth ?? 1) * s) / 2;
    // A horizontal or vertical line without dashes (the grid) is a rectangle; butt caps, as SVG's.
    if (!line.dash && (y0 === y1 || x0 === x1)) {
      const color = parseColor(line.stroke);
      if (y0 === y1) this.drawings.push({ kind: 'rect', x0: Math.min(x0, x1), y0: y0 - h, x1: Math.max(x0, x1), y1: y0 + h, color });
      else this.drawings.push({ kind: 'rect', x0: x0 - h, y0: Math.min(y0, y1), x1: x0 + h, y1: Math.max(y0, y1), color });
      return;
    }
    this.stroke([[x0, y0, x1, y1]], false, line.stroke, line.strokeWidth, line.dash);
  }

  private addCircle(circle: CircleShape): void {
    if (!(circle.r > 0)) return;
    const s = this.scale;
    const outline = ellipse(circle.cx * s, circle.cy * s, circle.r * s);
    const fill = fillOf(circle.fill, circle.stroke);
    if (fill) this.polygon([outline], parseColor(fill));
    if (circle.stroke) this.stroke([outline], true, circle.stroke, circle.strokeWidth, circle.dash);
  }

  private addPath(path: PathShape): void {
    const { contours, closed } = parsePath(path.d, this.scale);
    if (path.fill && path.fill !== 'none') this.polygon(contours, parseColor(path.fill));
    if (path.stroke) {
      // Each subpath is stroked as closed or open as it was written.
      contours.forEach((contour, i) => this.stroke([contour], closed[i]!, path.stroke!, path.strokeWidth, path.dash));
    }
  }

  private addText(text: TextShape): void {
    const face = fontFace(text.weight);
    const k = text.size / face.unitsPerEm;
    const s = this.scale;
    const color = parseColor(text.color);
    text.lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const run = shapedLine(text.weight, line);
      const width = run.advance * k;
      const x = text.anchor === 'start' ? text.x : text.anchor === 'middle' ? text.x - width / 2 : text.x - width;
      const y = baseline(text, i) * s;
      const glyphs: PlacedGlyph[] = [];
      const box: Box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
      const masks = this.glyphs.forSize(text.weight, text.size * s);
      // No italic face ships: an italic text is drawn upright, as resvg draws the SVG.
      run.ids.forEach((id, g) => {
        const gx = (x + run.xs[g]! * k) * s;
        // A mark placed on its base (a decomposed "é") is raised by its offset; font units are y up.
        const gy = y - run.ys[g]! * k * s;
        const mask = this.glyphs.mask(masks, text.weight, id, text.size * s, gx - Math.floor(gx), gy - Math.floor(gy));
        if (!mask) return;
        const [px, py] = [Math.floor(gx) + mask.left, Math.floor(gy) + mask.top];
        glyphs.push({ mask, x: px, y: py });
        box.x0 = Math.min(box.x0, px);
        box.y0 = Math.min(box.y0, py);
        box.x1 = Math.max(box.x1, px + mask.width);
        box.y1 = Math.max(box.y1, py + mask.height);
      });
      if (glyphs.length > 0) this.drawings.push({ kind: 'glyphs', color, glyphs, box });
    });
  }

  private polygon(contours: Contours, color: number): void {
    const box = boxOfContours(contours);
    // A shape reaching far past the picture is cut to it (and a margin), so that its size, not the
    // picture's, cannot make the painting slow or its buffers huge.
    const [x0, y0, x1, y1] = [-2, -2, this.width + 2, this.height + 2];
    if (box.x0 < x0 || box.y0 < y0 || box.x1 > x1 || box.y1 > y1) {
      contours = contours.map((c) => clipContour(c, x0, y0, x1, y1)).filter((c) => c.length >= 6);
      Object.assign(box, boxOfContours(contours));
    }
    if (box.x0 < box.x1 && box.y0 < box.y1) this.drawings.push({ kind: 'polygon', contours, color, box });
  }

  /**
   * A stroke as the outline around its path: each side offset by half the width, the sides
   * meeting in mitred joins (a bevel past SVG's miter limit of 4) and butt ends, as SVG draws
   * them. A closed path's stroke is a ring: its outer and inner sides, turning opposite ways.
   */
  private stroke(contours: Contours, closed: boolean, color: string, strokeWidth = 1, dash?: number[]): void {
    if (!(strokeWidth > 0)) return;
    const h = (strokeWidth * this.scale) / 2;
    // SVG ignores a dash pattern with a negative length; one of (almost) no length draws as solid.
    const pattern = dash?.map((d) => d * this.scale);
    const dashes = pattern && pattern.every((d) => d >= 0) && pattern.reduce((a, b) => a + b, 0) >= 0.1 ? pattern : undefined;
    const pieces = dashes
      ? contours.flatMap((contour) => dashed(contour, closed, dashes).map((points) => ({ points, closed: false })))
      : contours.map((points) => ({ points, closed }));
    const outline: Contours = [];
    for (const piece of pieces) outline.push(...strokeOutline(piece.points, piece.closed, h));
    if (outline.length > 0) this.polygon(outline, parseColor(color));
  }
}

/** The outline of a stroke of half-width `h` along a polyline (see `RasterScene.stroke`). */
function strokeOutline(input: number[], closed: boolean, h: number): Contours {
  // Without repeated points: a segment of no length has no direction.
  const points: number[] = [];
  for (let i = 0; i < input.length; i += 2) {
    if (points.length === 0 || input[i] !== points[points.length - 2] || input[i + 1] !== points[points.length - 1]) points.push(input[i]!, input[i + 1]!);
  }
  if (closed && points.length > 4 && points[0] === points[points.length - 2] && points[1] === points[points.length - 1]) points.length -= 2;
  const n = points.length / 2;
  if (n < 2) return [];
  const segments = closed ? n : n - 1;
  // Each segment's unit normal, to its left on screen.
  const normals: number[] = [];
  for (let i = 0; i < segments; i++) {
    const j = (i + 1) % n;
    const [dx, dy] = [points[j * 2]! - points[i * 2]!, points[j * 2 + 1]! - points[i * 2 + 1]!];
    const length = Math.hypot(dx, dy);
    normals.push(-dy / length, dx / length);
  }
  /** One side: `sign` 1 the left, −1 the right. */
  const side = (sign: number): number[] => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const [px, py] = [points[i * 2]!, points[i * 2 + 1]!];
      const before = closed ? (i + segments - 1) % segments : i - 1;
      const after = closed ? i % segments : Math.min(i, segments - 1);
      if (before < 0 || (!closed && i === n - 1)) {
        // An end: butt, square to its segment.
        const k = before < 0 ? after : before;
        out.push(px + sign * normals[k * 2]! * h, py + sign * normals[k * 2 + 1]! * h);
        continue;
      }
      const [ax, ay, bx, by] = [normals[before * 2]!, normals[before * 2 + 1]!, normals[after * 2]!, normals[after * 2 + 1]!];
      const d = 1 + ax * bx + ay * by;
      if (d > 2 / 16) {
        // The miter: where the two offset sides meet (its length is h·√(2/d), at most 4 h).
        out.push(px + (sign * (ax + bx) * h) / d, py + (sign * (ay + by) * h) / d);
      } else {
        out.push(px + sign * ax * h, py + sign * ay * h, px + sign * bx * h, py + sign * by * h);
      }
    }
    return out;
  };
  const left = side(1);
  const right = side(-1);
  if (closed) return [left, reversed(right)];
  return [[...left, ...reversed(right)]];
}

function reversed(contour: number[]): number[] {
  const out: number[] = [];
  for (let i = contour.length - 2; i >= 0; i -= 2) out.push(contour[i]!, contour[i + 1]!);
  return out;
}

/** A polyline cut into dashes (SVG's stroke-dasharray, starting with a dash); the pattern's total is above 0 (`stroke` sees to it). */
function dashed(contour: number[], closed: boolean, pattern: number[]): number[][] {
  const points = closed ? [...contour, contour[0]!, contour[1]!] : contour;
  const dashes: number[][] = [];
  let index = 0;
  let left = pattern[0]!;
  let on = true;
  let current: number[] = [points[0]!, points[1]!];
  for (let i = 0; i + 3 < points.length; i += 2) {
    let [ax, ay] = [points[i]!, points[i + 1]!];
    const [bx, by] = [points[i + 2]!, points[i + 3]!];
    let length = Math.hypot(bx - ax, by - ay);
    while (length > left) {
      const t = left / length;
      const [mx, my] = [ax + (bx - ax) * t, ay + (by - ay) * t];
      if (on) {
        current.push(mx, my);
        dashes.push(current);
      } else current = [mx, my];
      on = !on;
      length -= left;
      [ax, ay] = [mx, my];
      index = (index + 1) % pattern.length;
      left = pattern[index]!;
    }
    left -= length;
    if (on) current.push(bx, by);
  }
  if (on && current.length >= 4) dashes.push(current);
  return dashes;
}

/** Sides for an arc of radius `r` whose polygon is never more than 0.03 px from the true curve. */
function arcSides(r: number, turn: number): number {
  const step = Math.acos(Math.max(-1, 1 - 0.03 / Math.max(r, 0.03)));
  return Math.max(2, Math.min(512, Math.ceil(turn / step)));
}

function ellipse(cx: number, cy: number, r: number): number[] {
  const n = Math.max(8, arcSides(r, 2 * Math.PI));
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(cx + r * Math.cos((2 * Math.PI * i) / n), cy + r * Math.sin((2 * Math.PI * i) / n));
  return out;
}

/**
 * A rounded rectangle's outline as SVG draws it: from (x0 + rx, y0) clockwise, so that dashes
 * start where SVG starts them; rx and ry each at most half the side, so a narrow pill has
 * elliptical ends.
 */
function roundedRect(x0: number, y0: number, x1: number, y1: number, radius: number): number[] {
  const rx = Math.min(radius, (x1 - x0) / 2);
  const ry = Math.min(radius, (y1 - y0) / 2);
  const n = arcSides(Math.max(rx, ry), Math.PI / 2);
  const out: number[] = [x0 + rx, y0];
  const corner = (cx: number, cy: number, from: number) => {
    for (let i = 0; i <= n; i++) {
      const a = from + (Math.PI / 2) * (i / n);
      out.push(cx + rx * Math.cos(a), cy + ry * Math.sin(a));
    }
  };
  corner(x1 - rx, y0 + ry, -Math.PI / 2);
  corner(x1 - rx, y1 - ry, 0);
  corner(x0 + rx, y1 - ry, Math.PI / 2);
  corner(x0 + rx, y0 + ry, Math.PI);
  return out;
}

/**
 * SVG path data of M, L, C and Z, absolute (what the layout writes, shapes.ts), as flattened
 * contours in picture px. Any other command is refused by name rather than drawn wrong.
 */
function parsePath(d: string, scale: number): { contours: Contours; closed: boolean[] } {
  const tokens = d.match(/[A-Za-z]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
  const contours: Contours = [];
  const closed: boolean[] = [];
  let current: number[] = [];
  // Where the subpath began: after Z, a drawing command starts from there again.
  let start: [number, number] = [0, 0];
  let command = '';
  let i = 0;
  const num = () => Number(tokens[i++]) * scale;
  const finish = (isClosed: boolean) => {
    if (current.length >= 4) {
      contours.push(current);
      closed.push(isClosed);
    }
    current = [];
  };
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (/[A-Za-z]/.test(token)) {
      if (!'MLCZ'.includes(token)) throw new Error(`path data: the command ${token} is not drawn (only M, L, C and Z, absolute)`);
      command = token;
      i++;
      if (command === 'Z') {
        finish(true);
        continue;
      }
    }
    if (command === 'M') {
      finish(false);
      start = [num(), num()];
      current.push(...start);
      command = 'L';
      continue;
    }
    if (current.length === 0) current.push(...start);
    if (command === 'L') current.push(num(), num());
    else if (command === 'C') {
      const [x0, y0] = [current[current.length - 2]!, current[current.length - 1]!];
      const [x1, y1, x2, y2, x3, y3] = [num(), num(), num(), num(), num(), num()];
      cubic(current, x0, y0, x1, y1, x2, y2, x3, y3);
    } else throw new Error(`path data: numbers before any command in "${d.slice(0, 40)}"`);
  }
  finish(false);
  return { contours, closed };
}

/** Appends a cubic Bézier as line segments (its first point is already there), within `tolerance` px of it. */
function cubic(out: number[], x0: number, y0: number, x1: number, y1: number, x2: number, y2: number, x3: number, y3: number, tolerance = 0.02): void {
  // Segments enough that no chord strays more than `tolerance` from the curve: the chords of n
  // equal steps stray at most 3/4 of the control points' largest second difference over n².
  const bend = Math.max(Math.hypot(x0 - 2 * x1 + x2, y0 - 2 * y1 + y2), Math.hypot(x1 - 2 * x2 + x3, y1 - 2 * y2 + y3));
  const n = Math.max(1, Math.min(1000, Math.ceil(Math.sqrt((0.75 * bend) / tolerance))));
  for (let k = 1; k <= n; k++) {
    const t = k / n;
    const u = 1 - t;
    out.push(u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3, u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3);
  }
}

/**
 * A glyph is drawn at sixteenths of a pixel across and down: measured against resvg's own drawing
 * of the samples, quarters put 1 % of the pixels more than 32 levels apart, sixteenths 0.1 %.
 */
const SUBPIXELS = 16;

/** A line of text as HarfBuzz shapes it: its glyphs and their pens, in font units. */
interface ShapedLine {
  ids: number[];
  /** Each glyph's pen position and offset from the baseline, in font units. */
  xs: number[];
  ys: number[];
  advance: number;
}

/**
 * Shaped lines are kept for the process, as a browser keeps shaped words: the same journey is
 * exported again and again. Bounded: emptied past `MAX_SHAPED_LINES` (a line is its glyphs' numbers).
 */
const MAX_SHAPED_LINES = 50_000;
const shapedLines: Record<FontWeight, Map<string, ShapedLine>> = { regular: new Map(), bold: new Map() };
let shaper: { fonts: Record<FontWeight, harfbuzz.Font>; buffer: harfbuzz.Buffer } | null = null;

/**
 * A line shaped by HarfBuzz (WebAssembly), the shaper of browsers, of resvg (as rustybuzz) and so
 * of the SVG export as people see it: the same glyphs and positions as fontkit gives on 5,015 of
 * the 5,042 lines of the samples and the big map, but where fontkit kerns pairs of digits ("24")
 * HarfBuzz does not, as Chromium does not. And it shapes the big map's 659 lines in 66 ms the
 * first time, where fontkit took 0.4 s. The glyphs' outlines still come from fontkit.
 */
function shapedLine(weight: FontWeight, line: string): ShapedLine {
  const lines = shapedLines[weight];
  let run = lines.get(line);
  if (!run) {
    if (lines.size >= MAX_SHAPED_LINES) lines.clear();
    if (!shaper) {
      const font = (w: FontWeight) => {
        const bytes = fontBytes(w);
        return new harfbuzz.Font(new harfbuzz.Face(new harfbuzz.Blob(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))));
      };
      shaper = { fonts: { regular: font('regular'), bold: font('bold') }, buffer: new harfbuzz.Buffer() };
    }
    const buffer = shaper.buffer;
    buffer.reset();
    buffer.addText(line);
    buffer.guessSegmentProperties();
    harfbuzz.shape(shaper.fonts[weight], buffer);
    const infos = buffer.getGlyphInfos();
    const positions = buffer.getGlyphPositions();
    const ids: number[] = [];
    const xs: number[] = [];
    const ys: number[] = [];
    let pen = 0;
    infos.forEach((info, i) => {
      const position = positions[i]!;
      ids.push(info.codepoint);
      xs.push(pen + position.xOffset);
      ys.push(position.yOffset);
      pen += position.xAdvance;
    });
    run = { ids, xs, ys, advance: pen };
    lines.set(line, run);
  }
  return run;
}

/**
 * Glyph masks are kept for the process, as a text renderer's glyph cache is: a map uses a few
 * sizes of two weights of one font, so the next export draws few or none. Bounded: emptied
 * past `MAX_GLYPH_MASKS` (a mask is a few hundred bytes).
 */
const MAX_GLYPH_MASKS = 200_000;
let glyphCache: GlyphCache | null = null;

function sharedGlyphs(): GlyphCache {
  if (!glyphCache || glyphCache.count > MAX_GLYPH_MASKS) glyphCache = new GlyphCache();
  return glyphCache;
}

/** Glyph outlines are flattened in font units, once for every size: a unit is 1/2048 em, 0.03 px of a 60 px glyph. */
const GLYPH_TOLERANCE = 1;

/** Glyph coverage masks, drawn once per weight, glyph, size and sixteenth-pixel position. */
class GlyphCache {
  count = 0;
  /** Per weight and size in px, the masks by glyph and sixteenth-pixel position (a number, not a string: 138,000 look-ups). */
  private readonly masks = new Map<string, Map<number, GlyphMask | null>>();
  private readonly outlines: Record<FontWeight, Map<number, Contours | null>> = { regular: new Map(), bold: new Map() };

  /** The sizes of one weight, for the glyphs of one line: look it up once per line. */
  forSize(weight: FontWeight, sizePx: number): Map<number, GlyphMask | null> {
    const key = `${weight} ${sizePx}`;
    let masks = this.masks.get(key);
    if (!masks) this.masks.set(key, (masks = new Map()));
    return masks;
  }

  /** A glyph's mask at a position within its pixel (fx, fy in 0–1), to the nearest sixteenth. */
  mask(masks: Map<number, GlyphMask | null>, weight: FontWeight, id: number, sizePx: number, fx: number, fy: number): GlyphMask | null {
    const ix = Math.round(fx * SUBPIXELS);
    const iy = Math.round(fy * SUBPIXELS);
    const key = (id * (SUBPIXELS + 1) + ix) * (SUBPIXELS + 1) + iy;
    let mask = masks.get(key);
    if (mask === undefined) {
      mask = this.draw(weight, id, sizePx, ix / SUBPIXELS, iy / SUBPIXELS);
      masks.set(key, mask);
      this.count++;
    }
    return mask;
  }

  private draw(weight: FontWeight, id: number, sizePx: number, qx: number, qy: number): GlyphMask | null {
    const outline = this.outline(weight, id);
    if (!outline) return null;
    const k = sizePx / fontFace(weight).unitsPerEm;
    // Font units (y up) to px from the pen's whole pixel (y down).
    const contours = outline.map((c) => c.map((v, i) => (i % 2 === 0 ? qx + v * k : qy - v * k)));
    const box = boxOfContours(contours);
    const [left, top] = [Math.floor(box.x0), Math.floor(box.y0)];
    const [width, height] = [Math.ceil(box.x1) - left + 1, Math.ceil(box.y1) - top];
    const accumulator = new Float32Array((width + 2) * height);
    for (const c of contours) accumulateContour(accumulator, width + 2, height, c, -left, -top);
    const alpha = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      let sum = 0;
      for (let x = 0; x < width; x++) {
        sum += accumulator[y * (width + 2) + x]!;
        const a = Math.abs(sum);
        alpha[y * width + x] = a >= 1 ? 255 : Math.round(a * 255);
      }
    }
    const spans = new Int16Array(height * 2);
    for (let y = 0; y < height; y++) {
      let first = 0;
      while (first < width && alpha[y * width + first] === 0) first++;
      let end = width;
      while (end > first && alpha[y * width + end - 1] === 0) end--;
      spans[y * 2] = first < end ? first : 0;
      spans[y * 2 + 1] = first < end ? end : 0;
    }
    return { alpha, spans, width, height, left, top };
  }

  private outline(weight: FontWeight, id: number): Contours | null {
    let found = this.outlines[weight].get(id);
    if (found !== undefined) return found;
    const contours: Contours = [];
    let current: number[] = [];
    for (const { command, args } of fontFace(weight).getGlyph(id).path.commands) {
      const a = args as number[];
      if (command === 'moveTo') {
        if (current.length >= 6) contours.push(current);
        current = [a[0]!, a[1]!];
      } else if (command === 'lineTo') current.push(a[0]!, a[1]!);
      else if (command === 'quadraticCurveTo') {
        const [x0, y0] = [current[current.length - 2]!, current[current.length - 1]!];
        // A quadratic as a cubic, then flattened in font units: fine enough at any size we draw.
        cubic(current, x0, y0, x0 + ((a[0]! - x0) * 2) / 3, y0 + ((a[1]! - y0) * 2) / 3, a[2]! + ((a[0]! - a[2]!) * 2) / 3, a[3]! + ((a[1]! - a[3]!) * 2) / 3, a[2]!, a[3]!, GLYPH_TOLERANCE);
      } else if (command === 'bezierCurveTo') {
        const [x0, y0] = [current[current.length - 2]!, current[current.length - 1]!];
        cubic(current, x0, y0, a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!, GLYPH_TOLERANCE);
      }
    }
    if (current.length >= 6) contours.push(current);
    found = contours.length > 0 ? contours : null;
    this.outlines[weight].set(id, found);
    return found;
  }
}

/**
 * The spans of columns each row's edges touched, for painting a wide polygon span by span:
 * between two spans the running sum, so the coverage, does not change. Null: every column is summed.
 */
type Touched = number[][] | null;

/** A touched span is kept as one number, its first column · SPAN_KEY + its last. */
const SPAN_KEY = 2 ** 20;

/**
 * Adds a closed contour's signed area per pixel to an accumulator of `stride` × `rows` (the
 * font-rs method: after a running sum along each row, the absolute value is the coverage).
 * The contour is offset by (dx, dy); x must land in 0 … stride − 2; rows outside are skipped.
 */
function accumulateContour(acc: Float32Array, stride: number, rows: number, contour: number[], dx: number, dy: number, touched: Touched = null): void {
  const n = contour.length;
  for (let i = 0; i < n; i += 2) {
    const j = (i + 2) % n;
    accumulateLine(acc, stride, rows, contour[i]! + dx, contour[i + 1]! + dy, contour[j]! + dx, contour[j + 1]! + dy, touched);
  }
}

function accumulateLine(acc: Float32Array, stride: number, rows: number, ax: number, ay: number, bx: number, by: number, touched: Touched): void {
  if (ay === by) return;
  let dir = 1;
  let [x0p, y0p, x1p, y1p] = [ax, ay, bx, by];
  if (ay > by) {
    dir = -1;
    [x0p, y0p, x1p, y1p] = [bx, by, ax, ay];
  }
  if (y1p <= 0 || y0p >= rows) return;
  const dxdy = (x1p - x0p) / (y1p - y0p);
  let x = x0p;
  if (y0p < 0) x -= y0p * dxdy;
  const yStart = Math.max(0, Math.floor(y0p));
  const yEnd = Math.min(rows, Math.ceil(y1p));
  for (let y = yStart; y < yEnd; y++) {
    const line = y * stride;
    const dy = Math.min(y + 1, y1p) - Math.max(y, y0p);
    const xNext = x + dxdy * dy;
    const d = dy * dir;
    const xa = x < xNext ? x : xNext;
    const xb = x < xNext ? xNext : x;
    const xaFloor = Math.floor(xa);
    const xbCeil = Math.ceil(xb);
    // The columns written below, as one span (start · 2^20 + end, so that a sort orders them).
    if (touched) touched[y]!.push(xaFloor * SPAN_KEY + Math.max(xbCeil, xaFloor + 1));
    if (xbCeil <= xaFloor + 1) {
      const xmf = 0.5 * (x + xNext) - xaFloor;
      acc[line + xaFloor] = acc[line + xaFloor]! + d - d * xmf;
      acc[line + xaFloor + 1] = acc[line + xaFloor + 1]! + d * xmf;
    } else {
      const s = 1 / (xb - xa);
      const xaf = xa - xaFloor;
      const a0 = 0.5 * s * (1 - xaf) * (1 - xaf);
      const xbf = xb - xbCeil + 1;
      const am = 0.5 * s * xbf * xbf;
      acc[line + xaFloor] = acc[line + xaFloor]! + d * a0;
      if (xbCeil === xaFloor + 2) acc[line + xaFloor + 1] = acc[line + xaFloor + 1]! + d * (1 - a0 - am);
      else {
        const a1 = s * (1.5 - xaf);
        acc[line + xaFloor + 1] = acc[line + xaFloor + 1]! + d * (a1 - a0);
        for (let xi = xaFloor + 2; xi < xbCeil - 1; xi++) acc[line + xi] = acc[line + xi]! + d * s;
        const a2 = a1 + (xbCeil - xaFloor - 3) * s;
        acc[line + xbCeil - 1] = acc[line + xbCeil - 1]! + d * (1 - a2 - am);
      }
      acc[line + xbCeil] = acc[line + xbCeil]! + d * am;
    }
    x = xNext;
  }
}

function boxOfContours(contours: Contours): Box {
  const box: Box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const contour of contours) {
    for (let i = 0; i < contour.length; i += 2) {
      box.x0 = Math.min(box.x0, contour[i]!);
      box.x1 = Math.max(box.x1, contour[i]!);
      box.y0 = Math.min(box.y0, contour[i + 1]!);
      box.y1 = Math.max(box.y1, contour[i + 1]!);
    }
  }
  return box;
}

/**
 * A closed contour cut to a rectangle (Sutherland–Hodgman, one edge of the rectangle at a time).
 * The parts outside become runs along the rectangle's edges, which cover nothing inside it.
 */
function clipContour(contour: number[], x0: number, y0: number, x1: number, y1: number): number[] {
  const edges: [(x: number, y: number) => boolean, (ax: number, ay: number, bx: number, by: number) => [number, number]][] = [
    [(x) => x >= x0, (ax, ay, bx, by) => [x0, ay + ((by - ay) * (x0 - ax)) / (bx - ax)]],
    [(x) => x <= x1, (ax, ay, bx, by) => [x1, ay + ((by - ay) * (x1 - ax)) / (bx - ax)]],
    [(_, y) => y >= y0, (ax, ay, bx, by) => [ax + ((bx - ax) * (y0 - ay)) / (by - ay), y0]],
    [(_, y) => y <= y1, (ax, ay, bx, by) => [ax + ((bx - ax) * (y1 - ay)) / (by - ay), y1]],
  ];
  let points = contour;
  for (const [inside, cross] of edges) {
    const out: number[] = [];
    const n = points.length;
    for (let i = 0; i < n; i += 2) {
      const [ax, ay] = [points[i]!, points[i + 1]!];
      const [bx, by] = [points[(i + 2) % n]!, points[(i + 3) % n]!];
      const [aIn, bIn] = [inside(ax, ay), inside(bx, by)];
      if (aIn) out.push(ax, ay);
      if (aIn !== bIn) out.push(...cross(ax, ay, bx, by));
    }
    points = out;
    if (points.length === 0) break;
  }
  return points;
}

function boxOf(drawing: Drawing): Box {
  return drawing.kind === 'rect' ? drawing : drawing.box;
}

/** The drawings that reach into each band of `bandRows` rows, in their order. */
export function bandsOf(scene: RasterScene, bandRows: number): Drawing[][] {
  const bands: Drawing[][] = Array.from({ length: Math.ceil(scene.height / bandRows) }, () => []);
  for (const drawing of scene.drawings) {
    const { y0: top, y1: bottom } = boxOf(drawing);
    const first = Math.max(0, Math.floor(top / bandRows));
    const last = Math.min(bands.length - 1, Math.floor((Math.ceil(bottom) - 1) / bandRows));
    for (let b = first; b <= last; b++) bands[b]!.push(drawing);
  }
  return bands;
}

/**
 * Draws a band's drawings into PNG rows: `out` holds `rows` rows of a filter byte (left as it
 * is) and `width` RGB pixels, for picture rows top … top + rows − 1, on white.
 */
export class BandPainter {
  private accumulator = new Float32Array(0);
  private readonly patterns = new Map<number, Buffer>();
  private readonly stride: number;
  readonly width: number;

  constructor(width: number) {
    this.width = width;
    this.stride = width * 3 + 1;
  }

  /** A colour's three bytes, to fill spans with; made once per colour. */
  private pattern(color: number): Buffer {
    let bytes = this.patterns.get(color);
    if (!bytes) this.patterns.set(color, (bytes = Buffer.from([(color >> 16) & 255, (color >> 8) & 255, color & 255])));
    return bytes;
  }

  paint(drawings: readonly Drawing[], out: Buffer, top: number, rows: number): void {
    // White, then each row's filter byte (0, none) again.
    out.fill(255, 0, rows * this.stride);
    for (let r = 0; r < rows; r++) out[r * this.stride] = 0;
    for (const drawing of drawings) {
      if (drawing.kind === 'rect') this.rect(drawing, out, top, rows);
      else if (drawing.kind === 'polygon') this.polygon(drawing, out, top, rows);
      else this.glyphs(drawing, out, top, rows);
    }
  }

  private rect(rect: Extract<Drawing, { kind: 'rect' }>, out: Buffer, top: number, rows: number): void {
    const x0 = Math.max(0, rect.x0);
    const x1 = Math.min(this.width, rect.x1);
    const y0 = Math.max(top, rect.y0);
    const y1 = Math.min(top + rows, rect.y1);
    if (x0 >= x1 || y0 >= y1) return;
    const color = rect.color;
    const pattern = this.pattern(color);
    // Whole pixels inside, and the part-covered columns at either edge.
    const inner0 = Math.ceil(x0);
    const inner1 = Math.floor(x1);
    for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
      const cy = Math.min(y + 1, y1) - Math.max(y, y0);
      const row = (y - top) * this.stride + 1;
      if (cy >= 0.999 && inner0 < inner1) {
        out.fill(pattern, row + inner0 * 3, row + inner1 * 3);
        if (inner0 > x0) blend(out, row + (inner0 - 1) * 3, color, (inner0 - x0) * cy);
        if (inner1 < x1) blend(out, row + inner1 * 3, color, (x1 - inner1) * cy);
      } else {
        for (let x = Math.floor(x0); x < Math.ceil(x1); x++) blend(out, row + x * 3, color, (Math.min(x + 1, x1) - Math.max(x, x0)) * cy);
      }
    }
  }

  /**
   * A polygon over the band's rows. Each row is summed only at the columns its edges touched;
   * between two of them the coverage is the same, a span filled at once or skipped. So a curve's
   * stroke across the whole map costs its edges, not its box.
   */
  private polygon(polygon: Extract<Drawing, { kind: 'polygon' }>, out: Buffer, top: number, rows: number): void {
    const { box } = polygon;
    const left = Math.floor(box.x0);
    const columns = Math.ceil(box.x1) + 1 - left;
    const y0 = Math.max(top, Math.floor(box.y0));
    const y1 = Math.min(top + rows, Math.ceil(box.y1));
    if (columns <= 0 || y0 >= y1 || left >= this.width || left + columns <= 0) return;
    const stride = columns + 2;
    const height = y1 - y0;
    if (this.accumulator.length < stride * height) this.accumulator = new Float32Array(stride * height * 2);
    const acc = this.accumulator;
    const touched: number[][] = Array.from({ length: height }, () => []);
    for (const contour of polygon.contours) accumulateContour(acc, stride, height, contour, -left, -y0, touched);
    const color = polygon.color;
    const pattern = this.pattern(color);
    // Picture columns, in the polygon's own.
    const from = Math.max(0, -left);
    const to = Math.min(columns, this.width - left);
    for (let y = 0; y < height; y++) {
      const spans = touched[y]!;
      if (spans.length === 0) continue;
      spans.sort((a, b) => a - b);
      const row = (y + y0 - top) * this.stride + 1;
      const base = y * stride;
      let sum = 0;
      // The last column summed.
      let done = -1;
      for (const span of spans) {
        const first = Math.floor(span / SPAN_KEY);
        const last = span - first * SPAN_KEY;
        // Between the spans, the coverage the last one left.
        const a = Math.abs(sum);
        const gapFrom = Math.max(done + 1, from);
        const gapTo = Math.min(first, to);
        if (a >= 0.002 && gapFrom < gapTo) {
          if (a >= 0.998) out.fill(pattern, row + (left + gapFrom) * 3, row + (left + gapTo) * 3);
          else for (let c = gapFrom; c < gapTo; c++) blend(out, row + (left + c) * 3, color, a);
        }
        for (let x = Math.max(first, done + 1); x <= last; x++) {
          sum += acc[base + x]!;
          acc[base + x] = 0;
          const here = Math.abs(sum);
          if (here >= 0.002 && x >= from && x < to) blend(out, row + (left + x) * 3, color, Math.min(1, here));
        }
        done = Math.max(done, last);
      }
    }
  }

  private glyphs(text: Extract<Drawing, { kind: 'glyphs' }>, out: Buffer, top: number, rows: number): void {
    const r = (text.color >> 16) & 255;
    const g = (text.color >> 8) & 255;
    const b = text.color & 255;
    const bottom = top + rows;
    const stride = this.stride;
    for (const placed of text.glyphs) {
      const mask = placed.mask;
      const alpha = mask.alpha;
      const mw = mask.width;
      const x = placed.x;
      const y = placed.y;
      const ya = y > top ? y : top;
      const yb = y + mask.height < bottom ? y + mask.height : bottom;
      const xa = x > 0 ? x : 0;
      const xb = x + mw < this.width ? x + mw : this.width;
      const spans = mask.spans;
      for (let py = ya; py < yb; py++) {
        // Only the row's inked columns, within the picture.
        const row = py - y;
        const from = Math.max(xa, x + spans[row * 2]!);
        const to = Math.min(xb, x + spans[row * 2 + 1]!);
        let p = (py - top) * stride + 1 + from * 3;
        let m = row * mw + (from - x);
        for (let px = from; px < to; px++, p += 3, m++) {
          const coverage = alpha[m]!;
          if (coverage === 0) continue;
          if (coverage === 255) {
            out[p] = r;
            out[p + 1] = g;
            out[p + 2] = b;
          } else {
            const a = coverage * (1 / 255);
            const o0 = out[p]!;
            const o1 = out[p + 1]!;
            const o2 = out[p + 2]!;
            out[p] = o0 + (r - o0) * a + 0.5;
            out[p + 1] = o1 + (g - o1) * a + 0.5;
            out[p + 2] = o2 + (b - o2) * a + 0.5;
          }
        }
      }
    }
  }
}

/** Blends a colour over one pixel with coverage `a` (0–1), rounding to the nearest level. */
function blend(out: Buffer, p: number, color: number, a: number): void {
  if (a <= 0) return;
  out[p] = out[p]! + (((color >> 16) & 255) - out[p]!) * a + 0.5;
  out[p + 1] = out[p + 1]! + (((color >> 8) & 255) - out[p + 1]!) * a + 0.5;
  out[p + 2] = out[p + 2]! + ((color & 255) - out[p + 2]!) * a + 0.5;
}
