// Workspaces and who has access: members and their roles, invitation and password-reset
// links, the audit log, and a journey's people and shares (routes/accounts, routes/journeys).
import { z } from 'zod';
import { ACTIONS } from '../access/policy.ts';
import { roleSchema } from '../access/roles.ts';
import { AUDIT_ACTIONS } from '../audit/auditActions.ts';
import { workspaceInfoSchema } from './accounts.ts';
import { journeyIdParams, type RouteContracts } from './routeContract.ts';

export const workspaceParams = z.object({ workspaceId: z.string().max(100) });
export const memberParams = workspaceParams.extend({ userId: z.string().max(100) });

export const memberSchema = z.object({ userId: z.string(), name: z.string(), email: z.string(), image: z.string().nullable(), role: roleSchema });
export type Member = z.infer<typeof memberSchema>;
export const memberList = z.array(memberSchema);

export const roleBody = z.object({ role: roleSchema });
export const invitationBody = z.object({
  role: roleSchema,
  journeyId: z.string().max(100).optional(),
  /** Where Klantreis mails the link too, when it sends mail (KLANTREIS_SMTP_URL). */
  email: z.email().max(254).optional(),
});
/** An invitation or password-reset link to hand on, and when it stops working. */
export const invitationCreated = z.object({
  url: z.string(),
  expiresAt: z.number(),
  /** The address Klantreis mailed the link to; absent when it sends no mail or was not asked to. */
  mailedTo: z.string().optional(),
  /** Why mailing it failed (the link works all the same: hand it on). */
  mailProblem: z.string().optional(),
});
export type LinkToHandOn = z.infer<typeof invitationCreated>;

export const auditQuery = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorId: z.string().max(100).optional(),
  from: z.coerce.number().int().optional(),
  to: z.coerce.number().int().optional(),
  format: z.enum(['json', 'csv']).default('json'),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});

export const auditEventSchema = z.object({
  id: z.string(),
  workspaceId: z.string().nullable(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  targetType: z.string(),
  targetId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  at: z.number(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
export const auditAnswer = z.array(auditEventSchema).or(z.string().describe('the CSV file (format=csv)'));

/** Share a journey with a person by e-mail address; role null stops sharing. */
export const shareBody = z.object({ email: z.email().max(254), role: roleSchema.nullable() });

/** `GET /api/journeys/:id/access`: the role on a journey and, per action of the policy table, whether it may be taken. */
export const journeyAccessSchema = z.object({ role: roleSchema.nullable(), can: z.record(z.enum(ACTIONS as [string, ...string[]]), z.boolean()) });
export type JourneyAccess = z.infer<typeof journeyAccessSchema>;

/** A new workspace, or a new name for one. */
export const workspaceBody = z.object({ name: z.string().trim().min(1).max(120) });
export type WorkspaceBody = z.infer<typeof workspaceBody>;

export const workspaceContracts = {
  'POST /api/workspaces': { body: workspaceBody, response: { 201: workspaceInfoSchema } },
  'PATCH /api/workspaces/:workspaceId': { params: workspaceParams, body: workspaceBody },
  'GET /api/workspaces/:workspaceId/members': { params: workspaceParams, response: { 200: memberList } },
  'PUT /api/workspaces/:workspaceId/members/:userId': { params: memberParams, body: roleBody },
  'DELETE /api/workspaces/:workspaceId/members/:userId': { params: memberParams },
  'POST /api/workspaces/:workspaceId/members/:userId/password-reset': { params: memberParams, response: { 201: invitationCreated } },
  'POST /api/workspaces/:workspaceId/invitations': { params: workspaceParams, body: invitationBody, response: { 201: invitationCreated } },
  'GET /api/workspaces/:workspaceId/audit': { params: workspaceParams, querystring: auditQuery, response: { 200: auditAnswer } },
  'GET /api/journeys/:id/access': { params: journeyIdParams, response: { 200: journeyAccessSchema } },
  'GET /api/journeys/:id/people': { params: journeyIdParams, response: { 200: memberList } },
  'GET /api/journeys/:id/members': { params: journeyIdParams, response: { 200: memberList } },
  'POST /api/journeys/:id/members': { params: journeyIdParams, body: shareBody },
} as const satisfies RouteContracts;
