import { z } from 'zod';
import { typedIdSchema } from './typedIdSchema.ts';
import { MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from './limits.ts';
import { scoreSchema } from './score.ts';

export const JOURNEY_KINDS = ['journey', 'experience'] as const;

/** The two languages of the product: of a journey's content, and of a person's UI. */
export const LANGUAGES = ['nl', 'en'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

/** A stored language, or null when the value is not one of ours (or was never set). */
export function languageOrNull(value: string | null | undefined): Language | null {
  const parsed = languageSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
export const JOURNEY_STATUSES = ['draft', 'in-review', 'approved', 'archived'] as const;

export const journeyRecordSchema = z.strictObject({
  id: z.literal('journey:root'),
  title: z.string().trim().min(1, 'a journey needs a title').max(MAX_TITLE_LENGTH),
  description: z.string().max(MAX_TEXT_LENGTH),
  /** A journey map covers one process; an experience map the whole lifecycle across journeys. */
  kind: z.enum(JOURNEY_KINDS),
  /** The language the content is written in; the UI language is the reader's own choice. */
  locale: languageSchema,
  owner: z.string().max(MAX_TITLE_LENGTH),
  status: z.enum(JOURNEY_STATUSES),
  personaIds: z.array(typedIdSchema('persona')),
  /** The journey-level score entered by hand, until measured data replaces it. */
  journeyScore: scoreSchema.nullable(),
});
export type JourneyRecord = z.infer<typeof journeyRecordSchema>;

export const JOURNEY_TEXT_FIELDS = ['title', 'description'] as const;

export function createJourneyRecord(fields: Partial<JourneyRecord> & { title: string }): JourneyRecord {
  return {
    id: 'journey:root',
    description: '',
    kind: 'journey',
    locale: 'nl',
    owner: '',
    status: 'draft',
    personaIds: [],
    journeyScore: null,
    ...fields,
  };
}
