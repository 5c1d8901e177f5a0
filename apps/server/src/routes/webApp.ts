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
  /** Its name carries its content's hash (Vite's `name-HASH.ext`): it may be cached for good. */
  hashed: boolean;
}

/** Vite's names of built files: `EditorScene-eHP3q_PS.js`. */
const HASHED_NAME = /-[\w-]{8}\.[a-z0-9]+$/;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
};

/** Whether an If-None-Match header names `etag` (a list, weak tags or `*`, as RFC 9110 compares them). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Serves the built web app; every other non-API path gets index.html so client routes reload.
 *
 * The files under `assets/` are read once and sent from memory, with a year's `immutable`
 * caching when their names carry their content's hash (all that Vite writes there). Sent from
 * a file, each took several turns of the server's one thread (stat, open, reads), and a first
 * visit's editor files, asked for beside the map's state (public/early.js), waited behind the
 * 0.1–0.5 s of applying that map.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string | undefined): Promise<void> {
  if (!webDist || !existsSync(join(webDist, 'index.html'))) {
    app.log.warn(`no web app at ${webDist}: run "npm run build" to serve the editor`);
    return;
  }
  const assets = await readAssets(join(webDist, 'assets'));
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    globIgnore: ['assets/**'],
    index: 'index.html',
    maxAge: '1h',
    immutable: false,
    // The page and early.js name the build's files: after an upgrade, a cached copy would ask
    // for files that are gone. The browser asks again each time (a 304 when unchanged).
    setHeaders: (reply, path) => {
      if (/(\.html|[/\\]early\.js)$/.test(path)) reply.header('cache-control', 'no-cache');
    },
  });
  app.get<{ Params: { file: string } }>('/assets/:file', { schema: { hide: true } }, (request, reply) => {
    const asset = assets.get(request.params.file);
    if (!asset) return reply.code(404).send({ error: `no file ${request.url.split('?')[0]}` });
    reply.header('cache-control', asset.hashed ? 'public, max-age=31536000, immutable' : 'no-cache').header('etag', asset.etag);
    if (matches(request.headers['if-none-match'], asset.etag)) return reply.code(304).send();
    return reply.type(asset.type).send(asset.body);
  });
  app.setNotFoundHandler((request, reply) => {
    // A built file that is not there (a deeper path under assets/ too) is not the page.
    if (request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/collab') && !request.url.startsWith('/assets/')) {
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
    assets.set(entry.name, { body, type: TYPES[extname(entry.name)] ?? 'application/octet-stream', etag, hashed: HASHED_NAME.test(entry.name) });
  }
  return assets;
}
