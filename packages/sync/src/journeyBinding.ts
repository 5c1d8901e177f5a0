import * as Y from 'yjs';
import {
  CURRENT_SCHEMA_VERSION,
  JOURNEY_RECORD_ID,
  RECORD_DEFINITIONS,
  recordTypeOf,
  sortByIndex,
  type ActionRecord,
  type CaptureRecord,
  type CellRecord,
  type CommentRecord,
  type IndicatorRecord,
  type JourneyDocument,
  type JourneyRecord,
  type LaneRecord,
  type PersonaRecord,
  type PhaseRecord,
  type StepRecord,
  type VoteRecord,
} from '@klantreis/schema';
import { recordFields } from './derivedTexts.ts';
import { metaOf, recordsOf } from './documentShape.ts';
import { writeRecord } from './recordBinding.ts';

/** Fills an empty Yjs document from a journey in the open JSON format, in one transaction. */
export function writeJourneyToDoc(doc: Y.Doc, journey: JourneyDocument, origin?: unknown): void {
  doc.transact(() => {
    metaOf(doc).set('schemaVersion', journey.schemaVersion);
    writeRecord(doc, journey.journey);
    for (const list of [journey.phases, journey.steps, journey.lanes, journey.cells, journey.personas, journey.actions, journey.indicators]) {
      for (const record of list) writeRecord(doc, record);
    }
  }, origin);
}

export function journeyToUpdate(journey: JourneyDocument): Uint8Array {
  const doc = new Y.Doc();
  writeJourneyToDoc(doc, journey);
  return Y.encodeStateAsUpdate(doc);
}

export interface ReadOptions {
  /**
   * Validate each record and leave out the ones that fail. The server does this for every
   * snapshot it stores or serves; the editor skips it because it renders every keystroke.
   */
  validate?: boolean;
}

function byCreation(a: { createdAt: number; id: string }, b: { createdAt: number; id: string }): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Comments, oldest first, without those whose step is gone (deleted, perhaps concurrently)
 * and without replies whose thread was deleted.
 */
function liveComments(comments: CommentRecord[], stepIds: ReadonlySet<string>): CommentRecord[] {
  const onLiveSteps = comments.filter((c) => stepIds.has(c.stepId));
  const threads = new Set<string>(onLiveSteps.filter((c) => c.parentId === null).map((c) => c.id));
  return onLiveSteps.filter((c) => c.parentId === null || threads.has(c.parentId)).sort(byCreation);
}

/**
 * Reads the document as the open JSON format, lists in display order. Records orphaned by
 * concurrent edits (a step added to a phase someone else deleted) are left out, so the result
 * always passes the same validation as an import.
 */
export function journeyFromDoc(doc: Y.Doc, options: ReadOptions = {}): JourneyDocument {
  let journey: JourneyRecord | undefined;
  const phases: PhaseRecord[] = [];
  const steps: StepRecord[] = [];
  const lanes: LaneRecord[] = [];
  const cells: CellRecord[] = [];
  const personas: PersonaRecord[] = [];
  const actions: ActionRecord[] = [];
  const indicators: IndicatorRecord[] = [];
  const comments: CommentRecord[] = [];
  const captures: CaptureRecord[] = [];
  const votes: VoteRecord[] = [];
  recordsOf(doc).forEach((map, id) => {
    const type = recordTypeOf(id);
    if (!type || !(map instanceof Y.Map)) return;
    const record = recordFields(doc, id, map);
    if (record.id !== id) return;
    if (options.validate && !RECORD_DEFINITIONS[type].schema.safeParse(record).success) return;
    if (type === 'journey') journey = record as JourneyRecord;
    else if (type === 'phase') phases.push(record as PhaseRecord);
    else if (type === 'step') steps.push(record as StepRecord);
    else if (type === 'lane') lanes.push(record as LaneRecord);
    else if (type === 'cell') cells.push(record as CellRecord);
    else if (type === 'persona') personas.push(record as PersonaRecord);
    else if (type === 'action') actions.push(record as ActionRecord);
    else if (type === 'indicator') indicators.push(record as IndicatorRecord);
    else if (type === 'comment') comments.push(record as CommentRecord);
    else if (type === 'capture') captures.push(record as CaptureRecord);
    else votes.push(record as VoteRecord);
  });
  if (!journey) throw new Error(`the document has no ${JOURNEY_RECORD_ID} record`);
  const phaseIds = new Set<string>(phases.map((p) => p.id));
  const sortedPhases = sortByIndex(phases);
  const phaseOrder = new Map<string, number>(sortedPhases.map((p, i) => [p.id, i]));
  const liveSteps = sortByIndex(steps.filter((s) => phaseIds.has(s.phaseId))).sort(
    (a, b) => phaseOrder.get(a.phaseId)! - phaseOrder.get(b.phaseId)!,
  );
  const stepIds = new Set<string>(liveSteps.map((s) => s.id));
  const laneIds = new Set<string>(lanes.map((l) => l.id));
  const personaIds = new Set<string>(personas.map((p) => p.id));
  const sortedLanes = sortByIndex(lanes);
  const laneOrder = new Map<string, number>(sortedLanes.map((l, i) => [l.id, i]));
  const stepOrder = new Map<string, number>(liveSteps.map((s, i) => [s.id, i]));
  const liveCells = cells
    .filter((c) => laneIds.has(c.laneId) && stepIds.has(c.stepId))
    .sort((a, b) => laneOrder.get(a.laneId)! - laneOrder.get(b.laneId)! || stepOrder.get(a.stepId)! - stepOrder.get(b.stepId)!);
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    journey: { ...journey, personaIds: journey.personaIds.filter((id) => personaIds.has(id)) },
    phases: sortedPhases,
    steps: liveSteps,
    lanes: sortedLanes,
    cells: liveCells,
    personas: [...personas].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    // A deleted step stays in the action's record, so undoing the delete brings the link back;
    // the open format only names steps that exist.
    actions: sortByIndex(actions).map((action) =>
      action.stepIds.every((id) => stepIds.has(id)) ? action : { ...action, stepIds: action.stepIds.filter((id) => stepIds.has(id)) },
    ),
    // Likewise an indicator keeps the id of a deleted step, and reads as concerning no step.
    indicators: sortByIndex(indicators).map((indicator) =>
      indicator.stepId === null || stepIds.has(indicator.stepId) ? indicator : { ...indicator, stepId: null },
    ),
    comments: liveComments(comments, stepIds),
    captures: captures.sort(byCreation),
    votes: votes.filter((v) => laneIds.has(v.laneId) && stepIds.has(v.stepId)).sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}
