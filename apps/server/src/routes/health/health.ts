import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { JourneyStore } from '@klantreis/db';

export const healthRoutes: FastifyPluginAsyncZod<{ store: JourneyStore }> = async (app, { store }) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['health'],
        summary: 'Whether the server and its database answer, and the server’s clock (editors share the workshop timer in server time)',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), time: z.number().int().describe('milliseconds since 1970') }) },
      },
    },
    async () => {
      await store.ping();
      return { status: 'ok' as const, database: store.dialect, time: Date.now() };
    },
  );
};
