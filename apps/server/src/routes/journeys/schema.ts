import { EXPORT_FORMATS, exportOptionsSchema } from '@klantreis/render';
import { z } from 'zod';
import { JOURNEY_KINDS, MAX_TITLE_LENGTH } from '@klantreis/schema';
import { roleSchema } from '@klantreis/core';

export const journeyIdParams = z.object({ id: z.string().min(1).max(64) });
export const recordParams = journeyIdParams.extend({ recordId: z.string().min(1).max(120) });

export const listQuery = z.object({
  search: z.string().max(MAX_TITLE_LENGTH).optional(),
  trash: z.enum(['true', 'false']).optional(),
});

export const createBody = z
  .object({
    title: z.string().trim().min(1).max(MAX_TITLE_LENGTH).optional(),
    templateId: z.string().optional(),
    locale: z.enum(['nl', 'en']).optional(),
    /** The workspace to create it in; your first in which you may create journeys when left out. */
    workspaceId: z.string().max(100).optional(),
  })
  .refine((body) => body.title !== undefined || body.templateId !== undefined, {
    message: 'give a title, a templateId or both',
    path: ['title'],
  });

export const duplicateBody = z.object({ title: z.string().trim().min(1).max(MAX_TITLE_LENGTH).optional() }).optional();

/** The export's format and options; `json` is the open file, the others come from @klantreis/render. */
export const exportQuery = exportOptionsSchema.extend({ format: z.enum(['json', ...EXPORT_FORMATS]).default('json') });

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
  locale: z.enum(['nl', 'en']),
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
  /** Your role on this journey (workspace role or share, the stronger; capped by a token's role). */
  role: roleSchema.nullable(),
});

export const createdResponse = z.object({ id: z.string() });
export const errorResponse = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
