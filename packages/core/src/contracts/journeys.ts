// Journeys: the list, create, import, read, export, change, trash, and the map's parts
// (apps/server/src/routes/journeys); the templates a journey can start from (routes/templates).
import { z } from 'zod';
import { JOURNEY_KINDS, MAX_TITLE_LENGTH, journeyDocumentSchema } from '@klantreis/schema';
import { EXPORT_FORMATS, PAPER_NAMES, type PaperSize } from '@klantreis/render/names';
import type { ExportOptions } from '@klantreis/render';
import { roleSchema } from '../access/roles.ts';
import { createdResponse, journeyIdParams, localeSchema, type RouteContracts } from './routeContract.ts';

export const recordParams = journeyIdParams.extend({ recordId: z.string().min(1).max(120) });

/** Where an imported journey goes: a workspace of the caller's (their first where they may create when not given). */
export const importQuery = z.object({ workspaceId: z.string().max(100).optional() });

export const listQuery = z.object({
  search: z.string().max(MAX_TITLE_LENGTH).optional(),
  trash: z.enum(['true', 'false']).optional(),
});

export const createBody = z
  .object({
    title: z.string().trim().min(1).max(MAX_TITLE_LENGTH).optional(),
    templateId: z.string().optional(),
    locale: localeSchema.optional(),
    /** The workspace to create it in; your first in which you may create journeys when left out. */
    workspaceId: z.string().max(100).optional(),
  })
  .refine((body) => body.title !== undefined || body.templateId !== undefined, {
    message: 'give a title, a templateId or both',
    path: ['title'],
  });
export type CreateJourneyBody = z.input<typeof createBody>;

export const duplicateBody = z.object({ title: z.string().trim().min(1).max(MAX_TITLE_LENGTH).optional() }).optional();

/**
 * The options of every export format in one shape, as the export route and the web menu send
 * them (the CLI's local export reads the same names). Checked against @klantreis/render's
 * ExportOptions below, whose writers take them.
 */
export const exportOptionsQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  /** PNG: 1×, 2× or 4×. */
  scale: z.coerce.number().pipe(z.union([z.literal(1), z.literal(2), z.literal(4)])).default(2),
  /** PDF paper, orientation, fit on one page or tile at full size, findings page. */
  paper: z.enum(PAPER_NAMES as [PaperSize, ...PaperSize[]]).default('A3'),
  orientation: z.enum(['portrait', 'landscape']).default('landscape'),
  fit: z.enum(['page', 'tile']).default('page'),
  findings: z.enum(['true', 'false']).default('true'),
  /** Show the lanes the editor hides too. */
  hiddenLanes: z.enum(['true', 'false']).default('false'),
});
// The writers' options and the route's must stay one shape: this fails to compile when they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const exportOptionsMatchRender: Same<z.infer<typeof exportOptionsQuery>, ExportOptions> = true;
void exportOptionsMatchRender;

/** The export's format and options; `json` is the open file, the others come from @klantreis/render. */
export const exportQuery = exportOptionsQuery.extend({ format: z.enum(['json', ...EXPORT_FORMATS]).default('json') });
export type ExportQuery = z.input<typeof exportQuery>;

export const deleteQuery = z.object({ permanent: z.enum(['true', 'false']).optional() });

/** A partial record: its fields are checked against the record's own validator when applied. */
export const recordPatch = z.record(z.string(), z.unknown());

export const addPhaseBody = z.object({
  name: z.string().max(MAX_TITLE_LENGTH).optional(),
  momentOfTruth: z.string().optional(),
  position: z.number().int().min(0).optional(),
});

export const addStepBody = z
  .object({
    phaseId: z.string().regex(/^phase:/),
    position: z.number().int().min(0).optional(),
  })
  .catchall(z.unknown());

export const moveBody = z.object({
  position: z.number().int().min(0),
  phaseId: z.string().regex(/^phase:/).optional(),
});

export const cellBody = z.object({
  laneId: z.string().regex(/^lane:/),
  stepId: z.string().regex(/^step:/),
  text: z.string(),
});

export const summarySchema = z.object({
  kind: z.enum(JOURNEY_KINDS),
  locale: localeSchema,
  phaseCount: z.number(),
  stepCount: z.number(),
  scores: z.array(z.number().nullable()),
});

export const listItem = z.object({
  id: z.string(),
  title: z.string(),
  templateId: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  deletedAt: z.number().nullable(),
  summary: summarySchema,
  /** The workspace it belongs to (null: a journey from before workspaces, in the first one). */
  workspaceId: z.string().nullable(),
  /** Your role on this journey (workspace role or share, the stronger; capped by a token's role). */
  role: roleSchema.nullable(),
});
/** A journey in the list, with your role on it (the list offers only what that role may do). */
export type ListedJourney = z.infer<typeof listItem>;
export const journeyList = z.array(listItem);

export const openJourney = z.record(z.string(), z.unknown()).describe('A journey in the open JSON format (packages/schema/journey.schema.json)');
/** An import's new id and the schema upgrades it went through. */
export const importedResponse = createdResponse.extend({ migrated: z.array(z.string()) });
export type ImportedJourney = z.infer<typeof importedResponse>;

export const templatesQuery = z.object({ locale: localeSchema.default('nl') });
export const templateSummary = z.object({ id: z.string(), title: z.string(), description: z.string(), kind: z.enum(JOURNEY_KINDS), stepCount: z.number() });
export type TemplateSummary = z.infer<typeof templateSummary>;
export const templateList = z.array(templateSummary);

export const journeyContracts = {
  'GET /api/journeys': { querystring: listQuery, response: { 200: journeyList } },
  'GET /api/journeys/': { querystring: listQuery, response: { 200: journeyList } },
  'POST /api/journeys': { body: createBody, response: { 201: createdResponse } },
  'POST /api/journeys/import': { querystring: importQuery, body: openJourney, response: { 201: importedResponse } },
  'GET /api/journeys/:id': { params: journeyIdParams, response: { 200: journeyDocumentSchema } },
  'GET /api/journeys/:id/state': { params: journeyIdParams },
  'GET /api/journeys/:id/export': { params: journeyIdParams, querystring: exportQuery },
  'PATCH /api/journeys/:id': { params: journeyIdParams, body: recordPatch, response: { 200: journeyDocumentSchema } },
  'DELETE /api/journeys/:id': { params: journeyIdParams, querystring: deleteQuery },
  'POST /api/journeys/:id/restore': { params: journeyIdParams },
  'POST /api/journeys/:id/duplicate': { params: journeyIdParams, body: duplicateBody, response: { 201: createdResponse } },
  'POST /api/journeys/:id/phases': { params: journeyIdParams, body: addPhaseBody, response: { 201: createdResponse } },
  'POST /api/journeys/:id/steps': { params: journeyIdParams, body: addStepBody, response: { 201: createdResponse } },
  'PUT /api/journeys/:id/cells': { params: journeyIdParams, body: cellBody },
  'PATCH /api/journeys/:id/records/:recordId': { params: recordParams, body: recordPatch },
  'POST /api/journeys/:id/records/:recordId/move': { params: recordParams, body: moveBody },
  'DELETE /api/journeys/:id/records/:recordId': { params: recordParams },
} as const satisfies RouteContracts;

export const templateContracts = {
  'GET /api/templates': { querystring: templatesQuery, response: { 200: templateList } },
  'GET /api/templates/': { querystring: templatesQuery, response: { 200: templateList } },
} as const satisfies RouteContracts;
