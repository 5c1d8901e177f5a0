// An experience map's roll-up by stage (`GET /api/journeys/:id/experience` and its live stream
// `…/experience/events`) and the journeys a journey may link to (apps/server/src/routes/experience).
// Figures only; the web app words them in the reader's language.
import { z } from 'zod';
import { JOURNEY_KINDS } from '@klantreis/schema';
import { findingCountsSchema, healthLevelSchema, journeyHealthSchema, measurementRollupSchema, scoreRollupSchema, xlaRollupSchema } from './portfolio.ts';
import { journeyIdParams, type RouteContracts } from './routeContract.ts';

export const experienceParams = journeyIdParams;

const score = z.number().nullable();

/**
 * Whether the caller may open a linked journey: `available`; `trashed` (they may see it, but it
 * is in the trash); `unavailable` (not theirs to see, deleted, or in another workspace: its
 * title is not told).
 */
export const linkAvailabilitySchema = z.enum(['available', 'trashed', 'unavailable']);
export type LinkAvailability = z.infer<typeof linkAvailabilitySchema>;

export const linkedJourneyRollupSchema = z.object({
  linkId: z.string(),
  journeyId: z.string(),
  /** The linked journey's phase where this stage begins; the drill-down opens there. */
  targetPhaseId: z.string().nullable(),
  /** That phase's name, when available (the drill-down's label says where it opens). */
  targetPhaseName: z.string().nullable(),
  availability: linkAvailabilitySchema.describe('unavailable: not yours to see, deleted, or in another workspace; its title is not told'),
  /** Null unless available. */
  title: z.string().nullable(),
  kind: z.enum(JOURNEY_KINDS).nullable(),
  scores: scoreRollupSchema.nullable(),
  measurement: measurementRollupSchema.nullable(),
  xla: xlaRollupSchema.nullable(),
  findings: findingCountsSchema.nullable(),
  health: journeyHealthSchema.nullable(),
});
export type LinkedJourneyRollup = z.infer<typeof linkedJourneyRollupSchema>;

/** A stage's figures over its available linked journeys (each journey counts once). */
export const stageJourneysRollupSchema = z.object({
  /** The mean of the journeys' designed remembered scores, and of their designed means. */
  designedRemembered: score,
  designedMean: score,
  measuredRemembered: score,
  measuredMean: score,
  /** Measured cases over the journeys. */
  cases: z.number(),
  /** Cases that did not reach their journey's end, over all measured cases, 0 … 1. */
  dropOffRate: score,
  /** The median of the journeys' median waits, in minutes. */
  medianWaitMinutes: score,
  /** XLA indicators by status, summed; null when no journey has any. */
  xla: xlaRollupSchema.nullable(),
  findings: findingCountsSchema,
  /** The worst light among the journeys that have one; unknown when none has. */
  health: healthLevelSchema,
});
export type StageJourneysRollup = z.infer<typeof stageJourneysRollupSchema>;

export const stageRollupSchema = z.object({
  stageId: z.string(),
  name: z.string(),
  momentOfTruth: z.string(),
  /** The stage's own moments (its steps) on the experience map, by the peak-end rule. */
  own: z.object({ remembered: score, mean: score, steps: z.number() }),
  journeys: stageJourneysRollupSchema,
  links: z.array(linkedJourneyRollupSchema),
});
export type StageRollup = z.infer<typeof stageRollupSchema>;

/** One point of the lifecycle curve per stage. */
export const lifecyclePointSchema = z.object({
  stageId: z.string(),
  /** The stage's own designed score (remembered), else the journeys' designed remembered score. */
  designed: score,
  /** The journeys' measured remembered score. */
  measured: score,
});
export type LifecyclePoint = z.infer<typeof lifecyclePointSchema>;

export const experienceRollupResponse = z.object({
  experienceMapId: z.string(),
  title: z.string(),
  computedAt: z.number(),
  stages: z.array(stageRollupSchema),
  curve: z.array(lifecyclePointSchema),
});
export type ExperienceRollup = z.infer<typeof experienceRollupResponse>;

export const linkableJourneySchema = z.object({ id: z.string(), title: z.string(), kind: z.enum(JOURNEY_KINDS) });
export type LinkableJourney = z.infer<typeof linkableJourneySchema>;
export const linkableResponse = z.array(linkableJourneySchema).describe('journeys of the same workspace that you may see, this one left out, by title');

export const experienceContracts = {
  'GET /api/journeys/:id/experience': { params: experienceParams, response: { 200: experienceRollupResponse } },
  'GET /api/journeys/:id/linkable': { params: experienceParams, response: { 200: linkableResponse } },
  // Server-sent events: each `rollup` event's data is an experienceRollupResponse.
  'GET /api/journeys/:id/experience/events': { params: experienceParams },
} as const satisfies RouteContracts;
