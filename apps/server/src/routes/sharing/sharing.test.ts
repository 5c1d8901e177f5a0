import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { CLOSE_CODES, collabUrl } from '@klantreis/sync';
import { ROUTE_POLICIES } from '../../access/routePolicies.ts';
import { asPerson, firstWorkspaceId, invitePerson } from '../../access/accessTestSupport.ts';
import { buildTestServer, eventually, type TestServer } from '../../testServer.ts';
import { readEventStream } from '../../../../../testing/eventStream.ts';

// Share links end to end on a real server: made by the journey's owner, opened with and
// without the password, what the viewer sees and may not reach, live changes over server-sent
// events, and revocation that shuts an open viewer out at once.

interface Link {
  id: string;
  url: string;
  hasPassword: boolean;
  createdByName: string;
  lastOpenedAt: number | null;
  revokedAt: number | null;
}

describe('share links', () => {
  let server: TestServer;
  let journeyId: string;
  const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const tokenOf = (link: Link) => new URL(link.url).pathname.split('/').pop()!;

  async function makeLink(body: Record<string, unknown>): Promise<Link> {
    const response = await server.fetch(`/api/journeys/${journeyId}/links`, json('POST', body));
    expect(response.status).toBe(201);
    return (await response.json()) as Link;
  }
  /** Opens a link as a browser does; returns the viewer cookie, or the refusal. */
  async function open(token: string, password: string | null = null): Promise<{ status: number; cookie: string | null; body: string }> {
    const response = await fetch(`${server.url}/api/shared/open`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ token, password }) });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('kr_viewer='))?.split(';')[0] ?? null;
    return { status: response.status, cookie, body: await response.text() };
  }
  const asViewer = (cookie: string, path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), cookie, origin: server.url } });

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' });
    const created = await server.fetch('/api/journeys', json('POST', { templateId: 'ikea-visit', locale: 'en' }));
    journeyId = ((await created.json()) as { id: string }).id;
  });
  afterAll(async () => server?.close());

  it('shows a viewer only what the link shows, behind its password, and lists who made it and when it was opened', async () => {
    const link = await makeLink({ password: 'room-4-secret', shows: { lanes: false, evaluation: true, measurement: false, comments: false } });
    expect(link.url).toMatch(/\/s\/krl_/);
    expect(link.hasPassword).toBe(true);

    expect((await open(tokenOf(link))).status).toBe(401);
    const wrong = await open(tokenOf(link), 'guess-guess');
    expect([wrong.status, wrong.cookie]).toEqual([401, null]);
    const right = await open(tokenOf(link), 'room-4-secret');
    expect(right.status).toBe(200);
    expect(right.cookie).toMatch(/^kr_viewer=krv_/);

    const shared = await asViewer(right.cookie!, '/api/shared/journey');
    expect(shared.status).toBe(200);
    const body = (await shared.json()) as { document: { steps: unknown[]; lanes: unknown[]; cells: unknown[]; comments: unknown[] } };
    expect(body.document.steps.length).toBeGreaterThan(5);
    expect([body.document.lanes, body.document.cells, body.document.comments]).toEqual([[], [], []]);

    const list = (await (await server.fetch(`/api/journeys/${journeyId}/links`)).json()) as Link[];
    expect(list.find((l) => l.id === link.id)?.lastOpenedAt).toBeGreaterThan(0);
    const everyLink = (await (await server.fetch(`/api/workspaces/${await firstWorkspaceId(server)}/links`)).json()) as (Link & { journeyTitle: string })[];
    expect(everyLink.find((l) => l.id === link.id)).toMatchObject({ journeyTitle: 'IKEA store visit', createdByName: 'Olga Owner' });
  });

  it('gives a viewer nothing beyond the shared routes: not the journey API, not the socket, not another journey', async () => {
    const link = await makeLink({ shows: { lanes: true, evaluation: true, measurement: true, comments: true } });
    const { cookie } = await open(tokenOf(link));
    // A lane the map hides stays hidden through the link, in the journey and in its downloads.
    const lanes = ((await (await server.fetch(`/api/journeys/${journeyId}`)).json()) as { lanes: { id: string; name: string }[] }).lanes;
    const hidden = lanes.find((lane) => lane.id.startsWith('lane:'))!;
    expect((await server.fetch(`/api/journeys/${journeyId}/records/${hidden.id}`, json('PATCH', { hidden: true, name: 'Interne notities' }))).status).toBe(200);
    const seen = (await (await asViewer(cookie!, '/api/shared/journey')).json()) as { document: { lanes: { id: string }[]; cells: { laneId: string }[] } };
    expect(seen.document.lanes.length).toBe(lanes.length - 1);
    expect(seen.document.cells.some((cell) => cell.laneId === hidden.id)).toBe(false);
    const svg = await (await asViewer(cookie!, '/api/shared/export?format=svg&hiddenLanes=true')).text();
    expect(svg).toContain('<svg');
    expect(svg).not.toContain('Interne notities');
    expect((await server.fetch(`/api/journeys/${journeyId}/records/${hidden.id}`, json('PATCH', { hidden: false }))).status).toBe(200);
    for (const key of Object.keys(ROUTE_POLICIES)) {
      const policy = ROUTE_POLICIES[key]!;
      if (policy.access === 'public' || policy.access === 'link') continue;
      const [method, pattern] = key.split(' ') as [string, string];
      const path = pattern.replace(':id', journeyId).replace(/:\w+/g, 'x').replace('*', 'x');
      const response = await asViewer(cookie!, path, { method, ...(method === 'GET' || method === 'DELETE' ? {} : { headers: { 'content-type': 'application/json' }, body: '{}' }) });
      expect([key, response.status]).toEqual([key, 401]);
    }
    // The collaboration socket, as the browser would open it with the viewer cookie: refused.
    const refusals: string[] = [];
    const socket = new HocuspocusProviderWebsocket({
      url: collabUrl(server.url),
      WebSocketPolyfill: class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers: { origin: server.url, cookie: cookie! } });
        }
      },
    });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: journeyId, document: new Y.Doc(), token: 'browser' });
    provider.attach();
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => refusals.push(reason));
    await eventually(() => expect(refusals).toEqual([CLOSE_CODES.unauthorized.reason]));
    provider.destroy();
    socket.destroy();
  });

  it('tells a viewer of a live change at once, and on revocation shuts their open view and every later request out', async () => {
    const link = await makeLink({});
    const { cookie } = await open(tokenOf(link));
    const controller = new AbortController();
    const events = await asViewer(cookie!, '/api/shared/events', { signal: controller.signal });
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    const stream = readEventStream(events);

    const patch = await server.fetch(`/api/journeys/${journeyId}`, json('PATCH', { title: 'IKEA Delft, live' }));
    expect(patch.status).toBe(200);
    await expect.poll(() => stream.text(), { timeout: 5_000 }).toContain('event: change');
    const reread = (await (await asViewer(cookie!, '/api/shared/journey')).json()) as { document: { journey: { title: string } } };
    expect(reread.document.journey.title).toBe('IKEA Delft, live');

    const revoked = await server.fetch(`/api/journeys/${journeyId}/links/${link.id}`, { method: 'DELETE' });
    expect(revoked.status).toBe(204);
    await expect.poll(() => stream.text(), { timeout: 5_000 }).toContain('event: revoked');
    await stream.reading;
    controller.abort();
    expect((await asViewer(cookie!, '/api/shared/journey')).status).toBe(401);
    expect((await open(tokenOf(link))).status).toBe(404);
    expect((await server.fetch(`/api/journeys/${journeyId}/links/${link.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses an expired link like an unknown one, a past expiry, a short password, and roles below owner', async () => {
    const past = await server.fetch(`/api/journeys/${journeyId}/links`, json('POST', { expiresAt: Date.now() - 1000 }));
    expect(past.status).toBe(400);
    expect(await past.text()).toMatch(/expiresAt/);
    const short = await server.fetch(`/api/journeys/${journeyId}/links`, json('POST', { password: 'short' }));
    expect(short.status).toBe(400);
    expect(await short.text()).toMatch(/password/);
    const soon = await makeLink({ expiresAt: Date.now() + 400 });
    expect((await open(tokenOf(soon))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await open(tokenOf(soon))).status).toBe(404);
    for (const token of ['krl_nope', 'nope', 'krl_' + 'x'.repeat(150)]) expect((await open(token)).status).toBe(404);

    const editor = await invitePerson(server, 'editor');
    const asEditor = await asPerson(server, editor, `/api/journeys/${journeyId}/links`, json('POST', {}));
    expect(asEditor.status).toBe(403);
  });

  it('lets a screen on the link follow the presenter: each move arrives as an event', async () => {
    const link = await makeLink({});
    const { cookie } = await open(tokenOf(link));
    const controller = new AbortController();
    const events = await asViewer(cookie!, '/api/shared/presentation/events', { signal: controller.signal });
    const stream = readEventStream(events);
    for (const stepIndex of [0, 1, 4]) {
      const moved = await server.fetch(`/api/journeys/${journeyId}/presentation`, json('POST', { stepIndex }));
      expect(moved.status).toBe(200);
    }
    await expect.poll(() => stream.text()).toContain('"stepIndex":4');
    expect(stream.dataOf<{ stepIndex: number }>('position').map((p) => p.stepIndex)).toEqual([0, 1, 4]);
    const hostile = await server.fetch(`/api/journeys/${journeyId}/presentation`, json('POST', { stepIndex: 'x' }));
    expect(hostile.status).toBe(400);
    controller.abort();
    await stream.reading;
  });

  it('closes at once while a viewer still has the live view open', async () => {
    const own = await buildTestServer({ kind: 'sqlite' });
    const created = await own.fetch('/api/journeys', json('POST', { title: 'Kort' }));
    const id = ((await created.json()) as { id: string }).id;
    const made = (await (await own.fetch(`/api/journeys/${id}/links`, json('POST', {}))).json()) as Link;
    const opened = await fetch(`${own.url}/api/shared/open`, { method: 'POST', headers: { 'content-type': 'application/json', origin: own.url }, body: JSON.stringify({ token: tokenOf(made) }) });
    const cookie = opened.headers.getSetCookie()[0]!.split(';')[0]!;
    const events = await fetch(`${own.url}/api/shared/events`, { headers: { cookie } });
    expect(events.status).toBe(200);
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    await events.body?.cancel().catch(() => undefined);
  });

  it('stops guessing a password after ten wrong ones in a minute', async () => {
    const link = await makeLink({ password: 'correct horse' });
    for (let i = 0; i < 10; i++) expect((await open(tokenOf(link), `wrong ${i}`)).status).toBe(401);
    expect((await open(tokenOf(link), 'correct horse')).status).toBe(429);
  });
});
