import type { z } from 'zod';
import { ACTION_TEXT_FIELDS, actionRecordSchema, type ActionRecord } from './actionRecord.ts';
import { CAPTURE_TEXT_FIELDS, captureRecordSchema, type CaptureRecord } from './captureRecord.ts';
import { CELL_TEXT_FIELDS, cellRecordSchema, type CellRecord } from './cellRecord.ts';
import { COMMENT_TEXT_FIELDS, commentRecordSchema, type CommentRecord } from './commentRecord.ts';
import { cellId, type LaneId, type PhaseId, type RecordType, type StepId } from './ids.ts';
import { INDICATOR_TEXT_FIELDS, indicatorRecordSchema, type IndicatorRecord } from './indicatorRecord.ts';
import { JOURNEY_TEXT_FIELDS, journeyRecordSchema, type JourneyRecord } from './journeyRecord.ts';
import { LANE_TEXT_FIELDS, laneRecordSchema, type LaneRecord } from './laneRecord.ts';
import { LINK_TEXT_FIELDS, linkId, linkRecordSchema, type LinkRecord } from './linkRecord.ts';
import { PERSONA_TEXT_FIELDS, personaRecordSchema, type PersonaRecord } from './personaRecord.ts';
import { PHASE_TEXT_FIELDS, phaseRecordSchema, type PhaseRecord } from './phaseRecord.ts';
import { STEP_TEXT_FIELDS, stepRecordSchema, type StepRecord } from './stepRecord.ts';
import { VOTE_TEXT_FIELDS, voteId, voteRecordSchema, type VoteRecord } from './voteRecord.ts';

// The one place that knows the record types. Each declares its list in the open JSON format,
// its validator, its collaborative text fields, how its id is derived (if it is), the records
// it refers to with what happens when one is gone, and the order its list reads in. The
// document schema and type, the blank journey, the Yjs binding, the schema upgrade, the
// validation of references and the convergence checks all read it; a new record type is one
// entry here (and its migration), not a change in ten files.

/** What becomes of a record whose referenced record is gone (deleted, perhaps concurrently). */
export type OrphanRule =
  /** The record is left out: a cell without its lane. */
  | 'drop'
  /** The reference reads as null: an indicator whose step was deleted concerns no step. */
  | 'clear'
  /** The id is left out of the list: an action keeps improving its other steps. */
  | 'prune';

export interface Reference {
  field: string;
  type: RecordType;
  /** A list of ids (prune) rather than one id. */
  many?: boolean;
  onMissing: OrphanRule;
}

/** The order a list reads in, in the open format and on screen. */
export type ListOrder = 'index' | 'created' | 'name' | 'id';

export interface RecordDefinition {
  /** The list in the open JSON format; null for the one journey record. */
  list: string | null;
  schema: z.ZodObject;
  /** The most records of this type one journey may hold. */
  maxCount: number;
  /** The fields that are collaborative text (Y.Text in the document, merged by character). */
  textFields: readonly string[];
  /**
   * Derives the id from other fields (a cell's from its lane and step), so several people can
   * create the same record at once, each on their first edit, and write one record. Such a
   * record's text fields are kept where a concurrent creation merges instead of replacing
   * (packages/sync, derivedTexts.ts).
   */
  deriveId?: (record: never) => string;
  /** What the id is derived from, for the message when it is not. */
  derivedFrom?: string;
  references: readonly Reference[];
  order: ListOrder;
  /** What the list holds, for the published JSON Schema. */
  description: string;
}

export const RECORD_DEFINITIONS = {
  journey: {
    list: null,
    schema: journeyRecordSchema,
    maxCount: 1,
    textFields: JOURNEY_TEXT_FIELDS,
    references: [{ field: 'personaIds', type: 'persona', many: true, onMissing: 'prune' }],
    order: 'index',
    description: 'The journey itself: title, kind, owner and status.',
  },
  phase: {
    list: 'phases',
    schema: phaseRecordSchema,
    maxCount: 500,
    textFields: PHASE_TEXT_FIELDS,
    references: [],
    order: 'index',
    description: "The phases in display order; in an experience map, the lifecycle's stages.",
  },
  step: {
    list: 'steps',
    schema: stepRecordSchema,
    maxCount: 5_000,
    textFields: STEP_TEXT_FIELDS,
    references: [{ field: 'phaseId', type: 'phase', onMissing: 'drop' }],
    order: 'index',
    description: 'The steps in display order: by phase, then within the phase.',
  },
  lane: {
    list: 'lanes',
    schema: laneRecordSchema,
    maxCount: 100,
    textFields: LANE_TEXT_FIELDS,
    references: [],
    order: 'index',
    description: 'The lanes (rows) in display order.',
  },
  cell: {
    list: 'cells',
    schema: cellRecordSchema,
    maxCount: 500_000,
    textFields: CELL_TEXT_FIELDS,
    deriveId: (cell: { laneId: LaneId; stepId: StepId }) => cellId(cell.laneId, cell.stepId),
    derivedFrom: 'its lane and step',
    references: [
      { field: 'laneId', type: 'lane', onMissing: 'drop' },
      { field: 'stepId', type: 'step', onMissing: 'drop' },
    ],
    order: 'index',
    description: 'The text of each lane × step cell that has any, by lane then step.',
  },
  persona: {
    list: 'personas',
    schema: personaRecordSchema,
    maxCount: 100,
    textFields: PERSONA_TEXT_FIELDS,
    references: [],
    order: 'name',
    description: 'The personas, by name.',
  },
  action: {
    list: 'actions',
    schema: actionRecordSchema,
    maxCount: 1_000,
    textFields: ACTION_TEXT_FIELDS,
    references: [{ field: 'stepIds', type: 'step', many: true, onMissing: 'prune' }],
    order: 'index',
    description: 'Improvement actions, in display order.',
  },
  indicator: {
    list: 'indicators',
    schema: indicatorRecordSchema,
    maxCount: 200,
    textFields: INDICATOR_TEXT_FIELDS,
    references: [{ field: 'stepId', type: 'step', onMissing: 'clear' }],
    order: 'index',
    description: "The experience indicators of the journey's XLA, in display order.",
  },
  comment: {
    list: 'comments',
    schema: commentRecordSchema,
    maxCount: 50_000,
    textFields: COMMENT_TEXT_FIELDS,
    references: [{ field: 'stepId', type: 'step', onMissing: 'drop' }],
    order: 'created',
    description: 'Comments on steps and cells, oldest first.',
  },
  capture: {
    list: 'captures',
    schema: captureRecordSchema,
    maxCount: 5_000,
    textFields: CAPTURE_TEXT_FIELDS,
    references: [],
    order: 'created',
    description: "The workshop's quick-capture inbox, oldest first.",
  },
  vote: {
    list: 'votes',
    schema: voteRecordSchema,
    maxCount: 50_000,
    textFields: VOTE_TEXT_FIELDS,
    deriveId: (vote: VoteRecord) => voteId(vote.voterKey, vote.laneId, vote.stepId),
    derivedFrom: 'its voter, lane and step',
    references: [
      { field: 'laneId', type: 'lane', onMissing: 'drop' },
      { field: 'stepId', type: 'step', onMissing: 'drop' },
    ],
    order: 'id',
    description: 'Dot votes, one per participant and cell.',
  },
  link: {
    list: 'links',
    schema: linkRecordSchema,
    maxCount: 5_000,
    textFields: LINK_TEXT_FIELDS,
    deriveId: (link: { phaseId: PhaseId; journeyId: string }) => linkId(link.phaseId, link.journeyId),
    derivedFrom: 'its stage and journey',
    references: [{ field: 'phaseId', type: 'phase', onMissing: 'drop' }],
    order: 'index',
    description: "An experience map's links from its stages to the journeys that detail them, in display order.",
  },
} as const satisfies Record<RecordType, RecordDefinition>;

/** The TypeScript type of each record type's records (its validator's, with typed ids). */
export interface RecordOfType {
  journey: JourneyRecord;
  phase: PhaseRecord;
  step: StepRecord;
  lane: LaneRecord;
  cell: CellRecord;
  persona: PersonaRecord;
  action: ActionRecord;
  indicator: IndicatorRecord;
  comment: CommentRecord;
  capture: CaptureRecord;
  vote: VoteRecord;
  link: LinkRecord;
}

/** The record types kept as lists in a document: all but the journey record. */
export type ListRecordType = Exclude<RecordType, 'journey'>;
export const LIST_RECORD_TYPES = (Object.keys(RECORD_DEFINITIONS) as RecordType[]).filter(
  (type): type is ListRecordType => type !== 'journey',
);
export type ListName = (typeof RECORD_DEFINITIONS)[ListRecordType]['list'];
export const LIST_NAMES: readonly ListName[] = LIST_RECORD_TYPES.map((type) => RECORD_DEFINITIONS[type].list);

export function recordDefinition(type: RecordType): RecordDefinition {
  return RECORD_DEFINITIONS[type];
}

/** Whether a record type's id is derived from its fields (cells, votes, links). */
export function hasDerivedId(type: RecordType): boolean {
  return recordDefinition(type).deriveId !== undefined;
}

/** The id a record of a derived-id type must have, or undefined for a type whose ids are random. */
export function expectedId(type: RecordType, record: unknown): string | undefined {
  const derive = recordDefinition(type).deriveId as ((record: unknown) => string) | undefined;
  return derive?.(record);
}

/** Every list of a document empty: the start of a blank journey, an upgrade or a test fixture. */
export function emptyLists(): { [T in ListRecordType as (typeof RECORD_DEFINITIONS)[T]['list']]: RecordOfType[T][] } {
  return Object.fromEntries(LIST_NAMES.map((list) => [list, []])) as never;
}
