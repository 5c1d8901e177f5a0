import type { CellRecord, JourneyDocument, LaneRecord, PhaseRecord, StepRecord } from '@klantreis/schema';

// Where everything sits on the map, computed once per document change. Every column has the
// same width, so the curve, the step headers and the lane cells line up by column number.
// The widths are the layout model's, so the exports wrap words where the editor does; they
// leave six whole step columns beside the docked side panel at 1440 px and 100% (issue 14).
export { CURVE_HEIGHT, LABEL_WIDTH, STEP_WIDTH } from '@klantreis/render/layout';

export type MapColumn = { kind: 'step'; step: StepRecord; phase: PhaseRecord } | { kind: 'empty'; phase: PhaseRecord };

export interface PhaseSpan {
  phase: PhaseRecord;
  firstColumn: number;
  span: number;
  stepCount: number;
}

export interface MapColumns {
  columns: MapColumn[];
  phaseSpans: PhaseSpan[];
  stepNumber: Map<string, number>;
  /** Each step's column index. */
  columnOfStep: Map<string, number>;
}

/** The columns depend on phases and steps only, so typing in a cell does not rebuild them. */
export function mapColumns(phases: readonly PhaseRecord[], steps: readonly StepRecord[]): MapColumns {
  const columns: MapColumn[] = [];
  const phaseSpans: PhaseSpan[] = [];
  const stepsByPhase = new Map<string, StepRecord[]>();
  for (const step of steps) {
    const list = stepsByPhase.get(step.phaseId) ?? [];
    list.push(step);
    stepsByPhase.set(step.phaseId, list);
  }
  for (const phase of phases) {
    const phaseSteps = stepsByPhase.get(phase.id) ?? [];
    phaseSpans.push({ phase, firstColumn: columns.length, span: Math.max(1, phaseSteps.length), stepCount: phaseSteps.length });
    if (phaseSteps.length === 0) columns.push({ kind: 'empty', phase });
    for (const step of phaseSteps) columns.push({ kind: 'step', step, phase });
  }
  const columnOfStep = new Map<string, number>();
  columns.forEach((column, i) => column.kind === 'step' && columnOfStep.set(column.step.id, i));
  return { columns, phaseSpans, stepNumber: new Map(steps.map((s, i) => [s.id, i + 1])), columnOfStep };
}

/**
 * Cell text per lane. A lane whose cells are all the same objects as last time keeps its old
 * map, so only the lane someone types in renders again.
 */
export function laneTexts(cells: readonly CellRecord[], previous: Map<string, LaneTexts>): Map<string, LaneTexts> {
  const grouped = new Map<string, CellRecord[]>();
  for (const cell of cells) {
    const list = grouped.get(cell.laneId) ?? [];
    list.push(cell);
    grouped.set(cell.laneId, list);
  }
  const out = new Map<string, LaneTexts>();
  for (const [laneId, laneCells] of grouped) {
    const old = previous.get(laneId);
    if (old && old.cells.length === laneCells.length && old.cells.every((c, i) => c === laneCells[i])) {
      out.set(laneId, old);
    } else {
      out.set(laneId, { cells: laneCells, textByStep: new Map(laneCells.map((c) => [c.stepId, c.text])) });
    }
  }
  return out;
}

export interface LaneTexts {
  cells: CellRecord[];
  textByStep: Map<string, string>;
}

export const NO_TEXTS: LaneTexts = { cells: [], textByStep: new Map() };

/**
 * Where a step lands when moved by `delta` columns in the whole-map order: past the edge of its
 * phase it joins the neighbouring phase, the way a post-it slides along the wall.
 */
export function stepMoveTarget(journey: JourneyDocument, stepId: string, delta: number): { phaseId: string; position: number } | null {
  const step = journey.steps.find((s) => s.id === stepId);
  if (!step) return null;
  const phaseIndex = journey.phases.findIndex((p) => p.id === step.phaseId);
  const inPhase = journey.steps.filter((s) => s.phaseId === step.phaseId);
  const position = inPhase.findIndex((s) => s.id === stepId) + delta;
  if (position >= 0 && position < inPhase.length) return { phaseId: step.phaseId, position };
  const neighbour = journey.phases[phaseIndex + (delta < 0 ? -1 : 1)];
  if (!neighbour) return null;
  const neighbourCount = journey.steps.filter((s) => s.phaseId === neighbour.id).length;
  return { phaseId: neighbour.id, position: delta < 0 ? neighbourCount : 0 };
}

export function laneDisplayName(lane: LaneRecord, translateKind: (kind: string) => string): string {
  return lane.name || translateKind(lane.kind);
}

export function stepDisplayTitle(step: StepRecord, number: number | undefined, untitled: string): string {
  return step.title || `${untitled} ${number ?? ''}`.trim();
}
