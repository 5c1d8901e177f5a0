// Every route in the policy table × every kind of person, each cell asserted: allowed, or
// refused with the status its policy gives. The routes come from ROUTE_POLICIES, which the
// server checks against the routes it registers (a route without a policy stops the start),
// so a new route is in this matrix the moment it exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_ROLES, atLeast, type Role } from '@klantreis/core';
import { buildTestServer, type TestServer } from '../testServer.ts';
import { asPerson, firstWorkspaceId, foreignPerson, invitePerson, type Person } from './accessTestSupport.ts';
import { CLUSTER_ONLY, ROUTE_POLICIES, type RoutePolicy } from './routePolicies.ts';

type Who = 'anonymous' | 'foreign' | Role;
const EVERYONE: Who[] = ['anonymous', 'foreign', 'viewer', 'commenter', 'editor', 'owner'];

/** What a cell should answer: allowed (anything but a refusal), or the refusal's status. */
type Expected = 'allowed' | 401 | 403 | 404;

/** Routes whose handler narrows further than the table says, with the reason. */
function handlerNarrowing(key: string, who: Who): Expected | null {
  // A copy is a new journey: reading the original is not enough, one must be able to create.
  if (key === 'POST /api/journeys/:id/duplicate' && (who === 'viewer' || who === 'commenter')) return 403;
  return null;
}

function expected(key: string, policy: RoutePolicy, who: Who): Expected {
  if (policy.access === 'public') return 'allowed';
  // Only a share link's viewer cookie opens these; sharing.test.ts tries that side.
  if (policy.access === 'link') return 401;
  if (who === 'anonymous') return 401;
  const narrowed = handlerNarrowing(key, who);
  if (narrowed !== null) return narrowed;
  if (policy.access === 'signed-in') return 'allowed';
  if (policy.access === 'creator') return who === 'viewer' || who === 'commenter' ? 403 : 'allowed';
  // The foreign person has no role on the first workspace or its journeys: to them it is not there.
  if (who === 'foreign') return 404;
  return atLeast(who, ACTION_ROLES[policy.action]) ? 'allowed' : 403;
}

/** A refusal by the access layer (not a handler's answer to a body or an id that is not there). */
function refusalOf(status: number, body: string): Expected | null {
  if (status === 401 || status === 403) return status;
  if (status === 404 && /"no (journey with id|workspace) /.test(body)) return 404;
  return null;
}

describe('authorization matrix: every route × every role', () => {
  let server: TestServer;
  let journeyId: string;
  let workspaceId: string;
  const people = new Map<Who, Person | null>();

  beforeAll(async () => {
    server = await buildTestServer();
    workspaceId = await firstWorkspaceId(server);
    const created = await server.fetch('/api/journeys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateId: 'ikea-visit', locale: 'en' }) });
    journeyId = ((await created.json()) as { id: string }).id;
    people.set('anonymous', null);
    people.set('foreign', await foreignPerson(server));
    for (const role of ['viewer', 'commenter', 'editor', 'owner'] as const) people.set(role, await invitePerson(server, role));
  }, 60_000);
  afterAll(async () => server?.close());

  function pathOf(key: string): { method: string; path: string } {
    const [method, route] = key.split(' ') as [string, string];
    const path = route
      // Not sign-out: that would end the session the next cells need.
      .replace('/api/auth/*', method === 'GET' ? '/api/auth/get-session' : '/api/auth/sign-in/email')
      .replace('/api/docs/static/*', '/api/docs/static/index.html')
      .replace(':workspaceId', workspaceId)
      .replace(':id', journeyId)
      .replace(/:[a-zA-Z]+/g, 'nosuchthing');
    return { method, path };
  }

  // A process alone has no cluster routes (their signature check: apps/server/src/cluster/).
  const keys = Object.keys(ROUTE_POLICIES).filter((key) => !CLUSTER_ONLY.has(key));

  it('covers every route of the table', () => {
    expect(keys.length).toBeGreaterThan(50);
  });

  // Owners last: their cells trash the journey and remove members, which others' cells would see.
  for (const who of EVERYONE) {
    it(`answers ${who} as the policy says on all ${keys.length} routes`, async () => {
      const person = people.get(who) ?? null;
      const wrong: string[] = [];
      for (const key of keys) {
        const policy = ROUTE_POLICIES[key]!;
        const { method, path } = pathOf(key);
        // A DELETE of the journey itself moves it to the trash; restore it after for the next cells.
        const init: RequestInit = method === 'GET' || method === 'DELETE' ? { method } : { method, headers: { 'content-type': 'application/json' }, body: '{}' };
        const response = await asPerson(server, person, path, init);
        // An event stream that was let in never ends by itself: its first bytes are enough.
        const streaming = response.headers.get('content-type')?.startsWith('text/event-stream') ?? false;
        const body = streaming ? '' : await response.text();
        if (streaming) await response.body?.cancel();
        const want = expected(key, policy, who);
        const got = refusalOf(response.status, body) ?? 'allowed';
        if (got !== want) wrong.push(`${key} as ${who}: expected ${want}, got ${response.status} ${body.slice(0, 160)}`);
        if (key === 'DELETE /api/journeys/:id' && response.status === 204) await server.fetch(`/api/journeys/${journeyId}/restore`, { method: 'POST' });
      }
      expect(wrong).toEqual([]);
    }, 120_000);
  }

  it('caps a token at its role: an owner’s viewer token reads but cannot edit or manage', async () => {
    const owner = people.get('owner')!;
    const made = await asPerson(server, owner, '/api/me/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'read only', role: 'viewer' }) });
    expect(made.status).toBe(201);
    const { token } = (await made.json()) as { token: string };
    const withToken = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
    expect((await withToken(`/api/journeys/${journeyId}`)).status).toBe(200);
    expect((await withToken(`/api/journeys/${journeyId}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'x' }) })).status).toBe(403);
    expect((await withToken(`/api/workspaces/${workspaceId}/members`)).status).toBe(200);
    expect((await withToken(`/api/workspaces/${workspaceId}/audit`)).status).toBe(403);
    // A token cannot make another (stronger) token.
    expect((await withToken('/api/me/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x', role: 'owner' }) })).status).toBe(403);
    // Revoked: nobody.
    const id = ((await (await asPerson(server, owner, '/api/me/tokens')).json()) as { id: string; name: string }[]).find((t) => t.name === 'read only')!.id;
    expect((await asPerson(server, owner, `/api/me/tokens/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await withToken(`/api/journeys/${journeyId}`)).status).toBe(401);
  });

  it('lists only the journeys a person may see', async () => {
    const list = async (who: Who) => ((await (await asPerson(server, people.get(who)!, '/api/journeys')).json()) as { id: string }[]).map((j) => j.id);
    expect(await list('viewer')).toContain(journeyId);
    expect(await list('foreign')).not.toContain(journeyId);
    // Shared with the foreign person as commenter: now they see it and may comment, not edit.
    const shared = await server.fetch(`/api/journeys/${journeyId}/members`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: people.get('foreign')!.email, role: 'commenter' }) });
    expect(shared.status).toBe(204);
    expect(await list('foreign')).toContain(journeyId);
    const access = (await (await asPerson(server, people.get('foreign')!, `/api/journeys/${journeyId}/access`)).json()) as { role: string; can: Record<string, boolean> };
    expect(access).toMatchObject({ role: 'commenter', can: { 'journey.read': true, 'journey.comment': true, 'journey.edit': false } });
  });
});
