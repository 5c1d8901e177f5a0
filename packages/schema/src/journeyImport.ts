import { validateJourneyDocument, type JourneyDocument, type ValidationIssue } from './journeyDocument.ts';
import { findJsonNestingTooDeep, findJsonSyntaxError } from './jsonSyntaxError.ts';
import { migrateToCurrent } from './migrations.ts';

export type ImportResult =
  | { ok: true; document: JourneyDocument; migrated: string[] }
  | { ok: false; issues: ValidationIssue[] };

/** Reads an exported journey of any schema version: migrate, then validate everything. */
export function parseJourneyDocument(input: unknown): ImportResult {
  const migrated = migrateToCurrent(input);
  if (!migrated.ok) return { ok: false, issues: [{ path: migrated.path, message: migrated.message }] };
  const validated = validateJourneyDocument(migrated.document);
  if (!validated.ok) return validated;
  return { ok: true, document: validated.document, migrated: migrated.applied };
}

/** Deeper than any journey file nests (about 6): more is an attack or a mistake, refused before parsing. */
export const MAX_JSON_DEPTH = 64;

/** Parses JSON text too, so a syntax error is reported the same way as a schema error. */
export function parseJourneyJson(text: string): ImportResult {
  const tooDeep = findJsonNestingTooDeep(text, MAX_JSON_DEPTH);
  if (tooDeep) return { ok: false, issues: [{ path: '(document)', message: `not valid JSON: line ${tooDeep.line}, column ${tooDeep.column}: ${tooDeep.message}` }] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const where = findJsonSyntaxError(text);
    const message = where ? `not valid JSON: line ${where.line}, column ${where.column}: ${where.message}` : `not valid JSON: ${(error as Error).message}`;
    return { ok: false, issues: [{ path: '(document)', message }] };
  }
  return parseJourneyDocument(value);
}
