// Read-only share links, what their viewers read, and presentation mode's follow-me
// (apps/server/src/routes/sharing).
import { z } from 'zod';
import { journeyDocumentSchema } from '@klantreis/schema';
import { EXPORT_FORMATS } from '@klantreis/render/names';
import { exportOptionsQuery } from './journeys.ts';
import { journeyIdParams, type RouteContracts } from './routeContract.ts';
import { workspaceParams } from './workspaces.ts';

/** What a link's viewers see besides the phases, steps and curve. */
export const linkShowsSchema = z.strictObject({
  lanes: z.boolean(),
  evaluation: z.boolean(),
  measurement: z.boolean(),
  comments: z.boolean(),
});
export type LinkShows = z.infer<typeof linkShowsSchema>;

export const newLinkSchema = z.strictObject({
  /** 8 to 200 characters, or none. */
  password: z.string().min(8, 'a password needs at least 8 characters').max(200).nullable().default(null),
  /** When the link stops working (ms since 1970), in the future; null: until revoked. */
  expiresAt: z.number().int().positive().nullable().default(null),
  shows: linkShowsSchema.default({ lanes: true, evaluation: true, measurement: false, comments: false }),
});
export type NewLink = z.infer<typeof newLinkSchema>;

export const linkParams = z.object({ id: z.string().min(1).max(64), linkId: z.string().min(1).max(64) });

/** A share link as its journey's owner sees it (its address, never its viewers' passwords). */
export const shareLinkSchema = z.object({
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
export type ShareLinkInfo = z.infer<typeof shareLinkSchema>;
export const shareLinkList = z.array(shareLinkSchema);
export const workspaceLink = shareLinkSchema.extend({ journeyTitle: z.string() });
export type WorkspaceLink = z.infer<typeof workspaceLink>;
export const workspaceLinkList = z.array(workspaceLink);

export const openBody = z.object({ token: z.string().min(1).max(200), password: z.string().max(200).nullable().default(null) });
export const opened = z.object({ journeyId: z.string(), shows: linkShowsSchema, expiresAt: z.number() });
export type OpenedLink = z.infer<typeof opened>;

/** The shared journey as a viewer reads it: only what the link shows. */
export const sharedJourney = z.object({
  document: journeyDocumentSchema,
  shows: linkShowsSchema,
  /** Per measured step: the mean survey score, and where the event logs reach it its drop-off share (0..1) and p90 wait in seconds, as the editor shows them. */
  measured: z.array(
    z.object({
      stepId: z.string(),
      score: z.number().nullable(),
      events: z.object({ dropOffShare: z.number().nullable(), waitP90Seconds: z.number().nullable() }).nullable().optional(),
    }),
  ),
});
export type SharedJourney = z.infer<typeof sharedJourney>;

/** A viewer may download the map, never the raw journey. */
export const sharedExportQuery = exportOptionsQuery.extend({ format: z.enum(EXPORT_FORMATS.filter((f) => f === 'svg' || f === 'png' || f === 'pdf') as ['svg', 'png', 'pdf']) });

export const positionBody = z.object({
  /** The step on screen, 0-based across the map; -1 is the overview before the first step. */
  stepIndex: z.number().int().min(-1).max(10_000),
});
/** Where the presenter is, and since when (also each `position` event of the follow stream). */
export const position = positionBody.extend({ at: z.number() });
export type Position = z.infer<typeof position>;

export const sharingContracts = {
  'GET /api/journeys/:id/links': { params: journeyIdParams, response: { 200: shareLinkList } },
  'POST /api/journeys/:id/links': { params: journeyIdParams, body: newLinkSchema, response: { 201: shareLinkSchema } },
  'DELETE /api/journeys/:id/links/:linkId': { params: linkParams },
  'GET /api/workspaces/:workspaceId/links': { params: workspaceParams, response: { 200: workspaceLinkList } },
  'POST /api/shared/open': { body: openBody, response: { 200: opened } },
  'GET /api/shared/journey': { response: { 200: sharedJourney } },
  // Server-sent events: `change`, `revoked`.
  'GET /api/shared/events': {},
  'GET /api/shared/export': { querystring: sharedExportQuery },
  'POST /api/journeys/:id/presentation': { params: journeyIdParams, body: positionBody, response: { 200: position } },
  'GET /api/journeys/:id/presentation/events': { params: journeyIdParams },
  'POST /api/shared/presentation': { body: positionBody, response: { 200: position } },
  'GET /api/shared/presentation/events': {},
} as const satisfies RouteContracts;
