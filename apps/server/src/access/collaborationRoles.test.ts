// The collaboration socket by role: who may connect, and which updates each role may send.
// A refused update is neither stored nor applied, and the socket closes with 4403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { OutgoingMessage } from '@hocuspocus/server';
import { participantKeyOf, type StepId } from '@klantreis/schema';
import { addComment, CLOSE_CODES, collabUrl, deleteComment, journeyFromDoc, recordsOf, setThreadResolved, updateRecord } from '@klantreis/sync';
import type { CommentId } from '@klantreis/schema';
import { buildEditorClient, buildTestServer, eventually, type TestServer } from '../testServer.ts';
import { asPerson, connectAs, foreignPerson, invitePerson, type Person } from './accessTestSupport.ts';

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
    addComment(commenter.doc, { targetId: stepId, author: people.commenter!.name, authorId: people.commenter!.userId, text: 'Klopt dit?' });
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

  it("refuses a commenter's update that waits for an editor's next change, which would let it in under the editor's role", async () => {
    const editor = await connectAs(server, people.editor!, journeyId);
    const commenter = await connectAs(server, people.commenter!, journeyId);
    await eventually(() => expect(journeyFromDoc(editor.doc).steps.length).toBeGreaterThan(0));
    await eventually(() => expect(journeyFromDoc(commenter.doc).steps.length).toBeGreaterThan(0));
    // The commenter predicts the editor's next change (the client id is in the presence), and
    // writes on top of it, under its own client id, text in a step it may not change.
    const append = (doc: Y.Doc, text: string) => {
      const description = recordsOf(doc).get(stepId)!.get('description') as Y.Text;
      description.insert(description.length, text);
    };
    const predicted = new Y.Doc();
    predicted.clientID = editor.doc.clientID;
    Y.applyUpdate(predicted, Y.encodeStateAsUpdate(editor.doc));
    const predictedBefore = Y.encodeStateVector(predicted);
    append(predicted, ' (checked)');
    const forging = new Y.Doc();
    forging.clientID = commenter.doc.clientID;
    Y.applyUpdate(forging, Y.encodeStateAsUpdate(commenter.doc));
    Y.applyUpdate(forging, Y.encodeStateAsUpdate(predicted, predictedBefore));
    const forgingBefore = Y.encodeStateVector(forging);
    append(forging, ' and slipped in');
    commenter.socket.send(new OutgoingMessage(journeyId).createSyncMessage().writeUpdate(Y.encodeStateAsUpdate(forging, forgingBefore)).toUint8Array());
    await eventually(() => expect(commenter.closes).toContain(CLOSE_CODES.updateEarly.code));
    commenter.close();
    // The editor makes the predicted change: the server has nothing waiting on it.
    const expected = `${journeyFromDoc(editor.doc).steps.find((s) => s.id === stepId)!.description} (checked)`;
    append(editor.doc, ' (checked)');
    await eventually(async () => {
      const journey = (await (await server.fetch(`/api/journeys/${journeyId}`)).json()) as { steps: { id: string; description: string }[] };
      expect(journey.steps.find((s) => s.id === stepId)!.description).toBe(expected);
    });
    expect(journeyFromDoc(editor.doc).steps.find((s) => s.id === stepId)!.description).toBe(expected);
    expect(editor.closes).toEqual([]);
    editor.close();
  });

  /** The journey's comments as the server stores them. */
  async function storedComments(): Promise<{ id: string; author: string; text: string; resolved: boolean; parentId: string | null }[]> {
    return ((await (await server.fetch(`/api/journeys/${journeyId}`)).json()) as { comments: { id: string; author: string; text: string; resolved: boolean; parentId: string | null }[] }).comments;
  }

  it('keeps every comment under its writer’s name: none written, rewritten or deleted in a colleague’s name by a modified client', async () => {
    const commenter = await connectAs(server, people.commenter!, journeyId);
    await eventually(() => expect(journeyFromDoc(commenter.doc).steps.length).toBeGreaterThan(0));
    // The owner (its API token) writes a thread; the commenter replies under their own name.
    const owner = await buildEditorClient(server.url, journeyId);
    const ownerAccount = (await server.server.access.findUserByEmail('owner@klantreis.test'))!;
    const ownerName = ownerAccount.name;
    const thread = addComment(owner.doc, { targetId: stepId, author: ownerName, authorId: ownerAccount.id, text: 'Van de eigenaar' });
    await eventually(() => expect(journeyFromDoc(commenter.doc).comments.map((c) => c.id)).toContain(thread));
    const reply = addComment(commenter.doc, { targetId: stepId, parentId: thread, author: people.commenter!.name, authorId: people.commenter!.userId, text: 'Mijn antwoord' });
    await eventually(async () => expect((await storedComments()).map((c) => c.id)).toContain(reply));
    // Resolving a thread is anyone's who may comment.
    setThreadResolved(commenter.doc, thread, true);
    await eventually(async () => expect((await storedComments()).find((c) => c.id === thread)!.resolved).toBe(true));
    expect(commenter.closes).toEqual([]);

    const attempts: [string, (doc: Y.Doc) => void][] = [
      ['a comment under the owner’s name', (doc) => addComment(doc, { targetId: stepId, author: ownerName, authorId: ownerAccount.id, text: 'Akkoord, de CEO' })],
      ['a comment under their own name in the owner’s account', (doc) => addComment(doc, { targetId: stepId, author: people.commenter!.name, authorId: ownerAccount.id, text: 'Akkoord' })],
      ['a comment without its account', (doc) => addComment(doc, { targetId: stepId, author: people.commenter!.name, text: 'Zonder account' })],
      ['the owner’s comment rewritten', (doc) => updateRecord(doc, thread, { text: 'Iets anders' })],
      ['their own reply put under the owner’s name', (doc) => updateRecord(doc, reply, { author: ownerName })],
      ['the owner’s thread deleted', (doc) => deleteComment(doc, thread as CommentId)],
    ];
    for (const [what, attempt] of attempts) {
      const forger = await connectAs(server, people.commenter!, journeyId);
      await eventually(() => expect(journeyFromDoc(forger.doc).comments.map((c) => c.id)).toContain(thread));
      const before = await storedComments();
      attempt(forger.doc);
      await eventually(() => expect(forger.closes, what).toContain(CLOSE_CODES.forbidden.code));
      forger.close();
      expect(await storedComments(), what).toEqual(before);
    }

    // Renamed to the owner's name, the commenter is still not the owner: comments go by account.
    const renamedTo = await asPerson(server, people.commenter!, '/api/me', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: ownerName }) });
    expect(renamedTo.status).toBe(204);
    await eventually(() => expect(commenter.closes).toContain(CLOSE_CODES.accessChanged.code));
    const impostor = await connectAs(server, people.commenter!, journeyId);
    await eventually(() => expect(journeyFromDoc(impostor.doc).comments.map((c) => c.id)).toContain(thread));
    const beforeImpostor = await storedComments();
    updateRecord(impostor.doc, thread, { text: 'Herschreven door een naamgenoot' });
    await eventually(() => expect(impostor.closes).toContain(CLOSE_CODES.forbidden.code));
    impostor.close();
    expect(await storedComments()).toEqual(beforeImpostor);
    await asPerson(server, people.commenter!, '/api/me', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: people.commenter!.name }) });
    await eventually(() => expect(commenter.provider.isSynced).toBe(true), 10_000);

    // The writer deletes their own thread with its replies; an editor may delete anyone's.
    const mine = addComment(commenter.doc, { targetId: stepId, author: people.commenter!.name, authorId: people.commenter!.userId, text: 'Eigen draad' });
    await eventually(() => expect(journeyFromDoc(owner.doc).comments.map((c) => c.id)).toContain(mine));
    addComment(owner.doc, { targetId: stepId, parentId: mine, author: ownerName, authorId: ownerAccount.id, text: 'Antwoord van de eigenaar' });
    await eventually(() => expect(journeyFromDoc(commenter.doc).comments.filter((c) => c.parentId === mine)).toHaveLength(1));
    deleteComment(commenter.doc, mine as CommentId);
    await eventually(async () => expect((await storedComments()).some((c) => c.id === mine || c.parentId === mine)).toBe(false));
    // Closed once by the renames (4409, to take the new name), never for what it sent.
    expect(commenter.closes).not.toContain(CLOSE_CODES.forbidden.code);
    const editor = await connectAs(server, people.editor!, journeyId);
    await eventually(() => expect(journeyFromDoc(editor.doc).comments.map((c) => c.id)).toContain(reply));
    deleteComment(editor.doc, reply as CommentId);
    await eventually(async () => expect((await storedComments()).map((c) => c.id)).not.toContain(reply));
    expect(editor.closes).toEqual([]);
    // Nor through the REST API, whose record route an owner may use for the map.
    const rewritten = await server.fetch(`/api/journeys/${journeyId}/records/${thread}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ author: 'Iemand anders' }) });
    expect(rewritten.status).toBe(403);
    expect((await storedComments()).find((c) => c.id === thread)!.author).toBe(ownerName);
    for (const connection of [commenter, editor]) connection.close();
    owner.provider.destroy();
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
