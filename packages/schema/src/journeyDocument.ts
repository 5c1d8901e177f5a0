import { z } from 'zod';
import { actionRecordSchema, type ActionRecord } from './actionRecord.ts';
import { captureRecordSchema, type CaptureRecord } from './captureRecord.ts';
import { cellRecordSchema, type CellRecord } from './cellRecord.ts';
import { commentRecordSchema, type CommentRecord } from './commentRecord.ts';
import { indicatorRecordSchema, type IndicatorRecord } from './indicatorRecord.ts';
import { journeyRecordSchema, type JourneyRecord } from './journeyRecord.ts';
import { laneRecordSchema, type LaneRecord } from './laneRecord.ts';
import { CURRENT_SCHEMA_VERSION } from './migrations.ts';
import { personaRecordSchema, type PersonaRecord } from './personaRecord.ts';
import { phaseRecordSchema, type PhaseRecord } from './phaseRecord.ts';
import { stepRecordSchema, type StepRecord } from './stepRecord.ts';
import { voteRecordSchema, voteId, type VoteRecord } from './voteRecord.ts';

/**
 * The open JSON format: one journey with its records, each list in display order.
 * It is what the export writes, what the import reads, what the REST API returns and what
 * the evaluation and the analytics read; the Yjs document is only the live form of it.
 */
export const journeyDocumentSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  journey: journeyRecordSchema,
  phases: z.array(phaseRecordSchema).max(500),
  steps: z.array(stepRecordSchema).max(5_000),
  lanes: z.array(laneRecordSchema).max(100),
  cells: z.array(cellRecordSchema).max(500_000),
  personas: z.array(personaRecordSchema).max(100),
  /** Improvement actions, in display order. */
  actions: z.array(actionRecordSchema).max(1_000),
  /** The experience indicators of the journey's XLA, in display order. */
  indicators: z.array(indicatorRecordSchema).max(200),
  /** Comments on steps and cells, oldest first. */
  comments: z.array(commentRecordSchema).max(50_000),
  /** The workshop's quick-capture inbox, oldest first. */
  captures: z.array(captureRecordSchema).max(5_000),
  /** Dot votes, one per participant and cell. */
  votes: z.array(voteRecordSchema).max(50_000),
});

export interface JourneyDocument {
  schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  journey: JourneyRecord;
  phases: PhaseRecord[];
  steps: StepRecord[];
  lanes: LaneRecord[];
  cells: CellRecord[];
  personas: PersonaRecord[];
  actions: ActionRecord[];
  indicators: IndicatorRecord[];
  comments: CommentRecord[];
  captures: CaptureRecord[];
  votes: VoteRecord[];
}

export interface ValidationIssue {
  /** A JSON path such as `steps[3].score`. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(document)' : out;
}

/** Checks what a per-record schema cannot: unique ids and references that point at records that exist. */
function referenceIssues(doc: JourneyDocument): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  const lists = ['phases', 'steps', 'lanes', 'cells', 'personas', 'actions', 'indicators', 'comments', 'captures', 'votes'] as const;
  for (const list of lists) {
    doc[list].forEach((record, i) => {
      if (seen.has(record.id)) issues.push({ path: `${list}[${i}].id`, message: `duplicate id ${record.id}` });
      seen.add(record.id);
    });
  }
  const phaseIds = new Set(doc.phases.map((p) => p.id));
  const stepIds = new Set(doc.steps.map((s) => s.id));
  const laneIds = new Set(doc.lanes.map((l) => l.id));
  const personaIds = new Set<string>(doc.personas.map((p) => p.id));
  doc.steps.forEach((step, i) => {
    if (!phaseIds.has(step.phaseId)) {
      issues.push({ path: `steps[${i}].phaseId`, message: `no phase with id ${step.phaseId}` });
    }
  });
  doc.cells.forEach((cell, i) => {
    if (!laneIds.has(cell.laneId)) issues.push({ path: `cells[${i}].laneId`, message: `no lane with id ${cell.laneId}` });
    if (!stepIds.has(cell.stepId)) issues.push({ path: `cells[${i}].stepId`, message: `no step with id ${cell.stepId}` });
    const expected = `cell:${cell.laneId.slice(5)}~${cell.stepId.slice(5)}`;
    if (cell.id !== expected) issues.push({ path: `cells[${i}].id`, message: `must be ${expected}, derived from its lane and step` });
  });
  doc.actions.forEach((action, i) => {
    action.stepIds.forEach((stepId, j) => {
      if (!stepIds.has(stepId)) issues.push({ path: `actions[${i}].stepIds[${j}]`, message: `no step with id ${stepId}` });
    });
  });
  doc.indicators.forEach((indicator, i) => {
    if (indicator.stepId !== null && !stepIds.has(indicator.stepId)) issues.push({ path: `indicators[${i}].stepId`, message: `no step with id ${indicator.stepId}` });
  });
  const comments = new Map(doc.comments.map((c) => [c.id as string, c]));
  doc.comments.forEach((comment, i) => {
    if (!stepIds.has(comment.stepId)) issues.push({ path: `comments[${i}].stepId`, message: `no step with id ${comment.stepId}` });
    const targetStep = comment.targetId.startsWith('cell:') ? `step:${comment.targetId.slice(comment.targetId.indexOf('~') + 1)}` : comment.targetId;
    if (targetStep !== comment.stepId) issues.push({ path: `comments[${i}].targetId`, message: `must be ${comment.stepId} or one of its cells` });
    if (comment.parentId !== null) {
      const parent = comments.get(comment.parentId);
      if (!parent) issues.push({ path: `comments[${i}].parentId`, message: `no comment with id ${comment.parentId}` });
      else if (parent.parentId !== null) issues.push({ path: `comments[${i}].parentId`, message: 'must be the first comment of a thread' });
    }
  });
  doc.votes.forEach((vote, i) => {
    if (!laneIds.has(vote.laneId)) issues.push({ path: `votes[${i}].laneId`, message: `no lane with id ${vote.laneId}` });
    if (!stepIds.has(vote.stepId)) issues.push({ path: `votes[${i}].stepId`, message: `no step with id ${vote.stepId}` });
    const expected = voteId(vote.voterKey, vote.laneId, vote.stepId);
    if (vote.id !== expected) issues.push({ path: `votes[${i}].id`, message: `must be ${expected}, derived from its voter, lane and step` });
  });
  doc.journey.personaIds.forEach((id, i) => {
    if (!personaIds.has(id)) issues.push({ path: `journey.personaIds[${i}]`, message: `no persona with id ${id}` });
  });
  return issues;
}

export type ValidationResult =
  | { ok: true; document: JourneyDocument }
  | { ok: false; issues: ValidationIssue[] };

/** Validates a document of the current schema version, reporting every problem, not only the first. */
export function validateJourneyDocument(input: unknown): ValidationResult {
  const parsed = journeyDocumentSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  }
  const document = parsed.data as JourneyDocument;
  const issues = referenceIssues(document);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, document };
}
