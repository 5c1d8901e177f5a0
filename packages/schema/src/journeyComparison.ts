import type { JourneyDocument } from './journeyDocument.ts';
import type { StepRecord } from './stepRecord.ts';

export interface StepChange {
  stepId: string;
  title: string;
  /** The fields that differ, such as `score`, `title`, `touchpoints`, or `cell:<laneId>` for lane text. */
  fields: string[];
  before: StepRecord;
  after: StepRecord;
}

export interface JourneyComparison {
  stepsAdded: StepRecord[];
  stepsRemoved: StepRecord[];
  stepsChanged: StepChange[];
  phasesAdded: string[];
  phasesRemoved: string[];
  phasesRenamed: { phaseId: string; before: string; after: string }[];
  /** Both curves, each step's score in its own version's order, for drawing side by side. */
  curves: { before: { stepId: string; title: string; score: number | null }[]; after: { stepId: string; title: string; score: number | null }[] };
  unchanged: boolean;
}

const COMPARED_STEP_FIELDS = ['title', 'description', 'score', 'phaseId', 'index', 'beforeFirstContact', 'wait', 'touchpoints', 'kano', 'serviceConcept', 'momentOfTruth'] as const;

/** Deep equality that ignores the order of object keys: a migrated or re-read record may list them differently. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => same(item, (b as unknown[])[i]));
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  return aKeys.length === Object.keys(bRecord).length && aKeys.every((key) => key in bRecord && same((a as Record<string, unknown>)[key], bRecord[key]));
}

function cellTexts(document: JourneyDocument): Map<string, Map<string, string>> {
  const byStep = new Map<string, Map<string, string>>();
  for (const cell of document.cells) {
    const lanes = byStep.get(cell.stepId) ?? new Map<string, string>();
    lanes.set(cell.laneId, cell.text);
    byStep.set(cell.stepId, lanes);
  }
  return byStep;
}

/** What changed from one version of a journey to another, step by step, for the compare view. */
export function compareJourneys(before: JourneyDocument, after: JourneyDocument): JourneyComparison {
  const beforeSteps = new Map(before.steps.map((s) => [s.id, s]));
  const afterSteps = new Map(after.steps.map((s) => [s.id, s]));
  const beforeCells = cellTexts(before);
  const afterCells = cellTexts(after);
  const stepsChanged: StepChange[] = [];
  for (const step of after.steps) {
    const old = beforeSteps.get(step.id);
    if (!old) continue;
    const fields: string[] = COMPARED_STEP_FIELDS.filter((field) => !same(old[field], step[field]));
    const oldCells = beforeCells.get(step.id) ?? new Map<string, string>();
    const newCells = afterCells.get(step.id) ?? new Map<string, string>();
    for (const laneId of new Set([...oldCells.keys(), ...newCells.keys()])) {
      if ((oldCells.get(laneId) ?? '') !== (newCells.get(laneId) ?? '')) fields.push(`cell:${laneId}`);
    }
    if (fields.length > 0) stepsChanged.push({ stepId: step.id, title: step.title, fields, before: old, after: step });
  }
  const beforePhases = new Map(before.phases.map((p) => [p.id, p]));
  const afterPhases = new Map(after.phases.map((p) => [p.id, p]));
  const comparison: Omit<JourneyComparison, 'unchanged'> = {
    stepsAdded: after.steps.filter((s) => !beforeSteps.has(s.id)),
    stepsRemoved: before.steps.filter((s) => !afterSteps.has(s.id)),
    stepsChanged,
    phasesAdded: after.phases.filter((p) => !beforePhases.has(p.id)).map((p) => p.id),
    phasesRemoved: before.phases.filter((p) => !afterPhases.has(p.id)).map((p) => p.id),
    phasesRenamed: after.phases
      .filter((p) => beforePhases.has(p.id) && beforePhases.get(p.id)!.name !== p.name)
      .map((p) => ({ phaseId: p.id, before: beforePhases.get(p.id)!.name, after: p.name })),
    curves: {
      before: before.steps.map((s) => ({ stepId: s.id, title: s.title, score: s.score })),
      after: after.steps.map((s) => ({ stepId: s.id, title: s.title, score: s.score })),
    },
  };
  const unchanged =
    comparison.stepsAdded.length + comparison.stepsRemoved.length + stepsChanged.length + comparison.phasesAdded.length + comparison.phasesRemoved.length + comparison.phasesRenamed.length === 0 &&
    same({ ...before.journey, title: '' }, { ...after.journey, title: '' }) &&
    same(before.lanes, after.lanes) &&
    same(before.personas, after.personas);
  return { ...comparison, unchanged };
}
