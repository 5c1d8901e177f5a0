import * as Y from 'yjs';
import { CURRENT_SCHEMA_VERSION, MAX_TEXT_LENGTH, recordDefinition, cellId, formatPath, recordTypeOf, type LaneId, type StepId } from '@klantreis/schema';
import { derivedTextOf, isDerivedTextField, recordFields, recordsOf } from '@klantreis/sync';

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

/** Who writes an update, for the records that carry their writer's name (comments, captures). */
export interface Authorship {
  /** The account: a new comment or capture carries its id (`authorId`), which only it may change. */
  userId: string;
  /** The name a new comment or capture must carry: the account's, as the editor writes it. */
  name: string;
  /** An editor or owner: may delete anyone's comment (moderation), not rewrite it. */
  moderates: boolean;
}

/** The records that carry their writer's name, and their fields only that writer may change. */
const AUTHORED: Readonly<Record<string, readonly string[]>> = { comment: ['text', 'mentions', 'parentId', 'targetId', 'stepId'], capture: ['text', 'kind'] };

/**
 * A comment or capture written under someone else's name, one changed by another than its
 * writer, or its writer's name changed: the websocket accepts any bytes, so a modified client
 * could speak for a colleague. Null when the change is the writer's own (or a moderator's delete).
 */
export function authorshipProblem(live: Y.Doc, shadow: Y.Doc, id: string, authorship: Authorship): string | null {
  const type = recordTypeOf(id);
  const ownFields = type ? AUTHORED[type] : undefined;
  if (!ownFields) return null;
  const read = (doc: Y.Doc, recordId: string) => {
    const value = recordsOf(doc).get(recordId);
    return value instanceof Y.Map ? recordFields(doc, recordId, value) : undefined;
  };
  // Its account, when it names one; a comment from before accounts by its name.
  const mine = (fields: Record<string, unknown>) =>
    fields.authorId !== undefined ? fields.authorId === authorship.userId : typeof fields.author === 'string' && fields.author.trim() === authorship.name.trim();
  const before = read(live, id);
  const after = read(shadow, id);
  if (after === undefined) {
    if (before === undefined || mine(before) || authorship.moderates) return null;
    // A thread's writer deletes it with its replies.
    const thread = typeof before.parentId === 'string' ? read(live, before.parentId) : undefined;
    if (thread && mine(thread) && read(shadow, before.parentId as string) === undefined) return null;
    return `${id}: only its writer or an editor may delete a ${type} by ${String(before.author)}`;
  }
  if (before === undefined) {
    if (after.authorId !== authorship.userId || String(after.author).trim() !== authorship.name.trim()) {
      return `${id}: a ${type} is written under your own account and name (${authorship.name}), not ${String(after.author)}`;
    }
    // Not under the id of a deleted thread whose replies are left: re-made, it would let its maker delete them.
    if (type === 'comment') {
      for (const [otherId, value] of recordsOf(live).entries()) {
        if (value instanceof Y.Map && recordTypeOf(otherId) === 'comment' && value.get('parentId') === id) return `${id}: a comment cannot take the id of another's thread`;
      }
    }
    return null;
  }
  if (after.author !== before.author || after.authorId !== before.authorId) return `${id}: the writer of a ${type} stays ${String(before.author)}`;
  if (mine(before)) return null;
  const changed = ownFields.find((field) => JSON.stringify(after[field]) !== JSON.stringify(before[field]));
  return changed ? `${id}: only ${String(before.author)} may change the ${changed} of their ${type}` : null;
}
