import type { TextShape } from './layout/shapes.ts';
import { baseline } from './layout/shapes.ts';
import type { FontWeight } from './layout/textWrap.ts';
import { fontFace } from './fonts.ts';

/**
 * Text as glyph outlines, for the PNG export (issue 11). Given `<text>`, resvg shapes every line
 * and turns every glyph into a path while it parses the SVG: 4.7 of the 7.1 s a PNG of the
 * 200-step map took. Here each distinct line is shaped once by fontkit (the OpenType features
 * resvg applies too: kerning, contextual alternates, ligatures) and each glyph's outline is
 * written once as a relative path in font units, so placing a line is concatenating cached
 * strings. The glyphs of a line are one `<path>` in font units, flipped and scaled by its
 * transform: the coordinates stay integers, exact at every scale. Measured and dropped:
 * `<use>` of one `<defs>` outline per glyph (resvg clones every use: 14.7 s to parse the big
 * map), and shaping word by word (Inter kerns across spaces in context: "score: +2" set the
 * "+" 69 units wider than "+2" alone, which moved the rest of the line by a pixel).
 */
export interface OutlinedLine {
  /** The line's glyphs as one `<path>`. */
  svg: string;
  /** Where its ink can be, in map px, with a margin for glyphs that reach past their advance. */
  box: { x: number; y: number; width: number; height: number };
}

interface PlacedLine {
  /** The line's glyph outlines from its pen start, in font units (y up). */
  d: string;
  /** Its width as drawn, with kerning, in font units. */
  advance: number;
}

/** A glyph's first point, and the rest of its outline in relative commands, in font units. */
type Outline = { start: [number, number]; rest: string } | null;

/** Glyph outlines of each weight; at most the font's glyph count, so kept for the process. */
const outlines: Record<FontWeight, Map<number, Outline>> = { regular: new Map(), bold: new Map() };

/**
 * Turns the text shapes of one export into outlines. The lines it has shaped are kept for the
 * export only (a map repeats its lane names, scores and short cells; the process does not keep
 * every line it ever drew).
 */
export class TextOutliner {
  private readonly lines: Record<FontWeight, Map<string, PlacedLine>> = { regular: new Map(), bold: new Map() };

  /**
   * A text shape as filled glyph outlines, placed as resvg placed its `<text>`: one path per
   * non-empty line, so a band of the PNG parses only the lines that reach into it.
   */
  outline(text: TextShape): OutlinedLine[] {
    const k = text.size / fontFace(text.weight).unitsPerEm;
    const lines: OutlinedLine[] = [];
    text.lines.forEach((line, i) => {
      const { d, advance } = this.place(text.weight, line);
      if (d === '') return;
      const width = advance * k;
      const x = text.anchor === 'start' ? text.x : text.anchor === 'middle' ? text.x - width / 2 : text.x - width;
      const y = baseline(text, i);
      // No italic face ships; resvg drew the upright one for `font-style="italic"`, and so do we.
      lines.push({
        svg: `<path transform="matrix(${num(k)} 0 0 ${num(-k)} ${num(x)} ${num(y)})" fill="${text.color}" d="${d}"/>`,
        box: { x: x - text.size, y: y - 2 * text.size, width: width + 2 * text.size, height: 3 * text.size },
      });
    });
    return lines;
  }

  private place(weight: FontWeight, line: string): PlacedLine {
    let placed = this.lines[weight].get(line);
    if (!placed) {
      const run = fontFace(weight).layout(line);
      let d = '';
      let pen = 0;
      run.glyphs.forEach((glyph, i) => {
        const position = run.positions[i]!;
        const shape = outline(weight, glyph.id);
        if (shape) d += `M${round(pen + position.xOffset + shape.start[0])} ${round(position.yOffset + shape.start[1])}${shape.rest}`;
        pen += position.xAdvance;
      });
      placed = { d, advance: pen };
      this.lines[weight].set(line, placed);
    }
    return placed;
  }
}

function outline(weight: FontWeight, glyphId: number): Outline {
  let found = outlines[weight].get(glyphId);
  if (found !== undefined) return found;
  const commands = fontFace(weight).getGlyph(glyphId).path.commands;
  if (commands.length === 0) {
    outlines[weight].set(glyphId, null);
    return null;
  }
  // Relative commands: the outline is the same string wherever the glyph stands. TrueType
  // points are integers; the midpoints fontkit adds between two off-curve points are halves.
  let rest = '';
  let [x, y] = [0, 0];
  let [startX, startY] = [0, 0];
  let start: [number, number] = [0, 0];
  const to = (px: number, py: number) => `${px - x} ${py - y}`;
  commands.forEach(({ command, args }, i) => {
    const a = args as number[];
    switch (command) {
      case 'moveTo':
        if (i === 0) start = [a[0]!, a[1]!];
        else rest += `m${to(a[0]!, a[1]!)}`;
        [x, y] = [a[0]!, a[1]!];
        [startX, startY] = [x, y];
        break;
      case 'lineTo':
        rest += `l${to(a[0]!, a[1]!)}`;
        [x, y] = [a[0]!, a[1]!];
        break;
      case 'quadraticCurveTo':
        rest += `q${to(a[0]!, a[1]!)} ${to(a[2]!, a[3]!)}`;
        [x, y] = [a[2]!, a[3]!];
        break;
      case 'bezierCurveTo':
        rest += `c${to(a[0]!, a[1]!)} ${to(a[2]!, a[3]!)} ${to(a[4]!, a[5]!)}`;
        [x, y] = [a[4]!, a[5]!];
        break;
      case 'closePath':
        rest += 'z';
        [x, y] = [startX, startY];
        break;
    }
  });
  found = { start, rest };
  outlines[weight].set(glyphId, found);
  return found;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function num(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}
