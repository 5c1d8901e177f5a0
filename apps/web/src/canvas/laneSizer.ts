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

/** The texts of a lane most likely to make its tallest cell, tallest first; empty cells left out. */
export function tallestTexts(texts: Iterable<string>, widthOf: WidthOf, count = SIZER_TEXTS): string[] {
  const distinct = new Set([...texts].filter((text) => text.trim() !== ''));
  return highest(distinct, (text) => wrappedLines(text, widthOf), count);
}

/** A step head's title box: the column less the head's padding, the drag handle and the title's padding. */
const STEP_TITLE_WIDTH = STEP_WIDTH - 12 - 18 - 2 - 6;
/** The title's 14 px semi-bold type is about this much wider than a cell's 13.5 px regular. */
const TITLE_TYPE_RATIO = 1.1;
/** About how many px of a head's badge row one badge takes, and the badge row's width and height. */
const BADGE_WIDTH = 62;
const BADGE_ROW = { width: STEP_WIDTH - 12, height: 22 };
const TITLE_LINE_HEIGHT = 18.2;

/** A step head's likely height beyond its fixed parts, in px: its title's lines and its badges' rows. */
export function estimatedHeadHeight(title: string, badges: number, widthOf: WidthOf): number {
  const titleLines = wrappedLines(title, widthOf, STEP_TITLE_WIDTH / TITLE_TYPE_RATIO);
  const badgeRows = Math.ceil((badges * BADGE_WIDTH) / BADGE_ROW.width);
  return titleLines * TITLE_LINE_HEIGHT + badgeRows * BADGE_ROW.height;
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
