import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** A map's address (the editor's page), as public/early.js reads it. */
const MAP_PAGE = /^\/journeys\/[^/?]+\/?(\?|$)/;

/**
 * Serves the built web app; every other non-API path gets index.html so client routes reload.
 * `onMapPage` is told when a map's page is sent (its script asks for the map's state next).
 */
export async function registerWebApp(app: FastifyInstance, webDist: string | undefined, onMapPage: () => void = () => {}): Promise<void> {
  if (!webDist || !existsSync(join(webDist, 'index.html'))) {
    app.log.warn(`no web app at ${webDist}: run "npm run build" to serve the editor`);
    return;
  }
  await app.register(fastifyStatic, { root: webDist, wildcard: false, index: 'index.html', maxAge: '1h', immutable: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/collab')) {
      if (MAP_PAGE.test(request.url)) onMapPage();
      return reply.type('text/html').sendFile('index.html', { maxAge: 0 });
    }
    return reply.code(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
}
