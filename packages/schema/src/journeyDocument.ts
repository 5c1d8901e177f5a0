import { z } from 'zod';
import { journeyRecordSchema, type JourneyRecord } from './journeyRecord.ts';
import { CURRENT_SCHEMA_VERSION } from './migrations.ts';
import { LIST_RECORD_TYPES, RECORD_DEFINITIONS, expectedId, type ListRecordType, type RecordOfType } from './recordTypes.ts';
import type { RecordType } from './ids.ts';

/**
 * The open JSON format: one journey with its records, each list in display order.
 * It is what the export writes, what the import reads, what the REST API returns and what
 * the evaluation and the analytics read; the Yjs document is only the live form of it.
 * Its lists, their validators and limits come from the record-type registry (recordTypes.ts).
 */
export const journeyDocumentSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  journey: journeyRecordSchema,
  ...(Object.fromEntries(
    LIST_RECORD_TYPES.map((type) => {
      const definition = RECORD_DEFINITIONS[type];
      return [definition.list, z.array(definition.schema).max(definition.maxCount).describe(definition.description)];
    }),
  ) as Record<string, z.ZodArray<z.ZodObject>>),
});

export type JourneyDocument = {
  schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  journey: JourneyRecord;
} & { [T in ListRecordType as (typeof RECORD_DEFINITIONS)[T]['list']]: RecordOfType[T][] };

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

type AnyRecord = Record<string, unknown> & { id: string };

/** The records of a document by type, the journey record included, each with its JSON path. */
function recordsWithPaths(doc: JourneyDocument): { type: RecordType; path: string; record: AnyRecord }[] {
  const out: { type: RecordType; path: string; record: AnyRecord }[] = [{ type: 'journey', path: 'journey', record: doc.journey }];
  for (const type of LIST_RECORD_TYPES) {
    const list = RECORD_DEFINITIONS[type].list;
    (doc[list] as AnyRecord[]).forEach((record, i) => out.push({ type, path: `${list}[${i}]`, record }));
  }
  return out;
}

/**
 * Checks what a per-record schema cannot: unique ids, derived ids, and references that point
 * at records that exist (the registry says which fields refer to what).
 */
function referenceIssues(doc: JourneyDocument): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const records = recordsWithPaths(doc);
  const ids = new Set<string>();
  for (const { path, record } of records) {
    if (ids.has(record.id)) issues.push({ path: `${path}.id`, message: `duplicate id ${record.id}` });
    ids.add(record.id);
  }
  const idsOfType = (type: RecordType) => new Set(records.filter((r) => r.type === type).map((r) => r.record.id));
  const byType = new Map<RecordType, Set<string>>();
  for (const { type, path, record } of records) {
    const definition = RECORD_DEFINITIONS[type];
    for (const reference of definition.references) {
      let targets = byType.get(reference.type);
      if (!targets) byType.set(reference.type, (targets = idsOfType(reference.type)));
      const value = record[reference.field];
      const values: unknown[] = Array.isArray(value) ? value : [value];
      values.forEach((id, j) => {
        if (id === null || targets.has(id as string)) return;
        const at = Array.isArray(value) ? `${path}.${reference.field}[${j}]` : `${path}.${reference.field}`;
        issues.push({ path: at, message: `no ${reference.type} with id ${String(id)}` });
      });
    }
    const expected = expectedId(type, record);
    if (expected !== undefined && record.id !== expected) {
      issues.push({ path: `${path}.id`, message: `must be ${expected}, derived from ${'derivedFrom' in definition ? definition.derivedFrom : 'its fields'}` });
    }
  }
  const comments = new Map(doc.comments.map((c) => [c.id as string, c]));
  doc.comments.forEach((comment, i) => {
    const targetStep = comment.targetId.startsWith('cell:') ? `step:${comment.targetId.slice(comment.targetId.indexOf('~') + 1)}` : comment.targetId;
    if (targetStep !== comment.stepId) issues.push({ path: `comments[${i}].targetId`, message: `must be ${comment.stepId} or one of its cells` });
    if (comment.parentId !== null) {
      const parent = comments.get(comment.parentId);
      if (!parent) issues.push({ path: `comments[${i}].parentId`, message: `no comment with id ${comment.parentId}` });
      else if (parent.parentId !== null) issues.push({ path: `comments[${i}].parentId`, message: 'must be the first comment of a thread' });
    }
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
