import { scoreColor } from '@klantreis/schema';
import type { JourneyView, ViewStep } from '../journeyView.ts';
import type { ExportLabels } from '../labels.ts';
import { formatWaitMinutes } from '@klantreis/evaluation';
import { formatScoreSign } from '../journeyView.ts';
import type { LayoutRegion, MapLayout, Shape, TextShape } from './shapes.ts';
import { wrapText, type FontWeight, type TextMeasure } from './textWrap.ts';
import { layoutCurve, type CurveStep } from './curveLayout.ts';
import { curveMeasured } from '../measuredFigures.ts';

// The sizes of the map, the editor's too (apps/web/src/canvas/mapLayout.ts takes them from
// here), so an export wraps its words where the map people worked on does. 156 px is a
// post-it's width, and leaves six whole step columns beside the editor's docked side panel at
// 1440 px and 100% (156 + 6 × 156 = 1,092 px of the 1,104 left; issue 14).
export const STEP_WIDTH = 156;
export const LABEL_WIDTH = 156;
export const CURVE_HEIGHT = 176;
const MARGIN = 32;
const CELL_PADDING = 10;

const INK = '#1f2a30';
const INK_SOFT = '#4f5d66';
const LINE = '#d5dde2';
const LINE_SOFT = '#e8edf0';
const PHASE_FILL = '#eef3f6';
const EMPTY_FILL = '#fafbfc';
const SEVERITY_COLORS = { critical: '#b3261e', warning: '#c77700' } as const;
// The measured figures' colours, the curve's (curveLayout.ts).
const FIGURES = '#8c2a0b';
const GAP = '#b71c1c';

export interface MapLayoutOptions {
  /** The title block above the map (title, persona, remembered score, date); on by default. */
  titleBlock?: boolean;
  /** The date the title block shows as "exported on"; today by default, none with `null` (a live view). */
  date?: Date | null;
  /** A version name for the title block, such as "v3 · approved". */
  version?: string;
  /** Lines a cell may take before "…"; 10 by default. */
  maxCellLines?: number;
}

type Column = { kind: 'step'; step: ViewStep } | { kind: 'empty' };

/**
 * Lays out the whole map: title block, phase band, step headers, the emotion curve (designed,
 * to-be and measured) and the lanes with their text wrapped to the column width. Pure: the same
 * view and measure give the same layout.
 */
export function layoutMap(view: JourneyView, measure: TextMeasure, options: MapLayoutOptions = {}): MapLayout {
  const shapes: Shape[] = [];
  const regions: LayoutRegion[] = [];
  const { labels, locale } = view;
  const maxCellLines = options.maxCellLines ?? 10;
  const text = (t: Omit<TextShape, 'kind' | 'anchor' | 'lineHeight' | 'color'> & Partial<Pick<TextShape, 'anchor' | 'lineHeight' | 'color'>>): TextShape => ({
    kind: 'text',
    anchor: 'start',
    lineHeight: Math.round(t.size * 1.3 * 10) / 10,
    color: INK,
    ...t,
  });
  const wrap = (value: string, maxWidth: number, size: number, weight: FontWeight, maxLines: number) =>
    wrapText(value, { maxWidth, size, weight, maxLines, measure });

  const columns: Column[] = [];
  const phaseColumns: { name: string; momentOfTruth: string; id: string; first: number; span: number }[] = [];
  for (const phase of view.phases) {
    phaseColumns.push({ name: phase.name, momentOfTruth: phase.phase.momentOfTruth.trim(), id: phase.phase.id, first: columns.length, span: Math.max(1, phase.steps.length) });
    if (phase.steps.length === 0) columns.push({ kind: 'empty' });
    for (const step of phase.steps) columns.push({ kind: 'step', step });
  }
  const mapWidth = LABEL_WIDTH + columns.length * STEP_WIDTH;
  const width = Math.max(mapWidth, 720) + 2 * MARGIN;
  const left = MARGIN;
  const columnX = (i: number) => left + LABEL_WIDTH + i * STEP_WIDTH;
  let y = MARGIN;

  // Title block: what the map is, whose journey, how it is remembered, when.
  if (options.titleBlock !== false) {
    const titleLines = wrap(view.doc.journey.title, width - 2 * MARGIN, 26, 'bold', 2);
    shapes.push(text({ x: left, y, lines: titleLines, size: 26, weight: 'bold' }));
    y += titleLines.length * 34 + 6;
    const remembered = view.evaluation.peakEnd.remembered;
    const meta = [
      view.doc.journey.kind === 'experience' ? labels.experienceMap : labels.journeyMap,
      view.showEvaluation ? `${labels.remembered}: ${remembered === null ? labels.notScored : formatScoreSign(round(remembered), locale)}` : null,
      options.version ? `${labels.version}: ${options.version}` : null,
      options.date === null ? null : `${labels.exportedOn} ${(options.date ?? new Date()).toLocaleDateString(locale === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}`,
    ].filter((part): part is string => part !== null);
    shapes.push(text({ x: left, y, lines: wrap(meta.join('  ·  '), width - 2 * MARGIN, 13, 'regular', 1), size: 13, weight: 'regular', color: INK_SOFT }));
    y += 22;
    // The personas whose journey this is, each with its colour.
    let x = left;
    const personaLabel = `${labels.persona}:`;
    shapes.push(text({ x, y, lines: [personaLabel], size: 13, weight: 'bold', color: INK_SOFT }));
    x += measure.width(personaLabel, 13, 'bold') + 8;
    if (view.personas.length === 0) shapes.push(text({ x, y, lines: [labels.noPersona], size: 13, weight: 'regular', color: INK_SOFT, italic: true }));
    for (const persona of view.personas) {
      shapes.push({ kind: 'circle', cx: x + 6, cy: y + 8.5, r: 6, fill: persona.color });
      const name = persona.name;
      shapes.push(text({ x: x + 16, y, lines: [name], size: 13, weight: 'regular' }));
      x += 16 + measure.width(name, 13, 'regular') + 16;
    }
    y += 30;
    regions.push({ kind: 'title', id: 'title', x: left, y: MARGIN, width: width - 2 * MARGIN, height: y - MARGIN });
  }
  const mapTop = y;

  // Phase band.
  const phaseBlocks = phaseColumns.map((phase) => {
    const inner = phase.span * STEP_WIDTH - 2 * CELL_PADDING - 3;
    const name = wrap(phase.name, inner, 15, 'bold', 2);
    const mot = phase.momentOfTruth ? wrap(phase.momentOfTruth, inner, 12, 'regular', 3) : [];
    return { ...phase, nameLines: name, motLines: mot, height: 16 + name.length * 19.5 + (mot.length > 0 ? 6 + 14 + mot.length * 15.6 : 0) };
  });
  const phaseHeight = Math.max(44, ...phaseBlocks.map((p) => p.height));
  shapes.push({ kind: 'rect', x: left, y, width: LABEL_WIDTH, height: phaseHeight, fill: PHASE_FILL });
  shapes.push(text({ x: left + LABEL_WIDTH - CELL_PADDING, y: y + 8, lines: [labels.phase.toUpperCase()], size: 12, weight: 'bold', color: INK_SOFT, anchor: 'end' }));
  for (const phase of phaseBlocks) {
    const x = columnX(phase.first);
    shapes.push({ kind: 'rect', x, y, width: phase.span * STEP_WIDTH, height: phaseHeight, fill: PHASE_FILL });
    shapes.push({ kind: 'rect', x, y, width: 3, height: phaseHeight, fill: '#8fa5b2' });
    shapes.push(text({ x: x + CELL_PADDING + 3, y: y + 8, lines: phase.nameLines, size: 15, weight: 'bold', lineHeight: 19.5 }));
    if (phase.motLines.length > 0) {
      const motY = y + 8 + phase.nameLines.length * 19.5 + 6;
      shapes.push(text({ x: x + CELL_PADDING + 3, y: motY, lines: [labels.momentOfTruth.toUpperCase()], size: 10, weight: 'bold', color: INK_SOFT }));
      shapes.push(text({ x: x + CELL_PADDING + 3, y: motY + 14, lines: phase.motLines, size: 12, weight: 'regular', lineHeight: 15.6 }));
    }
    regions.push({ kind: 'phase', id: phase.id, x, y, width: phase.span * STEP_WIDTH, height: phaseHeight });
  }
  y += phaseHeight;
  shapes.push({ kind: 'line', x1: left, y1: y, x2: left + mapWidth, y2: y, stroke: LINE, strokeWidth: 1 });

  // Step headers: a strip in the score's colour, number, title, wait and moment of truth.
  const findingsByStep = new Map<string, { critical: number; warning: number }>();
  for (const finding of view.evaluation.findings) {
    if (finding.severity !== 'critical' && finding.severity !== 'warning') continue;
    for (const stepId of finding.stepIds) {
      const counts = findingsByStep.get(stepId) ?? { critical: 0, warning: 0 };
      counts[finding.severity]++;
      findingsByStep.set(stepId, counts);
    }
  }
  const headerInner = STEP_WIDTH - 2 * CELL_PADDING;
  const headers = columns.map((column) => {
    if (column.kind === 'empty') return null;
    const { step } = column.step;
    const title = wrap(column.step.title, headerInner - 24, 13.5, 'bold', 4);
    const badges: string[] = [];
    if (step.wait) badges.push(`${labels.wait}: ${formatWaitMinutes(step.wait.minutes, locale)}`);
    if (step.momentOfTruth) badges.push(`◆ ${labels.momentOfTruth}`);
    const badgeLines = badges.flatMap((badge) => wrap(badge, headerInner, 11, 'bold', 2));
    return { title, badgeLines };
  });
  const headerHeight = Math.max(96, ...headers.map((h) => (h ? 6 + 10 + 14 + h.title.length * 17.5 + (h.badgeLines.length > 0 ? 6 + h.badgeLines.length * 14.3 : 0) + 10 : 0)));
  shapes.push({ kind: 'rect', x: left, y, width: LABEL_WIDTH, height: headerHeight, fill: '#ffffff' });
  shapes.push(text({ x: left + LABEL_WIDTH - CELL_PADDING, y: y + 14, lines: [labels.step.toUpperCase()], size: 12, weight: 'bold', color: INK_SOFT, anchor: 'end' }));
  columns.forEach((column, i) => {
    const x = columnX(i);
    const header = headers[i];
    if (column.kind === 'empty' || !header) {
      shapes.push({ kind: 'rect', x, y, width: STEP_WIDTH, height: headerHeight, fill: EMPTY_FILL });
      return;
    }
    const { step, number } = column.step;
    shapes.push({ kind: 'rect', x, y, width: STEP_WIDTH, height: headerHeight, fill: '#ffffff' });
    shapes.push({ kind: 'rect', x, y, width: STEP_WIDTH, height: 6, fill: scoreColor(step.score) });
    shapes.push(text({ x: x + CELL_PADDING, y: y + 14, lines: [String(number)], size: 11, weight: 'bold', color: INK_SOFT }));
    shapes.push(text({ x: x + CELL_PADDING, y: y + 30, lines: header.title, size: 13.5, weight: 'bold', lineHeight: 17.5 }));
    if (header.badgeLines.length > 0) {
      shapes.push(text({ x: x + CELL_PADDING, y: y + 30 + header.title.length * 17.5 + 6, lines: header.badgeLines, size: 11, weight: 'bold', color: INK_SOFT, lineHeight: 14.3 }));
    }
    const counts = findingsByStep.get(step.id);
    if (counts) {
      const severity = counts.critical > 0 ? 'critical' : 'warning';
      const cx = x + STEP_WIDTH - CELL_PADDING - 8;
      shapes.push({ kind: 'circle', cx, cy: y + 20, r: 8, fill: SEVERITY_COLORS[severity] });
      shapes.push(text({ x: cx, y: y + 13.5, lines: [String(counts.critical + counts.warning)], size: 10, weight: 'bold', color: '#ffffff', anchor: 'middle' }));
    }
    regions.push({ kind: 'step', id: step.id, x, y, width: STEP_WIDTH, height: headerHeight });
  });
  y += headerHeight;
  shapes.push({ kind: 'line', x1: left, y1: y, x2: left + mapWidth, y2: y, stroke: LINE, strokeWidth: 1 });

  // The emotion curve: the curve itself is the editor's (curveLayout.ts), the same shapes in
  // the step columns; the label column has the name and the score levels, as the editor's has.
  const curveTop = y;
  const curveSteps = columns.map((column) => (column.kind === 'step' ? curveStep(view, column.step) : null));
  const curve = layoutCurve(
    {
      columns: curveSteps,
      ...(view.showEvaluation ? pickPeakEnd(view) : { peakStepId: null, troughStepId: null, endStepId: null }),
      labels: { designed: labels.designed, toBe: labels.toBe, measured: labels.measured, peak: labels.peak, trough: labels.trough, end: labels.end },
      measure,
    },
    { x: columnX(0), y: curveTop, columnWidth: STEP_WIDTH, height: CURVE_HEIGHT },
  );
  shapes.push({ kind: 'rect', x: left, y: curveTop, width: mapWidth, height: CURVE_HEIGHT, fill: '#ffffff' });
  const curveHeading = wrap(labels.emotionCurve, LABEL_WIDTH - 60, 14, 'bold', 2);
  shapes.push(text({ x: left + CELL_PADDING, y: curveTop + 8, lines: curveHeading, size: 14, weight: 'bold' }));
  // A poster has no tooltip: under the heading, what a measured step's figures and its "!" mean.
  shapes.push(...figuresKey(curveSteps, labels, left + CELL_PADDING, curveTop + 8 + curveHeading.length * 18.2 + 10, wrap));
  for (const score of [2, 1, 0, -1, -2]) {
    shapes.push(text({ x: left + LABEL_WIDTH - CELL_PADDING, y: curve.yForScore(score) - 7, lines: [formatScoreSign(score, locale)], size: 11, weight: 'regular', color: INK_SOFT, anchor: 'end' }));
  }
  shapes.push(...curve.shapes);
  regions.push({ kind: 'curve', id: 'curve', x: left, y: curveTop, width: mapWidth, height: CURVE_HEIGHT });
  y += CURVE_HEIGHT;
  shapes.push({ kind: 'line', x1: left, y1: y, x2: left + mapWidth, y2: y, stroke: LINE, strokeWidth: 1 });

  // The lanes: every cell's text wrapped to the column; a row is as high as its fullest cell.
  const cellInner = STEP_WIDTH - 2 * CELL_PADDING;
  for (const { lane, name } of view.lanes) {
    const nameLines = wrap(name, LABEL_WIDTH - 2 * CELL_PADDING, 14, 'bold', 4);
    const cellLines = columns.map((column) => (column.kind === 'step' ? wrap(view.cellText(lane.id, column.step.step.id), cellInner, 13, 'regular', maxCellLines) : []));
    const rowHeight = Math.max(56, nameLines.length * 18.2 + 16, ...cellLines.map((lines) => lines.length * 17.5 + 16));
    shapes.push({ kind: 'rect', x: left, y, width: LABEL_WIDTH, height: rowHeight, fill: '#ffffff' });
    shapes.push(text({ x: left + CELL_PADDING, y: y + 8, lines: nameLines, size: 14, weight: 'bold', lineHeight: 18.2 }));
    columns.forEach((column, i) => {
      const lines = cellLines[i]!;
      shapes.push({ kind: 'rect', x: columnX(i), y, width: STEP_WIDTH, height: rowHeight, fill: lines.length === 0 ? EMPTY_FILL : '#ffffff' });
      if (lines.length > 0) shapes.push(text({ x: columnX(i) + CELL_PADDING, y: y + 8, lines, size: 13, weight: 'regular', lineHeight: 17.5 }));
    });
    regions.push({ kind: 'lane', id: lane.id, x: left, y, width: mapWidth, height: rowHeight });
    y += rowHeight;
    shapes.push({ kind: 'line', x1: left, y1: y, x2: left + mapWidth, y2: y, stroke: LINE, strokeWidth: 1 });
  }

  // Column rules over the whole map but the curve, which runs across the columns in one piece
  // as in the editor; the label column's edge and the map's right edge run through.
  for (let i = 0; i <= columns.length; i++) {
    const isPhaseEdge = phaseColumns.some((phase) => phase.first === i) || i === columns.length;
    const rule = { kind: 'line' as const, x1: columnX(i), x2: columnX(i), stroke: isPhaseEdge ? LINE : LINE_SOFT, strokeWidth: 1 };
    const top = mapTop + (isPhaseEdge ? 0 : phaseHeight);
    if (i === 0 || i === columns.length) shapes.push({ ...rule, y1: top, y2: y });
    else shapes.push({ ...rule, y1: top, y2: curveTop }, { ...rule, y1: curveTop + CURVE_HEIGHT, y2: y });
  }
  shapes.push({ kind: 'rect', x: left, y: mapTop, width: mapWidth, height: y - mapTop, stroke: LINE, strokeWidth: 1 });

  return { width, height: Math.ceil(y + MARGIN), shapes, regions, title: view.doc.journey.title };
}

/** A step as the curve draws it; a measured step with the editor's figures (drop-off, p90 wait, a wait longer than designed). */
function curveStep(view: JourneyView, viewStep: ViewStep): CurveStep {
  const { step } = viewStep;
  const measured = view.measured.get(step.id);
  return {
    id: step.id,
    score: step.score,
    targetScore: view.evaluation.toBe ? step.targetScore : null,
    wait: step.wait ? { moment: step.wait.moment, text: formatWaitMinutes(step.wait.minutes, view.locale) } : null,
    measured: measured ? curveMeasured(step, measured, view.locale) : null,
  };
}

/** The key to the measured figures, in the label column beside the score levels; nothing when no step has figures. */
function figuresKey(steps: readonly (CurveStep | null)[], labels: ExportLabels, x: number, y: number, wrap: (value: string, maxWidth: number, size: number, weight: FontWeight, maxLines: number) => string[]): Shape[] {
  const measured = steps.flatMap((step) => (step?.measured ? [step.measured] : []));
  if (!measured.some((m) => m.figures)) return [];
  const width = LABEL_WIDTH - 2 * CELL_PADDING - 26;
  const shapes: Shape[] = [];
  const figures = wrap(`↘ ${labels.dropOff} · ${labels.p90Wait}`, width, 10, 'bold', 3);
  shapes.push({ kind: 'text', x, y, lines: figures, size: 10, weight: 'bold', color: FIGURES, lineHeight: 13, anchor: 'start' });
  if (measured.some((m) => m.waitExceeded)) {
    const top = y + figures.length * 13 + 6;
    shapes.push({ kind: 'circle', cx: x + 6, cy: top + 6.5, r: 6, fill: GAP });
    shapes.push({ kind: 'text', x: x + 6, y: top, lines: ['!'], size: 10, weight: 'bold', color: '#ffffff', lineHeight: 13, anchor: 'middle' });
    shapes.push({ kind: 'text', x: x + 16, y: top, lines: wrap(labels.waitExceeded, width - 16, 10, 'bold', 4), size: 10, weight: 'bold', color: FIGURES, lineHeight: 13, anchor: 'start' });
  }
  return shapes;
}

function pickPeakEnd(view: JourneyView): { peakStepId: string | null; troughStepId: string | null; endStepId: string | null } {
  const { peakStepId, troughStepId, endStepId } = view.evaluation.peakEnd;
  return { peakStepId, troughStepId, endStepId };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
