import { z } from 'zod';
import { typedIdSchema } from './typedIdSchema.ts';
import { createId, type PersonaId } from './ids.ts';
import { MAX_PICTURE_LENGTH, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from './limits.ts';

export const personaRecordSchema = z.strictObject({
  id: typedIdSchema('persona'),
  name: z.string().trim().min(1, 'a persona needs a name').max(MAX_TITLE_LENGTH),
  description: z.string().max(MAX_TEXT_LENGTH),
  goals: z.string().max(MAX_TEXT_LENGTH),
  /** A small picture as a data URL; without one the UI shows the initials on `color`. */
  picture: z
    .string()
    .max(MAX_PICTURE_LENGTH)
    .regex(/^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/=]+$/, 'must be a PNG, JPEG, WebP or GIF data URL')
    .nullable(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a colour like #1e88e5'),
});
export type PersonaRecord = z.infer<typeof personaRecordSchema> & { id: PersonaId };

export const PERSONA_TEXT_FIELDS = ['name', 'description', 'goals'] as const;

export function createPersonaRecord(fields: Partial<PersonaRecord> & { name: string }): PersonaRecord {
  return { id: createId('persona'), description: '', goals: '', picture: null, color: '#5c6bc0', ...fields };
}
