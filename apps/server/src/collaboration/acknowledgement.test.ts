// "Saved" must mean stored. The Hocuspocus provider counts the edits the server has not yet
// confirmed; an editor's edits made while it was offline waited in its socket's queue, went out
// after the handshake on the next socket, and each confirmation of one of them counted against
// the handshake's, so the count said 0 (all saved) while most of them had not reached the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebSocketStatus } from '@hocuspocus/provider';
import { addPhase } from '@klantreis/sync';
import { buildTestServer, until, type TestServer } from '../testServer.ts';
import { authorizedFetch } from '../testCredentials.ts';
import { connectEditor } from './reliability/editorConnection.ts';
import { containsSnapshot, missingFrom } from './reliability/stateContainment.ts';

describe('what an editor is told is saved', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('is on the server at the moment it is told, also for edits made offline and sent after reconnecting', { timeout: 30_000 }, async () => {
    const created = await authorizedFetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Bevestigd' }) });
    const { id } = (await created.json()) as { id: string };
    const editor = connectEditor(server.url, id, { reconnectDelayMs: 50 });
    const early: string[] = [];
    let confirmations = 0;
    try {
      await editor.synced();
      // Each time the provider says nothing is left unconfirmed, the server's document (where
      // an update arrives only once stored) must hold all the editor has: checked at that moment.
      editor.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
        if (number !== 0 || !editor.provider.isSynced) return;
        confirmations++;
        const live = server.server.collaboration.hocuspocus.documents.get(id);
        const seen = Y.snapshot(editor.doc);
        if (!live || !containsSnapshot(live, seen)) early.push(live ? missingFrom(live, seen) : 'no document');
      });
      editor.goOffline();
      await until('the editor is offline', () => editor.socket.status === WebSocketStatus.Disconnected);
      for (let i = 0; i < 20; i++) addPhase(editor.doc, { name: `Offline ${i}` });
      await editor.goOnline();
      await editor.synced(15_000);
      // Online again, a burst of edits: each is confirmed by the server in turn.
      for (let i = 0; i < 20; i++) addPhase(editor.doc, { name: `Online ${i}` });
      await editor.synced(15_000);
      expect(confirmations).toBeGreaterThan(0);
      expect(early).toEqual([]);
    } finally {
      editor.close();
    }
  });
});
