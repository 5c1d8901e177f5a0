import { z } from 'zod';
import { typedIdSchema } from './typedIdSchema.ts';
import { MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from './limits.ts';
import { scoreSchema } from './score.ts';

export const JOURNEY_KINDS = ['journey', 'experience'] as const;
export const JOURNEY_STATUSES = ['draft', 'in-review', 'approved', 'archived'] as const;

export const journeyRecordSchema = z.strictObject({
  id: z.literal('journey:root'),
  title: z.string().trim().min(1, 'a journey needs a title').max(MAX_TITLE_LENGTH),
  description: z.string().max(MAX_TEXT_LENGTH),
  /** A journey map covers one process; an experience map the whole lifecycle across journeys. */
  kind: z.enum(JOURNEY_KINDS),
  /** The language the content is written in; the UI language is the reader's own choice. */
  locale: z.enum(['nl', 'en']),
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
