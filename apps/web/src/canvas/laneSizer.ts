// A lane is one row of the map's grid, as tall as its tallest item. The map draws only the
// columns near its view (useColumnWindow), so without help a lane would be as tall as its tallest
// cell among those: rows would jump while the map scrolls sideways. Each lane therefore also
// draws, hidden in its end column, the few texts of the whole lane likely to be the tallest; the
// browser lays them out as it lays out a cell and the row takes the tallest (LaneRow). The step
// row does the same with its likeliest tallest heads (StepRowSizer).

import { STEP_WIDTH } from './mapLayout.ts';
import { withSoftHyphens } from './softHyphens.ts';

/** How many of a lane's texts are drawn hidden: the estimate ranks them, the browser decides. */
export const SIZER_TEXTS = 4;
/** A cell's text box: the column less the cell's 1 px left border and 8 px padding either side. */
export const CELL_TEXT_WIDTH = STEP_WIDTH - 1 - 16;
/** The cell text's type (styles.css `.cell__text`). */
const CELL_FONT_SIZE = 13.5;

/** The width in px of a piece of text in a cell's type. */
export type WidthOf = (text: string) => number;

const SOFT_HYPHEN = '\u00ad';

/**
 * How many lines a text takes in a cell, wrapped as the browser wraps it: at spaces and the
 * author's line breaks, inside a long word at the soft hyphens the map puts there (with a
 * hyphen drawn), and anywhere in a piece still wider than the line (`overflow-wrap: anywhere`).
 */
export function wrappedLines(text: string, widthOf: WidthOf, lineWidth = CELL_TEXT_WIDTH): number {
  const space = widthOf(' ');
  const hyphen = widthOf('-');
  let lines = 0;
  for (const paragraph of withSoftHyphens(text).split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(/[ \t]+/)) {
      if (word === '') continue;
      const whole = widthOf(word.replaceAll(SOFT_HYPHEN, ''));
      if (used > 0 && used + space + whole <= lineWidth) {
        used += space + whole;
        continue;
      }
      if (used > 0) lines++;
      used = 0;
      // The word starts a line; its syllables fill lines as far as they go.
      for (const syllable of word.split(SOFT_HYPHEN)) {
        const width = widthOf(syllable);
        if (used + width + hyphen <= lineWidth || (used === 0 && width <= lineWidth)) {
          used += width;
          continue;
        }
        if (used > 0) {
          lines++;
          used = 0;
        }
        // A syllable wider than the line breaks anywhere.
        lines += Math.floor(width / lineWidth);
        used = width % lineWidth;
      }
    }
  }
  return lines;
}

/** A cell's text, and whether the cell shows dots or vote buttons under it (30 px more, styles.css). */
export interface SizedText {
  text: string;
  votes: boolean;
}
/** The 30 px under a text for the dots, in lines of a cell's text. */
const VOTES_LINES = 30 / 18.2;

/** The cells of a lane most likely to be its tallest, tallest first; empty cells left out. */
export function tallestTexts(cells: Iterable<SizedText>, widthOf: WidthOf, count = SIZER_TEXTS): SizedText[] {
  const distinct = new Map<string, SizedText>();
  for (const cell of cells) if (cell.text.trim() !== '') distinct.set(`${cell.votes ? 1 : 0}${cell.text}`, cell);
  return highest(distinct.values(), (cell) => wrappedLines(cell.text, widthOf) + (cell.votes ? VOTES_LINES : 0), count);
}

/** A step head's title box: the column less the head's padding, the drag handle and the title's padding. */
const STEP_TITLE_WIDTH = STEP_WIDTH - 12 - 18 - 2 - 6;
/** The title's 14 px semi-bold type is about this much wider than a cell's 13.5 px regular. */
const TITLE_TYPE_RATIO = 1.1;
const TITLE_LINE_HEIGHT = 18.2;
/** A badge: 12 px type (12/13.5 of a cell's), 7 px padding either side, 3 px apart, in rows of the head's width. */
const BADGE = { typeRatio: 12 / 13.5, padding: 14, gap: 3, rowWidth: STEP_WIDTH - 12, rowHeight: 22 };

/** How many rows a head's badges take, packed as the browser wraps them. */
export function badgeRows(badges: readonly string[], widthOf: WidthOf): number {
  let rows = 0;
  let used = 0;
  for (const badge of badges) {
    const width = Math.min(BADGE.rowWidth, widthOf(badge) * BADGE.typeRatio + BADGE.padding);
    if (rows > 0 && used + BADGE.gap + width <= BADGE.rowWidth) {
      used += BADGE.gap + width;
      continue;
    }
    rows++;
    used = width;
  }
  return rows;
}

/** A step head's likely height beyond its fixed parts, in px: its title's lines and its badges' rows. */
export function estimatedHeadHeight(title: string, badges: readonly string[], widthOf: WidthOf): number {
  const titleLines = wrappedLines(title, widthOf, STEP_TITLE_WIDTH / TITLE_TYPE_RATIO);
  return titleLines * TITLE_LINE_HEIGHT + badgeRows(badges, widthOf) * BADGE.rowHeight;
}

/** The `count` items of highest estimate, highest first. */
export function highest<T>(items: Iterable<T>, estimate: (item: T) => number, count = SIZER_TEXTS): T[] {
  const ranked: { item: T; value: number }[] = [];
  for (const item of items) {
    const value = estimate(item);
    if (ranked.length === count && value <= ranked[count - 1]!.value) continue;
    ranked.push({ item, value });
    ranked.sort((a, b) => b.value - a.value);
    if (ranked.length > count) ranked.pop();
  }
  return ranked.map((r) => r.item);
}

let cellWidthOf: WidthOf | null = null;

/**
 * Text widths in the cells' own type, measured on a canvas with the page's font and kept per
 * piece of text (a map repeats its words). Where there is no canvas, 0.52 em a letter.
 */
export function cellTextWidth(): WidthOf {
  if (cellWidthOf) return cellWidthOf;
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  const widths = new Map<string, number>();
  if (context) context.font = `${CELL_FONT_SIZE}px ${getComputedStyle(document.body).fontFamily}`;
  cellWidthOf = (text) => {
    let width = widths.get(text);
    if (width === undefined) {
      width = context ? context.measureText(text).width : text.length * CELL_FONT_SIZE * 0.52;
      if (widths.size > 50_000) widths.clear();
      widths.set(text, width);
    }
    return width;
  };
  return cellWidthOf;
}
