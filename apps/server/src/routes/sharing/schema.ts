import { z } from 'zod';
import { linkShowsSchema, newLinkSchema } from '@klantreis/core';
import { EXPORT_FORMATS, exportOptionsSchema } from '@klantreis/render';

export { newLinkSchema };

export const linkParams = z.object({ id: z.string().min(1).max(64), linkId: z.string().min(1).max(64) });
export const shareLink = z.object({
  id: z.string(),
  journeyId: z.string(),
  url: z.string(),
  hasPassword: z.boolean(),
  shows: linkShowsSchema,
  createdByName: z.string(),
  createdAt: z.number(),
  expiresAt: z.number().nullable(),
  lastOpenedAt: z.number().nullable(),
  revokedAt: z.number().nullable(),
});
export const workspaceLink = shareLink.extend({ journeyTitle: z.string() });

export const openBody = z.object({ token: z.string().min(1).max(200), password: z.string().max(200).nullable().default(null) });
export const opened = z.object({ journeyId: z.string(), shows: linkShowsSchema, expiresAt: z.number() });

/** A viewer may download the map, never the raw journey. */
export const sharedExportQuery = exportOptionsSchema.extend({ format: z.enum(EXPORT_FORMATS.filter((f) => f === 'svg' || f === 'png' || f === 'pdf') as ['svg', 'png', 'pdf']) });
