import type * as Y from 'yjs';
import { createActionRecord, indexForPosition, type ActionId, type ActionRecord } from '@klantreis/schema';
import { recordsOf } from './documentShape.ts';
import { assertValidRecord, patchRecord, readRecord, readRecords, RecordValidationError, writeRecord } from './recordBinding.ts';

// Improvement actions are records of their own (`action:…`), ordered by a fractional index
// like steps, so two people adding an action at once both keep theirs. Change one with
// updateRecord; these add, move and delete them.

export function actionsOf(doc: Y.Doc): ActionRecord[] {
  return readRecords<ActionRecord>(doc, 'action:');
}

function requireAction(doc: Y.Doc, actionId: string): void {
  if (!actionId.startsWith('action:') || !readRecord(doc, actionId)) throw new RecordValidationError(actionId, 'id', 'no such action');
}

/** The steps an action links to must exist when it is made; a step deleted later is dropped on read. */
function assertStepsExist(doc: Y.Doc, actionId: string, stepIds: readonly string[]): void {
  stepIds.forEach((stepId, i) => {
    if (!stepId.startsWith('step:') || !readRecord(doc, stepId)) throw new RecordValidationError(actionId, `stepIds[${i}]`, `no step with id ${stepId}`);
  });
}

/** Adds an action at a position in the list (the end by default) and returns its id. */
export function addAction(
  doc: Y.Doc,
  fields: Partial<Omit<ActionRecord, 'id' | 'index'>> & { position?: number },
  origin?: unknown,
): ActionId {
  const { position = Number.MAX_SAFE_INTEGER, ...rest } = fields;
  const action = createActionRecord({ ...rest, index: indexForPosition(actionsOf(doc), position) });
  assertValidRecord('action', action);
  assertStepsExist(doc, action.id, action.stepIds);
  doc.transact(() => writeRecord(doc, action), origin);
  return action.id;
}

/** Changes fields of an action; a link to a step that does not exist is refused. */
export function updateAction(doc: Y.Doc, actionId: ActionId, patch: Partial<Omit<ActionRecord, 'id'>>, origin?: unknown): void {
  requireAction(doc, actionId);
  if (patch.stepIds) assertStepsExist(doc, actionId, patch.stepIds);
  patchRecord(doc, actionId, patch, origin);
}

export function moveAction(doc: Y.Doc, actionId: ActionId, position: number, origin?: unknown): void {
  requireAction(doc, actionId);
  const siblings = actionsOf(doc).filter((a) => a.id !== actionId);
  patchRecord(doc, actionId, { index: indexForPosition(siblings, position) }, origin);
}

export function deleteAction(doc: Y.Doc, actionId: ActionId, origin?: unknown): void {
  requireAction(doc, actionId);
  doc.transact(() => recordsOf(doc).delete(actionId), origin);
}
