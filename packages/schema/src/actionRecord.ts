import { z } from 'zod';
import { typedIdSchema } from './typedIdSchema.ts';
import { createId, type ActionId, type StepId } from './ids.ts';
import { MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from './limits.ts';

// An improvement action (verbeteractie): what the organisation will change, with an owner and
// a status. It links to the steps it improves and, when it came from the evaluation, to the
// rule that found the problem, so the team can see which findings are being worked on.

export const ACTION_STATUSES = ['idea', 'planned', 'doing', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** A calendar date without a time zone: a due date is a day, wherever the team sits. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'must be a date that exists');

/**
 * A finding's rule id such as `peak-end.weak-end`. The schema does not list the rules (they
 * belong to the evaluation, which depends on the schema), only their shape.
 */
export const ruleIdSchema = z.string().max(100).regex(/^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/, 'must be a rule id such as peak-end.weak-end');

/** A judgement on a five-point scale, as on an impact × effort matrix. */
export const ratingSchema = z.number().int().min(1).max(5);

export const actionRecordSchema = z.strictObject({
  id: typedIdSchema('action'),
  index: z.string().min(1),
  title: z.string().max(MAX_TITLE_LENGTH),
  description: z.string().max(MAX_TEXT_LENGTH),
  owner: z.string().max(MAX_TITLE_LENGTH),
  dueDate: isoDateSchema.nullable(),
  status: z.enum(ACTION_STATUSES),
  /** The steps the action improves, in no particular order. */
  stepIds: z.array(typedIdSchema('step')).max(500),
  /** The expected effect on the experience, 1 (small) to 5 (large); null until the team judges it. */
  impact: ratingSchema.nullable(),
  /** The work it takes, 1 (little) to 5 (a lot); null until the team judges it. */
  effort: ratingSchema.nullable(),
  /** The rule of the finding the action was created from; null for an action made by hand. */
  sourceRule: ruleIdSchema.nullable(),
});
export type ActionRecord = Omit<z.infer<typeof actionRecordSchema>, 'stepIds'> & { id: ActionId; stepIds: StepId[] };

export const ACTION_TEXT_FIELDS = ['title', 'description'] as const;

export function createActionRecord(fields: Partial<ActionRecord> & { index: string }): ActionRecord {
  return {
    id: createId('action'),
    title: '',
    description: '',
    owner: '',
    dueDate: null,
    status: 'idea',
    stepIds: [],
    impact: null,
    effort: null,
    sourceRule: null,
    ...fields,
  };
}
