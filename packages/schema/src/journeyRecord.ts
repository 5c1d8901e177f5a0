import { z } from 'zod';
import { typedIdSchema } from './typedIdSchema.ts';
import { MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from './limits.ts';
import { scoreSchema } from './score.ts';

/**
 * What a map is: a journey map covers one process, an experience map the whole lifecycle across
 * journeys (its phases are the lifecycle stages and link to the journeys that detail them), an
 * end-user journey is an employee's journey through IT services (measured with XLAs), and a
 * blueprint adds the backstage processes to a journey.
 */
export const JOURNEY_KINDS = ['journey', 'experience', 'end-user', 'blueprint'] as const;
export type JourneyKind = (typeof JOURNEY_KINDS)[number];

/** The two languages of the product: of a journey's content, and of a person's UI. */
export const LANGUAGES = ['nl', 'en'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

/** A stored language, or null when the value is not one of ours (or was never set). */
export function languageOrNull(value: string | null | undefined): Language | null {
  const parsed = languageSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
/**
 * Where a journey is in its life in the portfolio: an idea, the as-is journey mapped, researched
 * with customers, the to-be journey designed, live, and measured with real data.
 */
export const JOURNEY_STATUSES = ['idea', 'as-is', 'researched', 'to-be', 'live', 'measured'] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];

/** A tag a team gives journeys to group them in the portfolio, such as `membership` or `digital`. */
export const journeyTagSchema = z.string().trim().min(1, 'a tag cannot be empty').max(40);
export const MAX_JOURNEY_TAGS = 20;

/** The id of a journey in the same workspace, as a link from a stage or step names it. */
export const journeyIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a journey id');

export const journeyRecordSchema = z.strictObject({
  id: z.literal('journey:root'),
  title: z.string().trim().min(1, 'a journey needs a title').max(MAX_TITLE_LENGTH),
  description: z.string().max(MAX_TEXT_LENGTH),
  /** A journey map covers one process; an experience map the whole lifecycle across journeys. */
  kind: z.enum(JOURNEY_KINDS),
  /** The language the content is written in; the UI language is the reader's own choice. */
  locale: languageSchema,
  /** The owner's name as written, for a journey whose owner has no account here (an import). */
  owner: z.string().max(MAX_TITLE_LENGTH),
  /** The account that owns the journey in the portfolio; null when nobody does yet. */
  ownerId: z.string().min(1).max(100).nullable(),
  status: z.enum(JOURNEY_STATUSES),
  tags: z.array(journeyTagSchema).max(MAX_JOURNEY_TAGS),
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
    ownerId: null,
    status: 'idea',
    tags: [],
    personaIds: [],
    journeyScore: null,
    ...fields,
  };
}
