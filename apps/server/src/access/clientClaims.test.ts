// A Yjs client id is one browser document's: the account that first wrote under it is the only
// one that may write under it again, also after the server restarts (the claims are stored with
// the journey, not only in the loaded document's memory). Otherwise a modified client could,
// after a restart, write under a colleague's client id: fill the gap a held-back change of
// theirs waits on, or pass its changes off as theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { OutgoingMessage } from '@hocuspocus/server';
import type { StepId } from '@klantreis/schema';
import { CLOSE_CODES, journeyFromDoc, recordsOf } from '@klantreis/sync';
import { buildTestServer, eventually, type TestServer } from '../testServer.ts';
import { connectAs, invitePerson, type Person } from './accessTestSupport.ts';

describe('client id claims across a restart', () => {
  let server: TestServer;
  let journeyId: string;
  let stepId: StepId;
  let anna: Person;
  let bram: Person;

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' });
    const created = await server.fetch('/api/journeys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateId: 'ikea-visit', locale: 'en' }) });
    journeyId = ((await created.json()) as { id: string }).id;
    stepId = ((await (await server.fetch(`/api/journeys/${journeyId}`)).json()) as { steps: { id: StepId }[] }).steps[0]!.id;
    anna = await invitePerson(server, 'editor', { name: 'Anna' });
    bram = await invitePerson(server, 'editor', { name: 'Bram' });
  }, 60_000);
  afterAll(async () => server?.close());

  const description = async () =>
    ((await (await server.fetch(`/api/journeys/${journeyId}`)).json()) as { steps: { id: string; description: string }[] }).steps.find((s) => s.id === stepId)!.description;
  const append = (doc: Y.Doc, text: string) => {
    const field = recordsOf(doc).get(stepId)!.get('description') as Y.Text;
    field.insert(field.length, text);
  };

  it("refuses, after a restart, an update under a client id another account wrote under before it", async () => {
    const annaEditor = await connectAs(server, anna, journeyId);
    await eventually(() => expect(journeyFromDoc(annaEditor.doc).steps.length).toBeGreaterThan(0));
    append(annaEditor.doc, ' (Anna)');
    await eventually(async () => expect(await description()).toMatch(/\(Anna\)$/));
    const annasClient = annaEditor.doc.clientID;
    const claims = await server.store.clientClaims(journeyId);
    expect(claims.get(annasClient)).toBe(anna.userId);
    annaEditor.close();

    // The same data folder, a new process: nothing of the former one's memory.
    const port = Number(new URL(server.url).port);
    await server.close({ keepData: true });
    server = await buildTestServer(server.backend, { port });

    // Bram's modified client writes under Anna's client id, right after her last change.
    const bramEditor = await connectAs(server, bram, journeyId);
    await eventually(() => expect(journeyFromDoc(bramEditor.doc).steps.length).toBeGreaterThan(0));
    const forging = new Y.Doc();
    Y.applyUpdate(forging, Y.encodeStateAsUpdate(bramEditor.doc));
    // Set after the sync: Yjs gives a document a new client id when a sync brings its own.
    forging.clientID = annasClient;
    const before = Y.encodeStateVector(forging);
    append(forging, ' (not Anna)');
    bramEditor.socket.send(new OutgoingMessage(journeyId).createSyncMessage().writeUpdate(Y.encodeStateAsUpdate(forging, before)).toUint8Array());
    await eventually(() => expect(bramEditor.closes).toContain(CLOSE_CODES.forbidden.code));
    bramEditor.close();
    expect(await description()).toMatch(/\(Anna\)$/);

    // Anna, in a new browser document after the restart, edits on as before.
    const annaAgain = await connectAs(server, anna, journeyId);
    await eventually(() => expect(journeyFromDoc(annaAgain.doc).steps.length).toBeGreaterThan(0));
    append(annaAgain.doc, ' (Anna again)');
    await eventually(async () => expect(await description()).toMatch(/\(Anna\) \(Anna again\)$/));
    expect(annaAgain.closes).toEqual([]);
    annaAgain.close();
  }, 60_000);

  it('forgets the claims of a journey purged for good', async () => {
    expect((await server.store.clientClaims(journeyId)).size).toBeGreaterThan(0);
    expect((await server.fetch(`/api/journeys/${journeyId}`, { method: 'DELETE' })).status).toBe(204);
    await server.store.purge(journeyId);
    expect((await server.store.clientClaims(journeyId)).size).toBe(0);
  });
});
