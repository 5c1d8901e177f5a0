import type * as Y from 'yjs';
import {
  cellId,
  createCaptureRecord,
  DOTS_PER_PARTICIPANT,
  voteId,
  type CaptureId,
  type CaptureKind,
  type CaptureRecord,
  type LaneId,
  type PhaseId,
  type StepId,
  type VoteRecord,
} from '@klantreis/schema';
import { recordsOf } from './documentShape.ts';
import { addStep, setCellText } from './journeyMutations.ts';
import { assertValidRecord, deleteRecord, readRecord, readRecords, RecordValidationError, writeRecord } from './recordBinding.ts';

// The workshop helpers that live in the document: the quick-capture inbox and dot voting.

export function capturesOf(doc: Y.Doc): CaptureRecord[] {
  return readRecords<CaptureRecord>(doc, 'capture:');
}

export function votesOf(doc: Y.Doc): VoteRecord[] {
  return readRecords<VoteRecord>(doc, 'vote:');
}

function requireCapture(doc: Y.Doc, captureId: string): CaptureRecord {
  const capture = captureId.startsWith('capture:') ? readRecord(doc, captureId) : undefined;
  if (!capture) throw new RecordValidationError(captureId, 'id', 'no such item in the inbox');
  return capture as CaptureRecord;
}

/** Drops a step or a pain point into the inbox. */
export function addCapture(doc: Y.Doc, fields: { kind: CaptureKind; text: string; author: string; authorId?: string; createdAt?: number }, origin?: unknown): CaptureId {
  const capture = createCaptureRecord(fields);
  assertValidRecord('capture', capture);
  doc.transact(() => writeRecord(doc, capture), origin);
  return capture.id;
}

export function deleteCapture(doc: Y.Doc, captureId: CaptureId, origin?: unknown): void {
  requireCapture(doc, captureId);
  doc.transact(() => recordsOf(doc).delete(captureId), origin);
}

/** Places an inbox item on the map as a new step at the end of a phase, in one transaction with leaving the inbox. */
export function placeCaptureAsStep(doc: Y.Doc, captureId: CaptureId, phaseId: PhaseId, origin?: unknown): StepId {
  const capture = requireCapture(doc, captureId);
  let stepId: StepId | undefined;
  doc.transact(() => {
    stepId = addStep(doc, { phaseId, title: capture.text.replace(/\s+/g, ' ').trim().slice(0, 200) }, origin);
    recordsOf(doc).delete(captureId);
  }, origin);
  return stepId!;
}

/** Places an inbox item in a cell (the pain points of a step), after any text already there. */
export function placeCaptureInCell(doc: Y.Doc, captureId: CaptureId, laneId: LaneId, stepId: StepId, origin?: unknown): void {
  const capture = requireCapture(doc, captureId);
  const currentText = String(readRecord(doc, cellId(laneId, stepId))?.text ?? '');
  doc.transact(() => {
    setCellText(doc, laneId, stepId, currentText.trim() === '' ? capture.text : `${currentText}\n${capture.text}`, origin);
    recordsOf(doc).delete(captureId);
  }, origin);
}

/**
 * Puts one more dot (delta +1) or one fewer (−1) of a participant's on a cell. A participant
 * has DOTS_PER_PARTICIPANT dots in a map; a dot beyond that is refused.
 */
export function castDot(doc: Y.Doc, voter: { key: string; name: string }, laneId: LaneId, stepId: StepId, delta: 1 | -1, origin?: unknown): void {
  if (!readRecord(doc, laneId) || !readRecord(doc, stepId)) throw new RecordValidationError(laneId, 'laneId', 'no such cell');
  const id = voteId(voter.key, laneId, stepId);
  const mine = votesOf(doc).filter((v) => v.voterKey === voter.key);
  const spent = mine.reduce((sum, v) => sum + v.dots, 0);
  if (delta > 0 && spent >= DOTS_PER_PARTICIPANT) throw new RecordValidationError(id, 'dots', `all ${DOTS_PER_PARTICIPANT} dots are spent`);
  const current = mine.find((v) => v.id === id)?.dots ?? 0;
  const dots = current + delta;
  if (dots < 0) return;
  doc.transact(() => {
    if (dots === 0) deleteRecord(doc, id);
    else {
      const vote: VoteRecord = { id, laneId, stepId, voterKey: voter.key, voter: voter.name, dots };
      assertValidRecord('vote', vote);
      writeRecord(doc, vote);
    }
  }, origin);
}
