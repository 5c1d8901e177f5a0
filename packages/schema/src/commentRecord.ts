import { z } from 'zod';
import { typedIdSchema } from './typedIdSchema.ts';
import { createId, type CellId, type CommentId, type StepId } from './ids.ts';
import { MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from './limits.ts';

// A comment on a step or on one lane × step cell, as in the margin of a paper map. Replies
// point at the thread's first comment; a thread is resolved and reopened as a whole (on that
// first comment). Comments live in the document, so they travel with the map, merge like its
// other records and are there offline.

/** People one comment can mention. Each picked from the comment box's list is stored twice, by name and by account id. */
export const MAX_MENTIONS = 50;

export const commentRecordSchema = z.strictObject({
  id: typedIdSchema('comment'),
  /** The step or the cell (`cell:<lane>~<step>`) commented on; a cell need not have text yet. */
  targetId: z.union([typedIdSchema('step'), typedIdSchema('cell')]),
  /** The step of the target: the count per step reads it, and a deleted step takes its comments along. */
  stepId: typedIdSchema('step'),
  /** The first comment of the thread this one replies to; null for a thread's first comment. */
  parentId: typedIdSchema('comment').nullable(),
  author: z.string().max(MAX_TITLE_LENGTH),
  /** The account that wrote it (its user id), which the server checks; absent in maps from before accounts. */
  authorId: z.string().min(1).max(MAX_TITLE_LENGTH).optional(),
  text: z.string().max(MAX_TEXT_LENGTH),
  /**
   * The participants named with @ in the text, as they were written, and the account ids of those
   * it names (picked from the comment box's list): a name two people share reaches only by its id.
   */
  mentions: z.array(z.string().min(1).max(MAX_TITLE_LENGTH)).max(2 * MAX_MENTIONS),
  /** Milliseconds since 1970: threads read in the order they were written. */
  createdAt: z.number().int().nonnegative(),
  resolved: z.boolean(),
});
export type CommentRecord = Omit<z.infer<typeof commentRecordSchema>, 'targetId' | 'stepId' | 'parentId'> & {
  id: CommentId;
  targetId: StepId | CellId;
  stepId: StepId;
  parentId: CommentId | null;
};

export const COMMENT_TEXT_FIELDS = ['text'] as const;

export function createCommentRecord(fields: Pick<CommentRecord, 'targetId' | 'stepId' | 'author' | 'text'> & Partial<CommentRecord>): CommentRecord {
  return { id: createId('comment'), parentId: null, mentions: [], createdAt: Date.now(), resolved: false, ...fields };
}
