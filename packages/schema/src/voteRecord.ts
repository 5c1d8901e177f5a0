import { z } from 'zod';
import { typedIdSchema } from './typedIdSchema.ts';
import type { LaneId, StepId, VoteId } from './ids.ts';
import { MAX_TITLE_LENGTH } from './limits.ts';

// Dot voting on pain points and opportunities: each participant has a few dots to put on the
// cells that matter most. One record per participant and cell, its id derived from both, so a
// participant's clicks on one cell change one count instead of racing to create two records.

/** How many dots each participant has to spend in one map. */
export const DOTS_PER_PARTICIPANT = 5;

export const voteRecordSchema = z.strictObject({
  id: typedIdSchema('vote'),
  laneId: typedIdSchema('lane'),
  stepId: typedIdSchema('step'),
  /** The participant's stable key (from their browser), so a renamed participant keeps their dots. */
  voterKey: z.string().regex(/^[a-z0-9]{1,32}$/, 'must be 1–32 lower-case letters and digits'),
  voter: z.string().max(MAX_TITLE_LENGTH),
  dots: z.number().int().min(0).max(DOTS_PER_PARTICIPANT),
});
export type VoteRecord = z.infer<typeof voteRecordSchema> & { id: VoteId; laneId: LaneId; stepId: StepId };

export const VOTE_TEXT_FIELDS = [] as const;

export function voteId(voterKey: string, laneId: LaneId, stepId: StepId): VoteId {
  return `vote:${voterKey}~${laneId.slice('lane:'.length)}~${stepId.slice('step:'.length)}`;
}
