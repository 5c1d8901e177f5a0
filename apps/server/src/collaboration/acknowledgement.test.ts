// "Saved" must mean stored. The Hocuspocus provider counts the edits the server has not yet
// confirmed; an editor's edits made while it was offline waited in its socket's queue, went out
// after the handshake on the next socket, and each confirmation of one of them counted against
// the handshake's, so the count said 0 (all saved) while most of them had not reached the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebSocketStatus } from '@hocuspocus/provider';
import { addPhase, collabUrl } from '@klantreis/sync';
import { ConfirmingProvider, ConfirmingWebsocket } from '@klantreis/sync/provider';
import { buildTestServer, until, type TestServer } from '../testServer.ts';
import { authorizedFetch, tokenFor } from '../testCredentials.ts';
import { connectEditor } from './reliability/editorConnection.ts';
import { containsSnapshot, missingFrom } from './reliability/stateContainment.ts';

/** Records, each time `provider` says every edit is confirmed, what of its document the server's lacks at that moment. */
function watchConfirmations(provider: ConfirmingProvider, server: TestServer, id: string): { early: string[]; confirmations: number } {
  const seen = { early: [] as string[], confirmations: 0 };
  provider.on('unsyncedChanges', ({ number }: { number: number }) => {
    if (number !== 0 || !provider.isSynced) return;
    seen.confirmations++;
    const live = server.server.collaboration.hocuspocus.documents.get(id);
    const have = Y.snapshot(provider.document);
    if (!live || !containsSnapshot(live, have)) seen.early.push(live ? missingFrom(live, have) : 'no document');
  });
  return seen;
}

describe('what an editor is told is saved', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' });
  });
  afterAll(async () => {
    await server.close();
  });

  async function newJourney(): Promise<string> {
    const created = await authorizedFetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Bevestigd' }) });
    return ((await created.json()) as { id: string }).id;
  }

  it('is on the server when the sign-in takes a while and an edit is made before the handshake of the next socket', { timeout: 30_000 }, async () => {
    const id = await newJourney();
    const doc = new Y.Doc();
    const socket = new ConfirmingWebsocket({ url: collabUrl(server.url, id), delay: 50, minDelay: 50, maxDelay: 200, factor: 1.5 });
    const token = tokenFor(server.url);
    let slowSignIn = false;
    const provider = new ConfirmingProvider({ websocketProvider: socket, name: id, document: doc, token: async () => (slowSignIn ? new Promise<string>((resolve) => setTimeout(() => resolve(token), 300)) : token) });
    provider.attach();
    const watched = watchConfirmations(provider, server, id);
    try {
      await until('synced', () => provider.isSynced && !provider.hasUnsyncedChanges);
      socket.disconnect();
      await until('offline', () => socket.status === WebSocketStatus.Disconnected);
      for (let i = 0; i < 10; i++) addPhase(doc, { name: `Offline ${i}` });
      slowSignIn = true;
      const opened = new Promise<void>((resolve) => socket.on('open', () => resolve()));
      void socket.connect();
      await opened;
      // The socket is open, the sign-in not yet sent: this edit must not go ahead of the handshake.
      addPhase(doc, { name: 'Tijdens het aanmelden' });
      await until('synced again', () => provider.isSynced && !provider.hasUnsyncedChanges, 10_000);
      expect(watched.confirmations).toBeGreaterThan(1);
      expect(watched.early).toEqual([]);
    } finally {
      provider.destroy();
      socket.destroy();
    }
  });

  it('is on the server when a handshake deferred past a reconnect (as the web app waits for its copy) would run twice on one socket', { timeout: 30_000 }, async () => {
    const id = await newJourney();
    const doc = new Y.Doc();
    let copyIn!: () => void;
    const ready = new Promise<void>((resolve) => (copyIn = resolve));
    // As LocalFirstProvider: every start waits for the browser's copy.
    class WaitingProvider extends ConfirmingProvider {
      override startSync(): void {
        void ready.then(() => super.startSync());
      }
    }
    const provider = new WaitingProvider({ url: collabUrl(server.url, id), name: id, document: doc, token: tokenFor(server.url), delay: 50, minDelay: 50, maxDelay: 200, factor: 1.5 } as ConstructorParameters<typeof ConfirmingProvider>[0]);
    const socket = provider.configuration.websocketProvider;
    const watched = watchConfirmations(provider, server, id);
    try {
      await until('the first socket is open', () => socket.webSocket?.readyState === 1);
      const first = socket.webSocket!;
      first.close();
      await until('the second socket is open', () => socket.webSocket !== first && socket.webSocket?.readyState === 1);
      let typed = 0;
      const typing = setInterval(() => addPhase(doc, { name: `Getypt ${typed++}` }), 3);
      copyIn();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      clearInterval(typing);
      await until('settled', () => provider.isSynced && !provider.hasUnsyncedChanges, 10_000);
      expect(watched.confirmations).toBeGreaterThan(0);
      expect(watched.early).toEqual([]);
    } finally {
      provider.destroy();
    }
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
