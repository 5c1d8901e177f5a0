import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** A built file whose name changes with its content (Vite's `assets/`), kept in memory. */
interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves the built web app; every other non-API path gets index.html so client routes reload.
 *
 * The files under `assets/` are read once and sent from memory with a year's `immutable`
 * caching (their names carry their content's hash). Sent from a file, each took several turns
 * of the server's one thread (stat, open, reads), and a first visit's editor files, asked for
 * beside the map's state (public/early.js), waited behind the 0.1–0.5 s of applying that map.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string | undefined): Promise<void> {
  if (!webDist || !existsSync(join(webDist, 'index.html'))) {
    app.log.warn(`no web app at ${webDist}: run "npm run build" to serve the editor`);
    return;
  }
  const assets = await readAssets(join(webDist, 'assets'));
  await app.register(fastifyStatic, { root: webDist, wildcard: false, globIgnore: ['assets/**'], index: 'index.html', maxAge: '1h', immutable: false });
  app.get<{ Params: { file: string } }>('/assets/:file', { schema: { hide: true } }, (request, reply) => {
    const asset = assets.get(request.params.file);
    if (!asset) return reply.code(404).send({ error: `no file ${request.url.split('?')[0]}` });
    reply.header('cache-control', 'public, max-age=31536000, immutable').header('etag', asset.etag);
    if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    return reply.type(asset.type).send(asset.body);
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/collab')) {
      return reply.type('text/html').sendFile('index.html', { maxAge: 0 });
    }
    return reply.code(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
}

async function readAssets(directory: string): Promise<Map<string, Asset>> {
  const assets = new Map<string, Asset>();
  if (!existsSync(directory)) return assets;
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const body = await readFile(join(directory, entry.name));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    assets.set(entry.name, { body, type: TYPES[extname(entry.name)] ?? 'application/octet-stream', etag });
  }
  return assets;
}
