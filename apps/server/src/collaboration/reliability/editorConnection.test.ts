// The test editor (connectEditor) that the fuzz, the restart and the kill -9 tests drive: its
// goOnline must settle whatever the order of drops and reconnects the caller asks for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPhase, journeyFromDoc } from '@klantreis/sync';
import { buildTestServer, eventually, type TestServer } from '../../testServer.ts';
import { authorizedFetch } from '../../testCredentials.ts';
import { connectEditor } from './editorConnection.ts';

describe('a test editor going offline and online', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('is back online, and both reconnects settle, when it is dropped and restored twice before the first close arrives', { timeout: 20_000 }, async () => {
    const created = await authorizedFetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Twee keer' }) });
    const { id } = (await created.json()) as { id: string };
    const editor = connectEditor(server.url, id);
    try {
      await editor.synced();
      // As the fuzz did (seed 2019 under load): both reconnects wait for the same close, then each
      // connects. The second connect() replaced the first one's socket, whose promise never settled.
      editor.goOffline();
      const first = editor.goOnline(5_000);
      editor.goOffline();
      const second = editor.goOnline(5_000);
      expect(await Promise.allSettled([first, second])).toEqual([
        { status: 'fulfilled', value: undefined },
        { status: 'fulfilled', value: undefined },
      ]);
      addPhase(editor.doc, { name: 'Na de tweede keer' });
      await editor.synced();
      const live = server.server.collaboration.hocuspocus.documents.get(id)!;
      await eventually(() => expect(journeyFromDoc(live).phases.map((phase) => phase.name)).toContain('Na de tweede keer'));
    } finally {
      editor.close();
    }
  });
});
