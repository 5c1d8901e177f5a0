import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { JourneyStore } from '@klantreis/db';

/** The one route processes call on each other: a REST write made elsewhere, applied by the journey's owner. */
export const INTERNAL_UPDATES_PATH = '/internal/journeys/:id/updates';
const SIGNATURE_HEADER = 'x-klantreis-signature';
const SECRET_SETTING = 'cluster.secret';
/** A REST write's update can be a whole imported journey. */
const MAX_UPDATE_BYTES = 64 * 1024 * 1024;

/** The secret the processes sign their calls to each other with: made once, kept in the shared database. */
export async function clusterSecret(store: JourneyStore): Promise<string> {
  const stored = await store.getSetting(SECRET_SETTING);
  if (stored) return stored;
  // Processes starting at once agree on the first secret written.
  await store.db.insertInto('settings').values({ key: SECRET_SETTING, value: randomBytes(32).toString('base64url') }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const kept = await store.getSetting(SECRET_SETTING);
  if (!kept) throw new Error('the cluster secret could not be stored');
  return kept;
}

function signature(secret: string, journeyId: string, update: Uint8Array): Buffer {
  return createHmac('sha256', secret).update(journeyId).update('\0').update(update).digest();
}

export type ForwardOutcome = 'applied' | 'not-owner' | 'unreachable';

/** Sends a REST write's update to the process that serves the journey, which stores and applies it. */
/**
 * `unreachable` covers a refused connection (never sent) and a timeout or reset (maybe stored
 * there): the caller applies the same bytes elsewhere, which is safe either way.
 */
export async function sendUpdateToOwner(address: string, secret: string, journeyId: string, update: Uint8Array): Promise<ForwardOutcome> {
  let response: Response;
  try {
    response = await fetch(`${address}${INTERNAL_UPDATES_PATH.replace(':id', encodeURIComponent(journeyId))}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', [SIGNATURE_HEADER]: signature(secret, journeyId, update).toString('base64url') },
      body: new Uint8Array(update),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    return 'unreachable';
  }
  const text = await response.text();
  if (response.status === 204) return 'applied';
  if (response.status === 409) return 'not-owner';
  throw new Error(`the process that serves journey ${journeyId} refused the write: ${response.status} ${text.slice(0, 200)}`);
}

/**
 * POST /internal/journeys/:id/updates: an update another process made for a journey this one
 * serves. Only a call signed with the cluster secret is taken (the proxy also refuses
 * /internal/ from outside, deploy/haproxy.cfg); one for a journey this process does not serve
 * is answered 409, and the caller asks again who does.
 */
export const internalUpdateRoutes: FastifyPluginAsync<{ secret: string; serves: (journeyId: string) => boolean; apply: (journeyId: string, update: Uint8Array) => Promise<void> }> = async (app, { secret, serves, apply }) => {
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_UPDATE_BYTES }, (_request, body, done) => done(null, body));
  // Before any of the body is read: a call without a signature of the right form, or larger
  // than an update may be, is refused at once (the signature itself is checked on the body).
  app.addHook('onRequest', async (request, reply) => {
    const given = request.headers[SIGNATURE_HEADER];
    if (typeof given !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(given)) return reply.code(403).send({ error: 'only another Klantreis process of this deployment may call this' });
    if (Number(request.headers['content-length'] ?? 0) > MAX_UPDATE_BYTES) return reply.code(413).send({ error: 'the update is larger than any REST write makes' });
  });
  app.post<{ Params: { id: string } }>(INTERNAL_UPDATES_PATH, { schema: { hide: true } }, async (request, reply) => {
    const body = request.body;
    const given = Buffer.from(String(request.headers[SIGNATURE_HEADER] ?? ''), 'base64url');
    if (!(body instanceof Buffer)) return reply.code(400).send({ error: 'send the update as application/octet-stream' });
    const expected = signature(secret, request.params.id, body);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return reply.code(403).send({ error: 'only another Klantreis process of this deployment may call this' });
    if (!serves(request.params.id)) return reply.code(409).send({ error: `this process does not serve journey ${request.params.id}` });
    await apply(request.params.id, new Uint8Array(body));
    return reply.code(204).send();
  });
};
