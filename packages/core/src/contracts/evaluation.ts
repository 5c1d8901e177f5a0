// The evaluation of a journey and the Kano questionnaire import (apps/server/src/routes/evaluation).
import { z } from 'zod';
import { KANO_CATEGORIES } from '@klantreis/schema';
import { KANO_CSV_COLUMNS, MODEL_KINDS, QUADRANTS, RULE_IDS, SEVERITIES } from '@klantreis/evaluation';
import { journeyIdParams, type RouteContracts } from './routeContract.ts';
const weight = z.coerce.number().min(0).max(1_000).optional();

export const evaluationQuery = z.object({
  locale: z.enum(['nl', 'en']).optional().describe('the language of the messages; by default the language of the journey'),
  model: z.enum(MODEL_KINDS).optional().describe('how the remembered score is computed; peak-end by default'),
  start: weight.describe('weighted model: the weight of the first step (default 1)'),
  peak: weight.describe('weighted model: the weight of the most intense step (default 1)'),
  end: weight.describe('weighted model: the weight of the last step (default 2)'),
});

export const kanoQuery = z.object({
  locale: z.enum(['nl', 'en']).optional().describe('the language of the error messages; by default the language of the journey'),
});

const score = z.number().nullable();
const stepId = z.string().nullable();

const peakEndFigures = {
  remembered: score,
  mean: score,
  start: score,
  peak: score,
  trough: score,
  end: score,
  slope: score,
  mostIntense: score,
  mostIntenseStepId: stepId,
  peakStepId: stepId,
  troughStepId: stepId,
  startStepId: stepId,
  endStepId: stepId,
};

const curvePoint = z.object({ stepId: z.string(), position: z.number(), score: z.number() });
const kanoCounts = z.object({ A: z.number(), O: z.number(), M: z.number(), I: z.number(), R: z.number(), Q: z.number() });

/** What GET /api/journeys/:id/evaluation returns; `klantreis evaluate --json` prints the same. */
export const evaluationResponse = z.object({
  peakEnd: z.object(peakEndFigures),
  findings: z.array(z.object({ rule: z.enum(RULE_IDS), severity: z.enum(SEVERITIES), stepIds: z.array(z.string()), message: z.string() })),
  model: z.object({
    kind: z.enum(MODEL_KINDS),
    start: z.number().optional(),
    peak: z.number().optional(),
    end: z.number().optional(),
    explanation: z.string(),
  }),
  importancePerformance: z.object({
    points: z.array(z.object({ stepId: z.string(), touchpointId: z.string(), importance: z.number(), performance: z.number(), quadrant: z.enum(QUADRANTS) })),
  }),
  touchpointVsJourney: z.object({ touchpointMean: score, journeyScore: score, alert: z.boolean() }),
  curve: z.array(curvePoint),
  toBe: z.object({ ...peakEndFigures, targetCount: z.number(), curve: z.array(curvePoint) }).nullable(),
  kano: z.array(
    z.object({
      stepId: z.string(),
      elementId: z.string(),
      text: z.string(),
      category: z.enum(KANO_CATEGORIES).nullable(),
      responses: kanoCounts,
      total: z.number(),
      better: score,
      worse: score,
    }),
  ),
});

export const kanoCsvBody = z.string().describe(
  'CSV with a header line and the columns respondent, element (the element id or its text), functional and dysfunctional (answers in English or Dutch: like/leuk, must-be/vanzelfsprekend, neutral/neutraal, live-with/kan ermee leven, dislike/niet leuk). Comma, semicolon or tab.',
);

export const kanoImportResponse = z.object({
  answerCount: z.number(),
  elements: z.array(
    z.object({
      stepId: z.string(),
      elementId: z.string(),
      text: z.string(),
      responses: kanoCounts,
      category: z.enum(KANO_CATEGORIES).nullable(),
      better: score,
      worse: score,
    }),
  ),
});

/** A refused import names the line and column of each problem; a refused request (not CSV at all) only the path. */
export const kanoImportError = z.object({
  error: z.string(),
  issues: z
    .array(z.object({ path: z.string(), line: z.number().optional(), field: z.enum([...KANO_CSV_COLUMNS, 'file']).optional(), message: z.string() }))
    .optional(),
});
export type Evaluation = z.infer<typeof evaluationResponse>;
export type KanoImportAnswer = z.infer<typeof kanoImportResponse>;

export const evaluationContracts = {
  'GET /api/journeys/:id/evaluation': { params: journeyIdParams, querystring: evaluationQuery, response: { 200: evaluationResponse } },
  'POST /api/journeys/:id/kano': { params: journeyIdParams, querystring: kanoQuery, body: kanoCsvBody, response: { 200: kanoImportResponse, 400: kanoImportError } },
} as const satisfies RouteContracts;
