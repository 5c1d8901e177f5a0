import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built web app; every other non-API path gets index.html so client routes reload. */
export async function registerWebApp(app: FastifyInstance, webDist: string | undefined): Promise<void> {
  if (!webDist || !existsSync(join(webDist, 'index.html'))) {
    app.log.warn(`no web app at ${webDist}: run "npm run build" to serve the editor`);
    return;
  }
  await app.register(fastifyStatic, { root: webDist, wildcard: false, index: 'index.html', maxAge: '1h', immutable: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/collab')) {
      return reply.type('text/html').sendFile('index.html', { maxAge: 0 });
    }
    return reply.code(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
}
