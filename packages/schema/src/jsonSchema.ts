import { z } from 'zod';
import { journeyDocumentSchema } from './journeyDocument.ts';

/** The published JSON Schema of the open format, generated from the same validators the app uses. */
export function journeyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(journeyDocumentSchema, { target: 'draft-2020-12' }),
    $id: 'https://klantreis.org/schema/journey.schema.json',
    title: 'Klantreis journey map',
    description:
      'A Klantreis journey map in the open JSON format. Lists are in display order; `index` is a fractional index.',
  };
}
