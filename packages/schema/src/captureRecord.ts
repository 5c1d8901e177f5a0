import { z } from 'zod';
import { typedIdSchema } from './typedIdSchema.ts';
import { createId, type CaptureId } from './ids.ts';
import { MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from './limits.ts';

// Quick capture in a workshop: everyone drops steps and pain points into a shared inbox, as
// post-its on the wall, without deciding where they go. The facilitator places each one on the
// map, as a step or as a pain-point cell, and it leaves the inbox.

export const CAPTURE_KINDS = ['step', 'pain-point'] as const;
export type CaptureKind = (typeof CAPTURE_KINDS)[number];

export const captureRecordSchema = z.strictObject({
  id: typedIdSchema('capture'),
  kind: z.enum(CAPTURE_KINDS),
  text: z.string().max(MAX_TEXT_LENGTH),
  author: z.string().max(MAX_TITLE_LENGTH),
  /** The account that wrote it (its user id), which the server checks; absent in maps from before accounts. */
  authorId: z.string().min(1).max(MAX_TITLE_LENGTH).optional(),
  /** Milliseconds since 1970: the inbox reads in the order things were said. */
  createdAt: z.number().int().nonnegative(),
});
export type CaptureRecord = z.infer<typeof captureRecordSchema> & { id: CaptureId };

export const CAPTURE_TEXT_FIELDS = ['text'] as const;

export function createCaptureRecord(fields: Pick<CaptureRecord, 'kind' | 'text' | 'author'> & Partial<CaptureRecord>): CaptureRecord {
  return { id: createId('capture'), createdAt: Date.now(), ...fields };
}
