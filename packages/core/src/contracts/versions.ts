// Versions of a journey, compare, restore and approval rounds (apps/server/src/routes/versions).
import { z } from 'zod';
import { MAX_TEXT_LENGTH, MAX_TITLE_LENGTH, journeyDocumentSchema, type JourneyComparison, type StepRecord } from '@klantreis/schema';
import type { VersionKind } from '@klantreis/db';
import { journeyIdParams, type RouteContracts } from './routeContract.ts';

const personName = z.string().trim().min(1).max(MAX_TITLE_LENGTH);

/** The kinds @klantreis/db stores (checked against its type: that package is not for a browser). */
export const VERSION_KINDS = ['named', 'auto', 'before-restore'] as const satisfies readonly VersionKind[];
const allKinds: Exclude<VersionKind, (typeof VERSION_KINDS)[number]> extends never ? true : false = true;
void allKinds;

export const versionParams = z.object({ id: z.string().min(1).max(64), versionId: z.string().min(1).max(64) });
export const requestParams = z.object({ id: z.string().min(1).max(64), requestId: z.string().min(1).max(64) });

/** A version as another refers to it: enough to name it in words (its name, or its kind and time). */
export const versionRef = z.object({ id: z.string(), name: z.string(), kind: z.enum(VERSION_KINDS), createdAt: z.number() });
export type VersionRef = z.infer<typeof versionRef>;

export const versionInfo = z.object({
  id: z.string(),
  journeyId: z.string(),
  /** Klantreis's own versions carry a machine name (an ISO time, `before restoring: …`): show kind and time in words. */
  name: z.string(),
  kind: z.enum(VERSION_KINDS),
  author: z.string(),
  createdAt: z.number(),
  /** On a `before-restore` version, the version the restore put back; null otherwise, and on those kept before Klantreis stored it. */
  restored: versionRef.nullable(),
});
export type VersionInfo = z.infer<typeof versionInfo>;
export const versionList = z.array(versionInfo);

export const createVersionBody = z.object({ name: z.string().trim().min(1).max(MAX_TITLE_LENGTH), author: z.string().max(MAX_TITLE_LENGTH).default('') });
export const restoreBody = z.object({ author: z.string().max(MAX_TITLE_LENGTH).default('') }).default({ author: '' });
export const restored = z.object({ restored: z.string(), backupVersionId: z.string() });
export type Restored = z.infer<typeof restored>;

/** `current` stands for the journey as it is now. */
export const compareQuery = z.object({ from: z.string().min(1).max(64), to: z.string().min(1).max(64).default('current') });

// The steps are the journey's own records (their validator lives in @klantreis/schema); the
// comparison passes them through as they are.
const stepRecord = z.looseObject({ id: z.string() }) as unknown as z.ZodType<StepRecord>;
const curvePoint = z.object({ stepId: z.string(), title: z.string(), score: z.number().nullable() });
export const comparison = z.object({
  stepsAdded: z.array(stepRecord),
  stepsRemoved: z.array(stepRecord),
  stepsChanged: z.array(z.object({ stepId: z.string(), title: z.string(), fields: z.array(z.string()), before: stepRecord, after: stepRecord })),
  phasesAdded: z.array(z.string()),
  phasesRemoved: z.array(z.string()),
  phasesRenamed: z.array(z.object({ phaseId: z.string(), before: z.string(), after: z.string() })),
  curves: z.object({ before: z.array(curvePoint), after: z.array(curvePoint) }),
  unchanged: z.boolean(),
}) satisfies z.ZodType<JourneyComparison>;

export const approvalRequestBody = z.object({
  versionId: z.string().min(1).max(64),
  /** Ignored: the round is asked by the signed-in account (kept so older scripts still validate). */
  requestedBy: personName.optional(),
  /** People with a role on the journey, by e-mail address (or by name when only one has it). */
  approvers: z.array(personName).min(1).max(50),
  message: z.string().max(MAX_TEXT_LENGTH).default(''),
});
export type ApprovalRequestBody = z.input<typeof approvalRequestBody>;

export const DECISIONS = ['approved', 'changes-requested'] as const;
export type Decision = (typeof DECISIONS)[number];

export const decisionBody = z
  .object({ approver: personName.optional(), decision: z.enum(DECISIONS), comment: z.string().max(MAX_TEXT_LENGTH).default('') })
  .refine((d) => d.decision === 'approved' || d.comment.trim() !== '', { message: 'say which changes are needed', path: ['comment'] });
export type DecisionBody = z.input<typeof decisionBody>;

/** An approval round with its decisions and its state, as the API answers it. */
export const approvalRequest = z.object({
  id: z.string(),
  versionId: z.string(),
  requestedBy: z.string(),
  /** The accounts asked to decide, by e-mail address. */
  approvers: z.array(z.string()),
  message: z.string(),
  createdAt: z.number(),
  decisions: z.array(z.object({ approver: z.string(), decision: z.enum(DECISIONS), comment: z.string(), createdAt: z.number() })),
  state: z.enum(['pending', ...DECISIONS]),
});
export type ApprovalRequest = z.infer<typeof approvalRequest>;

export const approvalStatus = z.object({
  requests: z.array(approvalRequest),
  /** The approved version, with what the versions list has of it, so it is named the same way. */
  approvedVersion: z
    .object({ versionId: z.string(), name: z.string(), kind: z.enum(VERSION_KINDS), createdAt: z.number(), restored: versionRef.nullable(), approvedAt: z.number(), changedSince: z.boolean() })
    .nullable(),
  /** Approvers are accounts, stored by e-mail address: their names as they are now. */
  names: z.record(z.string(), z.string()),
});
export type ApprovalStatus = z.infer<typeof approvalStatus>;

export const versionContracts = {
  'GET /api/journeys/:id/versions': { params: journeyIdParams, response: { 200: versionList } },
  'POST /api/journeys/:id/versions': { params: journeyIdParams, body: createVersionBody, response: { 201: versionInfo } },
  'GET /api/journeys/:id/versions/:versionId': { params: versionParams, response: { 200: journeyDocumentSchema } },
  'GET /api/journeys/:id/compare': { params: journeyIdParams, querystring: compareQuery, response: { 200: comparison } },
  'POST /api/journeys/:id/versions/:versionId/restore': { params: versionParams, body: restoreBody, response: { 200: restored } },
  'POST /api/journeys/:id/approvals': { params: journeyIdParams, body: approvalRequestBody, response: { 201: approvalRequest } },
  'POST /api/journeys/:id/approvals/:requestId/decisions': { params: requestParams, body: decisionBody, response: { 201: approvalRequest } },
  'GET /api/journeys/:id/approval': { params: journeyIdParams, response: { 200: approvalStatus } },
} as const satisfies RouteContracts;
