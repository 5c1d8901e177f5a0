// The collaboration socket by role: who may connect, and which updates each role may send.
// A refused update is neither stored nor applied, and the socket closes with 4403.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { participantKeyOf, type StepId } from '@klantreis/schema';
import { addComment, CLOSE_CODES, collabUrl, journeyFromDoc, updateRecord } from '@klantreis/sync';
import { buildEditorClient, buildTestServer, eventually, type TestServer } from '../testServer.ts';
import { asPerson, foreignPerson, invitePerson, type Person } from './accessTestSupport.ts';

/** A provider as the browser runs it: its session cookie goes with the upgrade request. */
async function connectAs(server: TestServer, person: Person | null, journeyId: string) {
  const doc = new Y.Doc();
  const closes: number[] = [];
  const refusals: string[] = [];
  const socketUrl = collabUrl(server.url);
  const socket = new HocuspocusProviderWebsocket({
    url: socketUrl,
    WebSocketPolyfill: class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { origin: server.url, ...(person ? { cookie: person.cookie } : {}) } });
      }
    },
  });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: journeyId, document: doc, token: 'browser' });
  provider.attach();
  provider.on('close', ({ event }: { event: { code: number } }) => closes.push(event.code));
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => refusals.push(reason));
  const close = () => {
    provider.destroy();
    socket.destroy();
  };
  return { doc, provider, closes, refusals, close };
}

describe('the collaboration socket by role', () => {
  let server: TestServer;
  let journeyId: string;
  let stepId: StepId;
  const people: Record<string, Person> = {};

  beforeAll(async () => {
    server = await buildTestServer();
    const created = await server.fetch('/api/journeys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateId: 'ikea-visit', locale: 'en' }) });
    journeyId = ((await created.json()) as { id: string }).id;
    stepId = ((await (await server.fetch(`/api/journeys/${journeyId}`)).json()) as { steps: { id: StepId }[] }).steps[0]!.id;
    for (const role of ['viewer', 'commenter', 'editor'] as const) people[role] = await invitePerson(server, role);
    people.foreign = await foreignPerson(server);
  }, 60_000);
  afterAll(async () => server?.close());

  async function stepTitle(): Promise<string> {
    const journey = (await (await server.fetch(`/api/journeys/${journeyId}`)).json()) as { steps: { id: string; title: string }[] };
    return journey.steps.find((s) => s.id === stepId)!.title;
  }

  it('refuses a socket without a session, and a person without a role on the journey as if it were not there', async () => {
    const anonymous = await connectAs(server, null, journeyId);
    await eventually(() => expect(anonymous.refusals).toEqual([CLOSE_CODES.unauthorized.reason]));
    anonymous.close();
    const foreign = await connectAs(server, people.foreign!, journeyId);
    await eventually(() => expect(foreign.refusals).toEqual([CLOSE_CODES.journeyNotFound.reason]));
    foreign.close();
  });

  it("lets a viewer read and follow presence, and refuses the viewer's change with 4403, storing nothing", async () => {
    const viewer = await connectAs(server, people.viewer!, journeyId);
    await eventually(() => expect(journeyFromDoc(viewer.doc).steps.map((s) => s.id)).toContain(stepId));
    // Presence: an editor sees the viewer's awareness state, as the viewer's account.
    const editor = await buildEditorClient(server.url, journeyId);
    viewer.provider.setAwarenessField('user', { key: 'vera', name: 'Vera Viewer', color: '#1b6b3a', initials: 'VV' });
    const asAccount = (s: { user?: unknown }) => {
      const user = s.user as { name?: string; key?: string } | undefined;
      return user?.name === people.viewer!.name && user.key === participantKeyOf(people.viewer!.userId);
    };
    await eventually(() => expect([...editor.provider.awareness!.getStates().values()].some(asAccount)).toBe(true));
    const before = await stepTitle();
    updateRecord(viewer.doc, stepId, { title: 'Changed by a viewer' });
    await eventually(() => expect(viewer.closes).toContain(CLOSE_CODES.forbidden.code));
    viewer.close();
    expect(await stepTitle()).toBe(before);
    expect(journeyFromDoc(editor.doc).steps.find((s) => s.id === stepId)!.title).toBe(before);
    editor.provider.destroy();
  });

  it('lets a commenter comment, and refuses a commenter’s change to the map', async () => {
    const commenter = await connectAs(server, people.commenter!, journeyId);
    await eventually(() => expect(journeyFromDoc(commenter.doc).steps.length).toBeGreaterThan(0));
    addComment(commenter.doc, { targetId: stepId, author: 'Cor Commenter', text: 'Klopt dit?' });
    await eventually(async () => {
      const journey = (await (await server.fetch(`/api/journeys/${journeyId}`)).json()) as { comments: { text: string }[] };
      expect(journey.comments.map((c) => c.text)).toContain('Klopt dit?');
    });
    expect(commenter.closes).toEqual([]);
    const before = await stepTitle();
    updateRecord(commenter.doc, stepId, { title: 'Changed by a commenter' });
    await eventually(() => expect(commenter.closes).toContain(CLOSE_CODES.forbidden.code));
    commenter.close();
    expect(await stepTitle()).toBe(before);
  });

  it('lets an editor change the map', async () => {
    const editor = await connectAs(server, people.editor!, journeyId);
    await eventually(() => expect(journeyFromDoc(editor.doc).steps.length).toBeGreaterThan(0));
    updateRecord(editor.doc, stepId, { title: 'Changed by an editor' });
    await eventually(async () => expect(await stepTitle()).toBe('Changed by an editor'));
    expect(editor.closes).toEqual([]);
    editor.close();
  });

  it('closes the sockets of a person whose role is lowered; they come back with the new role', async () => {
    const person = await invitePerson(server, 'editor', { name: 'Demoted Dirk' });
    const dirk = await connectAs(server, person, journeyId);
    await eventually(() => expect(journeyFromDoc(dirk.doc).steps.length).toBeGreaterThan(0));
    const workspaceId = (await server.server.access.firstWorkspace())!.id;
    const lowered = await server.fetch(`/api/workspaces/${workspaceId}/members/${person.userId}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'viewer' }) });
    expect(lowered.status).toBe(204);
    await eventually(() => expect(dirk.closes).toContain(CLOSE_CODES.accessChanged.code));
    // Reconnected, as a viewer now: the change is refused and not stored.
    await eventually(() => expect(dirk.provider.isSynced).toBe(true), 10_000);
    const before = await stepTitle();
    updateRecord(dirk.doc, stepId, { title: 'After demotion' });
    await eventually(() => expect(dirk.closes).toContain(CLOSE_CODES.forbidden.code));
    expect(await stepTitle()).toBe(before);
    // Removed from the workspace: the journey is no longer there for him.
    await server.fetch(`/api/workspaces/${workspaceId}/members/${person.userId}`, { method: 'DELETE' });
    await eventually(() => expect(dirk.refusals).toContain(CLOSE_CODES.journeyNotFound.reason), 10_000);
    dirk.close();
  });

  it('refuses a socket opened by a page of another site', async () => {
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(collabUrl(server.url), { headers: { origin: 'https://evil.example', cookie: people.editor!.cookie } });
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('open', () => resolve(101));
      socket.on('error', () => undefined);
    });
    expect(status).toBe(403);
  });

  it('refuses the REST write of a role that may not make it (the same policy as the socket)', async () => {
    const response = await asPerson(server, people.commenter!, `/api/journeys/${journeyId}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'x' }) });
    expect(response.status).toBe(403);
  });
});
