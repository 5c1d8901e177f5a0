import type * as Y from 'yjs';
import { createCommentRecord, type CellId, type CommentId, type CommentRecord, type StepId } from '@klantreis/schema';
import { recordsOf } from './documentShape.ts';
import { assertValidRecord, patchRecord, readRecord, readRecords, RecordValidationError, writeRecord } from './recordBinding.ts';

// Comments are records of their own (`comment:…`). A thread is its first comment and the
// replies that point at it; resolving and reopening act on the first comment.

export function commentsOf(doc: Y.Doc): CommentRecord[] {
  return readRecords<CommentRecord>(doc, 'comment:');
}

function requireComment(doc: Y.Doc, commentId: string): CommentRecord {
  const comment = commentId.startsWith('comment:') ? readRecord(doc, commentId) : undefined;
  if (!comment) throw new RecordValidationError(commentId, 'id', 'no such comment');
  return comment as CommentRecord;
}

/** The step a target belongs to: the step itself, or the step of a cell (`cell:<lane>~<step>`). */
export function stepOfTarget(targetId: StepId | CellId): StepId {
  if (targetId.startsWith('step:')) return targetId as StepId;
  return `step:${targetId.slice(targetId.indexOf('~') + 1)}`;
}

/** Starts a thread on a step or a cell, or replies to one (`parentId`), and returns the new comment's id. */
export function addComment(
  doc: Y.Doc,
  fields: { targetId: StepId | CellId; author: string; authorId?: string; text: string; mentions?: string[]; parentId?: CommentId | null; createdAt?: number; id?: CommentId },
  origin?: unknown,
): CommentId {
  const stepId = stepOfTarget(fields.targetId);
  if (!readRecord(doc, stepId)) throw new RecordValidationError(fields.targetId, 'targetId', `no step with id ${stepId}`);
  let targetId = fields.targetId;
  let parentId = fields.parentId ?? null;
  if (parentId) {
    // A reply to a reply joins the thread of the first comment: threads stay one level deep.
    const parent = requireComment(doc, parentId);
    parentId = parent.parentId ?? parent.id;
    targetId = parent.targetId;
  }
  const comment = createCommentRecord({ ...fields, targetId, stepId: stepOfTarget(targetId), parentId, mentions: [...new Set(fields.mentions ?? [])] });
  assertValidRecord('comment', comment);
  doc.transact(() => writeRecord(doc, comment), origin);
  return comment.id;
}

/** Resolves or reopens the thread the comment belongs to. */
export function setThreadResolved(doc: Y.Doc, commentId: CommentId, resolved: boolean, origin?: unknown): void {
  const comment = requireComment(doc, commentId);
  patchRecord(doc, comment.parentId ?? comment.id, { resolved }, origin);
}

/** Deletes a comment; deleting a thread's first comment deletes its replies with it. */
export function deleteComment(doc: Y.Doc, commentId: CommentId, origin?: unknown): void {
  const comment = requireComment(doc, commentId);
  doc.transact(() => {
    if (comment.parentId === null) for (const reply of commentsOf(doc)) if (reply.parentId === comment.id) recordsOf(doc).delete(reply.id);
    recordsOf(doc).delete(comment.id);
  }, origin);
}
