import {
  createBlankJourney,
  createKanoElement,
  createPhaseRecord,
  createStepRecord,
  createTouchpoint,
  indicesBetween,
  validateJourneyDocument,
  type JourneyDocument,
  type KanoCategory,
  type KanoElement,
  type Score,
  type StepRecord,
  type Touchpoint,
} from '@klantreis/schema';
import { orderJourney } from './orderedJourney.ts';

// Tests and the benchmark describe a journey in a few lines; this turns it into a valid document.

export interface StepSpec {
  title?: string;
  description?: string;
  score?: Score | null;
  /** The to-be score. */
  target?: Score | null;
  /** Minutes of waiting; null or absent for none. */
  wait?: number | null;
  /** A touchpoint per entry: a bare number is its importance. */
  touchpoints?: Array<number | null | Partial<Touchpoint>>;
  /** A Kano element per entry: a bare category is an element with that category and no text. */
  kano?: Array<KanoCategory | Partial<KanoElement>>;
  role?: 'differentiator' | 'sacrifice';
  momentOfTruth?: boolean;
}

export interface PhaseSpec {
  name?: string;
  /** The phase's moment of truth: the customer's main need. */
  need?: string;
  /** A bare score (or null) is an untitled step with only that score. */
  steps: Array<StepSpec | Score | null>;
}

export interface JourneySpec {
  title?: string;
  locale?: 'nl' | 'en';
  journeyScore?: Score | null;
  phases: PhaseSpec[];
  /** Store phases and steps in reverse array order, to check that only the indices count. */
  scramble?: boolean;
}

function buildStep(spec: StepSpec | Score | null, phaseId: StepRecord['phaseId'], index: string): StepRecord {
  const full: StepSpec = spec === null || typeof spec === 'number' ? { score: spec } : spec;
  return createStepRecord({
    phaseId,
    index,
    title: full.title ?? '',
    description: full.description ?? '',
    score: full.score ?? null,
    targetScore: full.target ?? null,
    wait: full.wait === undefined || full.wait === null ? null : { moment: 'before', minutes: full.wait },
    touchpoints: (full.touchpoints ?? []).map((touchpoint) =>
      typeof touchpoint === 'number' || touchpoint === null ? createTouchpoint({ importance: touchpoint }) : createTouchpoint(touchpoint),
    ),
    kano: (full.kano ?? []).map((element) =>
      typeof element === 'string' ? createKanoElement({ category: element }) : createKanoElement(element),
    ),
    serviceConcept: full.role ?? null,
    momentOfTruth: full.momentOfTruth ?? false,
  });
}

/** A valid JourneyDocument from a compact description; a bare list of steps is one phase. Throws when the result does not validate. */
export function buildJourney(spec: JourneySpec | PhaseSpec['steps']): JourneyDocument {
  const full: JourneySpec = Array.isArray(spec) ? { phases: [{ steps: spec }] } : spec;
  const doc = createBlankJourney(full.title ?? 'Test journey', full.locale ?? 'en');
  doc.journey.journeyScore = full.journeyScore ?? null;
  const phaseIndices = indicesBetween(null, null, full.phases.length);
  doc.phases = full.phases.map((phase, i) =>
    createPhaseRecord({ index: phaseIndices[i]!, name: phase.name ?? '', momentOfTruth: phase.need ?? '' }),
  );
  doc.steps = full.phases.flatMap((phase, i) => {
    const stepIndices = indicesBetween(null, null, phase.steps.length);
    return phase.steps.map((step, j) => buildStep(step, doc.phases[i]!.id, stepIndices[j]!));
  });
  if (full.scramble) {
    doc.phases.reverse();
    doc.steps.reverse();
  }
  const result = validateJourneyDocument(doc);
  if (!result.ok) {
    throw new Error(`buildJourney made an invalid document: ${result.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
  }
  return doc;
}

/** The id of the step at a 1-based display position. */
export function stepIdAt(doc: JourneyDocument, position: number): string {
  const placed = orderJourney(doc).steps[position - 1];
  if (!placed) throw new Error(`no step at position ${position}`);
  return placed.step.id;
}

/** The id of the step with this title. */
export function stepIdByTitle(doc: JourneyDocument, title: string): string {
  const step = doc.steps.find((s) => s.title === title);
  if (!step) throw new Error(`no step titled ${title}`);
  return step.id;
}
