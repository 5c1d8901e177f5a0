import { compareByIndex, sortByIndex, type JourneyDocument, type PhaseRecord, type StepRecord } from '@klantreis/schema';

/** A step with where it stands on the map. */
export interface PlacedStep {
  step: StepRecord;
  /** 1-based position among all steps in display order; "step 3" in a message is this number. */
  position: number;
  /** Null only for a step whose phase is missing, which a validated document never has. */
  phase: PhaseRecord | null;
  /** 1-based position of the phase; 0 for a step whose phase is missing. */
  phasePosition: number;
}

/** One point of the emotion curve: a step that has a score. */
export interface CurvePoint {
  stepId: string;
  position: number;
  score: number;
}

/** The document as the rules read it: phases and steps in display order, the curve, and a lookup by id. */
export interface OrderedJourney {
  doc: JourneyDocument;
  phases: PhaseRecord[];
  steps: PlacedStep[];
  curve: CurvePoint[];
  byStepId: Map<string, PlacedStep>;
}

/**
 * Display order is phases by index, then steps by index within their phase; the order of the
 * arrays in the document does not count, so a reordered copy evaluates the same.
 */
export function orderJourney(doc: JourneyDocument): OrderedJourney {
  const phases = sortByIndex(doc.phases);
  const stepsByPhase = new Map<string, StepRecord[]>();
  for (const phase of phases) stepsByPhase.set(phase.id, []);
  const orphans: StepRecord[] = [];
  for (const step of doc.steps) {
    const list = stepsByPhase.get(step.phaseId);
    if (list) list.push(step);
    else orphans.push(step);
  }

  const steps: PlacedStep[] = [];
  phases.forEach((phase, i) => {
    const list = stepsByPhase.get(phase.id)!;
    list.sort(compareByIndex);
    for (const step of list) steps.push({ step, position: steps.length + 1, phase, phasePosition: i + 1 });
  });
  // A validated document has no orphans; an unvalidated one still evaluates instead of failing.
  orphans.sort(compareByIndex);
  for (const step of orphans) steps.push({ step, position: steps.length + 1, phase: null, phasePosition: 0 });

  const curve: CurvePoint[] = [];
  const byStepId = new Map<string, PlacedStep>();
  for (const placed of steps) {
    byStepId.set(placed.step.id, placed);
    if (placed.step.score !== null) curve.push({ stepId: placed.step.id, position: placed.position, score: placed.step.score });
  }
  return { doc, phases, steps, curve, byStepId };
}
