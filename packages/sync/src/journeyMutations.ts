import type * as Y from 'yjs';
import {
  cellId,
  createCellRecord,
  createLaneRecord,
  createPersonaRecord,
  createPhaseRecord,
  createStepRecord,
  indexForPosition,
  JOURNEY_RECORD_ID,
  type LaneId,
  type LaneRecord,
  type PersonaRecord,
  type PhaseId,
  type PhaseRecord,
  type StepId,
  type StepRecord,
} from '@klantreis/schema';
import { recordsOf } from './documentShape.ts';
import { assertValidRecord, deleteRecord, patchRecord, readRecord, readRecords, RecordValidationError, writeRecord } from './recordBinding.ts';

// Every edit of a journey, from the editor, the REST API or a test, goes through these
// functions, so validation and ordering rules live in one place. Each runs in one Yjs
// transaction with the caller's origin (the editor's undo manager tracks its own origin).

type Fields = Record<string, unknown>;

function requireRecord<T>(doc: Y.Doc, id: string): T {
  const record = readRecord(doc, id);
  if (!record) throw new RecordValidationError(id, 'id', 'no such record');
  return record as T;
}

export function phasesOf(doc: Y.Doc): PhaseRecord[] {
  return readRecords<PhaseRecord>(doc, 'phase:');
}

export function stepsInPhase(doc: Y.Doc, phaseId: string, exceptId?: string): StepRecord[] {
  return readRecords<StepRecord>(doc, 'step:').filter((s) => s.phaseId === phaseId && s.id !== exceptId);
}

export function lanesOf(doc: Y.Doc): LaneRecord[] {
  return readRecords<LaneRecord>(doc, 'lane:');
}

function insertNew(doc: Y.Doc, type: 'phase' | 'step' | 'lane' | 'persona', record: Fields & { id: string }, origin: unknown) {
  assertValidRecord(type, record);
  doc.transact(() => writeRecord(doc, record), origin);
}

export function updateJourney(doc: Y.Doc, patch: Fields, origin?: unknown): void {
  patchRecord(doc, JOURNEY_RECORD_ID, patch, origin);
}

export function updateRecord(doc: Y.Doc, id: string, patch: Fields, origin?: unknown): void {
  patchRecord(doc, id, patch, origin);
}

export function addPhase(doc: Y.Doc, fields: Partial<PhaseRecord> & { position?: number }, origin?: unknown): PhaseId {
  const { position = Number.MAX_SAFE_INTEGER, ...rest } = fields;
  const phase = createPhaseRecord({ ...rest, index: indexForPosition(phasesOf(doc), position) });
  insertNew(doc, 'phase', phase, origin);
  return phase.id;
}

export function movePhase(doc: Y.Doc, phaseId: PhaseId, position: number, origin?: unknown): void {
  requireRecord(doc, phaseId);
  const siblings = phasesOf(doc).filter((p) => p.id !== phaseId);
  patchRecord(doc, phaseId, { index: indexForPosition(siblings, position) }, origin);
}

/** Deleting a phase deletes its steps and their cells: the steps cannot live outside a phase. */
export function deletePhase(doc: Y.Doc, phaseId: PhaseId, origin?: unknown): void {
  requireRecord(doc, phaseId);
  if (phasesOf(doc).length <= 1) throw new RecordValidationError(phaseId, 'id', 'a journey keeps at least one phase');
  doc.transact(() => {
    for (const step of stepsInPhase(doc, phaseId)) deleteStepInTransaction(doc, step.id);
    recordsOf(doc).delete(phaseId);
  }, origin);
}

export function addStep(
  doc: Y.Doc,
  fields: Partial<StepRecord> & { phaseId: PhaseId; position?: number },
  origin?: unknown,
): StepId {
  const { position = Number.MAX_SAFE_INTEGER, ...rest } = fields;
  requireRecord(doc, fields.phaseId);
  const step = createStepRecord({ ...rest, index: indexForPosition(stepsInPhase(doc, fields.phaseId), position) });
  insertNew(doc, 'step', step, origin);
  return step.id;
}

/** Moves a step to a position within a phase, its own or another one. */
export function moveStep(doc: Y.Doc, stepId: StepId, target: { phaseId: PhaseId; position: number }, origin?: unknown): void {
  requireRecord(doc, stepId);
  requireRecord(doc, target.phaseId);
  const siblings = stepsInPhase(doc, target.phaseId, stepId);
  patchRecord(doc, stepId, { phaseId: target.phaseId, index: indexForPosition(siblings, target.position) }, origin);
}

function deleteStepInTransaction(doc: Y.Doc, stepId: string): void {
  const records = recordsOf(doc);
  for (const lane of lanesOf(doc)) deleteRecord(doc, cellId(lane.id, stepId as StepId));
  records.delete(stepId);
}

export function deleteStep(doc: Y.Doc, stepId: StepId, origin?: unknown): void {
  requireRecord(doc, stepId);
  doc.transact(() => deleteStepInTransaction(doc, stepId), origin);
}

export function addLane(doc: Y.Doc, fields: Partial<LaneRecord> & { position?: number }, origin?: unknown): LaneId {
  const { position = Number.MAX_SAFE_INTEGER, ...rest } = fields;
  const lane = createLaneRecord({ ...rest, index: indexForPosition(lanesOf(doc), position) });
  insertNew(doc, 'lane', lane, origin);
  return lane.id;
}

export function moveLane(doc: Y.Doc, laneId: LaneId, position: number, origin?: unknown): void {
  requireRecord(doc, laneId);
  const siblings = lanesOf(doc).filter((l) => l.id !== laneId);
  patchRecord(doc, laneId, { index: indexForPosition(siblings, position) }, origin);
}

export function deleteLane(doc: Y.Doc, laneId: LaneId, origin?: unknown): void {
  requireRecord(doc, laneId);
  doc.transact(() => {
    const records = recordsOf(doc);
    for (const step of readRecords<StepRecord>(doc, 'step:')) deleteRecord(doc, cellId(laneId, step.id));
    records.delete(laneId);
  }, origin);
}

/**
 * A cell record is created on its first text. Its id is derived, so two people may create it at
 * once; its text is a root-level Y.Text (derivedTexts.ts), so both people's letters are kept.
 */
export function setCellText(doc: Y.Doc, laneId: LaneId, stepId: StepId, text: string, origin?: unknown): void {
  requireRecord(doc, laneId);
  requireRecord(doc, stepId);
  const id = cellId(laneId, stepId);
  if (readRecord(doc, id)) {
    patchRecord(doc, id, { text }, origin);
    return;
  }
  const cell = createCellRecord(laneId, stepId, text);
  assertValidRecord('cell', cell);
  doc.transact(() => writeRecord(doc, cell), origin);
}

export function addPersona(doc: Y.Doc, fields: Partial<PersonaRecord> & { name: string }, attach = true, origin?: unknown) {
  const persona = createPersonaRecord(fields);
  assertValidRecord('persona', persona);
  doc.transact(() => {
    writeRecord(doc, persona);
    if (attach) {
      const journey = requireRecord<{ personaIds: string[] }>(doc, JOURNEY_RECORD_ID);
      patchRecord(doc, JOURNEY_RECORD_ID, { personaIds: [...journey.personaIds, persona.id] });
    }
  }, origin);
  return persona.id;
}

export function setPersonaAttached(doc: Y.Doc, personaId: string, attached: boolean, origin?: unknown): void {
  requireRecord(doc, personaId);
  const journey = requireRecord<{ personaIds: string[] }>(doc, JOURNEY_RECORD_ID);
  const others = journey.personaIds.filter((id) => id !== personaId);
  patchRecord(doc, JOURNEY_RECORD_ID, { personaIds: attached ? [...others, personaId] : others }, origin);
}

export function deletePersona(doc: Y.Doc, personaId: string, origin?: unknown): void {
  requireRecord(doc, personaId);
  doc.transact(() => {
    setPersonaAttached(doc, personaId, false);
    recordsOf(doc).delete(personaId);
  }, origin);
}
