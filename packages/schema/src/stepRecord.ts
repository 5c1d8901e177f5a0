import { z } from 'zod';
import { typedIdSchema } from './typedIdSchema.ts';
import { CHANNELS } from './channels.ts';
import { createId, randomKey, type PhaseId, type StepId } from './ids.ts';
import { MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from './limits.ts';
import { scoreSchema, type Score } from './score.ts';
import { journeyIdSchema } from './journeyRecord.ts';

export const KANO_CATEGORIES = ['must-be', 'performance', 'attractive', 'indifferent', 'reverse'] as const;
export type KanoCategory = (typeof KANO_CATEGORIES)[number];

export const WAIT_MOMENTS = ['before', 'during', 'after'] as const;
export const SERVICE_CONCEPT_ROLES = ['differentiator', 'sacrifice'] as const;

export const touchpointSchema = z.strictObject({
  id: z.string().min(1),
  channel: z.enum(CHANNELS),
  /** The channel's own name when `channel` is `custom`. */
  customChannel: z.string().max(MAX_TITLE_LENGTH),
  name: z.string().max(MAX_TITLE_LENGTH),
  department: z.string().max(MAX_TITLE_LENGTH),
  /** How much this touchpoint matters to the customer, 1–5, for the importance × performance map. */
  importance: z.number().int().min(1).max(5).nullable(),
});
export type Touchpoint = z.infer<typeof touchpointSchema>;

/**
 * How many questionnaire answers fell in each class of the Kano evaluation table: A attractive,
 * O one-dimensional (performance), M must-be, I indifferent, R reverse, Q questionable.
 */
const kanoCount = z.number().int().min(0).max(10_000_000);
export const kanoResponsesSchema = z.strictObject({ A: kanoCount, O: kanoCount, M: kanoCount, I: kanoCount, R: kanoCount, Q: kanoCount });
export type KanoResponses = z.infer<typeof kanoResponsesSchema>;

export const kanoElementSchema = z.strictObject({
  id: z.string().min(1),
  text: z.string().max(MAX_TITLE_LENGTH),
  category: z.enum(KANO_CATEGORIES).nullable(),
  /** The questionnaire's pair: how do you feel when the element is there (functional), and when it is not. */
  functionalQuestion: z.string().max(MAX_TEXT_LENGTH),
  dysfunctionalQuestion: z.string().max(MAX_TEXT_LENGTH),
  /** The classified answers of the last questionnaire import; null before any. */
  responses: kanoResponsesSchema.nullable(),
});
export type KanoElement = z.infer<typeof kanoElementSchema>;

export const MAX_ACTIVITY_PATTERNS = 100;
export const activityPatternSchema = z
  .string()
  .max(MAX_TITLE_LENGTH)
  .refine((pattern) => pattern.trim() === pattern && pattern.length > 0, 'must be an activity name or pattern without leading or trailing spaces');

export const waitSchema = z.strictObject({
  /** Whether the customer waits before, during or after the step. */
  moment: z.enum(WAIT_MOMENTS),
  minutes: z.number().min(0).max(525_600),
});
export type Wait = z.infer<typeof waitSchema>;

export const stepRecordSchema = z.strictObject({
  id: typedIdSchema('step'),
  phaseId: typedIdSchema('phase'),
  index: z.string().min(1),
  title: z.string().max(MAX_TITLE_LENGTH),
  description: z.string().max(MAX_TEXT_LENGTH),
  score: scoreSchema.nullable(),
  /** The to-be curve: the score the team designs this step to reach; null when it should stay as it is. */
  targetScore: scoreSchema.nullable(),
  /** What happens before first contact: the trigger that starts the journey. */
  beforeFirstContact: z.boolean(),
  wait: waitSchema.nullable(),
  touchpoints: z.array(touchpointSchema).max(50),
  kano: z.array(kanoElementSchema).max(50),
  serviceConcept: z.enum(SERVICE_CONCEPT_ROLES).nullable(),
  /** A moment-of-truth step: the phase's main need is met or not here. */
  momentOfTruth: z.boolean(),
  /**
   * The event-log activities that belong to this step: exact names, or glob patterns such as
   * `W_Completeren*` (`*` any text, `?` one character). Measured figures per step come from these.
   */
  activityPatterns: z.array(activityPatternSchema).max(MAX_ACTIVITY_PATTERNS),
  /** A case that reaches this step has completed the journey; without any, the last mapped step counts as the end. */
  journeyEnd: z.boolean(),
  /** A journey that details this step (a micro journey one level down); null when none does. */
  subJourneyId: journeyIdSchema.nullable(),
});
export type StepRecord = Omit<z.infer<typeof stepRecordSchema>, 'score' | 'targetScore'> & {
  id: StepId;
  phaseId: PhaseId;
  score: Score | null;
  targetScore: Score | null;
};

export const STEP_TEXT_FIELDS = ['title', 'description'] as const;

export function createStepRecord(fields: Partial<StepRecord> & { phaseId: PhaseId; index: string }): StepRecord {
  return {
    id: createId('step'),
    title: '',
    description: '',
    score: null,
    targetScore: null,
    beforeFirstContact: false,
    wait: null,
    touchpoints: [],
    kano: [],
    serviceConcept: null,
    momentOfTruth: false,
    activityPatterns: [],
    journeyEnd: false,
    subJourneyId: null,
    ...fields,
  };
}

export function createTouchpoint(fields: Partial<Touchpoint> = {}): Touchpoint {
  return { id: randomKey(10), channel: 'web', customChannel: '', name: '', department: '', importance: null, ...fields };
}

export function createKanoElement(fields: Partial<KanoElement> = {}): KanoElement {
  return { id: randomKey(10), text: '', category: null, functionalQuestion: '', dysfunctionalQuestion: '', responses: null, ...fields };
}
