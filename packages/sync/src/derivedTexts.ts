import * as Y from 'yjs';
import { RECORD_DEFINITIONS, hasDerivedId, recordDefinition, recordTypeOf } from '@klantreis/schema';

// The text fields of a record whose id is derived (a cell: `cell:<lane>~<step>`) are root-level
// Y.Texts of the document, named `<record id>#<field>`, not Y.Texts inside the record's map.
//
// Why: such a record is created by whoever edits it first, so two people typing into the same
// empty cell both create it. Inside `records` both creations set the same key, and Y.Map keeps
// one value (last writer wins): the other person's whole Y.Text was dropped, letters they had
// seen on screen and the server had acknowledged. A root-level type is identified by its name,
// not by the client that made it, so two concurrent creations are one text and both people's
// letters merge. The record's map keeps its other fields (for a cell, the lane and step its id
// is made of, equal on both sides, so the map that wins the key loses nothing).
//
// A root-level type cannot be deleted. Deleting a derived record (recordBinding.deleteRecord)
// deletes its map and empties its texts; an undo brings both back. Text in a root whose record
// this editor does not have is therefore someone's typing whose record has not arrived yet
// (its map waits for an update it builds on), or letters typed while someone deleted the
// record: creating the record here keeps that text and adds to it (writeRecord).

const SEPARATOR = '#';

export function hasDerivedTexts(id: string): boolean {
  const type = recordTypeOf(id);
  return type !== undefined && hasDerivedId(type) && RECORD_DEFINITIONS[type].textFields.length > 0;
}

/** Whether `field` of record `id` is a root-level text (see above). */
export function isDerivedTextField(id: string, field: string): boolean {
  const type = recordTypeOf(id);
  return type !== undefined && hasDerivedId(type) && recordDefinition(type).textFields.includes(field);
}

export function derivedTextName(id: string, field: string): string {
  return `${id}${SEPARATOR}${field}`;
}

/** The record and field a root-level type's name stands for, or null when it is no derived text. */
export function derivedTextOwner(name: string): { id: string; field: string } | null {
  const at = name.lastIndexOf(SEPARATOR);
  if (at <= 0) return null;
  const id = name.slice(0, at);
  const field = name.slice(at + 1);
  return isDerivedTextField(id, field) ? { id, field } : null;
}

/**
 * The root-level text of a derived record's field. A root that arrived in an update before
 * anyone asked for it is an untyped AbstractType; `getText` turns it into the Y.Text.
 */
export function derivedTextOf(doc: Y.Doc, id: string, field: string): Y.Text {
  return doc.getText(derivedTextName(id, field));
}

/** The record's fields as plain values: its map, plus its root-level texts when its id is derived. */
export function recordFields(doc: Y.Doc, id: string, map: Y.Map<unknown>): Record<string, unknown> {
  const fields = map.toJSON() as Record<string, unknown>;
  if (!hasDerivedTexts(id)) return fields;
  const type = recordTypeOf(id)!;
  for (const field of RECORD_DEFINITIONS[type].textFields) {
    // A document stored before protocol 5 and not yet loaded by the server (which moves the
    // text, schemaUpgrade.ts) still has it in the map; it reads the same.
    if (!map.has(field)) fields[field] = derivedTextOf(doc, id, field).toString();
  }
  return fields;
}
