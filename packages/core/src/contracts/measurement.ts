// Measured data of a journey: uploads, their check and import, the imports, the metrics and
// the XLA's indicators (apps/server/src/routes/measurement).
import { z } from 'zod';
import { DATE_FORMATS, METRICS_PERIODS } from '@klantreis/analytics/names';
import { MEASURE_SCALES } from '@klantreis/evaluation/scales';
import { INDICATOR_DIRECTIONS, INDICATOR_KINDS, INDICATOR_METRIC_IDS, INDICATOR_PERIODS, WAIT_MOMENTS } from '@klantreis/schema';
import { createdResponse, journeyIdParams, type RouteContracts } from './routeContract.ts';

export const uploadParams = journeyIdParams.extend({ uploadId: z.string().uuid() });
export const importParams = journeyIdParams.extend({ importId: z.string().min(1).max(64) });

const kind = z.enum(['events', 'survey']).describe('events: an event log (CSV, JSON Lines, XES, XES.gz, Parquet); survey: survey answers (CSV)');

export const uploadQuery = z.object({
  kind,
  fileName: z.string().trim().min(1).max(255).describe('the name of the file as the user knows it; its extension helps detect the format'),
});

export const rawFileBody = z.unknown().describe('the file itself as the raw request body (Content-Type: application/octet-stream), streamed to disk, never held in memory');

/** What to read the file as; anything left out is detected. */
export const readOptions = z.object({
  format: z.enum(['csv', 'jsonl', 'xes', 'parquet']).optional().describe('event logs: the file format'),
  delimiter: z.string().length(1).optional(),
  decimalMark: z.enum(['.', ',']).optional(),
  encoding: z.string().min(1).max(40).optional().describe('for example utf-8 or windows-1252'),
  dateFormat: z.enum(DATE_FORMATS).optional(),
  scale: z.enum(MEASURE_SCALES).optional().describe('survey answers: the scale of every score when the file has no scale column'),
  mapping: z
    .object({
      caseId: z.string().min(1).optional(),
      activity: z.string().min(1).optional(),
      timestamp: z.string().min(1).optional(),
      channel: z.string().min(1).optional(),
      resource: z.string().min(1).optional(),
      segment: z.string().min(1).optional(),
      score: z.string().min(1).optional(),
      step: z.string().min(1).optional(),
      scale: z.string().min(1).optional(),
      comment: z.string().min(1).optional(),
      lostMinutes: z.string().min(1).optional(),
    })
    .optional()
    .describe('column names: caseId, activity, timestamp, channel, resource, segment for event logs; score, caseId, step, scale, comment, timestamp, lostMinutes for survey answers'),
});

export const oneShotQuery = uploadQuery.extend({
  skipRejected: z.enum(['true', 'false']).optional().describe('import the good rows when some are rejected, instead of refusing the file'),
});

const rejectedLine = z.object({ line: z.number(), field: z.string().nullable(), reason: z.string() });

const detected = z.object({
  delimiter: z.string().nullable(),
  decimalMark: z.enum(['.', ',']),
  encoding: z.string(),
  dateFormat: z.string().nullable(),
  scale: z.enum(MEASURE_SCALES).nullable().optional(),
  scaleSource: z.string().nullable().optional(),
});

const stagedEvents = z.object({
  kind: z.literal('events'),
  summary: z.object({
    format: z.string(),
    columns: z.array(z.string()),
    mapping: z.object({ caseId: z.string(), activity: z.string(), timestamp: z.string(), channel: z.string().optional(), resource: z.string().optional(), segment: z.string().optional() }),
    detected,
  }),
  events: z.number(),
  cases: z.number(),
  firstTimestamp: z.string().nullable(),
  lastTimestamp: z.string().nullable(),
  activities: z.array(z.object({ activity: z.string(), events: z.number() })),
  sampleRows: z.array(
    z.object({
      line: z.number(),
      caseId: z.string(),
      activity: z.string(),
      timestamp: z.string(),
      channel: z.string().nullable(),
      resource: z.string().nullable(),
      segment: z.string().nullable(),
      attributes: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  rejected: z.array(rejectedLine),
  rejectedCount: z.number(),
});

const stagedSurvey = z.object({
  kind: z.literal('survey'),
  summary: z.object({
    columns: z.array(z.string()),
    mapping: z.object({
      score: z.string(),
      caseId: z.string().optional(),
      step: z.string().optional(),
      scale: z.string().optional(),
      comment: z.string().optional(),
      timestamp: z.string().optional(),
      lostMinutes: z.string().optional(),
    }),
    detected,
  }),
  responses: z.number(),
  journeyResponses: z.number(),
  stepResponses: z.number(),
  firstTimestamp: z.string().nullable(),
  lastTimestamp: z.string().nullable(),
  sampleRows: z.array(
    z.object({
      line: z.number(),
      caseId: z.string().nullable(),
      stepId: z.string().nullable(),
      stepReference: z.string().nullable(),
      scale: z.enum(MEASURE_SCALES),
      score: z.number(),
      axis: z.number(),
      comment: z.string().nullable(),
      timestamp: z.string().nullable(),
      lostMinutes: z.number().nullable(),
    }),
  ),
  rejected: z.array(rejectedLine),
  rejectedCount: z.number(),
});

export const importRecord = z.object({
  id: z.string(),
  journeyId: z.string(),
  kind,
  fileName: z.string(),
  contentHash: z.string(),
  rows: z.number().describe('events or answers kept'),
  rejected: z.number(),
  cases: z.number().nullable(),
  firstAt: z.string().nullable(),
  lastAt: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.number(),
});

export const uploadResponse = z.object({
  id: z.string(),
  journeyId: z.string(),
  kind,
  fileName: z.string(),
  bytes: z.number(),
  contentHash: z.string(),
  createdAt: z.number(),
  state: z.enum(['uploaded', 'checking', 'checked', 'failed', 'committed']),
  progress: z
    .object({
      bytesRead: z.number(),
      totalBytes: z.number(),
      eventsRead: z.number().optional(),
      stage: z.enum(['reading', 'indexing']).optional().describe("'indexing' once the file is read and each case's events are put in order: no share done to show"),
      elapsedMs: z.number(),
    })
    .nullable(),
  staged: z.discriminatedUnion('kind', [stagedEvents, stagedSurvey]).nullable().describe('what an import would keep, once checked'),
  problem: z.object({ message: z.string(), line: z.number().nullable(), field: z.string().nullable(), rejected: z.array(rejectedLine), rejectedCount: z.number() }).nullable(),
  duplicateOf: importRecord.nullable(),
  importId: z.string().nullable(),
});

export const importError = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  rejected: z.array(rejectedLine).optional(),
  rejectedCount: z.number().optional(),
  duplicateOf: importRecord.optional(),
});

/** The most variants (real paths) the metrics API lists. */
export const MAX_VARIANTS = 100;

export const metricsQuery = z.object({
  period: z.enum(METRICS_PERIODS as ['week', 'month', 'quarter']).optional().describe('the period of the trends: week, month (default) or quarter'),
  variants: z.coerce.number().int().min(1).max(MAX_VARIANTS).optional().describe('how many variants (real paths) to list, 10 by default'),
});

const spread = z.object({ n: z.number(), medianSeconds: z.number().nullable(), p90Seconds: z.number().nullable() });
const surveySummary = z.object({
  n: z.number(),
  axisMean: z.number().nullable(),
  byScale: z.array(z.object({ scale: z.enum(MEASURE_SCALES), n: z.number(), mean: z.number() })),
  happiness: z.number().nullable(),
  happinessN: z.number(),
  lostMinutesMean: z.number().nullable(),
  lostMinutesN: z.number(),
});
const trendFigures = {
  cases: z.number(),
  completed: z.number(),
  completionRate: z.number().nullable(),
  durationMedianSeconds: z.number().nullable(),
  contactsPerCase: z.number().nullable(),
};
const periodValue = z.object({ period: z.string().nullable(), value: z.number().nullable(), n: z.number() });
const status = z.enum(['met', 'at-risk', 'missed', 'no-data']);

export const measurementResponse = z.object({
  metrics: z.object({
    period: z.string(),
    coverage: z.object({
      events: z.number(),
      mappedEvents: z.number(),
      share: z.number().nullable(),
      cases: z.number(),
      activities: z.array(z.object({ activity: z.string(), events: z.number(), stepId: z.string().nullable() })),
    }),
    cases: z.number(),
    completed: z.number(),
    completionRate: z.number().nullable(),
    duration: spread,
    contactsPerCase: z.number().nullable(),
    endStepIds: z.array(z.string()),
    steps: z.array(
      z.object({
        stepId: z.string(),
        activities: z.array(z.string()),
        events: z.number(),
        reach: z.number(),
        reachShare: z.number().nullable(),
        conversion: z.number().nullable(),
        dropOff: z.number(),
        dropOffShare: z.number().nullable(),
        timeToNext: spread,
        timeFromPrevious: spread,
        timeInStep: spread,
        wait: z.object({ moment: z.enum(WAIT_MOMENTS), designedMinutes: z.number().nullable(), measured: spread, exceeded: z.boolean() }),
        repeatCases: z.number(),
        repeatShare: z.number().nullable(),
        survey: surveySummary,
        designedScore: z.number().nullable(),
        scoreGap: z.number().nullable(),
        isEnd: z.boolean(),
      }),
    ),
    variantCount: z.number(),
    variants: z.array(z.object({ stepIds: z.array(z.string()), cases: z.number(), share: z.number() })),
    dfg: z.object({
      edges: z.array(z.object({ from: z.string(), to: z.string(), count: z.number(), medianSeconds: z.number() })),
      starts: z.record(z.string(), z.number()),
      ends: z.record(z.string(), z.number()),
    }),
    satisfaction: z.object({
      journey: surveySummary,
      steps: surveySummary,
      touchpointMean: z.number().nullable(),
      journeyTrend: z.array(z.object({ period: z.string(), n: z.number(), axisMean: z.number() })),
      alert: z.object({ alert: z.boolean(), reason: z.enum(['journey-low', 'journey-falling']).nullable(), fall: z.number().nullable() }).nullable(),
    }),
    trend: z.array(z.object({ period: z.string(), ...trendFigures })),
    segments: z.array(z.object({ segment: z.string().nullable(), ...trendFigures })),
    segmentTrend: z.array(z.object({ segment: z.string().nullable(), period: z.string(), cases: z.number(), completionRate: z.number().nullable() })),
  }),
  xla: z.object({
    indicators: z.array(
      z.object({
        indicatorId: z.string(),
        period: z.string().nullable(),
        value: z.number().nullable(),
        n: z.number(),
        status,
        trend: z.enum(['improving', 'worsening', 'steady']).nullable(),
        series: z.array(periodValue.extend({ status })),
        overall: periodValue,
        problem: z.enum(['needs-step']).nullable(),
      }),
    ),
    hasSentiment: z.boolean(),
    counts: z.object({ met: z.number(), 'at-risk': z.number(), missed: z.number(), 'no-data': z.number() }),
  }),
  imports: z.array(importRecord),
});

export const indicatorParams = journeyIdParams.extend({ indicatorId: z.string().regex(/^indicator:/) });

const indicatorFields = {
  name: z.string().max(200),
  kind: z.enum(INDICATOR_KINDS).describe('X sentiment (an XLA needs one), O operational, T technical'),
  metric: z.enum(INDICATOR_METRIC_IDS),
  stepId: z.string().regex(/^step:/).nullable().describe('the step of a step metric (step-score, drop-off-rate, wait-p90; optional for happiness, lost-time, repeat-contact-rate)'),
  direction: z.enum(INDICATOR_DIRECTIONS),
  target: z.number().describe("in the metric's unit: percent 0-100, minutes, the -2..+2 axis, happiness points, contacts"),
  margin: z.number().min(0).describe('how close to the target still counts as at risk'),
  period: z.enum(INDICATOR_PERIODS),
};

export const indicatorBody = z.object(indicatorFields).partial().extend({ position: z.number().int().min(0).optional() });
export const indicatorPatch = z.object(indicatorFields).partial();
export const createdIndicator = createdResponse;

export type ImportKind = z.infer<typeof uploadQuery>['kind'];
export type ReadOptions = z.infer<typeof readOptions>;
export type RejectedLine = z.infer<typeof rejectedLine>;
export type ImportRecord = z.infer<typeof importRecord>;
export type Upload = z.infer<typeof uploadResponse>;
export type StagedPreview = NonNullable<Upload['staged']>;
export type ImportError = z.infer<typeof importError>;
export type Measurement = z.infer<typeof measurementResponse>;
export type IndicatorBody = z.infer<typeof indicatorBody>;
export type IndicatorPatch = z.infer<typeof indicatorPatch>;
export const importList = z.array(importRecord);

export const measurementContracts = {
  'POST /api/journeys/:id/uploads': { params: journeyIdParams, querystring: uploadQuery, body: rawFileBody, response: { 201: uploadResponse } },
  'GET /api/journeys/:id/uploads/:uploadId': { params: uploadParams, response: { 200: uploadResponse } },
  'POST /api/journeys/:id/uploads/:uploadId/check': { params: uploadParams, body: readOptions, response: { 202: uploadResponse } },
  'POST /api/journeys/:id/uploads/:uploadId/commit': { params: uploadParams, response: { 201: importRecord, 409: importError } },
  'DELETE /api/journeys/:id/uploads/:uploadId': { params: uploadParams },
  'POST /api/journeys/:id/imports': { params: journeyIdParams, querystring: oneShotQuery, body: rawFileBody, response: { 201: importRecord, 400: importError, 409: importError } },
  'GET /api/journeys/:id/imports': { params: journeyIdParams, response: { 200: importList } },
  'DELETE /api/journeys/:id/imports/:importId': { params: importParams },
  'GET /api/journeys/:id/metrics': { params: journeyIdParams, querystring: metricsQuery, response: { 200: measurementResponse } },
  'POST /api/journeys/:id/indicators': { params: journeyIdParams, body: indicatorBody, response: { 201: createdIndicator } },
  'PATCH /api/journeys/:id/indicators/:indicatorId': { params: indicatorParams, body: indicatorPatch },
  'DELETE /api/journeys/:id/indicators/:indicatorId': { params: indicatorParams },
} as const satisfies RouteContracts;
