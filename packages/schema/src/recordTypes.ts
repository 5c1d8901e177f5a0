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

/** One place that knows, per record type, its validator and which fields are collaborative text. */
export const RECORD_DEFINITIONS: Record<RecordType, { schema: z.ZodObject; textFields: readonly string[] }> = {
  journey: { schema: journeyRecordSchema, textFields: JOURNEY_TEXT_FIELDS },
  phase: { schema: phaseRecordSchema, textFields: PHASE_TEXT_FIELDS },
  step: { schema: stepRecordSchema, textFields: STEP_TEXT_FIELDS },
  lane: { schema: laneRecordSchema, textFields: LANE_TEXT_FIELDS },
  cell: { schema: cellRecordSchema, textFields: CELL_TEXT_FIELDS },
  persona: { schema: personaRecordSchema, textFields: PERSONA_TEXT_FIELDS },
  action: { schema: actionRecordSchema, textFields: ACTION_TEXT_FIELDS },
  indicator: { schema: indicatorRecordSchema, textFields: INDICATOR_TEXT_FIELDS },
  comment: { schema: commentRecordSchema, textFields: COMMENT_TEXT_FIELDS },
  capture: { schema: captureRecordSchema, textFields: CAPTURE_TEXT_FIELDS },
  vote: { schema: voteRecordSchema, textFields: VOTE_TEXT_FIELDS },
};
