// The experience map's roll-up as the API answers it (the type is ExperienceRollup in
// @klantreis/core/contracts; this is its response schema for validation and OpenAPI).
import { z } from 'zod';
import { JOURNEY_KINDS } from '@klantreis/schema';

export const experienceParams = z.object({ id: z.string().min(1).max(64) });

const score = z.number().nullable();
const findings = z.object({ critical: z.number(), warning: z.number(), info: z.number(), positive: z.number() });
const xla = z.object({ met: z.number(), atRisk: z.number(), missed: z.number(), noData: z.number() });
const healthLevel = z.enum(['healthy', 'attention', 'critical', 'unknown']);
const health = z.object({
  level: healthLevel,
  reasons: z.array(z.looseObject({ code: z.string() })).describe('why, as codes with their figures, weightiest first'),
});
const scores = z.object({ designedRemembered: score, designedMean: score, measuredRemembered: score, measuredMean: score });
const measurement = z.object({ cases: z.number(), completionRate: score, dropOffTrend: score, medianWaitMinutes: score });

const linkedJourney = z.object({
  linkId: z.string(),
  journeyId: z.string(),
  targetPhaseId: z.string().nullable(),
  targetPhaseName: z.string().nullable(),
  availability: z.enum(['available', 'trashed', 'unavailable']).describe('unavailable: not yours to see, deleted, or in another workspace; its title is not told'),
  title: z.string().nullable(),
  kind: z.enum(JOURNEY_KINDS).nullable(),
  scores: scores.nullable(),
  measurement: measurement.nullable(),
  xla: xla.nullable(),
  findings: findings.nullable(),
  health: health.nullable(),
});

const stage = z.object({
  stageId: z.string(),
  name: z.string(),
  momentOfTruth: z.string(),
  own: z.object({ remembered: score, mean: score, steps: z.number() }),
  journeys: z.object({
    designedRemembered: score,
    designedMean: score,
    measuredRemembered: score,
    measuredMean: score,
    cases: z.number(),
    dropOffRate: score,
    medianWaitMinutes: score,
    xla: xla.nullable(),
    findings,
    health: healthLevel,
  }),
  links: z.array(linkedJourney),
});

export const experienceRollupResponse = z.object({
  experienceMapId: z.string(),
  title: z.string(),
  computedAt: z.number(),
  stages: z.array(stage),
  curve: z.array(z.object({ stageId: z.string(), designed: score, measured: score })),
});

export const linkableResponse = z
  .array(z.object({ id: z.string(), title: z.string(), kind: z.enum(JOURNEY_KINDS) }))
  .describe('journeys of the same workspace that you may see, this one left out, by title');
