// The experience map's roll-up by stage, once (GET) and live (server-sent events). The live
// stream sends the whole roll-up again after each change of the map or of a linked journey:
// at most a few hundred links, so a patch protocol would buy little and cost a second code path.
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ExperienceRollups } from '../../commands/experienceRollups.ts';
import type { JourneyChange, JourneyChangeSignal } from '../../commands/journeyChangeSignal.ts';
import type { EventStreams } from '../sharing/eventStreams.ts';
import { toHeaders, type ActorResolver } from '../../access/actorResolver.ts';
import { experienceParams, experienceRollupResponse, linkableResponse } from '@klantreis/core/contracts';

export interface ExperienceRoutesOptions {
  rollups: ExperienceRollups;
  streams: EventStreams;
  /** Who a request's session or token is now: an open stream asks again when access changes. */
  resolver: ActorResolver;
}

export const experienceRoutes: FastifyPluginAsyncZod<ExperienceRoutesOptions> = async (app, { rollups, streams, resolver }) => {
  app.get(
    '/:id/experience',
    { schema: { tags: ['experience map'], summary: "An experience map's roll-up by stage: its own scores and its linked journeys' scores, measurement, XLA, findings and health, and the lifecycle curve", params: experienceParams, response: { 200: experienceRollupResponse } } },
    async (request) => rollups.rollup(request.params.id, request.actor),
  );

  app.get(
    '/:id/linkable',
    { schema: { tags: ['experience map'], summary: "The journeys this one may link to (an experience map's stages, a step's sub-journey): the same workspace's that you may see", params: experienceParams, response: { 200: linkableResponse } } },
    async (request) => rollups.linkable(request.params.id, request.actor),
  );

  app.get(
    '/:id/experience/events',
    { schema: { tags: ['experience map'], summary: 'Server-sent events: `rollup` with the whole roll-up, at once and after every change of the map or a journey it links (a score, a trash or restore, an import) or of your access to them; `failed` with the reason; `access-ended`, and the stream ends, when your access to the map ends', params: experienceParams } },
    async (request, reply) => {
      const headers = toHeaders(request.headers);
      const stream = streams.start(request, reply);
      const live = rollups.stream(
        request.params.id,
        request.actor,
        (rollup) => stream.send('rollup', rollup),
        (error) => stream.send('failed', { error: error.message }),
        // Access to the map itself ended while the stream was open: said, then closed.
        () => stream.end('access-ended'),
        // The session or token it was opened with still says who opened it (not signed out everywhere, not revoked).
        async () => {
          const now = await resolver.resolve(headers);
          const opened = request.actor;
          return now.kind === opened.kind && (now.kind !== 'user' || (opened.kind === 'user' && now.userId === opened.userId));
        },
      );
      stream.onEnd(() => live.close());
    },
  );
};

/** The routes that change a journey outside its document, and what they change. */
const CHANGING_ROUTES: Readonly<Record<string, JourneyChange>> = {
  'DELETE /api/journeys/:id': 'trash',
  'POST /api/journeys/:id/restore': 'trash',
  'POST /api/journeys/:id/uploads/:uploadId/commit': 'data',
  'POST /api/journeys/:id/imports': 'data',
  'DELETE /api/journeys/:id/imports/:importId': 'data',
};

/**
 * Tells the signal of a trash, restore or import once its route has answered with success, so
 * that those routes need not know who rolls journeys up. Added on the root, before the routes.
 */
export function signalJourneyChanges(app: FastifyInstance, signal: JourneyChangeSignal): void {
  // A renamed route would stop signalling without a word: the start fails instead.
  const registered = new Set<string>();
  app.addHook('onRoute', (route) => {
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) registered.add(`${method} ${route.url}`);
  });
  app.addHook('onReady', async () => {
    const missing = Object.keys(CHANGING_ROUTES).filter((key) => !registered.has(key));
    if (missing.length > 0) throw new Error(`routes that change journeys are gone (apps/server/src/routes/experience/experience.ts): ${missing.join(', ')}`);
  });
  app.addHook('onResponse', async (request, reply) => {
    const change = CHANGING_ROUTES[`${request.method} ${request.routeOptions.url ?? ''}`];
    const journeyId = (request.params as { id?: string } | undefined)?.id;
    if (change && journeyId && reply.statusCode < 300) signal.changed(journeyId, change);
  });
}
