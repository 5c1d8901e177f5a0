import * as Y from 'yjs';
import { CURRENT_SCHEMA_VERSION, RECORD_DEFINITIONS, cellId, formatPath, recordTypeOf, type LaneId, type StepId } from '@klantreis/schema';

/**
 * What is wrong with a record as it stands in a Yjs document, or null when it fits the
 * schema. The same rules as the editor's mutations, checked again on the server because a
 * websocket accepts any bytes, not only those our editor sends.
 */
export function recordProblem(id: string, value: unknown, options: { tolerateMissingFields?: boolean } = {}): string | null {
  const type = recordTypeOf(id);
  if (!type) return `${id}: unknown record type`;
  if (!(value instanceof Y.Map)) return `${id}: not a record map`;
  const record = value.toJSON() as Record<string, unknown>;
  if (record.id !== id) return `${id}: its id field says ${String(record.id)}`;
  const definition = RECORD_DEFINITIONS[type];
  const parsed = definition.schema.safeParse(record);
  if (!parsed.success) {
    // Two people typing into one field at once can merge two texts that each fit into one
    // that does not, up to twice the limit. That is nobody's fault, and refusing it would
    // make the editor resend it forever. Beyond twice the limit it is no accident.
    const field = (i: { path: readonly PropertyKey[] }) => (i.path.length === 1 ? String(i.path[0]) : null);
    const issue = parsed.error.issues.find((i) => {
      const name = field(i);
      if (i.code === 'too_big' && name !== null && definition.textFields.includes(name)) {
        const text = record[name];
        if (typeof text === 'string' && text.length <= 2 * Number(i.maximum)) return false;
      }
      if (options.tolerateMissingFields && name !== null && !(name in record)) return false;
      return true;
    });
    if (issue) return `${id}: ${formatPath(issue.path)}: ${issue.message}`;
  }
  if (type === 'cell' && id !== cellId(record.laneId as LaneId, record.stepId as StepId)) {
    return `${id}: a cell's id must be derived from its lane and step`;
  }
  return null;
}

/** The `meta` map holds the schema version only, and only the current one. */
export function metaProblem(meta: Y.Map<unknown>): string | null {
  for (const [key, value] of meta.entries()) {
    if (key !== 'schemaVersion') return `meta: unknown field ${key}`;
    if (value !== CURRENT_SCHEMA_VERSION) return `meta: schemaVersion must stay ${CURRENT_SCHEMA_VERSION}`;
  }
  return null;
}
