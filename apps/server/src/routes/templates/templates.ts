import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listTemplates } from '@klantreis/templates';
import { templateList, templatesQuery } from '@klantreis/core/contracts';

export const templateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['templates'],
        summary: 'The journey templates, in the chosen language',
        querystring: templatesQuery,
        response: { 200: templateList },
      },
    },
    async (request) => listTemplates(request.query.locale),
  );
};
