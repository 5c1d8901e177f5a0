import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { journeyFromDoc, updateJourney } from '@klantreis/sync';
import { buildEditorClient, buildTestServer, eventually, type TestServer } from '../testServer.ts';
import { authorizedFetch } from '../testCredentials.ts';
import { LiveReads } from './journeyDocuments.ts';

describe('REST writes through a draft of the live document', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('each write comes from a client of its own, and the live document keeps its id', async () => {
    server = await buildTestServer();
    const created = await authorizedFetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Concept' }) });
    const { id } = (await created.json()) as { id: string };
    const editor = await buildEditorClient(server.url, id);
    try {
      const live = server.server.collaboration.hocuspocus.documents.get(id)!;
      const liveClient = live.clientID;
      const clientsBefore = Y.decodeStateVector(Y.encodeStateVector(live)).size;
      for (const title of ['Een', 'Twee', 'Drie']) {
        const answer = await authorizedFetch(`${server.url}/api/journeys/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title }) });
        expect(answer.status).toBe(200);
      }
      expect(live.clientID).toBe(liveClient);
      expect(Y.decodeStateVector(Y.encodeStateVector(live)).size).toBe(clientsBefore + 3);
      await eventually(() => expect(journeyFromDoc(editor.doc).journey.title).toBe('Drie'));
    } finally {
      editor.provider.destroy();
    }
  });

  it('refuses a write to a journey trashed while the write waited its turn', async () => {
    server = await buildTestServer();
    const created = await authorizedFetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Weg' }) });
    const { id } = (await created.json()) as { id: string };
    const { documents, store } = { documents: server.server.documents, store: server.store };
    // The first edit, holding the journey's turn, sends the journey to the trash; the second
    // was accepted before that and waits.
    // Held in an object: TypeScript does not see a closure assign a local, and would read it as null.
    const trash: { moved: Promise<boolean> | null } = { moved: null };
    const first = documents.edit(id, () => {
      trash.moved = store.moveToTrash(id);
    });
    const second = documents.edit(id, () => 'changed');
    await first;
    expect(await trash.moved).toBe(true);
    await expect(second).rejects.toThrow(/no journey/);
  });

  it('reads a live document again after every change, an editor’s or a REST write, and gives each caller its own copy', async () => {
    server = await buildTestServer();
    const created = await authorizedFetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Eerst' }) });
    const { id } = (await created.json()) as { id: string };
    const editor = await buildEditorClient(server.url, id);
    try {
      const { documents } = server.server;
      const first = await documents.read(id);
      expect(first.journey.title).toBe('Eerst');
      // Each caller's own copy: changing one changes neither the next read nor the document.
      first.journey.title = 'Mine alone';
      expect((await documents.read(id)).journey.title).toBe('Eerst');

      const answer = await authorizedFetch(`${server.url}/api/journeys/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Via REST' }) });
      expect(answer.status).toBe(200);
      expect((await documents.read(id)).journey.title).toBe('Via REST');

      await eventually(() => expect(journeyFromDoc(editor.doc).journey.title).toBe('Via REST'));
      updateJourney(editor.doc, { title: 'In the editor' });
      await eventually(async () => expect((await documents.read(id)).journey.title).toBe('In the editor'));
    } finally {
      editor.provider.destroy();
    }
  });

  it('listens once to a live document whose read fails (no journey in it), however often it is read', () => {
    const doc = new Y.Doc();
    const listen = vi.spyOn(doc, 'on');
    const reads = new LiveReads();
    expect(() => reads.read(doc)).toThrow();
    expect(() => reads.read(doc)).toThrow();
    expect(() => reads.read(doc)).toThrow();
    expect(listen.mock.calls.filter(([event]) => event === 'afterTransaction')).toHaveLength(1);
  });
});
