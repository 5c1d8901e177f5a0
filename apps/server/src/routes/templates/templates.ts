import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listTemplates } from '@klantreis/templates';
import { JOURNEY_KINDS } from '@klantreis/schema';

export const templateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['templates'],
        summary: 'The journey templates, in the chosen language',
        querystring: z.object({ locale: z.enum(['nl', 'en']).default('nl') }),
        response: {
          200: z.array(z.object({ id: z.string(), title: z.string(), description: z.string(), kind: z.enum(JOURNEY_KINDS), stepCount: z.number() })),
        },
      },
    },
    async (request) => listTemplates(request.query.locale),
  );
};
