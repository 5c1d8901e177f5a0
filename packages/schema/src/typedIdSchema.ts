import { z } from 'zod';
import type { RecordType } from './ids.ts';

/** A typed id in a document: the prefix must name the record type it points at. */
export function typedIdSchema(type: RecordType) {
  return z.string().max(100).regex(new RegExp(`^${type}:\\S+$`), `must be a ${type} id such as ${type}:abc123`);
}
