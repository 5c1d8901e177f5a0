import { z } from 'zod';
import { typedIdSchema } from './typedIdSchema.ts';
import { createId, type PhaseId } from './ids.ts';
import { MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from './limits.ts';

export const phaseRecordSchema = z.strictObject({
  id: typedIdSchema('phase'),
  index: z.string().min(1),
  name: z.string().max(MAX_TITLE_LENGTH),
  /** The moment of truth: the customer's main need in this phase. */
  momentOfTruth: z.string().max(MAX_TEXT_LENGTH),
});
export type PhaseRecord = z.infer<typeof phaseRecordSchema> & { id: PhaseId };

export const PHASE_TEXT_FIELDS = ['name', 'momentOfTruth'] as const;

export function createPhaseRecord(fields: Partial<PhaseRecord> & { index: string }): PhaseRecord {
  return { id: createId('phase'), name: '', momentOfTruth: '', ...fields };
}
