// The journey portfolio and the opportunity portfolio as the API (`GET /api/portfolio`,
// `GET /api/portfolio/opportunities`), the CLI (`klantreis portfolio --json`) and the web app
// share them, and the saved views (apps/server/src/routes/portfolio). Figures only: the words
// (status names, health reasons) are made from these in the reader's language, by the web
// app's dictionaries and by healthReasonText in @klantreis/evaluation.
import { z } from 'zod';
import { JOURNEY_KINDS, JOURNEY_STATUSES, MAX_JOURNEY_TAGS, journeyTagSchema } from '@klantreis/schema';
import type { HealthReason, JourneyHealth } from '@klantreis/evaluation/health';
import { roleSchema } from '../access/roles.ts';
import { journeyIdParams, localeSchema, type RouteContracts } from './routeContract.ts';

// The traffic light and its reasons are defined beside the rule that computes them
// (@klantreis/evaluation/health, browser-safe); the schemas below are checked against them.
export type { HealthLevel, HealthReason, JourneyHealth } from '@klantreis/evaluation/health';

export const workspaceQuery = z.object({
  workspace: z.string().min(1).max(100).optional().describe('the workspace; by default your first'),
});

export const opportunitiesQuery = workspaceQuery.extend({
  format: z.enum(['json', 'csv']).default('json'),
  lang: localeSchema.default('nl').describe('the language of the CSV header row and its words'),
});

const nullableNumber = z.number().nullable();

export const healthLevelSchema = z.enum(['healthy', 'attention', 'critical', 'unknown']);
const healthReasonSchema = z.discriminatedUnion('code', [
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
]) satisfies z.ZodType<HealthReason>;
export const journeyHealthSchema = z.object({ level: healthLevelSchema, reasons: z.array(healthReasonSchema) }) satisfies z.ZodType<JourneyHealth>;

/** Designed and measured scores, each as remembered (peak-end) and as the mean of the steps, on −2 … +2. */
export const scoreRollupSchema = z.object({ designedRemembered: nullableNumber, designedMean: nullableNumber, measuredRemembered: nullableNumber, measuredMean: nullableNumber });
export type ScoreRollup = z.infer<typeof scoreRollupSchema>;

export const measurementRollupSchema = z.object({
  cases: z.number(),
  /** Share of cases that reach the journey's end, 0 … 1. */
  completionRate: nullableNumber,
  /** Change in the drop-off share between the last two periods, in points (0.05 = 5 points more drop-off). */
  dropOffTrend: nullableNumber,
  /** Median of the measured waits before or between steps, in minutes; null when none is measured. */
  medianWaitMinutes: nullableNumber,
});
export type MeasurementRollup = z.infer<typeof measurementRollupSchema>;

export const xlaRollupSchema = z.object({ met: z.number(), atRisk: z.number(), missed: z.number(), noData: z.number() });
export type XlaRollup = z.infer<typeof xlaRollupSchema>;

export const findingCountsSchema = z.object({ critical: z.number(), warning: z.number(), info: z.number(), positive: z.number() });
export type FindingCounts = z.infer<typeof findingCountsSchema>;

/** A stage of an experience map that a journey details. */
export const stageRefSchema = z.object({
  experienceMapId: z.string(),
  experienceMapTitle: z.string(),
  stageId: z.string(),
  stageName: z.string(),
  /** The stage's place in its experience map, 1 for the first stage (a journey's stages are listed in this order per map). */
  stagePosition: z.number().optional(),
});
export type StageRef = z.infer<typeof stageRefSchema>;

/** One journey's rolled-up figures: what the portfolio lists and an experience map's stage sums. */
const journeyFigures = {
  scores: scoreRollupSchema,
  measurement: measurementRollupSchema.nullable(),
  xla: xlaRollupSchema.nullable(),
  findings: findingCountsSchema,
  /** Open improvement actions (not done). */
  openActions: z.number(),
  health: journeyHealthSchema,
};
export const journeyFiguresSchema = z.object(journeyFigures);
export type JourneyFigures = z.infer<typeof journeyFiguresSchema>;

const journeyOwner = z.object({ id: z.string().nullable(), name: z.string() });

export const portfolioJourneySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(JOURNEY_KINDS),
  status: z.enum(JOURNEY_STATUSES),
  owner: journeyOwner,
  tags: z.array(z.string()),
  /** The names of the journey's personas. */
  personas: z.array(z.string()),
  locale: localeSchema,
  updatedAt: z.number(),
  stepCount: z.number(),
  stages: z.array(stageRefSchema),
  ...journeyFigures,
  /** The caller's role on the journey. */
  role: roleSchema.nullable(),
});
export type PortfolioJourney = z.infer<typeof portfolioJourneySchema>;

export const portfolioResponse = z.object({ workspaceId: z.string(), generatedAt: z.number(), journeys: z.array(portfolioJourneySchema) });
export type PortfolioResponse = z.infer<typeof portfolioResponse>;

/** An improvement action or an open finding of one journey, in the opportunity portfolio. */
export const opportunitySchema = z.object({
  journeyId: z.string(),
  journeyTitle: z.string(),
  source: z.enum(['action', 'finding']),
  /** The action's id, or `finding:<rule>:<first step id or "journey">` (one rule may fire on several steps). */
  id: z.string(),
  /** The finding's rule id, or the rule an action was made from (its sourceRule); null for an action made by hand. */
  rule: z.string().nullable().optional(),
  title: z.string(),
  owner: z.string(),
  status: z.enum(['idea', 'planned', 'doing', 'done', 'open']),
  dueDate: z.string().nullable(),
  /** 1 … 5, null until judged (findings carry none). */
  impact: nullableNumber,
  effort: nullableNumber,
  severity: z.enum(['critical', 'warning', 'info', 'positive']).nullable(),
  stepIds: z.array(z.string()),
  stepTitles: z.array(z.string()),
});
export type Opportunity = z.infer<typeof opportunitySchema>;

export const opportunitiesResponse = z.object({ workspaceId: z.string(), opportunities: z.array(opportunitySchema) });
export type OpportunitiesResponse = z.infer<typeof opportunitiesResponse>;
export const opportunitiesAnswer = opportunitiesResponse.or(z.string().describe('the CSV file (format=csv)'));

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
  .refine((state) => new TextEncoder().encode(JSON.stringify(state)).length <= MAX_VIEW_STATE_BYTES, `a view's state may hold at most ${MAX_VIEW_STATE_BYTES} bytes of JSON`);

export const saveViewBody = z.strictObject({
  workspaceId: z.string().min(1).max(100),
  name: z.string().trim().min(1, 'a view needs a name').max(80),
  state: viewState,
});
export type SaveViewBody = z.input<typeof saveViewBody>;

export const viewParams = z.object({ viewId: z.string().min(1).max(64) });

/** A named view of the portfolio: the web app's filter, sort and grouping as JSON, shared in a workspace. */
export const savedView = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  /** `{ filter?: {field: value | null}, sort?: {key, direction}, group? }`, at most 4 KB. */
  state: z.unknown(),
  createdBy: journeyOwner,
  createdAt: z.number(),
});
export type SavedPortfolioView = z.infer<typeof savedView>;
export const savedViewList = z.array(savedView);

/** `PATCH /api/journeys/:id/portfolio`: the portfolio fields an editor may change; leave out what stays. */
export const portfolioPatch = z
  .strictObject({
    ownerId: z.string().min(1).max(100).nullable().optional().describe('an account that is a member of the journey’s workspace, or null for nobody'),
    status: z.enum(JOURNEY_STATUSES).optional(),
    kind: z.enum(JOURNEY_KINDS).optional(),
    tags: z.array(journeyTagSchema).max(MAX_JOURNEY_TAGS).optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'name at least one of ownerId, status, kind, tags');
export type PortfolioFieldsPatch = z.input<typeof portfolioPatch>;

export const portfolioFields = z.object({
  id: z.string(),
  kind: z.enum(JOURNEY_KINDS),
  status: z.enum(JOURNEY_STATUSES),
  owner: journeyOwner,
  tags: z.array(z.string()),
});
export type PortfolioFields = z.infer<typeof portfolioFields>;

export const portfolioContracts = {
  'GET /api/portfolio': { querystring: workspaceQuery, response: { 200: portfolioResponse } },
  'GET /api/portfolio/opportunities': { querystring: opportunitiesQuery, response: { 200: opportunitiesAnswer } },
  'GET /api/portfolio/views': { querystring: workspaceQuery, response: { 200: savedViewList } },
  'POST /api/portfolio/views': { body: saveViewBody, response: { 201: savedView } },
  'DELETE /api/portfolio/views/:viewId': { params: viewParams },
  'PATCH /api/journeys/:id/portfolio': { params: journeyIdParams, body: portfolioPatch, response: { 200: portfolioFields } },
} as const satisfies RouteContracts;
