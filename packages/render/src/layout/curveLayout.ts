import { curveMonotoneX, line } from 'd3-shape';
import { scoreColor } from '@klantreis/schema';
import type { Shape, TextShape } from './shapes.ts';
import type { FontWeight, TextMeasure } from './textWrap.ts';

// The emotion curve as one layout for every picture of it: the editor draws these shapes under
// its sliders and clickable columns, the shared view and presentation through layoutMap, and the
// SVG, PNG and PDF exports the same list. A look decided here is the look everywhere; the looks
// are the editor's (issue 14: measured diamonds on the designed curve's colour scale, a legend).

/** Space above +2 and below −2, so a dot and its marker fit inside the curve. */
export const CURVE_PADDING = 22;

const DESIGNED = '#37474f';
const DOT_STROKE = '#263238';
const UNSCORED = '#90a4ae';
const TO_BE = '#5e35b1';
const MEASURED = '#d84315';
const GAP = '#b71c1c';
const FIGURES = '#8c2a0b';
const WAIT_FILL = '#fdf3dc';
const WAIT_EDGE = '#b0862f';
const WAIT_HATCH = '#e3b75b';
const WAIT_TEXT = '#6d4c10';
const MARKER = '#263238';
const MARKER_TROUGH = '#8a1c14';
const LEGEND_TEXT = '#37474f';
const PAPER = '#ffffff';

/** The designed dot's radius; the editor's slider is drawn around it. */
export const DOT_RADIUS = 9;
/** A measured score at least this far from the designed one is marked as a gap. */
export const SCORE_GAP = 1;
/** The width of a wait's gap on the curve. */
const WAIT_WIDTH = 26;
const MARKER_HEIGHT = 18;

export type WaitMoment = 'before' | 'during' | 'after';

/** What the curve knows of a measured step: the editor and the exports give it the same (measuredFigures.ts). */
export interface CurveMeasured {
  /** Mean survey score on the −2..+2 axis, or null without answers. */
  score: number | null;
  /** The figures under the step, such as "↘ 12% · 3 min" (drop-off, p90 wait), already in words. */
  figures?: string | null;
  /** The measured p90 wait is longer than the designed wait: a "!" beside the step. */
  waitExceeded?: boolean;
}

export interface CurveStep {
  id: string;
  score: number | null;
  /** The step's own target; the to-be curve keeps the as-is score where there is none. */
  targetScore: number | null;
  /** Where the customer waits, with its duration in words ("2 d"). */
  wait: { moment: WaitMoment; text: string } | null;
  /** Null when nothing was measured for the step. */
  measured: CurveMeasured | null;
}

export interface CurveInput {
  /** One entry a column, in map order; null for a phase's empty column. */
  columns: readonly (CurveStep | null)[];
  peakStepId: string | null;
  troughStepId: string | null;
  endStepId: string | null;
  /** The words the curve shows, in the reader's language. */
  labels: { designed: string; toBe: string; measured: string; peak: string; trough: string; end: string };
  measure: TextMeasure;
}

/** Where the curve sits: the top-left corner of its first column, in px. */
export interface CurveFrame {
  x: number;
  y: number;
  columnWidth: number;
  height: number;
}

/**
 * A group of shapes that are one thing on the curve, so the editor can name it (a wait's
 * words, a measured step's figures) and tests can find it; the exports draw the shapes only.
 */
export interface CurveItem {
  /** The layer, in drawing order: grid, waits, to-be, measured, designed, markers, points, legend. */
  layer: CurveLayer;
  part: 'grid' | 'wait' | 'to-be-line' | 'target' | 'measured-line' | 'measured-step' | 'designed-line' | 'marker' | 'point' | 'unscored' | 'legend';
  stepId?: string;
  /** A target's or measured step's score. */
  value?: number | null;
  moment?: WaitMoment;
  /** Which marks a marker carries: "peak", "end", "peak end", "trough". */
  marker?: string;
  shapes: Shape[];
}

export type CurveLayer = 'grid' | 'waits' | 'to-be' | 'measured' | 'designed' | 'markers' | 'points' | 'legend';

export interface CurvePoint {
  column: number;
  stepId: string;
  x: number;
  y: number;
  score: number;
}

export interface CurveLayout {
  items: CurveItem[];
  /** Every item's shapes, in drawing order. */
  shapes: Shape[];
  width: number;
  /** The designed curve's points (scored steps only). */
  points: CurvePoint[];
  yForScore(score: number): number;
  /** The score level nearest to a y position, for a click on the curve. */
  scoreAtY(y: number): number;
  columnCentre(column: number): number;
}

/**
 * Lays out the emotion curve in `frame`: score grid, waits as hatched gaps, the to-be curve
 * (dashed, rings on targets), the measured curve (dotted, diamonds in the score's colour, gaps to
 * the design marked), the designed curve with its dots, the peak-end markers and a legend once
 * there is more than the designed curve. Pure: the same input and frame give the same shapes.
 */
export function layoutCurve(input: CurveInput, frame: CurveFrame): CurveLayout {
  const { columns, measure, labels } = input;
  const width = columns.length * frame.columnWidth;
  const top = frame.y;
  const bottom = frame.y + frame.height;
  const yForScore = (score: number) => top + CURVE_PADDING + ((2 - score) / 4) * (frame.height - 2 * CURVE_PADDING);
  // `+ 0` turns a rounded −0 into 0: a score is stored, and −0 is not a level on the scale.
  const scoreAtY = (y: number) => Math.max(-2, Math.min(2, Math.round(2 - ((y - top - CURVE_PADDING) / (frame.height - 2 * CURVE_PADDING)) * 4))) + 0;
  const columnCentre = (i: number) => frame.x + i * frame.columnWidth + frame.columnWidth / 2;
  const text = (t: { x: number; baseline: number; value: string; size: number; weight: FontWeight; color: string; anchor: TextShape['anchor']; part?: string }): TextShape => {
    const lineHeight = Math.round(t.size * 1.3 * 10) / 10;
    // The model's y is the top of the line: from the baseline back by the half leading and Inter's ascent.
    const y = t.baseline - ((lineHeight - t.size) / 2 + t.size * 0.969);
    return { kind: 'text', x: t.x, y: round(y), lines: [t.value], size: t.size, weight: t.weight, color: t.color, lineHeight, anchor: t.anchor, ...(t.part ? { part: t.part } : {}) };
  };
  const items: CurveItem[] = [];
  // What the legend must not cover: dots, rings, diamonds, markers and the figures under a step.
  const taken: Box[] = [];
  const steps = columns.flatMap((step, column) => (step ? [{ step, column, x: columnCentre(column) }] : []));
  // A measured step's figures under it: as large as fits its column (a long wait, "↘ 100% · 4
  // dagen, 12 uur", gets a smaller size rather than running into the next column's figures).
  const figures = new Map<string, { size: number; box: Box }>();
  // The waits' hatched bands, so figures drawn across one get a backing.
  const bands: { x: number; width: number }[] = [];
  for (const { step, x } of steps) {
    const value = step.measured?.figures;
    if (!value) continue;
    const size = [11, 10, 9].find((candidate) => measure.width(value, candidate, 'bold') <= frame.columnWidth - 8) ?? 9;
    const half = measure.width(value, size, 'bold') / 2;
    figures.set(step.id, { size, box: { x1: x - half, y1: bottom - 16, x2: x + half, y2: bottom } });
  }

  // The score grid: a line per level, the zero line dashed.
  items.push({
    layer: 'grid',
    part: 'grid',
    shapes: [2, 1, 0, -1, -2].map((score): Shape => ({
      kind: 'line',
      x1: frame.x,
      y1: yForScore(score),
      x2: frame.x + width,
      y2: yForScore(score),
      stroke: score === 0 ? '#c5d0d6' : '#edf1f3',
      strokeWidth: 1,
      ...(score === 0 ? { dash: [4, 4] } : {}),
    })),
  });

  // Waits, where the customer waits: between the step and the one before (before), in its
  // middle (during) or between it and the next (after); kept inside the curve at its ends.
  const waitEdge = (moment: 'before' | 'during' | 'after', column: number) => frame.x + (moment === 'before' ? column : moment === 'after' ? column + 1 : column + 0.5) * frame.columnWidth;
  // A step's wait after it and the next step's wait before it meet at one boundary: there the
  // first goes to the boundary's left and the second to its right, each with its duration on its
  // side, instead of one drawn over the other.
  const waitsAt = new Map<number, number>();
  for (const { step, column } of steps) {
    if (step.wait) waitsAt.set(waitEdge(step.wait.moment, column), (waitsAt.get(waitEdge(step.wait.moment, column)) ?? 0) + 1);
  }
  for (const { step, column } of steps) {
    if (!step.wait) continue;
    const { moment } = step.wait;
    const edge = waitEdge(moment, column);
    const side = (waitsAt.get(edge) ?? 0) > 1 ? (moment === 'after' ? -1 : 1) : 0;
    const left = Math.max(frame.x, Math.min(edge - WAIT_WIDTH / 2 + side * (WAIT_WIDTH / 2 + 1), frame.x + width - WAIT_WIDTH));
    const band = { x: left, y: top + 4, width: WAIT_WIDTH, height: frame.height - 8 };
    bands.push(band);
    const labelWidth = measure.width(step.wait.text, 12, 'bold') + 6;
    // The duration under the band (beside the boundary when two waits share it), whole inside the curve at its ends.
    const labelCentre = side === 0 ? left + WAIT_WIDTH / 2 : edge + side * (labelWidth / 2 + 1);
    const labelX = Math.max(frame.x + labelWidth / 2, Math.min(labelCentre, frame.x + width - labelWidth / 2));
    // Raised above a measured step's figures where it would cover them.
    const onFigures = [...figures.values()].some(({ box }) => box.x1 < labelX + labelWidth / 2 && box.x2 > labelX - labelWidth / 2);
    const labelTop = onFigures ? bottom - 35 : bottom - 24;
    taken.push({ x1: labelX - labelWidth / 2, y1: labelTop, x2: labelX + labelWidth / 2, y2: labelTop + 17 });
    items.push({
      layer: 'waits',
      part: 'wait',
      stepId: step.id,
      moment,
      shapes: [
        { kind: 'rect', ...band, radius: 4, fill: WAIT_FILL, stroke: WAIT_EDGE, strokeWidth: 1, dash: [3, 3], part: 'wait-band' },
        ...hatch(band, 1.5).map((l): Shape => ({ kind: 'line', ...l, stroke: WAIT_HATCH, strokeWidth: 2 })),
        { kind: 'rect', x: labelX - labelWidth / 2, y: labelTop, width: labelWidth, height: 17, radius: 3, fill: PAPER },
        text({ x: labelX, baseline: labelTop + 13, value: step.wait.text, size: 12, weight: 'bold', color: WAIT_TEXT, anchor: 'middle' }),
      ],
    });
  }

  // The to-be curve: each step at its target, or at its as-is score when it has none; drawn
  // once a step has a target, with a ring on each target.
  if (steps.some(({ step }) => step.targetScore !== null)) {
    const toBe = steps.flatMap(({ step, x }) => {
      const score = step.targetScore ?? step.score;
      return score === null ? [] : [{ x, y: yForScore(score) }];
    });
    items.push({ layer: 'to-be', part: 'to-be-line', shapes: toBe.length > 1 ? [{ kind: 'path', d: curvePath(toBe), stroke: TO_BE, strokeWidth: 2.2, dash: [7, 5] }] : [] });
    for (const { step, x } of steps) {
      if (step.targetScore === null) continue;
      taken.push(around(x, yForScore(step.targetScore), 7));
      items.push({ layer: 'to-be', part: 'target', stepId: step.id, value: step.targetScore, shapes: [{ kind: 'circle', cx: x, cy: yForScore(step.targetScore), r: 6, fill: PAPER, stroke: TO_BE, strokeWidth: 2 }] });
    }
  }

  // The measured curve: dotted through the measured scores, a diamond in the score's colour on
  // the designed curve's scale, a gap to the design outlined in red with a line to the designed dot.
  const measuredSteps = steps.filter(({ step }) => step.measured !== null);
  if (measuredSteps.length > 0) {
    const line = measuredSteps.flatMap(({ step, x }) => (step.measured!.score === null ? [] : [{ x, y: yForScore(clampScore(step.measured!.score)) }]));
    items.push({ layer: 'measured', part: 'measured-line', shapes: line.length > 1 ? [{ kind: 'path', d: curvePath(line), stroke: MEASURED, strokeWidth: 2.4, dash: [2, 5] }] : [] });
    for (const { step, x } of measuredSteps) {
      const measured = step.measured!;
      const shapes: Shape[] = [];
      const score = measured.score === null ? null : clampScore(measured.score);
      const gap = score !== null && step.score !== null && Math.abs(score - step.score) >= SCORE_GAP;
      if (gap) taken.push({ x1: x + 12, y1: Math.min(yForScore(step.score!), yForScore(score)), x2: x + 16, y2: Math.max(yForScore(step.score!), yForScore(score)) });
      if (gap) shapes.push({ kind: 'line', x1: x + 14, y1: yForScore(step.score!), x2: x + 14, y2: yForScore(score), stroke: GAP, strokeWidth: 2, dash: [3, 2], part: 'score-gap' });
      if (score !== null) taken.push(around(x, yForScore(score), 10));
      if (score !== null) shapes.push({ kind: 'path', d: diamond(x, yForScore(score), 8.49), fill: scoreColor(score), stroke: gap ? GAP : DOT_STROKE, strokeWidth: gap ? 2.8 : 1.6, part: 'measured-point' });
      const placed = figures.get(step.id);
      if (placed) taken.push(placed.box);
      if (placed && measured.figures) {
        const { box } = placed;
        if (bands.some((band) => band.x < box.x2 + 2 && band.x + band.width > box.x1 - 2)) {
          shapes.push({ kind: 'rect', x: round(box.x1 - 3), y: bottom - 16, width: round(box.x2 - box.x1 + 6), height: 15, radius: 3, fill: PAPER });
        }
        shapes.push(text({ x, baseline: bottom - 5, value: measured.figures, size: placed.size, weight: 'bold', color: FIGURES, anchor: 'middle' }));
      }
      if (measured.waitExceeded) {
        taken.push(around(x + 30, top + 12, 9));
        shapes.push({ kind: 'circle', cx: x + 30, cy: top + 12, r: 9, fill: GAP, part: 'wait-exceeded' });
        shapes.push(text({ x: x + 30, baseline: top + 16.5, value: '!', size: 12, weight: 'bold', color: PAPER, anchor: 'middle' }));
      }
      items.push({ layer: 'measured', part: 'measured-step', stepId: step.id, value: measured.score, shapes });
    }
  }

  // The designed curve through the scored steps; an unscored step is skipped, not drawn at zero.
  const points: CurvePoint[] = steps.flatMap(({ step, column, x }) => (step.score === null ? [] : [{ column, stepId: step.id, x, y: yForScore(step.score), score: step.score }]));
  items.push({ layer: 'designed', part: 'designed-line', shapes: points.length > 1 ? [{ kind: 'path', d: curvePath(points), stroke: DESIGNED, strokeWidth: 2.5, part: 'designed-line' }] : [] });

  // Peak and end above their dot, the trough below; beside it at +2 or −2, or where a measured
  // diamond or a target ring would be under it.
  const marks: { stepId: string; above: boolean; value: string; marker: string }[] = [];
  const { peakStepId, troughStepId, endStepId } = input;
  if (peakStepId && peakStepId === endStepId) marks.push({ stepId: peakStepId, above: true, value: `${labels.peak} · ${labels.end}`, marker: 'peak end' });
  else {
    if (peakStepId) marks.push({ stepId: peakStepId, above: true, value: labels.peak, marker: 'peak' });
    if (endStepId) marks.push({ stepId: endStepId, above: true, value: labels.end, marker: 'end' });
  }
  if (troughStepId && troughStepId !== peakStepId) marks.push({ stepId: troughStepId, above: false, value: labels.trough, marker: 'trough' });
  for (const mark of marks) {
    const point = points.find((p) => p.stepId === mark.stepId);
    if (!point) continue;
    const pillWidth = round(measure.width(mark.value, 11, 'bold') + 12);
    // Where it would go, in order: its side of the dot, then beside it (right, left), then the
    // other side; inside the curve, and not over a ring, a diamond or a marker drawn before.
    const beside = point.y - MARKER_HEIGHT / 2;
    const candidates = [
      { x: point.x - pillWidth / 2, y: mark.above ? point.y - 14 - MARKER_HEIGHT : point.y + 14 },
      { x: point.x + 13, y: beside },
      { x: point.x - 13 - pillWidth, y: beside },
      { x: point.x - pillWidth / 2, y: mark.above ? point.y + 14 : point.y - 14 - MARKER_HEIGHT },
    ].filter((c) => c.y >= top + 1 && c.y + MARKER_HEIGHT <= bottom - 1 && c.x >= frame.x && c.x + pillWidth <= frame.x + width);
    const clear = candidates.find((c) => !taken.some((b) => b.x1 < c.x + pillWidth && b.x2 > c.x && b.y1 < c.y + MARKER_HEIGHT && b.y2 > c.y));
    const { x, y } = clear ?? candidates[0] ?? { x: point.x - pillWidth / 2, y: beside };
    taken.push({ x1: x, y1: y, x2: x + pillWidth, y2: y + MARKER_HEIGHT });
    items.push({
      layer: 'markers',
      part: 'marker',
      stepId: mark.stepId,
      marker: mark.marker,
      shapes: [
        { kind: 'rect', x, y, width: pillWidth, height: MARKER_HEIGHT, radius: 9, fill: mark.marker === 'trough' ? MARKER_TROUGH : MARKER },
        text({ x: x + pillWidth / 2, baseline: y + 13, value: mark.value, size: 11, weight: 'bold', color: PAPER, anchor: 'middle' }),
      ],
    });
  }

  // The dots: the score's colour; an unscored step an empty dashed ring at zero.
  for (const { step, x } of steps) {
    taken.push(around(x, yForScore(step.score ?? 0), DOT_RADIUS + 1));
    if (step.score === null) items.push({ layer: 'points', part: 'unscored', stepId: step.id, shapes: [{ kind: 'circle', cx: x, cy: yForScore(0), r: 7, fill: PAPER, stroke: UNSCORED, strokeWidth: 1.5, dash: [3, 2] }] });
    else items.push({ layer: 'points', part: 'point', stepId: step.id, value: step.score, shapes: [{ kind: 'circle', cx: x, cy: yForScore(step.score), r: DOT_RADIUS, fill: scoreColor(step.score), stroke: DOT_STROKE, strokeWidth: 1.2 }] });
  }

  // A legend at the top right once there is more than the designed curve: each curve's line
  // with its mark (circle, ring, diamond) and name.
  const legend = [
    { label: labels.designed, show: true, stroke: DESIGNED, dash: undefined, mark: (cx: number, cy: number): Shape => ({ kind: 'circle', cx, cy, r: 4.5, fill: scoreColor(1), stroke: DOT_STROKE, strokeWidth: 1.2 }) },
    { label: labels.toBe, show: items.some((i) => i.part === 'to-be-line'), stroke: TO_BE, dash: [7, 5], mark: (cx: number, cy: number): Shape => ({ kind: 'circle', cx, cy, r: 4, fill: PAPER, stroke: TO_BE, strokeWidth: 2 }) },
    { label: labels.measured, show: measuredSteps.length > 0, stroke: MEASURED, dash: [2, 5], mark: (cx: number, cy: number): Shape => ({ kind: 'path', d: diamond(cx, cy, 7.07), fill: scoreColor(1), stroke: DOT_STROKE, strokeWidth: 1.2 }) },
  ].filter((entry) => entry.show);
  if (legend.length > 1) {
    const entryWidth = (label: string) => 27 + measure.width(label, 11, 'bold');
    const total = legend.reduce((sum, entry) => sum + entryWidth(entry.label), 0) + 14 * (legend.length - 1);
    // At the top right, unless a dot, marker or wait is there: then the top left, the bottom
    // right or the bottom left, then along the top and the bottom edge, the first place free of
    // all of them; else the first corner free of dots and markers (a wait's band is only
    // hatching); else the top right.
    const corners = [
      { x: frame.x + width - 12 - total, y: top },
      { x: frame.x + 12, y: top },
      { x: frame.x + width - 12 - total, y: bottom - 17 },
      { x: frame.x + 12, y: bottom - 17 },
    ];
    const along = [top, bottom - 17].flatMap((y) => {
      const places: { x: number; y: number }[] = [];
      for (let x = frame.x + width - 12 - total - frame.columnWidth / 2; x > frame.x + 12; x -= frame.columnWidth / 2) places.push({ x, y });
      return places;
    });
    const covers = (corner: { x: number; y: number }, box: Box) => box.x1 < corner.x + total + 4 && box.x2 > corner.x - 4 && box.y1 < corner.y + 17 && box.y2 > corner.y;
    const waitBoxes = bands.map((band): Box => ({ x1: band.x, y1: top, x2: band.x + band.width, y2: bottom }));
    const clearOfAll = [...corners, ...along].find((place) => !taken.some((box) => covers(place, box)) && !waitBoxes.some((box) => covers(place, box)));
    const place = clearOfAll ?? corners.find((corner) => !taken.some((box) => covers(corner, box))) ?? corners[0]!;
    let { x } = place;
    const lineY = place.y + 8;
    const shapes: Shape[] = [];
    for (const entry of legend) {
      shapes.push({ kind: 'line', x1: x, y1: lineY, x2: x + 22, y2: lineY, stroke: entry.stroke, strokeWidth: 2.4, ...(entry.dash ? { dash: entry.dash } : {}) });
      shapes.push(entry.mark(x + 11, lineY));
      shapes.push(text({ x: x + 27, baseline: lineY + 4, value: entry.label, size: 11, weight: 'bold', color: LEGEND_TEXT, anchor: 'start' }));
      x += entryWidth(entry.label) + 14;
    }
    items.push({ layer: 'legend', part: 'legend', shapes });
  }

  return { items, shapes: items.flatMap((item) => item.shapes), width, points, yForScore, scoreAtY, columnCentre };
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function around(x: number, y: number, r: number): Box {
  return { x1: x - r, y1: y - r, x2: x + r, y2: y + r };
}

/** A smooth curve through the points that never overshoots a score (monotone in x). */
export function curvePath(points: readonly { x: number; y: number }[]): string {
  return (
    line<{ x: number; y: number }>()
      .x((p) => p.x)
      .y((p) => p.y)
      .curve(curveMonotoneX)(points) ?? ''
  );
}

/** A square on its point, `r` from the centre to each corner. */
function diamond(x: number, y: number, r: number): string {
  return `M${round(x)},${round(y - r)}L${round(x + r)},${round(y)}L${round(x)},${round(y + r)}L${round(x - r)},${round(y)}Z`;
}

/** Lines at 45° across a rectangle, 8 px apart, kept `inset` px inside its edge (the hatching of a wait). */
function hatch(box: { x: number; y: number; width: number; height: number }, inset: number): { x1: number; y1: number; x2: number; y2: number }[] {
  const x0 = box.x + inset;
  const y0 = box.y + inset;
  const x1 = box.x + box.width - inset;
  const y1 = box.y + box.height - inset;
  const step = 8 * Math.SQRT2;
  const lines: { x1: number; y1: number; x2: number; y2: number }[] = [];
  // Each line is x + y = c; from the first c past the top-left corner to the bottom-right one.
  for (let c = x0 + y0 + step / 2; c < x1 + y1; c += step) {
    const startX = Math.max(x0, c - y1);
    const endX = Math.min(x1, c - y0);
    if (endX - startX < 0.5) continue;
    lines.push({ x1: round(startX), y1: round(c - startX), x2: round(endX), y2: round(c - endX) });
  }
  return lines;
}

function clampScore(score: number): number {
  return Math.max(-2, Math.min(2, score));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
