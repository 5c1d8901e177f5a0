import { LABEL_WIDTH, STEP_WIDTH } from './mapLayout.ts';

// The map draws only the step columns in and near its view (issue 14): a 200-step × 12-lane map
// is 200 step heads and 2,400 cells, of which a screen shows about eight columns. Every column
// has the same width, so which columns are in view follows from the scroll position and the zoom
// alone, without measuring anything; the grid keeps its full width (every column is in
// `grid-template-columns`), so the scroll area, the sticky rows and the curve are as before.

/** Columns are added and dropped in blocks of this many, so that scrolling renders now and then, not every frame. */
export const COLUMN_BLOCK = 4;
/** At least this many columns are drawn beyond each edge of the view. */
export const MIN_OVERSCAN = 4;

/** The columns drawn: from `start` up to but not including `end`. */
export interface ColumnRange {
  start: number;
  end: number;
}

export interface MapView {
  /** The scroller's scrollLeft and clientWidth, in screen pixels. */
  scrollLeft: number;
  width: number;
  /** The zoom in force: map pixels times zoom are screen pixels. */
  zoom: number;
}

/**
 * The columns to draw for a view: those it shows, and twice as many again on each side (at least
 * MIN_OVERSCAN), so that scrolling, a Tab to the next step and a jump of a screen find them
 * drawn; rounded out to whole blocks, so that the range changes only every few columns. Twice:
 * with one view's width, a fast wheel (2,400 px/s) on a busy machine scrolled into columns the
 * page had not drawn yet; the compositor scrolls on while the page's script waits (2 of 6 runs
 * of e2e/workshopScale's wheel test beside another browser test, 0 of 6 with twice).
 * `near: false` leaves the columns beyond the view out (the map's first frame: the sooner it is
 * shown, the better; those columns follow once it is painted).
 */
export function columnRange(view: MapView, count: number, near = true): ColumnRange {
  if (count <= 0) return { start: 0, end: 0 };
  const zoom = view.zoom > 0 ? view.zoom : 1;
  const left = view.scrollLeft / zoom - LABEL_WIDTH;
  const right = (view.scrollLeft + Math.max(0, view.width)) / zoom - LABEL_WIDTH;
  const first = Math.floor(left / STEP_WIDTH);
  const last = Math.ceil(right / STEP_WIDTH);
  const overscan = near ? Math.max(MIN_OVERSCAN, 2 * (last - first)) : 0;
  const start = Math.max(0, Math.floor((first - overscan) / COLUMN_BLOCK) * COLUMN_BLOCK);
  const end = Math.min(count, Math.ceil((last + overscan) / COLUMN_BLOCK) * COLUMN_BLOCK);
  if (start < end) return { start, end };
  // A view with no room for a column (not laid out yet, or narrower than the lane names), or
  // scrolled past the end: one block where it is, never the whole map.
  const at = Math.max(0, Math.min(start, count - 1));
  return { start: at, end: Math.min(count, at + COLUMN_BLOCK) };
}

/**
 * The indices of the columns to draw, in column order (the grid places a row's items by their
 * column in document order, so a kept column must not come after a later one): the range, and
 * the columns that must stay whatever the view, such as the step being dragged or edited.
 */
export function drawnColumns(range: ColumnRange, kept: Iterable<number>, count: number): number[] {
  const out: number[] = [];
  for (let i = range.start; i < Math.min(range.end, count); i++) out.push(i);
  const extra = [...new Set(kept)].filter((i) => i >= 0 && i < count && (i < range.start || i >= range.end));
  if (extra.length === 0) return out;
  return [...out, ...extra].sort((a, b) => a - b);
}

/**
 * The column with the focus and the step columns either side of it, with any empty phase column
 * between: Tab and Shift+Tab from a cell go to the next step's cell in the same lane, which must
 * be drawn before the key, also when the focus jumped far from the view (Tab from a lane's last
 * cell to the next lane's first) and the scroll that follows has not drawn the columns there yet.
 */
export function focusNeighbours(focused: number, isStep: (index: number) => boolean, count: number): number[] {
  if (focused < 0 || focused >= count) return [];
  const out = [focused];
  for (const direction of [-1, 1]) {
    for (let i = focused + direction; i >= 0 && i < count; i += direction) {
      out.push(i);
      if (isStep(i)) break;
    }
  }
  return out;
}

export function sameRange(a: ColumnRange, b: ColumnRange): boolean {
  return a.start === b.start && a.end === b.end;
}
