import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AccessError } from '@klantreis/core';
import { RecordValidationError } from '@klantreis/sync';
import { isDatabaseUnavailable, LeaseLostError } from '@klantreis/db';
import { DocumentLoadError } from './collaboration/persistenceExtension.ts';
import { HttpError } from './httpError.ts';

export { HttpError } from './httpError.ts';

/** Every error leaves the API as `{error, issues?}`: a sentence and, where it helps, the fields. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // A request refused before its body was read to the end (an upload too large, a full
    // disk) keeps a connection nobody reads: close it with the answer, or it holds the
    // server's shutdown until the client gives up on it.
    if (!request.raw.complete) reply.header('connection', 'close');
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply.code(400).send({
        error: 'the request is not valid',
        issues: error.validation.map((v) => ({
          path: `${error.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
          message: v.message ?? 'invalid',
        })),
      });
    }
    if (error instanceof RecordValidationError) {
      return reply.code(400).send({ error: error.message, issues: [{ path: error.path, message: error.message }] });
    }
    if (error instanceof HttpError) return reply.code(error.statusCode).send({ error: error.message, issues: error.issues });
    if (error instanceof AccessError) return reply.code(error.status).send({ error: error.message });
    if (error instanceof DocumentLoadError) {
      // The stored journey cannot be read back into a document: say so, rather than "internal error".
      request.log.error(error);
      return reply.code(503).send({ error: error.message });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.error(error);
      return reply.code(503).header('retry-after', '5').send({ error: 'the database does not answer (restarting?): nothing was changed; try again in a moment' });
    }
    if (error instanceof LeaseLostError) {
      return reply.code(503).header('retry-after', '1').send({ error: `${error.message}; try again` });
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC') {
      request.log.error(error);
      return reply.code(507).send({ error: "the server's disk is full: nothing was changed; ask the administrator to free space" });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error(error);
    return reply.code(status).send({ error: status >= 500 ? 'internal error' : error.message });
  });
}
