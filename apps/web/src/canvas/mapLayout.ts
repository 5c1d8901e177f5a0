import type { JourneyDocument, LaneRecord, PhaseRecord, StepRecord } from '@klantreis/schema';

// Where everything sits on the map, computed once per document change. Every column has the
// same width, so the curve, the step headers and the lane cells line up by column number.
export const STEP_WIDTH = 192;
export const LABEL_WIDTH = 200;
export const CURVE_HEIGHT = 176;

export type MapColumn = { kind: 'step'; step: StepRecord; phase: PhaseRecord } | { kind: 'empty'; phase: PhaseRecord };

export interface PhaseSpan {
  phase: PhaseRecord;
  firstColumn: number;
  span: number;
  stepCount: number;
}

export interface MapLayout {
  columns: MapColumn[];
  phaseSpans: PhaseSpan[];
  visibleLanes: LaneRecord[];
  hiddenLanes: LaneRecord[];
  /** Cell text by `${laneId}|${stepId}`. */
  cellText: Map<string, string>;
  stepNumber: Map<string, number>;
}

export function cellKey(laneId: string, stepId: string): string {
  return `${laneId}|${stepId}`;
}

export function mapLayout(journey: JourneyDocument): MapLayout {
  const columns: MapColumn[] = [];
  const phaseSpans: PhaseSpan[] = [];
  const stepsByPhase = new Map<string, StepRecord[]>();
  for (const step of journey.steps) {
    const list = stepsByPhase.get(step.phaseId) ?? [];
    list.push(step);
    stepsByPhase.set(step.phaseId, list);
  }
  for (const phase of journey.phases) {
    const steps = stepsByPhase.get(phase.id) ?? [];
    phaseSpans.push({ phase, firstColumn: columns.length, span: Math.max(1, steps.length), stepCount: steps.length });
    if (steps.length === 0) columns.push({ kind: 'empty', phase });
    for (const step of steps) columns.push({ kind: 'step', step, phase });
  }
  const cellText = new Map<string, string>();
  for (const cell of journey.cells) cellText.set(cellKey(cell.laneId, cell.stepId), cell.text);
  return {
    columns,
    phaseSpans,
    visibleLanes: journey.lanes.filter((l) => !l.hidden),
    hiddenLanes: journey.lanes.filter((l) => l.hidden),
    cellText,
    stepNumber: new Map(journey.steps.map((s, i) => [s.id, i + 1])),
  };
}

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
