import { curveMonotoneX, line } from 'd3-shape';
import { scoreColor } from '@klantreis/schema';
import type { Shape, TextShape } from './shapes.ts';
import type { FontWeight, TextMeasure } from './textWrap.ts';
import { around, DOT_RADIUS, LEGEND_CLEARANCE, MARKER_HEIGHT, Obstacles, placeLegend, placeMarker, type Box } from './curvePlacement.ts';

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
export { DOT_RADIUS } from './curvePlacement.ts';
/** A measured score at least this far from the designed one is marked as a gap. */
export const SCORE_GAP = 1;
/** The width of a wait's gap on the curve. */
const WAIT_WIDTH = 26;
/** A legend row's height; its marks and words fit in it. */
const LEGEND_ROW = 17;

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
 * there is more than the designed curve, where it has room. Pure: the same input and frame give
 * the same shapes.
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
    return { kind: 'text', x: t.x, y: round(lineTop(t.baseline, t.size)), lines: [t.value], size: t.size, weight: t.weight, color: t.color, lineHeight: lineHeight(t.size), anchor: t.anchor, ...(t.part ? { part: t.part } : {}) };
  };
  const items: CurveItem[] = [];
  // What a marker and the legend must not cover: dots, rings, diamonds, "!", the figures under a
  // step, a wait's duration, the markers placed. What joins them, a wait's band and the line of a
  // gap to the design (`connectors`), and the curves' lines are kept apart: covering those is the
  // lesser evil, taken only where nothing else fits.
  const taken = new Obstacles(frame.x, frame.columnWidth);
  const connectors = new Obstacles(frame.x, frame.columnWidth);
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
    // From the top of its line (above the backing), as a marker must keep off all of it.
    figures.set(step.id, { size, box: { x1: x - half, y1: Math.min(bottom - 16, lineTop(bottom - 5, size)), x2: x + half, y2: bottom } });
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
    // With its dashed edge (half a px outside).
    connectors.add({ x1: band.x - 0.5, y1: band.y - 0.5, x2: band.x + band.width + 0.5, y2: band.y + band.height + 0.5 });
    const labelWidth = measure.width(step.wait.text, 12, 'bold') + 6;
    // The duration under the band (beside the boundary when two waits share it), whole inside the curve at its ends.
    const labelCentre = side === 0 ? left + WAIT_WIDTH / 2 : edge + side * (labelWidth / 2 + 1);
    const labelX = Math.max(frame.x + labelWidth / 2, Math.min(labelCentre, frame.x + width - labelWidth / 2));
    // Raised above a measured step's figures where it would cover them.
    const onFigures = [...figures.values()].some(({ box }) => box.x1 < labelX + labelWidth / 2 && box.x2 > labelX - labelWidth / 2);
    const labelTop = onFigures ? bottom - 35 : bottom - 24;
    taken.add({ x1: labelX - labelWidth / 2, y1: Math.min(labelTop, lineTop(labelTop + 13, 12)), x2: labelX + labelWidth / 2, y2: labelTop + 17 });
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
  const hasTargets = steps.some(({ step }) => step.targetScore !== null);
  const toBeLine = !hasTargets
    ? []
    : steps.flatMap(({ step, x }) => {
        const score = step.targetScore ?? step.score;
        return score === null ? [] : [{ x, y: yForScore(score) }];
      });
  if (hasTargets) {
    items.push({ layer: 'to-be', part: 'to-be-line', shapes: toBeLine.length > 1 ? [{ kind: 'path', d: curvePath(toBeLine), stroke: TO_BE, strokeWidth: 2.2, dash: [7, 5] }] : [] });
    for (const { step, x } of steps) {
      if (step.targetScore === null) continue;
      taken.add(around(x, yForScore(step.targetScore), 7));
      items.push({ layer: 'to-be', part: 'target', stepId: step.id, value: step.targetScore, shapes: [{ kind: 'circle', cx: x, cy: yForScore(step.targetScore), r: 6, fill: PAPER, stroke: TO_BE, strokeWidth: 2 }] });
    }
  }

  // The measured curve: dotted through the measured scores, a diamond in the score's colour on
  // the designed curve's scale, a gap to the design outlined in red with a line to the designed dot.
  const measuredSteps = steps.filter(({ step }) => step.measured !== null);
  const measuredLine = measuredSteps.flatMap(({ step, x }) => (step.measured!.score === null ? [] : [{ x, y: yForScore(clampScore(step.measured!.score)) }]));
  if (measuredSteps.length > 0) {
    items.push({ layer: 'measured', part: 'measured-line', shapes: measuredLine.length > 1 ? [{ kind: 'path', d: curvePath(measuredLine), stroke: MEASURED, strokeWidth: 2.4, dash: [2, 5] }] : [] });
    for (const { step, x } of measuredSteps) {
      const measured = step.measured!;
      const shapes: Shape[] = [];
      const score = measured.score === null ? null : clampScore(measured.score);
      const gap = score !== null && step.score !== null && Math.abs(score - step.score) >= SCORE_GAP;
      if (gap) connectors.add({ x1: x + 12, y1: Math.min(yForScore(step.score!), yForScore(score)) - 1, x2: x + 16, y2: Math.max(yForScore(step.score!), yForScore(score)) + 1 });
      if (gap) shapes.push({ kind: 'line', x1: x + 14, y1: yForScore(step.score!), x2: x + 14, y2: yForScore(score), stroke: GAP, strokeWidth: 2, dash: [3, 2], part: 'score-gap' });
      if (score !== null) taken.add(around(x, yForScore(score), 10));
      if (score !== null) shapes.push({ kind: 'path', d: diamond(x, yForScore(score), 8.49), fill: scoreColor(score), stroke: gap ? GAP : DOT_STROKE, strokeWidth: gap ? 2.8 : 1.6, part: 'measured-point' });
      const placed = figures.get(step.id);
      if (placed && measured.figures) {
        const { box } = placed;
        const backed = bands.some((band) => band.x < box.x2 + 2 && band.x + band.width > box.x1 - 2);
        // With the backing, 3 px wider each side, where it has one.
        taken.add(backed ? { ...box, x1: box.x1 - 3, x2: box.x2 + 3 } : box);
        if (backed) {
          shapes.push({ kind: 'rect', x: round(box.x1 - 3), y: bottom - 16, width: round(box.x2 - box.x1 + 6), height: 15, radius: 3, fill: PAPER });
        }
        shapes.push(text({ x, baseline: bottom - 5, value: measured.figures, size: placed.size, weight: 'bold', color: FIGURES, anchor: 'middle' }));
      }
      if (measured.waitExceeded) {
        taken.add(around(x + 30, top + 12, 9));
        shapes.push({ kind: 'circle', cx: x + 30, cy: top + 12, r: 9, fill: GAP, part: 'wait-exceeded' });
        shapes.push(text({ x: x + 30, baseline: top + 16.5, value: '!', size: 12, weight: 'bold', color: PAPER, anchor: 'middle' }));
      }
      items.push({ layer: 'measured', part: 'measured-step', stepId: step.id, value: measured.score, shapes });
    }
  }

  // The designed curve through the scored steps; an unscored step is skipped, not drawn at zero.
  const points: CurvePoint[] = steps.flatMap(({ step, column, x }) => (step.score === null ? [] : [{ column, stepId: step.id, x, y: yForScore(step.score), score: step.score }]));
  items.push({ layer: 'designed', part: 'designed-line', shapes: points.length > 1 ? [{ kind: 'path', d: curvePath(points), stroke: DESIGNED, strokeWidth: 2.5, part: 'designed-line' }] : [] });

  // The dots are in place before the markers and the legend, so that neither lands on one; they
  // are drawn after the markers.
  for (const { step, x } of steps) taken.add(around(x, yForScore(step.score ?? 0), DOT_RADIUS + 1));
  const area: Box = { x1: frame.x, y1: top, x2: frame.x + width, y2: bottom };

  // Peak and end above their dot, the trough below; beside it at +2 or −2, or where a measured
  // diamond, a target ring or a "!" is in the way (placeMarker).
  const { peakStepId, troughStepId, endStepId } = input;
  const marks: { stepId: string; above: boolean; value: string; marker: string }[] = [];
  if (peakStepId && peakStepId === endStepId) marks.push({ stepId: peakStepId, above: true, value: `${labels.peak} · ${labels.end}`, marker: 'peak end' });
  else {
    if (peakStepId) marks.push({ stepId: peakStepId, above: true, value: labels.peak, marker: 'peak' });
    if (endStepId) marks.push({ stepId: endStepId, above: true, value: labels.end, marker: 'end' });
  }
  if (troughStepId && troughStepId !== peakStepId) marks.push({ stepId: troughStepId, above: false, value: labels.trough, marker: 'trough' });
  const pills = marks.flatMap((mark) => {
    const point = points.find((p) => p.stepId === mark.stepId);
    return point ? [{ ...mark, point, width: round(measure.width(mark.value, 11, 'bold') + 12) }] : [];
  });

  // A legend once there is more than the designed curve: each curve's line with its mark
  // (circle, ring, diamond) and name, on a paper backing.
  const legend = [
    { label: labels.designed, show: true, stroke: DESIGNED, dash: undefined, mark: (cx: number, cy: number, scale: number): Shape => ({ kind: 'circle', cx, cy, r: 4.5 * scale, fill: scoreColor(1), stroke: DOT_STROKE, strokeWidth: 1.2 }) },
    { label: labels.toBe, show: hasTargets, stroke: TO_BE, dash: [7, 5], mark: (cx: number, cy: number, scale: number): Shape => ({ kind: 'circle', cx, cy, r: 4 * scale, fill: PAPER, stroke: TO_BE, strokeWidth: 2 }) },
    { label: labels.measured, show: measuredSteps.length > 0, stroke: MEASURED, dash: [2, 5], mark: (cx: number, cy: number, scale: number): Shape => ({ kind: 'path', d: diamond(cx, cy, 7.07 * scale), fill: scoreColor(1), stroke: DOT_STROKE, strokeWidth: 1.2 }) },
  ].filter((entry) => entry.show);
  // Its forms, the first that fits best: in a row; one entry under the other (a map of one or
  // two steps is narrower than the row); the same a size smaller, for a curve with no other room
  // (one step, with a ring, a diamond and a marker in its column). Each is a box with 4 px of
  // backing around its entries.
  const forms = (legend.length > 1 ? [
    { size: 11, row: LEGEND_ROW, sample: 22, scale: 1, stacked: false },
    { size: 11, row: LEGEND_ROW, sample: 22, scale: 1, stacked: true },
    { size: 10, row: LEGEND_ROW - 3, sample: 14, scale: 0.8, stacked: true },
  ] : []).map((form) => {
    const entryWidths = legend.map((entry) => form.sample + 5 + measure.width(entry.label, form.size, 'bold'));
    const formWidth = (form.stacked ? Math.max(...entryWidths) : entryWidths.reduce((sum, w) => sum + w + 14, -14)) + 8;
    return { ...form, entryWidths, width: formWidth, height: (form.stacked ? legend.length : 1) * form.row + 2 };
  });
  // The curves' lines between their points: a monotone curve stays inside each pair's box.
  const lines = new Obstacles(frame.x, frame.columnWidth);
  for (const line of [points, toBeLine, measuredLine]) {
    for (let i = 1; i < line.length; i++) lines.add({ x1: line[i - 1]!.x, y1: Math.min(line[i - 1]!.y, line[i]!.y) - 2, x2: line[i]!.x, y2: Math.max(line[i - 1]!.y, line[i]!.y) + 2 });
  }

  // The markers first, beside their dots, then the legend where it is clear of them. Where that
  // leaves the legend no room but nearer or smaller (a curve of one step, crowded), the legend
  // first and the markers around it, when that gives up less: a marker a little further from its
  // dot reads better than a legend crammed in or left out.
  const arrange = (legendFirst: boolean) => {
    const placed = taken.copy();
    let legendPlace = legendFirst && forms.length > 0 ? placeLegend(forms, area, frame.columnWidth, placed, connectors, lines) : null;
    const keepOff = (place: { x: number; y: number; form: number }) => placed.add({ x1: place.x - 2, y1: place.y - 2, x2: place.x + forms[place.form]!.width + 2, y2: place.y + forms[place.form]!.height + 2 });
    if (legendPlace) keepOff(legendPlace);
    const pillPlaces = pills.map((pill) => {
      const place = placeMarker(pill.point, pill.width, pill.above, area, placed, connectors);
      placed.add({ x1: place.x, y1: place.y, x2: place.x + pill.width, y2: place.y + MARKER_HEIGHT });
      return place;
    });
    if (!legendFirst && forms.length > 0) legendPlace = placeLegend(forms, area, frame.columnWidth, placed, connectors, lines);
    // How much was given up: each pass the legend needed (no legend the most), each marker over a band, a gap's line or worse.
    const givenUp = (forms.length === 0 ? 0 : (legendPlace?.pass ?? 4)) + pillPlaces.reduce((sum, place) => sum + place.level * 2, 0);
    return { legendPlace, pillPlaces, givenUp };
  };
  let arranged = arrange(false);
  if (forms.length > 0 && (arranged.legendPlace?.pass ?? 4) >= 2) {
    const legendFirst = arrange(true);
    if (legendFirst.givenUp < arranged.givenUp) arranged = legendFirst;
  }

  pills.forEach((pill, i) => {
    const x = round(arranged.pillPlaces[i]!.x);
    const y = round(arranged.pillPlaces[i]!.y);
    items.push({
      layer: 'markers',
      part: 'marker',
      stepId: pill.stepId,
      marker: pill.marker,
      shapes: [
        { kind: 'rect', x, y, width: pill.width, height: MARKER_HEIGHT, radius: 9, fill: pill.marker === 'trough' ? MARKER_TROUGH : MARKER },
        text({ x: x + pill.width / 2, baseline: y + 13, value: pill.value, size: 11, weight: 'bold', color: PAPER, anchor: 'middle' }),
      ],
    });
  });

  // The dots: the score's colour; an unscored step an empty dashed ring at zero.
  for (const { step, x } of steps) {
    if (step.score === null) items.push({ layer: 'points', part: 'unscored', stepId: step.id, shapes: [{ kind: 'circle', cx: x, cy: yForScore(0), r: 7, fill: PAPER, stroke: UNSCORED, strokeWidth: 1.5, dash: [3, 2] }] });
    else items.push({ layer: 'points', part: 'point', stepId: step.id, value: step.score, shapes: [{ kind: 'circle', cx: x, cy: yForScore(step.score), r: DOT_RADIUS, fill: scoreColor(step.score), stroke: DOT_STROKE, strokeWidth: 1.2 }] });
  }

  const place = arranged.legendPlace;
  if (place) {
    const form = forms[place.form]!;
    const drawn: Shape[] = [{ kind: 'rect', x: round(place.x), y: round(place.y), width: round(form.width), height: form.height, radius: 4, fill: PAPER }];
    let x = round(place.x) + 4;
    let lineY = round(place.y + 1 + form.row / 2);
    legend.forEach((entry, i) => {
      drawn.push({ kind: 'line', x1: round(x), y1: lineY, x2: round(x + form.sample), y2: lineY, stroke: entry.stroke, strokeWidth: 2.4, ...(entry.dash ? { dash: entry.dash } : {}) });
      drawn.push(entry.mark(round(x + form.sample / 2), lineY, form.scale));
      drawn.push(text({ x: round(x + form.sample + 5), baseline: lineY + form.size * 0.36, value: entry.label, size: form.size, weight: 'bold', color: LEGEND_TEXT, anchor: 'start' }));
      if (form.stacked) lineY += form.row;
      else x += form.entryWidths[i]! + 14;
    });
    items.push({ layer: 'legend', part: 'legend', shapes: drawn });
  }

  return { items, shapes: items.flatMap((item) => item.shapes), width, points, yForScore, scoreAtY, columnCentre };
}

/** A text line's height at a size, as the exports set it. */
function lineHeight(size: number): number {
  return Math.round(size * 1.3 * 10) / 10;
}

/** The top of a text line with this baseline: back by the half leading and Inter's ascent (0.969 em). */
function lineTop(baseline: number, size: number): number {
  return baseline - ((lineHeight(size) - size) / 2 + size * 0.969);
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
