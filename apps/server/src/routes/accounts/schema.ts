import { z } from 'zod';
import { languageSchema } from '@klantreis/schema';
import { AUDIT_ACTIONS, journeyAccessSchema, meSchema, newAccountSchema, roleSchema } from '@klantreis/core';

export { newAccountSchema };

export const setupStatus = z.object({ ownerNeeded: z.boolean() });
export const setupBody = newAccountSchema.extend({ token: z.string().min(1).max(200) });

export const me = meSchema;
export const profilePatch = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  /** An avatar as a data: URL of a PNG, JPEG or WebP image, at most 64 KB; null removes it. */
  image: z
    .string()
    .max(90_000)
    .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/, 'must be a data: URL of a PNG, JPEG or WebP image')
    .nullable()
    .optional(),
  /** The UI language to keep with the account (every device follows it); null: follow the browser. */
  language: languageSchema.nullable().optional(),
});

export const tokenBody = z.object({ name: z.string().trim().min(1).max(120), role: roleSchema.default('editor') });
export const tokenInfo = z.object({ id: z.string(), name: z.string(), role: roleSchema, createdAt: z.number(), lastUsedAt: z.number().nullable() });
export const createdToken = z.object({ id: z.string(), token: z.string() });
export const tokenParams = z.object({ tokenId: z.string().max(100) });

export const workspaceParams = z.object({ workspaceId: z.string().max(100) });
export const memberParams = workspaceParams.extend({ userId: z.string().max(100) });
export const member = z.object({ userId: z.string(), name: z.string(), email: z.string(), image: z.string().nullable(), role: roleSchema });
export const roleBody = z.object({ role: roleSchema });
export const invitationBody = z.object({ role: roleSchema, journeyId: z.string().max(100).optional() });
export const invitationCreated = z.object({ url: z.string(), expiresAt: z.number() });
export const invitationParams = z.object({ token: z.string().min(1).max(200) });
export const invitationInfo = z.object({ workspaceName: z.string(), journeyTitle: z.string().nullable(), role: roleSchema, expiresAt: z.number() });

export const auditQuery = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorId: z.string().max(100).optional(),
  from: z.coerce.number().int().optional(),
  to: z.coerce.number().int().optional(),
  format: z.enum(['json', 'csv']).default('json'),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});

export const shareBody = z.object({ email: z.email().max(254), role: roleSchema.nullable() });

export const journeyAccess = journeyAccessSchema;

export const inboxAnswer = z.object({
  unread: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      journeyId: z.string(),
      journeyTitle: z.string(),
      kind: z.enum(['mention', 'approval-request']),
      actorName: z.string(),
      recordId: z.string().nullable(),
      excerpt: z.string(),
      createdAt: z.number(),
      read: z.boolean(),
    }),
  ),
});
export const markReadBody = z.object({ ids: z.array(z.string().max(100)).max(1000).optional() });
