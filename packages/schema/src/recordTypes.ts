import type { z } from 'zod';
import { ACTION_TEXT_FIELDS, actionRecordSchema } from './actionRecord.ts';
import { CAPTURE_TEXT_FIELDS, captureRecordSchema } from './captureRecord.ts';
import { CELL_TEXT_FIELDS, cellRecordSchema } from './cellRecord.ts';
import { COMMENT_TEXT_FIELDS, commentRecordSchema } from './commentRecord.ts';
import { INDICATOR_TEXT_FIELDS, indicatorRecordSchema } from './indicatorRecord.ts';
import type { RecordType } from './ids.ts';
import { JOURNEY_TEXT_FIELDS, journeyRecordSchema } from './journeyRecord.ts';
import { LANE_TEXT_FIELDS, laneRecordSchema } from './laneRecord.ts';
import { PERSONA_TEXT_FIELDS, personaRecordSchema } from './personaRecord.ts';
import { PHASE_TEXT_FIELDS, phaseRecordSchema } from './phaseRecord.ts';
import { STEP_TEXT_FIELDS, stepRecordSchema } from './stepRecord.ts';
import { VOTE_TEXT_FIELDS, voteRecordSchema } from './voteRecord.ts';

export interface RecordDefinition {
  schema: z.ZodObject;
  /** The fields that are collaborative text (Y.Text in the document, merged by character). */
  textFields: readonly string[];
  /**
   * The id is derived from other records (a cell from its lane and step), so several people
   * can create the same record at once, each on their first edit. Such a record's text fields
   * are kept where a concurrent creation merges instead of replacing (packages/sync,
   * derivedTexts.ts).
   */
  derivedId: boolean;
}

/** One place that knows, per record type, its validator, which fields are collaborative text, and whether its id is derived. */
export const RECORD_DEFINITIONS: Record<RecordType, RecordDefinition> = {
  journey: { schema: journeyRecordSchema, textFields: JOURNEY_TEXT_FIELDS, derivedId: false },
  phase: { schema: phaseRecordSchema, textFields: PHASE_TEXT_FIELDS, derivedId: false },
  step: { schema: stepRecordSchema, textFields: STEP_TEXT_FIELDS, derivedId: false },
  lane: { schema: laneRecordSchema, textFields: LANE_TEXT_FIELDS, derivedId: false },
  cell: { schema: cellRecordSchema, textFields: CELL_TEXT_FIELDS, derivedId: true },
  persona: { schema: personaRecordSchema, textFields: PERSONA_TEXT_FIELDS, derivedId: false },
  action: { schema: actionRecordSchema, textFields: ACTION_TEXT_FIELDS, derivedId: false },
  indicator: { schema: indicatorRecordSchema, textFields: INDICATOR_TEXT_FIELDS, derivedId: false },
  comment: { schema: commentRecordSchema, textFields: COMMENT_TEXT_FIELDS, derivedId: false },
  capture: { schema: captureRecordSchema, textFields: CAPTURE_TEXT_FIELDS, derivedId: false },
  vote: { schema: voteRecordSchema, textFields: VOTE_TEXT_FIELDS, derivedId: true },
};
