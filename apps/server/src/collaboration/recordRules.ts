import * as Y from 'yjs';
import { CURRENT_SCHEMA_VERSION, MAX_TEXT_LENGTH, recordDefinition, cellId, formatPath, recordTypeOf, type LaneId, type StepId } from '@klantreis/schema';
import { derivedTextOf, isDerivedTextField, recordFields } from '@klantreis/sync';

/**
 * What is wrong with a record as it stands in a Yjs document, or null when it fits the
 * schema. The same rules as the editor's mutations, checked again on the server because a
 * websocket accepts any bytes, not only those our editor sends.
 */
export function recordProblem(doc: Y.Doc, id: string, value: unknown, options: { tolerateMissingFields?: boolean } = {}): string | null {
  const type = recordTypeOf(id);
  if (!type) return `${id}: unknown record type`;
  if (!(value instanceof Y.Map)) return `${id}: not a record map`;
  // A derived record's text lives at the root (derivedTexts.ts); one in its map is an older
  // editor's, which a concurrent creation of the record would drop.
  for (const field of value.keys()) if (isDerivedTextField(id, field)) return `${id}: ${field}: belongs in the root-level text ${id}#${field}`;
  const record = recordFields(doc, id, value);
  if (record.id !== id) return `${id}: its id field says ${String(record.id)}`;
  const definition = recordDefinition(type);
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

/**
 * A derived record's root-level text holds plain characters only: no formatting, no embedded
 * objects or types, no map entries (keys), which nothing would read but everyone would store.
 */
export function derivedTextProblem(doc: Y.Doc, id: string, field: string, keys: ReadonlySet<string | null>): string | null {
  if ([...keys].some((key) => key !== null)) return `${id}#${field}: a text has no keys`;
  const text = derivedTextOf(doc, id, field);
  // Checked here too: the text of a record someone deleted is not checked with its record.
  if (text.length > 2 * MAX_TEXT_LENGTH) return `${id}#${field}: longer than ${2 * MAX_TEXT_LENGTH} characters`;
  for (const part of text.toDelta() as { insert: unknown; attributes?: object }[]) {
    if (typeof part.insert !== 'string' || part.attributes !== undefined) return `${id}#${field}: only plain text is allowed`;
  }
  return null;
}
