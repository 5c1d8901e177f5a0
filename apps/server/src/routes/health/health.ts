import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthResponse, liveResponse } from '@klantreis/core/contracts';
import type { JourneyStore } from '@klantreis/db';
import type { Service } from '../../config.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ store: JourneyStore; node: string | null; services: ReadonlySet<Service> }> = async (app, { store, node, services }) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['health'],
        summary: 'Whether the server and its database answer, and the server’s clock (editors share the workshop timer in server time)',
        response: { 200: healthResponse },
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
        response: { 200: liveResponse },
      },
    },
    async () => ({ status: 'ok' as const, node, services: [...services] }),
  );
};
