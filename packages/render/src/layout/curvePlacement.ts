// Where the curve's words go (issue 14): the peak, end and trough markers and the legend, placed
// clear of the dots, diamonds, waits, figures and of each other, as a chart places its legend.
// layoutCurve (curveLayout.ts) draws the curve and asks here where its labels fit.

/** The designed dot's radius; the editor's slider is drawn around it. */
export const DOT_RADIUS = 9;
/** A peak, end or trough marker's height. */
export const MARKER_HEIGHT = 18;
/**
 * Room kept between the legend and the data, so that its circle and diamond are not read as a
 * step's (the audit's map had the legend's diamond just above the last step's).
 */
export const LEGEND_CLEARANCE = 6;

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export function around(x: number, y: number, r: number): Box {
  return { x1: x - r, y1: y - r, x2: x + r, y2: y + r };
}

/**
 * Boxes on the curve, filed by the step columns they reach: a 200-step curve has a thousand,
 * and a place for the legend or a marker is tried against those of its own few columns only.
 */
export class Obstacles {
  readonly boxes: Box[] = [];
  private readonly byColumn = new Map<number, Box[]>();
  private readonly left: number;
  private readonly columnWidth: number;

  constructor(left: number, columnWidth: number) {
    this.left = left;
    this.columnWidth = columnWidth;
  }

  /** The same boxes, to place things on without changing these. */
  copy(): Obstacles {
    const copy = new Obstacles(this.left, this.columnWidth);
    for (const box of this.boxes) copy.add(box);
    return copy;
  }

  add(box: Box): void {
    this.boxes.push(box);
    for (let column = this.column(box.x1); column <= this.column(box.x2); column++) {
      const filed = this.byColumn.get(column);
      if (filed) filed.push(box);
      else this.byColumn.set(column, [box]);
    }
  }

  /** Whether a box comes nearer than `clearance` to one of them (touching is not covering). */
  hits(box: Box, clearance = 0): boolean {
    for (let column = this.column(box.x1 - clearance); column <= this.column(box.x2 + clearance); column++) {
      for (const other of this.byColumn.get(column) ?? []) {
        if (other.x1 < box.x2 + clearance && other.x2 > box.x1 - clearance && other.y1 < box.y2 + clearance && other.y2 > box.y1 - clearance) return true;
      }
    }
    return false;
  }

  /** Those in the columns a box reaches (some of them beside it). */
  within(box: Box): Box[] {
    const found = new Set<Box>();
    for (let column = this.column(box.x1); column <= this.column(box.x2); column++) for (const other of this.byColumn.get(column) ?? []) found.add(other);
    return [...found];
  }

  /** How much of a box they cover, in px², to choose the least bad place where none is clear. */
  covered(box: Box): number {
    let area = 0;
    for (const other of this.within(box)) {
      const w = Math.min(box.x2, other.x2) - Math.max(box.x1, other.x1);
      const h = Math.min(box.y2, other.y2) - Math.max(box.y1, other.y1);
      if (w > 0 && h > 0) area += w * h;
    }
    return area;
  }

  private column(x: number): number {
    return Math.floor((x - this.left) / this.columnWidth);
  }
}

/**
 * Where a peak, end or trough marker goes: on its side of the dot (the trough below, the others
 * above), else beside it, else on the other side, as near the dot as is clear: the places tried
 * are the usual ones and those touching the curve's edges and the things drawn near the dot.
 * The nearest clear of everything drawn; else clear of all but a wait's band or a gap's line (the
 * pill hides a little of it); else the one covering least. Always inside the curve where it fits.
 */
export function placeMarker(point: { x: number; y: number }, width: number, above: boolean, area: Box, taken: Obstacles, connectors: Obstacles): { x: number; y: number; level: number } {
  const height = MARKER_HEIGHT;
  // Its usual place, straight over (or under) the dot, where most markers go: looked at first, so
  // that the search below runs only where something is in the way.
  const usual = { x1: point.x - width / 2, y1: above ? point.y - 14 - height : point.y + 14, x2: point.x + width / 2, y2: (above ? point.y - 14 - height : point.y + 14) + height };
  const inArea = (box: Box) => box.x1 >= area.x1 - 0.01 && box.x2 <= area.x2 + 0.01 && box.y1 >= area.y1 + 1 - 0.01 && box.y2 <= area.y2 - 1 + 0.01;
  if (inArea(usual) && !taken.hits(usual) && !connectors.hits(usual)) return { x: usual.x1, y: usual.y1, level: 0 };
  const around = { x1: point.x - width - 60, y1: area.y1, x2: point.x + width + 60, y2: area.y2 };
  const near = [...taken.within(around), ...connectors.within(around)];
  // Beside it 15 px from its centre: clear of a wait's band through the dot (13 px each side).
  const xs = new Set([point.x - width / 2, point.x - 10, point.x + 10 - width, point.x + 15, point.x - 15 - width, area.x1, area.x2 - width]);
  const ys = new Set([point.y - 14 - height, point.y + 14, point.y - height / 2, area.y1 + 1, area.y2 - 1 - height, area.y1, area.y2 - height]);
  for (const box of near) {
    [box.x2 + 2, box.x1 - 2 - width].forEach((x) => xs.add(x));
    [box.y2 + 2, box.y1 - 2 - height].forEach((y) => ys.add(y));
  }
  // The cost: how far the pill is from the dot's centre, plus 6 px beside it and 14 px on the
  // other side, so that at an equal distance its own side comes first, then beside, then the
  // other; a tenth of its shift off centre breaks a tie for the place straight over the dot.
  const places: { x: number; y: number; cost: number; box: Box }[] = [];
  for (const x of xs) {
    if (x < area.x1 - 0.01 || x + width > area.x2 + 0.01) continue;
    for (const y of ys) {
      if (y < area.y1 - 0.01 || y + height > area.y2 + 0.01) continue;
      const box = { x1: x, y1: y, x2: x + width, y2: y + height };
      const dx = Math.max(box.x1 - point.x, 0, point.x - box.x2);
      const dy = Math.max(box.y1 - point.y, 0, point.y - box.y2);
      // No nearer than 13 px (the usual places are 14 above or below, 15 beside): closer, it crowds the dot.
      if (Math.hypot(dx, dy) < 13) continue;
      // Above or below only when clear of the dot's height; a pill level with any of it is beside it.
      const side = box.y2 <= point.y - DOT_RADIUS ? (above ? 0 : 14) : box.y1 >= point.y + DOT_RADIUS ? (above ? 14 : 0) : 6;
      // Against the curve's top or bottom edge it looks cut off: only where a px of room is too much.
      const edge = y < area.y1 + 1 - 0.01 || y + height > area.y2 - 1 + 0.01 ? 10 : 0;
      places.push({ x, y, box, cost: Math.hypot(dx, dy) + side + edge + Math.abs(x + width / 2 - point.x) / 10 });
    }
  }
  places.sort((a, b) => a.cost - b.cost || a.y - b.y || a.x - b.x);
  const clear = places.find((p) => !taken.hits(p.box) && !connectors.hits(p.box));
  if (clear) return { x: clear.x, y: clear.y, level: 0 };
  const overConnector = places.find((p) => !taken.hits(p.box));
  if (overConnector) return { x: overConnector.x, y: overConnector.y, level: 1 };
  // A pill wider than the whole curve (one step, a long word) starts at its left edge.
  const least = leastCovered(places, taken, connectors) ?? { x: area.x1, y: Math.max(area.y1, Math.min(point.y - height / 2, area.y2 - height)) };
  return { x: least.x, y: least.y, level: 2 };
}

/**
 * Where the legend goes, as a charting tool places one: as near the top or bottom edge as it
 * fits, the top right first, then the top left, then along the edge from the right; in a row, or
 * stacked where only that fits. Tried in passes that each give up a little: clear of everything
 * drawn and of the curves' lines, LEGEND_CLEARANCE away (so its marks are not read as data); then
 * over a line, on its backing; then nearer the rest, and smaller. Every place where it could be
 * clear is tried: a clear box slides left and up until it meets the curve's edge or something
 * drawn, so those edges' x's and y's are all the places there are. Null where none is clear (a
 * crowded curve of one step): a legend over a dot or a diamond is read as data, worse than none.
 */
export function placeLegend(forms: readonly { width: number; height: number }[], area: Box, columnWidth: number, taken: Obstacles, connectors: Obstacles, lines: Obstacles): { x: number; y: number; form: number; pass: number } | null {
  // 8 px from the curve's ends, as the score levels' names are beside it in the map; 2 px where
  // nothing else fits. The smallest form only where the others find no place.
  const all = forms.map((_, form) => form);
  const full = all.slice(0, -1);
  const passes = [
    { clearance: LEGEND_CLEARANCE, inset: 8, forms: full, avoid: [taken, connectors, lines] },
    { clearance: LEGEND_CLEARANCE, inset: 8, forms: full, avoid: [taken, connectors] },
    { clearance: 1, inset: 2, forms: all, avoid: [taken, connectors] },
  ];
  // On a long curve, within four columns of either end first, where a reader looks for a key
  // (and a 200-step curve is not searched end to end on every edit); then anywhere.
  const ends = 4 * columnWidth;
  const reaches = area.x2 - area.x1 > 2 * ends ? [ends, Infinity] : [Infinity];
  for (const [pass, { clearance, inset, forms: tried, avoid }] of passes.entries()) {
    for (const reach of reaches) {
      const windows = reach === Infinity ? [area] : [{ ...area, x2: area.x1 + reach }, { ...area, x1: area.x2 - reach }];
      const boxes = avoid.flatMap((obstacles) => (reach === Infinity ? obstacles.boxes : windows.flatMap((w) => obstacles.within(w))));
      // Each height it could sit at, nearest the top or bottom edge first: a clear box slides up
      // until it meets the top or something drawn, so those are all the heights there are.
      const levels: { form: number; y: number; edge: number }[] = [];
      for (const form of tried) {
        const { height } = forms[form]!;
        const ys = new Set([area.y1, area.y2 - height, ...boxes.flatMap((box) => [box.y2 + clearance, box.y1 - clearance - height])]);
        for (const y of ys) if (y >= area.y1 && y + height <= area.y2) levels.push({ form, y, edge: Math.min(y - area.y1, area.y2 - height - y) });
      }
      levels.sort((a, b) => a.edge - b.edge || a.form - b.form || a.y - b.y);
      for (const { form, y } of levels) {
        const { width, height } = forms[form]!;
        // Where its left edge may go at this height: the curve (8 px in, within reach of an end)
        // less, for each thing drawn beside it, the stretch from which it would come nearer than `clearance`.
        const ranges = windows.map((w): [number, number] => [Math.max(area.x1 + inset, w.x1), Math.min(area.x2 - inset, w.x2) - width]);
        const blocked = boxes.filter((box) => box.y1 < y + height + clearance && box.y2 > y - clearance).map((box): [number, number] => [box.x1 - clearance - width, box.x2 + clearance]);
        const open = openings(ranges, blocked);
        if (open.length === 0) continue;
        // The right edge, else the left edge, else the rightmost place.
        const right = area.x2 - inset - width;
        const left = area.x1 + inset;
        const x = open.some(([a, b]) => a <= right + 0.01 && right <= b + 0.01) ? right : open.some(([a, b]) => a <= left + 0.01 && left <= b + 0.01) ? left : Math.max(...open.map(([, b]) => b));
        return { x, y, form, pass };
      }
    }
  }
  return null;
}

/** What is left of closed ranges once open stretches are taken out of them, as closed ranges (touching a stretch is allowed). */
function openings(ranges: readonly [number, number][], stretches: [number, number][]): [number, number][] {
  stretches.sort((a, b) => a[0] - b[0]);
  const left: [number, number][] = [];
  for (const [from, to] of ranges) {
    let start = from;
    for (const [a, b] of stretches) {
      if (start > to) break;
      if (b <= start) continue;
      if (a >= to) break;
      if (a >= start) left.push([start, a]);
      start = Math.max(start, b);
    }
    if (start <= to) left.push([start, to]);
  }
  return left;
}

/** The place covering least of the things drawn, a px² of a dot or a word weighing as ten of a band or a line. */
function leastCovered<T extends { box: Box }>(places: readonly T[], taken: Obstacles, connectors: Obstacles): T | undefined {
  let best: T | undefined;
  let bestArea = Infinity;
  for (const place of places) {
    const area = 10 * taken.covered(place.box) + connectors.covered(place.box);
    if (area < bestArea) [best, bestArea] = [place, area];
  }
  return best;
}
