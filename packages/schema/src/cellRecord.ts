import { z } from 'zod';
import { typedIdSchema } from './typedIdSchema.ts';
import { cellId, type CellId, type LaneId, type StepId } from './ids.ts';
import { MAX_TEXT_LENGTH } from './limits.ts';

export const cellRecordSchema = z.strictObject({
  id: typedIdSchema('cell'),
  laneId: typedIdSchema('lane'),
  stepId: typedIdSchema('step'),
  text: z.string().max(MAX_TEXT_LENGTH),
});
export type CellRecord = z.infer<typeof cellRecordSchema> & { id: CellId; laneId: LaneId; stepId: StepId };

export const CELL_TEXT_FIELDS = ['text'] as const;

export function createCellRecord(laneId: LaneId, stepId: StepId, text = ''): CellRecord {
  return { id: cellId(laneId, stepId), laneId, stepId, text };
}
