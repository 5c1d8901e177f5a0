import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { givenFields } from '@klantreis/analytics';
import type { AnalyticsImportKind } from '@klantreis/db';
import type { IndicatorId, StepId } from '@klantreis/schema';
import { addIndicator, deleteIndicator, updateIndicator } from '@klantreis/sync';
import { DuplicateImportError, type EventLogImportOptions, type JourneyAnalytics, type SurveyImportOptions } from '../../commands/journeyAnalytics.ts';
import type { JourneyDocuments } from '../../commands/journeyDocuments.ts';
import { describeProblem, type UploadArea } from '../../commands/uploadArea.ts';
import { auditJourney, type AccessContext } from '../../access/accessContext.ts';
import { HttpError } from '../../httpErrors.ts';
import {
  createdIndicator,
  importError,
  indicatorBody,
  indicatorParams,
  indicatorPatch,
  importParams,
  importList,
  importRecord,
  journeyIdParams,
  measurementResponse,
  metricsQuery,
  oneShotQuery,
  rawFileBody,
  readOptions,
  type ReadOptions,
  uploadParams,
  uploadQuery,
  uploadResponse,
} from '@klantreis/core/contracts';

export interface MeasurementRoutesOptions {
  context: AccessContext;
  analytics: JourneyAnalytics;
  uploads: UploadArea;
  documents: JourneyDocuments;
}

/** The options of the body for the kind of file: event-log fields or survey fields. */
function optionsFor(kind: AnalyticsImportKind, body: ReadOptions): { events?: EventLogImportOptions; survey?: SurveyImportOptions } {
  const { mapping = {}, scale, format, ...dialect } = body;
  if (kind === 'events') {
    const { caseId, activity, timestamp, channel, resource, segment } = mapping;
    return { events: { ...dialect, format, mapping: givenFields({ caseId, activity, timestamp, channel, resource, segment }) } };
  }
  const { score, caseId, step, scale: scaleColumn, comment, timestamp, lostMinutes } = mapping;
  return { survey: { ...dialect, scale, mapping: givenFields({ score, caseId, step, scale: scaleColumn, comment, timestamp, lostMinutes }) } };
}

/**
 * Measured data for a journey: upload a file, check it (every row read, every rejected line
 * listed), import the good rows or nothing; list and delete imports; the metrics and XLA status.
 */
export const measurementRoutes: FastifyPluginAsyncZod<MeasurementRoutesOptions> = async (app, { context, analytics, uploads, documents }) => {
  // A file arrives as a stream and goes straight to disk: event logs are hundreds of megabytes.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  app.post(
    '/:id/uploads',
    {
      schema: {
        tags: ['measurement'],
        summary: 'Upload an event log or a survey file (raw body); says whether the same content was imported before',
        params: journeyIdParams,
        querystring: uploadQuery,
        consumes: ['application/octet-stream'],
        body: rawFileBody,
        response: { 201: uploadResponse },
      },
    },
    async (request, reply) => {
      await documents.read(request.params.id);
      const upload = await uploads.receive(request.params.id, request.query.kind, request.query.fileName, request.body as Readable);
      return reply.code(201).send(upload);
    },
  );

  app.get('/:id/uploads/:uploadId', { schema: { tags: ['measurement'], summary: 'An upload: its check progress and, once checked, the preview', params: uploadParams, response: { 200: uploadResponse } } }, async (request) =>
    uploads.get(request.params.id, request.params.uploadId),
  );

  app.post(
    '/:id/uploads/:uploadId/check',
    {
      schema: {
        tags: ['measurement'],
        summary: 'Check an upload: read every row with these options (or detected ones); poll the upload for progress and the preview',
        params: uploadParams,
        body: readOptions,
        response: { 202: uploadResponse },
      },
    },
    async (request, reply) => {
      const current = uploads.get(request.params.id, request.params.uploadId);
      const document = await documents.read(request.params.id);
      const upload = await uploads.check(request.params.id, request.params.uploadId, { ...optionsFor(current.kind, request.body), document });
      return reply.code(202).send(upload);
    },
  );

  app.post(
    '/:id/uploads/:uploadId/commit',
    {
      schema: {
        tags: ['measurement'],
        summary: 'Import the good rows of a checked upload; the same content twice is refused',
        params: uploadParams,
        response: { 201: importRecord, 409: importError },
      },
    },
    async (request, reply) => {
      try {
        const committed = await uploads.commit(request.params.id, request.params.uploadId);
        await auditJourney(context, request.actor, 'import.committed', request.params.id, { importId: committed.id, kind: committed.kind, fileName: committed.fileName, rows: committed.rows });
        return reply.code(201).send(committed);
      } catch (error) {
        if (error instanceof DuplicateImportError) return reply.code(409).send({ error: error.message, duplicateOf: error.earlier });
        throw error;
      }
    },
  );

  app.delete('/:id/uploads/:uploadId', { schema: { tags: ['measurement'], summary: 'Discard an upload and what its check kept aside', params: uploadParams } }, async (request, reply) => {
    await uploads.discard(request.params.id, request.params.uploadId);
    return reply.code(204).send();
  });

  app.post(
    '/:id/imports',
    {
      schema: {
        tags: ['measurement'],
        summary: 'Import a file in one request (raw body): refused with every rejected line unless skipRejected=true; for scripts',
        params: journeyIdParams,
        querystring: oneShotQuery,
        consumes: ['application/octet-stream'],
        body: rawFileBody,
        response: { 201: importRecord, 400: importError, 409: importError },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const document = await documents.read(id);
      const received = await uploads.receive(id, request.query.kind, request.query.fileName, request.body as Readable);
      try {
        if (received.duplicateOf) return await reply.code(409).send({ error: new DuplicateImportError(received.duplicateOf).message, duplicateOf: received.duplicateOf });
        await uploads.check(id, received.id, { document });
        const checked = await uploads.settled(id, received.id);
        if (checked.state === 'failed' || checked.staged === null) {
          const problem = checked.problem ?? describeProblem(received.fileName, new Error('could not be read'));
          return await reply.code(400).send({ error: problem.message, rejected: problem.rejected, rejectedCount: problem.rejectedCount });
        }
        if (checked.staged.rejectedCount > 0 && request.query.skipRejected !== 'true') {
          const first = checked.staged.rejected[0]!;
          return await reply.code(400).send({
            error: `${received.fileName}:${first.line}: ${first.field === null ? '' : `field "${first.field}": `}${first.reason}; ${checked.staged.rejectedCount} line(s) rejected, nothing imported`,
            rejected: checked.staged.rejected,
            rejectedCount: checked.staged.rejectedCount,
          });
        }
        const committed = await uploads.commit(id, received.id);
        await auditJourney(context, request.actor, 'import.committed', id, { importId: committed.id, kind: committed.kind, fileName: committed.fileName, rows: committed.rows });
        return await reply.code(201).send(committed);
      } catch (error) {
        if (error instanceof DuplicateImportError) return reply.code(409).send({ error: error.message, duplicateOf: error.earlier });
        throw error;
      } finally {
        if (uploads.has(received.id)) await uploads.discard(id, received.id);
      }
    },
  );

  app.get('/:id/imports', { schema: { tags: ['measurement'], summary: "The journey's imports, oldest first", params: journeyIdParams, response: { 200: importList } } }, async (request) => {
    await documents.read(request.params.id);
    return analytics.imports.list(request.params.id);
  });

  app.delete('/:id/imports/:importId', { schema: { tags: ['measurement'], summary: 'Delete an import and its data', params: importParams } }, async (request, reply) => {
    if (!(await analytics.deleteImport(request.params.id, request.params.importId))) {
      throw new HttpError(404, `journey ${request.params.id} has no import ${request.params.importId}`);
    }
    await auditJourney(context, request.actor, 'import.deleted', request.params.id, { importId: request.params.importId });
    return reply.code(204).send();
  });

  app.get(
    '/:id/metrics',
    {
      schema: {
        tags: ['measurement'],
        summary: 'Every step and journey metric of the imported data under the current activity mapping, and the XLA status',
        params: journeyIdParams,
        querystring: metricsQuery,
        response: { 200: measurementResponse },
      },
    },
    async (request) => {
      const document = await documents.read(request.params.id);
      return analytics.measure(request.params.id, document, { period: request.query.period, variantLimit: request.query.variants });
    },
  );

  app.post(
    '/:id/indicators',
    { schema: { tags: ['measurement'], summary: "Add an experience indicator to the journey's XLA", params: journeyIdParams, body: indicatorBody, response: { 201: createdIndicator } } },
    async (request, reply) => {
      const { stepId, ...fields } = request.body;
      const id = await documents.edit(request.params.id, (doc) => addIndicator(doc, { ...fields, stepId: stepId as StepId | null | undefined }));
      return reply.code(201).send({ id });
    },
  );

  app.patch(
    '/:id/indicators/:indicatorId',
    { schema: { tags: ['measurement'], summary: 'Change an experience indicator', params: indicatorParams, body: indicatorPatch } },
    async (request, reply) => {
      const { stepId, ...fields } = request.body;
      await documents.edit(request.params.id, (doc) =>
        updateIndicator(doc, request.params.indicatorId as IndicatorId, stepId === undefined ? fields : { ...fields, stepId: stepId as StepId | null }),
      );
      return reply.code(204).send();
    },
  );

  app.delete('/:id/indicators/:indicatorId', { schema: { tags: ['measurement'], summary: 'Remove an experience indicator', params: indicatorParams } }, async (request, reply) => {
    await documents.edit(request.params.id, (doc) => deleteIndicator(doc, request.params.indicatorId as IndicatorId));
    return reply.code(204).send();
  });
};
