import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { journeyDocumentSchema, parseJourneyDocument, type LaneId, type PhaseId, type StepId } from '@klantreis/schema';
import type { JourneyStore } from '@klantreis/db';
import {
  addPhase,
  addStep,
  deleteLane,
  deletePhase,
  deletePersona,
  deleteStep,
  moveLane,
  movePhase,
  moveStep,
  readRecord,
  RecordValidationError,
  setCellText,
  updateJourney,
  updateRecord,
} from '@klantreis/sync';
import { isTemplateId } from '@klantreis/templates';
import { exportFileName, exportJourney, ImageTooLargeError } from '@klantreis/render';
import { contentDisposition, exportSlots, measuredSteps, versionLabel } from './exportSupport.ts';
import type { Hocuspocus } from '@hocuspocus/server';
import type { JourneyAnalytics } from '../../commands/journeyAnalytics.ts';
import type { JourneyCreator } from '../../commands/journeyCreator.ts';
import { JourneyNotFoundError, type JourneyDocuments } from '../../commands/journeyDocuments.ts';
import { HttpError } from '../../httpErrors.ts';
import { auditJourney, workspaceForNewJourney, type AccessContext } from '../../access/accessContext.ts';
import { ACTIONS, allow, effectiveRole, strongest } from '@klantreis/core';
import {
  addPhaseBody,
  addStepBody,
  cellBody,
  createBody,
  createdResponse,
  deleteQuery,
  duplicateBody,
  exportQuery,
  importedResponse,
  journeyAccessSchema,
  journeyIdParams,
  journeyList,
  listQuery,
  memberList,
  moveBody,
  importQuery,
  openJourney,
  recordParams,
  recordPatch,
  shareBody,
} from '@klantreis/core/contracts';

export interface JourneyRoutesOptions {
  context: AccessContext;
  store: JourneyStore;
  creator: JourneyCreator;
  documents: JourneyDocuments;
  hocuspocus: Hocuspocus;
  analytics: JourneyAnalytics;
}

export const journeyRoutes: FastifyPluginAsyncZod<JourneyRoutesOptions> = async (app, { context, store, creator, documents, hocuspocus, analytics }) => {
  const { access } = context;
  async function requireJourney(id: string) {
    const row = await store.getJourney(id);
    if (!row) throw new JourneyNotFoundError(id);
    return row;
  }

  app.get('/', { schema: { tags: ['journeys'], summary: 'The journeys you may see', querystring: listQuery, response: { 200: journeyList } } }, async (request) => {
    const actor = request.actor;
    const scope = actor.kind === 'user' ? await access.journeyScope(actor.userId) : undefined;
    const journeys = await store.listJourneys({ search: request.query.search, trash: request.query.trash === 'true', visibleTo: scope });
    // Each with the caller's role on it, so the list offers only what the role may do.
    return journeys.map(({ workspaceId, ...journey }) => {
      const grant = scope ? strongest(scope.workspaceRoles[workspaceId ?? scope.firstWorkspaceId ?? ''] ?? null, scope.journeyRoles[journey.id] ?? null) : null;
      return { ...journey, workspaceId: workspaceId ?? scope?.firstWorkspaceId ?? null, role: effectiveRole(actor, grant) };
    });
  });

  app.post(
    '/',
    { schema: { tags: ['journeys'], summary: 'Create a journey, blank or from a template', body: createBody, response: { 201: createdResponse } } },
    async (request, reply) => {
      const { title, templateId, locale = 'nl', workspaceId } = request.body;
      if (templateId !== undefined && !isTemplateId(templateId)) {
        throw new HttpError(400, `unknown template ${templateId}`, [{ path: 'body.templateId', message: 'no such template' }]);
      }
      const workspace = await workspaceForNewJourney(access, request.actor, workspaceId);
      const id = templateId ? await creator.fromTemplate(templateId, locale, title, workspace) : await creator.blank(title!, locale, workspace);
      await auditJourney(context, request.actor, 'journey.created', id, { templateId: templateId ?? null });
      return reply.code(201).send({ id });
    },
  );

  app.post(
    '/import',
    {
      bodyLimit: 50 * 1024 * 1024,
      schema: { tags: ['journeys'], summary: 'Import a journey in the open JSON format (older schema versions are migrated)', querystring: importQuery, body: openJourney, response: { 201: importedResponse } },
    },
    async (request, reply) => {
      const parsed = parseJourneyDocument(request.body);
      if (!parsed.ok) throw new HttpError(400, `the journey is not valid: ${parsed.issues.length} problem(s)`, parsed.issues);
      const workspace = await workspaceForNewJourney(access, request.actor, request.query.workspaceId);
      const id = await creator.fromDocument(parsed.document, null, workspace);
      await auditJourney(context, request.actor, 'journey.created', id, { imported: true });
      return reply.code(201).send({ id, migrated: parsed.migrated });
    },
  );

  app.get('/:id', { schema: { tags: ['journeys'], summary: 'A journey in the open JSON format', params: journeyIdParams, response: { 200: journeyDocumentSchema } } }, async (request) =>
    documents.read(request.params.id),
  );

  app.get(
    '/:id/state',
    { schema: { tags: ['journeys'], summary: 'The journey as one Yjs update: what an editor opening the map shows before its socket has synced (204 while the stored journey awaits a schema upgrade)', params: journeyIdParams } },
    async (request, reply) => {
      const row = await requireJourney(request.params.id);
      // As the socket: a journey in the trash is not opened.
      if (row.deletedAt !== null) throw new JourneyNotFoundError(row.id);
      const state = await documents.state(row.id);
      reply.header('cache-control', 'no-store');
      // A journey stored before a schema upgrade: the editor waits for its socket, which loads it upgraded.
      if (state === null) return reply.code(204).send();
      return reply.type('application/octet-stream').send(Buffer.from(state.buffer, state.byteOffset, state.byteLength));
    },
  );

  app.get(
    '/:id/export',
    {
      schema: {
        tags: ['journeys'],
        summary: 'Download a journey: the open JSON file, or the map as SVG, PNG, PDF poster, editable PPTX slides, CSV, XLSX or Mermaid',
        params: journeyIdParams,
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const document = await documents.read(request.params.id);
      const { format } = request.query;
      await auditJourney(context, request.actor, 'journey.exported', request.params.id, { format });
      if (format === 'json') {
        return reply
          .header('content-disposition', contentDisposition(exportFileName(document.journey.title, 'klantreis.json')))
          .type('application/json')
          .send(JSON.stringify(document, null, 2));
      }
      // A Mermaid journey has no measured curve: nothing to measure for it.
      const measured = format === 'mermaid' ? new Map() : await measuredSteps(analytics, request.params.id, document, request.log);
      const drawing = { measured, version: await versionLabel(store, request.params.id, document.journey.locale) };
      const file = await exportSlots.run(() => exportJourney(document, { ...request.query, format }, drawing)).catch((error: unknown) => {
        if (error instanceof ImageTooLargeError) throw new HttpError(400, error.message, [{ path: 'querystring.scale', message: error.message }]);
        throw error;
      });
      return reply.header('content-disposition', contentDisposition(exportFileName(document.journey.title, file.extension))).type(file.contentType).send(file.body);
    },
  );

  app.patch(
    '/:id',
    { schema: { tags: ['journeys'], summary: 'Change journey fields (title, description, owner, status, journeyScore, …)', params: journeyIdParams, body: recordPatch, response: { 200: journeyDocumentSchema } } },
    async (request) => {
      await documents.edit(request.params.id, (doc) => updateJourney(doc, request.body));
      return documents.read(request.params.id);
    },
  );

  app.delete(
    '/:id',
    { schema: { tags: ['journeys'], summary: 'Move a journey to the trash, or delete it for good with ?permanent=true', params: journeyIdParams, querystring: deleteQuery } },
    async (request, reply) => {
      const row = await requireJourney(request.params.id);
      if (request.query.permanent === 'true') {
        if (row.deletedAt === null) throw new HttpError(409, 'move the journey to the trash before deleting it for good');
        await auditJourney(context, request.actor, 'journey.purged', row.id, { title: row.title });
        await store.purge(row.id);
        // Its import rows went with it (foreign key); its Parquet files go now.
        await analytics.removeJourney(row.id);
      } else {
        await store.moveToTrash(row.id);
        hocuspocus.closeConnections(row.id);
        await auditJourney(context, request.actor, 'journey.trashed', row.id, { title: row.title });
      }
      return reply.code(204).send();
    },
  );

  app.post('/:id/restore', { schema: { tags: ['journeys'], summary: 'Restore a journey from the trash', params: journeyIdParams } }, async (request, reply) => {
    await requireJourney(request.params.id);
    await store.restoreFromTrash(request.params.id);
    await auditJourney(context, request.actor, 'journey.restored', request.params.id);
    return reply.code(204).send();
  });

  app.get('/:id/access', { schema: { tags: ['journeys'], summary: 'Your role on the journey and what it lets you do', params: journeyIdParams, response: { 200: journeyAccessSchema } } }, async (request) => {
    const grant = request.role;
    return { role: grant, can: Object.fromEntries(ACTIONS.map((action) => [action, allow(request.actor, action, grant)])) };
  });

  app.get('/:id/people', { schema: { tags: ['journeys'], summary: 'Everyone with a role on the journey (approvers, @mentions)', params: journeyIdParams, response: { 200: memberList } } }, async (request) =>
    access.peopleOnJourney(request.params.id),
  );

  app.get('/:id/members', { schema: { tags: ['journeys'], summary: 'People the journey is shared with (besides its workspace)', params: journeyIdParams, response: { 200: memberList } } }, async (request) =>
    access.journeyMembers(request.params.id),
  );

  app.post('/:id/members', { schema: { tags: ['journeys'], summary: 'Share the journey with a person by e-mail (role null stops sharing)', params: journeyIdParams, body: shareBody } }, async (request, reply) => {
    const user = await access.findUserByEmail(request.body.email);
    if (!user) throw new HttpError(404, `no account for ${request.body.email}: make an invitation link for this journey instead`, [{ path: 'body.email', message: 'no such account' }]);
    const workspaceId = (await access.workspaceOfJourney(request.params.id)) ?? null;
    await context.atomically(async ({ access, audit }) => {
      await access.shareJourney(request.params.id, user.id, request.body.role);
      await audit.record(request.actor, 'journey.shared', { type: 'journey', id: request.params.id, workspaceId }, { userId: user.id, email: user.email, role: request.body.role });
    });
    context.disconnectUser(user.id);
    return reply.code(204).send();
  });

  app.post(
    '/:id/duplicate',
    { schema: { tags: ['journeys'], summary: 'Copy a journey', params: journeyIdParams, body: duplicateBody, response: { 201: createdResponse } } },
    async (request, reply) => {
      const document = await documents.read(request.params.id);
      const suffix = document.journey.locale === 'nl' ? 'kopie' : 'copy';
      const title = request.body?.title ?? `${document.journey.title} (${suffix})`.slice(0, 200);
      const workspace = await workspaceForNewJourney(access, request.actor, (await access.workspaceOfJourney(request.params.id)) ?? undefined).catch(() =>
        workspaceForNewJourney(access, request.actor),
      );
      const id = await creator.duplicate(document, title, workspace);
      await auditJourney(context, request.actor, 'journey.created', id, { copyOf: request.params.id });
      return reply.code(201).send({ id });
    },
  );

  app.post('/:id/phases', { schema: { tags: ['map'], summary: 'Add a phase', params: journeyIdParams, body: addPhaseBody, response: { 201: createdResponse } } }, async (request, reply) => {
    const id = await documents.edit(request.params.id, (doc) => addPhase(doc, request.body));
    return reply.code(201).send({ id });
  });

  app.post('/:id/steps', { schema: { tags: ['map'], summary: 'Add a step to a phase', params: journeyIdParams, body: addStepBody, response: { 201: createdResponse } } }, async (request, reply) => {
    const { phaseId, ...fields } = request.body;
    const id = await documents.edit(request.params.id, (doc) => addStep(doc, { ...fields, phaseId: phaseId as PhaseId }));
    return reply.code(201).send({ id });
  });

  app.put('/:id/cells', { schema: { tags: ['map'], summary: 'Set the text of a lane × step cell', params: journeyIdParams, body: cellBody } }, async (request, reply) => {
    const { laneId, stepId, text } = request.body;
    await documents.edit(request.params.id, (doc) => setCellText(doc, laneId as LaneId, stepId as StepId, text));
    return reply.code(204).send();
  });

  app.patch(
    '/:id/records/:recordId',
    { schema: { tags: ['map'], summary: 'Change fields of a phase, step, lane, cell or persona', params: recordParams, body: recordPatch } },
    async (request) => {
      const { id, recordId } = request.params;
      // A comment or a capture carries its writer's name: the editor changes them as its writer (the socket checks who).
      if (recordId.startsWith('comment:') || recordId.startsWith('capture:')) {
        throw new HttpError(403, 'comments and captures are changed by their writers in the editor, not here', [{ path: 'params.recordId', message: 'a comment or capture' }]);
      }
      return documents.edit(id, (doc) => {
        updateRecord(doc, recordId, request.body);
        return readRecord(doc, recordId)!;
      });
    },
  );

  app.post('/:id/records/:recordId/move', { schema: { tags: ['map'], summary: 'Move a phase, step or lane to a position', params: recordParams, body: moveBody } }, async (request, reply) => {
    const { id, recordId } = request.params;
    const { position, phaseId } = request.body;
    await documents.edit(id, (doc) => {
      if (recordId.startsWith('step:')) {
        const current = readRecord(doc, recordId);
        if (!current) throw new RecordValidationError(recordId, 'id', 'no such record');
        moveStep(doc, recordId as StepId, { phaseId: (phaseId ?? current.phaseId) as PhaseId, position });
      } else if (recordId.startsWith('phase:')) movePhase(doc, recordId as PhaseId, position);
      else if (recordId.startsWith('lane:')) moveLane(doc, recordId as LaneId, position);
      else throw new RecordValidationError(recordId, 'id', 'only phases, steps and lanes can be moved');
    });
    return reply.code(204).send();
  });

  app.delete('/:id/records/:recordId', { schema: { tags: ['map'], summary: 'Delete a phase, step, lane or persona', params: recordParams } }, async (request, reply) => {
    const { id, recordId } = request.params;
    await documents.edit(id, (doc) => {
      if (recordId.startsWith('step:')) deleteStep(doc, recordId as StepId);
      else if (recordId.startsWith('phase:')) deletePhase(doc, recordId as PhaseId);
      else if (recordId.startsWith('lane:')) deleteLane(doc, recordId as LaneId);
      else if (recordId.startsWith('persona:')) deletePersona(doc, recordId);
      else throw new RecordValidationError(recordId, 'id', 'only phases, steps, lanes and personas can be deleted');
    });
    return reply.code(204).send();
  });
};
