import type * as Y from 'yjs';
import { createIndicatorRecord, indexForPosition, type IndicatorId, type IndicatorRecord } from '@klantreis/schema';
import { recordsOf } from './documentShape.ts';
import { assertValidRecord, patchRecord, readRecord, readRecords, RecordValidationError, writeRecord } from './recordBinding.ts';

// XLA indicators are records of their own (`indicator:…`), ordered by a fractional index, so two
// people adding an indicator at once both keep theirs.

export function indicatorsOf(doc: Y.Doc): IndicatorRecord[] {
  return readRecords<IndicatorRecord>(doc, 'indicator:');
}

function requireIndicator(doc: Y.Doc, indicatorId: string): void {
  if (!indicatorId.startsWith('indicator:') || !readRecord(doc, indicatorId)) throw new RecordValidationError(indicatorId, 'id', 'no such indicator');
}

function assertStepExists(doc: Y.Doc, indicatorId: string, stepId: string | null | undefined): void {
  if (stepId === null || stepId === undefined) return;
  if (!stepId.startsWith('step:') || !readRecord(doc, stepId)) throw new RecordValidationError(indicatorId, 'stepId', `no step with id ${stepId}`);
}

/** Adds an indicator at a position in the list (the end by default) and returns its id. */
export function addIndicator(
  doc: Y.Doc,
  fields: Partial<Omit<IndicatorRecord, 'id' | 'index'>> & { position?: number },
  origin?: unknown,
): IndicatorId {
  const { position = Number.MAX_SAFE_INTEGER, ...rest } = fields;
  // A field given as undefined (an optional field of a request body) keeps its default.
  const given = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as Partial<IndicatorRecord>;
  const indicator = createIndicatorRecord({ ...given, index: indexForPosition(indicatorsOf(doc), position) });
  assertValidRecord('indicator', indicator);
  assertStepExists(doc, indicator.id, indicator.stepId);
  doc.transact(() => writeRecord(doc, indicator), origin);
  return indicator.id;
}

/** Changes fields of an indicator; a step that does not exist is refused. */
export function updateIndicator(doc: Y.Doc, indicatorId: IndicatorId, patch: Partial<Omit<IndicatorRecord, 'id'>>, origin?: unknown): void {
  requireIndicator(doc, indicatorId);
  assertStepExists(doc, indicatorId, patch.stepId);
  patchRecord(doc, indicatorId, patch, origin);
}

export function deleteIndicator(doc: Y.Doc, indicatorId: IndicatorId, origin?: unknown): void {
  requireIndicator(doc, indicatorId);
  doc.transact(() => recordsOf(doc).delete(indicatorId), origin);
}
