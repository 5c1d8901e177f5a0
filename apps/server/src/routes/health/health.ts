import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { JourneyStore } from '@klantreis/db';
import type { Service } from '../../config.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ store: JourneyStore; node: string | null; services: ReadonlySet<Service> }> = async (app, { store, node, services }) => {
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
  app.get(
    '/live',
    {
      schema: {
        tags: ['health'],
        summary: 'Whether this process answers, without asking the database: the proxy’s health check, and how one process asks whether another that holds a journey is still there',
        response: {
          200: z.object({
            status: z.literal('ok'),
            node: z.string().nullable().describe('KLANTREIS_NODE_NAME with several processes, else null'),
            services: z.array(z.enum(['api', 'collab', 'worker'])),
          }),
        },
      },
    },
    async () => ({ status: 'ok' as const, node, services: [...services] }),
  );
};
