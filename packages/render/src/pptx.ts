import pptxModule from 'pptxgenjs';
import { scoreColor, sortByIndex } from '@klantreis/schema';
import { formatWaitMinutes } from '@klantreis/evaluation';
import { formatScoreSign, type JourneyView, type ViewPhase, type ViewStep } from './journeyView.ts';
import { curveMeasured } from './measuredFigures.ts';
import { actionStepTitles } from './table.ts';

// The map as an editable deck: native text boxes, shapes and a table, no pictures, so a team
// can restyle and rearrange it in PowerPoint, Keynote or Impress. Sizes are in inches on a
// 16:9 slide of 13.33 × 7.5.

// TypeScript reads pptxgenjs's types as CommonJS, the class under `.default`; Node loads its
// ES build, whose default export is the class itself. This finds the class either way.
const PptxGenJS = ('default' in pptxModule ? pptxModule.default : pptxModule) as typeof pptxModule.default;
type Pptx = pptxModule.default;
type Slide = pptxModule.default.Slide;
type TextOptions = pptxModule.default.TextPropsOptions;
type LineOptions = pptxModule.default.ShapeLineProps;
type TableCell = pptxModule.default.TableCell;
type TableRow = pptxModule.default.TableRow;

const SLIDE_WIDTH = 13.33;
const MARGIN = 0.4;
const MAX_STEPS_PER_SLIDE = 6;
const MAX_FINDINGS = 12;
const TEXT_INSET_PT = 3;
const INK = '263238';
const MUTED = '607D8B';
const GRID = 'CFD8DC';
// The curve's colours are the layout model's (layout/curveLayout.ts), so the slide's curve reads as the map's.
const TO_BE = '5E35B1';
const MEASURED = 'D84315';
const FIGURES = '8C2A0B';
const GAP = 'B71C1C';

export interface PptxOptions {
  /** The date on the title slide; today by default. */
  date?: Date;
}

export async function journeyPptx(view: JourneyView, options: PptxOptions = {}): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = view.doc.journey.title;
  pptx.company = 'Klantreis';
  pptx.theme = { headFontFace: 'Arial', bodyFontFace: 'Arial' };

  titleSlide(pptx, view, options.date ?? new Date());
  for (const phase of view.phases) phaseSlides(pptx, view, phase);
  curveSlide(pptx, view);
  if (view.showEvaluation) evaluationSlide(pptx, view);
  actionsSlide(pptx, view);

  const out = await pptx.write({ outputType: 'nodebuffer' });
  if (!(out instanceof Uint8Array)) throw new Error('pptxgenjs did not return a buffer');
  return Buffer.from(out);
}

/** A colour as pptxgenjs wants it: hex without '#'. */
function hex(color: string): string {
  return color.replace(/^#/, '').toUpperCase();
}

/** Dark text on the light score colours, white on the dark ones. */
function inkOn(score: number | null): string {
  return score !== null && Math.abs(Math.round(score)) === 2 ? 'FFFFFF' : INK;
}

/**
 * Cuts text to what a box of w × h inches holds at this font size, ending in "…". An average
 * glyph of 0.55 em and 90 % of each line used is on the safe side for Arial and its stand-ins;
 * PowerPoint's own shrink-on-overflow only acts after an edit, so the deck cannot rely on it.
 */
export function fitText(text: string, w: number, h: number, fontSize: number): string {
  const perLine = Math.max(1, Math.floor(((w * 72 - 2 * TEXT_INSET_PT) / (fontSize * 0.55)) * 0.9));
  let linesLeft = Math.max(1, Math.floor((h * 72 - 2 * TEXT_INSET_PT) / (fontSize * 1.2)));
  const out: string[] = [];
  const paragraphs = text.trim().split(/\r?\n/);
  for (const [i, paragraph] of paragraphs.entries()) {
    const needed = Math.max(1, Math.ceil(paragraph.length / perLine));
    if (needed <= linesLeft) {
      out.push(paragraph);
      linesLeft -= needed;
      continue;
    }
    if (linesLeft > 0) out.push(`${paragraph.slice(0, linesLeft * perLine - 1).trimEnd()}…`);
    else if (i > 0) out.push(`${out.pop()!.slice(0, -1).trimEnd()}…`);
    break;
  }
  return out.join('\n');
}

/** The largest of the sizes at which the whole text fits; the smallest, cut, when none does. */
function fitBox(text: string, w: number, h: number, sizes: readonly number[]): { text: string; fontSize: number } {
  for (const fontSize of sizes) {
    const fitted = fitText(text, w, h, fontSize);
    if (fitted === text.trim()) return { text: fitted, fontSize };
  }
  const fontSize = sizes[sizes.length - 1]!;
  return { text: fitText(text, w, h, fontSize), fontSize };
}

function addBox(slide: Slide, text: string, box: { x: number; y: number; w: number; h: number }, sizes: readonly number[], style: TextOptions = {}): void {
  const fitted = fitBox(text, box.w, box.h, sizes);
  slide.addText(fitted.text, { ...box, fontSize: fitted.fontSize, color: INK, valign: 'top', margin: TEXT_INSET_PT, fit: 'shrink', ...style });
}

function slideTitle(slide: Slide, text: string): void {
  addBox(slide, text, { x: MARGIN, y: 0.3, w: SLIDE_WIDTH - 2 * MARGIN, h: 0.6 }, [26, 22, 18, 14], { bold: true, valign: 'middle' });
}

function titleSlide(pptx: Pptx, view: JourneyView, date: Date): void {
  const { labels, doc } = view;
  const slide = pptx.addSlide();
  const width = SLIDE_WIDTH - 2 * MARGIN;
  addBox(slide, doc.journey.kind === 'experience' ? labels.experienceMap : labels.journeyMap, { x: MARGIN, y: 1.2, w: width, h: 0.4 }, [16], { color: MUTED });
  addBox(slide, doc.journey.title, { x: MARGIN, y: 1.7, w: width, h: 1.3 }, [40, 32, 26, 20], { bold: true });
  if (doc.journey.description.trim()) addBox(slide, doc.journey.description, { x: MARGIN, y: 3.1, w: width, h: 1.8 }, [18, 16, 14, 12]);
  const personas = view.personas.length > 0 ? view.personas.map((p) => p.name).join(', ') : labels.noPersona;
  const remembered = view.evaluation.peakEnd.remembered;
  const facts = [`${labels.persona}: ${personas}`];
  if (view.showEvaluation) facts.push(`${labels.remembered}: ${remembered === null ? labels.notScored : formatScoreSign(remembered, view.locale)}`);
  facts.push(`${labels.exportedOn} ${date.toLocaleDateString(view.locale === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}`);
  addBox(slide, facts.join('\n'), { x: MARGIN, y: 5.2, w: width, h: 1.6 }, [16, 14, 12], { color: MUTED });
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

function phaseSlides(pptx: Pptx, view: JourneyView, phase: ViewPhase): void {
  // Spread the steps evenly: 7 steps make slides of 4 and 3, not 6 and 1.
  const slideCount = Math.max(1, Math.ceil(phase.steps.length / MAX_STEPS_PER_SLIDE));
  const groups = chunks(phase.steps, Math.max(1, Math.ceil(phase.steps.length / slideCount)));
  groups.forEach((steps, i) => {
    const slide = pptx.addSlide();
    slideTitle(slide, groups.length > 1 ? `${phase.name} (${i + 1}/${groups.length})` : phase.name);
    if (phase.phase.momentOfTruth.trim()) {
      addBox(slide, `${view.labels.momentOfTruth}: ${phase.phase.momentOfTruth}`, { x: MARGIN, y: 0.9, w: SLIDE_WIDTH - 2 * MARGIN, h: 0.45 }, [13, 11, 9], { italic: true, color: MUTED });
    }
    stepColumns(slide, view, steps);
    const notes = steps
      .filter((s) => s.step.description.trim())
      .map((s) => `${s.number}. ${s.title}\n${s.step.description.trim()}`)
      .join('\n\n');
    if (notes) slide.addNotes(notes);
  });
}

function stepColumns(slide: Slide, view: JourneyView, steps: readonly ViewStep[]): void {
  const { labels } = view;
  const laneColumn = 1.9;
  const left = MARGIN + laneColumn + 0.1;
  const width = (SLIDE_WIDTH - MARGIN - left) / Math.max(steps.length, 3);
  const headTop = 1.45;
  const headHeight = 0.75;
  const chipTop = headTop + headHeight + 0.08;
  const chipHeight = 0.32;
  const lanesTop = chipTop + chipHeight + 0.12;
  const laneHeight = view.lanes.length > 0 ? (7.3 - lanesTop) / view.lanes.length : 0;
  const cellSizes = laneHeight >= 0.7 ? [11, 10, 9, 8] : [9, 8, 7];

  addBox(slide, labels.stepsOfPhase, { x: MARGIN, y: headTop, w: laneColumn, h: headHeight }, [11, 9], { color: MUTED, valign: 'middle' });
  view.lanes.forEach((lane, row) => {
    const y = lanesTop + row * laneHeight;
    slide.addShape('line', { x: MARGIN, y, w: SLIDE_WIDTH - 2 * MARGIN, h: 0, line: { color: GRID, width: 0.5 } });
    addBox(slide, lane.name, { x: MARGIN, y, w: laneColumn, h: laneHeight }, [10, 9, 8, 7], { bold: true, color: MUTED });
  });

  steps.forEach((viewStep, column) => {
    const { step } = viewStep;
    const x = left + column * width;
    const w = width - 0.08;
    addBox(slide, `${viewStep.number}. ${viewStep.title}`, { x, y: headTop, w, h: headHeight }, [13, 12, 11, 10, 9, 8], {
      bold: true,
      valign: 'middle',
      shape: 'roundRect',
      rectRadius: 0.08,
      fill: { color: step.momentOfTruth ? 'FFF3E0' : 'ECEFF1' },
      line: step.momentOfTruth ? { color: 'EF6C00', width: 1.5 } : { color: 'B0BEC5', width: 0.75 },
    });
    const chipWidth = Math.min(w * 0.45, 1.1);
    slide.addText(step.score === null ? labels.notScored : formatScoreSign(step.score, view.locale), {
      x,
      y: chipTop,
      w: chipWidth,
      h: chipHeight,
      shape: 'roundRect',
      rectRadius: 0.16,
      fill: { color: hex(scoreColor(step.score)) },
      color: inkOn(step.score),
      fontSize: step.score === null ? 8 : 12,
      bold: true,
      align: 'center',
      valign: 'middle',
      margin: 0,
      fit: 'shrink',
    });
    if (step.wait) {
      addBox(slide, `${labels.wait}: ${formatWaitMinutes(step.wait.minutes, view.locale)}`, { x: x + chipWidth + 0.05, y: chipTop, w: w - chipWidth - 0.05, h: chipHeight }, [9, 8, 7], { color: MUTED, valign: 'middle' });
    }
    view.lanes.forEach((lane, row) => {
      const text = view.cellText(lane.lane.id, step.id);
      if (text.trim()) addBox(slide, text, { x, y: lanesTop + row * laneHeight, w, h: laneHeight }, cellSizes);
    });
  });
}

function curveSlide(pptx: Pptx, view: JourneyView): void {
  const { labels } = view;
  const slide = pptx.addSlide();
  slideTitle(slide, labels.emotionCurve);
  const left = MARGIN + 0.9;
  const right = SLIDE_WIDTH - MARGIN;
  const top = 1.4;
  const bottom = 5.2;
  const yOf = (score: number) => top + ((2 - Math.max(-2, Math.min(2, score))) / 4) * (bottom - top);
  const columnWidth = (right - left) / Math.max(view.steps.length, 1);
  const xOf = (i: number) => left + (i + 0.5) * columnWidth;

  for (let score = -2; score <= 2; score++) {
    slide.addShape('line', { x: left, y: yOf(score), w: right - left, h: 0, line: { color: score === 0 ? '90A4AE' : GRID, width: score === 0 ? 1 : 0.5 } });
    slide.addText(formatScoreSign(score, view.locale), { x: MARGIN, y: yOf(score) - 0.15, w: 0.8, h: 0.3, fontSize: 11, color: MUTED, align: 'right', valign: 'middle', margin: 0 });
  }

  // The curves in the editor's order (to-be, measured, designed, dots), each named at the top right.
  const hasTargets = view.steps.some((s) => s.step.targetScore !== null);
  if (hasTargets) {
    const toBe = view.steps.map((s, i) => ({ i, score: s.step.targetScore ?? s.step.score })).filter((p): p is { i: number; score: NonNullable<typeof p.score> } => p.score !== null);
    drawCurve(slide, toBe.map((p) => ({ x: xOf(p.i), y: yOf(p.score) })), { color: TO_BE, width: 2, dashType: 'dash' });
    addBox(slide, `- - - ${labels.toBe}`, { x: right - 5, y: 0.95, w: 2.4, h: 0.35 }, [11], { color: TO_BE, align: 'right' });
  }
  // The measured curve as the map draws it: dotted through the measured scores, a diamond in the score's colour.
  const measured = view.steps.map((s, i) => ({ i, step: s.step, measured: view.measured.get(s.step.id) })).filter((m) => m.measured !== undefined);
  const measuredPoints = measured.flatMap((m) => (m.measured!.score === null ? [] : [{ i: m.i, score: m.measured!.score }]));
  if (measuredPoints.length > 1) drawCurve(slide, measuredPoints.map((p) => ({ x: xOf(p.i), y: yOf(p.score) })), { color: MEASURED, width: 2.25, dashType: 'sysDot' });
  const diamond = 0.26;
  for (const p of measuredPoints) {
    slide.addShape('diamond', { x: xOf(p.i) - diamond / 2, y: yOf(p.score) - diamond / 2, w: diamond, h: diamond, fill: { color: hex(scoreColor(p.score)) }, line: { color: '263238', width: 1 } });
  }
  if (measured.length > 0) addBox(slide, `··· ◆ ${labels.measured}`, { x: right - (hasTargets ? 7.5 : 5), y: 0.95, w: 2.5, h: 0.35 }, [11], { color: MEASURED, align: 'right' });
  const scored = view.steps.map((s, i) => ({ i, score: s.step.score })).filter((p): p is { i: number; score: NonNullable<typeof p.score> } => p.score !== null);
  drawCurve(slide, scored.map((p) => ({ x: xOf(p.i), y: yOf(p.score) })), { color: '37474F', width: 2.5 });
  if (hasTargets || measured.length > 0) addBox(slide, `—— ${labels.designed}`, { x: right - 2.5, y: 0.95, w: 2.5, h: 0.35 }, [11], { color: '37474F', align: 'right' });
  const dot = 0.24;
  for (const p of scored) {
    slide.addShape('ellipse', { x: xOf(p.i) - dot / 2, y: yOf(p.score) - dot / 2, w: dot, h: dot, fill: { color: hex(scoreColor(p.score)) }, line: { color: '263238', width: 1 } });
  }

  // Under each measured step the editor's figures (drop-off, p90 wait) as text, and a "!" at the
  // curve's top, beside the step, when the measured p90 wait is longer than the designed one.
  const figures = measured.map((m) => ({ i: m.i, curve: curveMeasured(m.step, m.measured!, view.locale) })).filter((m) => m.curve.figures || m.curve.waitExceeded);
  const figuresHeight = figures.some((m) => m.curve.figures) ? 0.42 : 0;
  // One size for every step's figures, each on one line or broken after the drop-off, not inside the wait.
  const figureLines = (text: string, fontSize: number) => (fitText(text, columnWidth, (fontSize * 1.2 + 2 * TEXT_INSET_PT) / 72, fontSize) === text ? text : text.replace(' · ', ' ·\n'));
  const figureSize = [11, 10, 9, 8].find((fontSize) => figures.every(({ curve }) => !curve.figures || fitText(figureLines(curve.figures, fontSize), columnWidth, figuresHeight, fontSize) === figureLines(curve.figures, fontSize))) ?? 7;
  for (const { i, curve } of figures) {
    if (curve.figures) addBox(slide, figureLines(curve.figures, figureSize), { x: xOf(i) - columnWidth / 2, y: bottom + 0.18, w: columnWidth, h: figuresHeight }, [figureSize], { align: 'center', bold: true, color: FIGURES, margin: 1 });
    if (curve.waitExceeded) {
      const size = 0.24;
      slide.addText('!', { x: xOf(i) + Math.min(0.3, columnWidth * 0.3) - size / 2, y: top + 0.14 - size / 2, w: size, h: size, shape: 'ellipse', fill: { color: GAP }, color: 'FFFFFF', bold: true, fontSize: 11, align: 'center', valign: 'middle', margin: 0 });
    }
  }
  if (figuresHeight > 0) {
    const key = [`↘ ${labels.dropOff} · ${labels.p90Wait}`, figures.some((m) => m.curve.waitExceeded) ? `! ${labels.waitExceeded}` : null].filter((part): part is string => part !== null).join('     ');
    addBox(slide, key, { x: left, y: 7.05, w: right - left, h: 0.3 }, [10, 9], { color: FIGURES });
  }

  const labelsTop = bottom + 0.25 + (figuresHeight > 0 ? figuresHeight + 0.02 : 0);
  const labelsBottom = figuresHeight > 0 ? 7.0 : 7.3;
  view.steps.forEach((s, i) => {
    const label = columnWidth >= 0.45 ? `${s.number}. ${s.title}` : String(s.number);
    addBox(slide, label, { x: xOf(i) - columnWidth / 2, y: labelsTop, w: columnWidth, h: labelsBottom - labelsTop }, [10, 9, 8, 7], { align: 'center', color: INK, margin: 1 });
  });
}

/** One native line shape per segment; pptxgenjs draws a line down-right, so an upward one is flipped. */
function drawCurve(slide: Slide, points: readonly { x: number; y: number }[], line: LineOptions): void {
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1]!;
    const to = points[i]!;
    slide.addShape('line', { x: from.x, y: Math.min(from.y, to.y), w: to.x - from.x, h: Math.abs(to.y - from.y), flipV: to.y < from.y, line });
  }
}

function evaluationSlide(pptx: Pptx, view: JourneyView): void {
  const { labels, evaluation } = view;
  const slide = pptx.addSlide();
  slideTitle(slide, labels.evaluation);
  const figure = (value: number | null) => (value === null ? labels.notScored : formatScoreSign(value, view.locale));
  addBox(slide, `${labels.remembered}: ${figure(evaluation.peakEnd.remembered)}     ${labels.mean}: ${figure(evaluation.peakEnd.mean)}`, { x: MARGIN, y: 1.0, w: SLIDE_WIDTH - 2 * MARGIN, h: 0.5 }, [18, 14], { bold: true });
  addBox(slide, labels.findings, { x: MARGIN, y: 1.6, w: SLIDE_WIDTH - 2 * MARGIN, h: 0.4 }, [14], { color: MUTED });
  const shown = evaluation.findings.slice(0, MAX_FINDINGS);
  if (shown.length === 0) {
    addBox(slide, labels.noFindings, { x: MARGIN, y: 2.1, w: SLIDE_WIDTH - 2 * MARGIN, h: 0.5 }, [14]);
    return;
  }
  const rest = evaluation.findings.length - shown.length;
  const top = 2.1;
  const rowHeight = Math.min(0.62, (7.3 - top - (rest > 0 ? 0.35 : 0)) / shown.length);
  const colors = { critical: 'B3261E', warning: 'E65100', info: '1565C0', positive: '1B7F3B' } as const;
  shown.forEach((finding, i) => {
    const y = top + i * rowHeight;
    addBox(slide, labels.severities[finding.severity], { x: MARGIN, y, w: 1.6, h: rowHeight }, [13, 11, 9, 8], { bold: true, color: colors[finding.severity] });
    addBox(slide, finding.message, { x: MARGIN + 1.7, y, w: SLIDE_WIDTH - 2 * MARGIN - 1.7, h: rowHeight }, [13, 12, 11, 10, 9, 8]);
  });
  if (rest > 0) addBox(slide, `+${rest}`, { x: MARGIN, y: top + shown.length * rowHeight, w: 2, h: 0.35 }, [12], { color: MUTED });
}

function actionsSlide(pptx: Pptx, view: JourneyView): void {
  const { labels } = view;
  const slide = pptx.addSlide();
  slideTitle(slide, labels.actions);
  const actions = sortByIndex(view.doc.actions);
  if (actions.length === 0) {
    addBox(slide, labels.noActions, { x: MARGIN, y: 1.2, w: SLIDE_WIDTH - 2 * MARGIN, h: 0.5 }, [16], { color: MUTED });
    return;
  }
  const head = (text: string): TableCell => ({ text, options: { bold: true, fill: { color: 'ECEFF1' } } });
  const rows: TableRow[] = [
    [head(labels.action), head(labels.status), head(labels.owner), head(labels.dueDate), head(labels.steps)],
    ...actions.map((action) => [
      { text: action.title || '—' },
      { text: labels.actionStatuses[action.status] },
      { text: action.owner },
      { text: action.dueDate ?? '' },
      { text: actionStepTitles(view, action).join('; ') },
    ]),
  ];
  // A long list continues on as many slides as it needs, the header repeated.
  slide.addTable(rows, {
    x: MARGIN,
    y: 1.1,
    w: SLIDE_WIDTH - 2 * MARGIN,
    colW: [4.0, 1.3, 2.0, 1.4, 3.83],
    fontSize: 11,
    color: INK,
    border: { type: 'solid', pt: 0.5, color: 'B0BEC5' },
    valign: 'top',
    autoPage: true,
    autoPageRepeatHeader: true,
    autoPageHeaderRows: 1,
    autoPageSlideStartY: 0.6,
  });
}
