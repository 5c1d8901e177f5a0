import { z } from 'zod';
import { JOURNEY_KINDS, JOURNEY_STATUSES, MAX_JOURNEY_TAGS, journeyTagSchema } from '@klantreis/schema';
import { roleSchema } from '@klantreis/core/contracts';

// The portfolio API's requests and answers (OpenAPI at /api/docs). The answers mirror the
// contract in @klantreis/core/contracts (portfolioTypes.ts); the handlers are typed by it.

export const workspaceQuery = z.object({
  workspace: z.string().min(1).max(100).optional().describe('the workspace; by default your first'),
});

export const opportunitiesQuery = workspaceQuery.extend({
  format: z.enum(['json', 'csv']).default('json'),
  lang: z.enum(['nl', 'en']).default('nl').describe('the language of the CSV header row and its words'),
});

const nullableNumber = z.number().nullable();

const healthReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('critical-findings'), count: z.number() }),
  z.object({ code: z.literal('warning-findings'), count: z.number() }),
  z.object({ code: z.literal('remembered-score-low'), score: z.number(), measured: z.boolean().optional() }),
  z.object({ code: z.literal('remembered-score-high'), score: z.number(), measured: z.boolean().optional() }),
  z.object({ code: z.literal('completion-low'), rate: z.number() }),
  z.object({ code: z.literal('drop-off-rising'), change: z.number() }),
  z.object({ code: z.literal('xla-missed'), count: z.number() }),
  z.object({ code: z.literal('xla-at-risk'), count: z.number() }),
  z.object({ code: z.literal('xla-met'), count: z.number() }),
  z.object({ code: z.literal('no-scores') }),
]);

const portfolioJourney = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(JOURNEY_KINDS),
  status: z.enum(JOURNEY_STATUSES),
  owner: z.object({ id: z.string().nullable(), name: z.string() }),
  tags: z.array(z.string()),
  personas: z.array(z.string()),
  locale: z.enum(['nl', 'en']),
  updatedAt: z.number(),
  stepCount: z.number(),
  stages: z.array(z.object({ experienceMapId: z.string(), experienceMapTitle: z.string(), stageId: z.string(), stageName: z.string(), stagePosition: z.number().optional() })),
  scores: z.object({ designedRemembered: nullableNumber, designedMean: nullableNumber, measuredRemembered: nullableNumber, measuredMean: nullableNumber }),
  measurement: z.object({ cases: z.number(), completionRate: nullableNumber, dropOffTrend: nullableNumber, medianWaitMinutes: nullableNumber }).nullable(),
  xla: z.object({ met: z.number(), atRisk: z.number(), missed: z.number(), noData: z.number() }).nullable(),
  findings: z.object({ critical: z.number(), warning: z.number(), info: z.number(), positive: z.number() }),
  openActions: z.number(),
  health: z.object({ level: z.enum(['healthy', 'attention', 'critical', 'unknown']), reasons: z.array(healthReason) }),
  role: roleSchema.nullable(),
});

export const portfolioResponse = z.object({ workspaceId: z.string(), generatedAt: z.number(), journeys: z.array(portfolioJourney) });

const opportunity = z.object({
  journeyId: z.string(),
  journeyTitle: z.string(),
  source: z.enum(['action', 'finding']),
  id: z.string(),
  rule: z.string().nullable().optional(),
  title: z.string(),
  owner: z.string(),
  status: z.enum(['idea', 'planned', 'doing', 'done', 'open']),
  dueDate: z.string().nullable(),
  impact: nullableNumber,
  effort: nullableNumber,
  severity: z.enum(['critical', 'warning', 'info', 'positive']).nullable(),
  stepIds: z.array(z.string()),
  stepTitles: z.array(z.string()),
});

export const opportunitiesResponse = z.object({ workspaceId: z.string(), opportunities: z.array(opportunity) });

/** A saved view's state as stored: at most this many bytes of JSON. */
export const MAX_VIEW_STATE_BYTES = 4096;

/**
 * What a view keeps: the filter (field → value, null for "any"), the sort and the grouping,
 * as the web app's portfolioQuery.ts writes them. Unknown fields are refused, so a view holds
 * nothing else; their values are not checked against today's lists, so a view saved by a
 * newer app still loads in an older one (which ignores what it does not know).
 */
export const viewState = z
  .strictObject({
    filter: z.record(z.string().max(40), z.union([z.string().max(200), z.null()])).optional(),
    sort: z.strictObject({ key: z.string().max(40), direction: z.enum(['asc', 'desc']) }).optional(),
    group: z.string().max(40).optional(),
  })
  .refine((state) => Buffer.byteLength(JSON.stringify(state)) <= MAX_VIEW_STATE_BYTES, `a view's state may hold at most ${MAX_VIEW_STATE_BYTES} bytes of JSON`);

export const saveViewBody = z.strictObject({
  workspaceId: z.string().min(1).max(100),
  name: z.string().trim().min(1, 'a view needs a name').max(80),
  state: viewState,
});

export const viewParams = z.object({ viewId: z.string().min(1).max(64) });

export const savedView = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  state: z.unknown(),
  createdBy: z.object({ id: z.string().nullable(), name: z.string() }),
  createdAt: z.number(),
});

export const journeyIdParams = z.object({ id: z.string().min(1).max(64) });

export const portfolioPatch = z
  .strictObject({
    ownerId: z.string().min(1).max(100).nullable().optional().describe('an account that is a member of the journey’s workspace, or null for nobody'),
    status: z.enum(JOURNEY_STATUSES).optional(),
    kind: z.enum(JOURNEY_KINDS).optional(),
    tags: z.array(journeyTagSchema).max(MAX_JOURNEY_TAGS).optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'name at least one of ownerId, status, kind, tags');

export const portfolioFields = z.object({
  id: z.string(),
  kind: z.enum(JOURNEY_KINDS),
  status: z.enum(JOURNEY_STATUSES),
  owner: z.object({ id: z.string().nullable(), name: z.string() }),
  tags: z.array(z.string()),
});
