import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { evaluateJourney, ModelOptionError, modelFromOptions, parseKanoCsv, type KanoCsvImport } from '@klantreis/evaluation';
import { journeyFromDoc, setKanoResults } from '@klantreis/sync';
import type { JourneyDocuments } from '../../commands/journeyDocuments.ts';
import { HttpError } from '../../httpErrors.ts';
import { evaluationQuery, evaluationResponse, journeyIdParams, kanoCsvBody, kanoImportError, kanoImportResponse, kanoQuery } from '@klantreis/core/contracts';

export interface EvaluationRoutesOptions {
  documents: JourneyDocuments;
}

/** A questionnaire export is a few thousand rows; this leaves room for large panels. */
const CSV_BODY_LIMIT = 10 * 1024 * 1024;

export const evaluationRoutes: FastifyPluginAsyncZod<EvaluationRoutesOptions> = async (app, { documents }) => {
  // Only this plugin reads CSV bodies; the rest of the API stays JSON.
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.get(
    '/:id/evaluation',
    {
      schema: {
        tags: ['evaluation'],
        summary: 'Evaluate a journey: the remembered score (peak-end), every finding with the steps it concerns, and the to-be curve',
        params: journeyIdParams,
        querystring: evaluationQuery,
        response: { 200: evaluationResponse },
      },
    },
    async (request) => {
      const { locale, ...modelOptions } = request.query;
      let model;
      try {
        model = modelFromOptions(modelOptions);
      } catch (error) {
        if (error instanceof ModelOptionError) throw new HttpError(400, error.message, [{ path: `querystring.${error.field}`, message: error.message }]);
        throw error;
      }
      const document = await documents.read(request.params.id);
      return evaluateJourney(document, { locale, model });
    },
  );

  app.post(
    '/:id/kano',
    {
      bodyLimit: CSV_BODY_LIMIT,
      schema: {
        tags: ['evaluation'],
        summary: 'Import Kano questionnaire answers (CSV): writes the responses and the resulting category to each element, or, with any problem, nothing',
        params: journeyIdParams,
        querystring: kanoQuery,
        consumes: ['text/csv'],
        body: kanoCsvBody,
        response: { 200: kanoImportResponse, 400: kanoImportError },
      },
    },
    async (request) => {
      // The CSV is read against the live document inside the edit, so an element deleted a
      // moment ago is reported as unknown instead of failing halfway.
      const outcome = await documents.edit(request.params.id, (doc): KanoCsvImport => {
        const journey = journeyFromDoc(doc, { validate: true });
        const parsed = parseKanoCsv(request.body, journey, request.query.locale ?? journey.journey.locale);
        if (parsed.ok) setKanoResults(doc, parsed.elements);
        return parsed;
      });
      if (!outcome.ok) {
        const count = outcome.issues.length + outcome.moreIssues;
        throw new HttpError(
          400,
          `the CSV has ${count} problem(s); nothing was imported`,
          outcome.issues.map((issue) => ({ ...issue, path: issue.field === 'file' ? `line ${issue.line}` : `line ${issue.line}, ${issue.field}` })),
        );
      }
      return outcome;
    },
  );
};
