import { z } from 'zod';
import { typedIdSchema } from './typedIdSchema.ts';
import { createId, type LaneId } from './ids.ts';
import { MAX_TITLE_LENGTH } from './limits.ts';

/** The default lanes of a journey map, top to bottom, as PRODUCT.md lists them. */
export const DEFAULT_LANE_KINDS = [
  'customer-actions',
  'touchpoints',
  'thoughts-feelings',
  'pain-points',
  'opportunities',
  'front-stage',
  'back-stage',
  'systems',
  'measures',
] as const;
export const LANE_KINDS = [...DEFAULT_LANE_KINDS, 'custom'] as const;
export type LaneKind = (typeof LANE_KINDS)[number];

export const laneRecordSchema = z.strictObject({
  id: typedIdSchema('lane'),
  index: z.string().min(1),
  kind: z.enum(LANE_KINDS),
  /** Empty for a default lane that has not been renamed: the UI shows its name in the reader's language. */
  name: z.string().max(MAX_TITLE_LENGTH),
  hidden: z.boolean(),
});
export type LaneRecord = z.infer<typeof laneRecordSchema> & { id: LaneId };

export const LANE_TEXT_FIELDS = ['name'] as const;

export function createLaneRecord(fields: Partial<LaneRecord> & { index: string }): LaneRecord {
  return { id: createId('lane'), kind: 'custom', name: '', hidden: false, ...fields };
}
