import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { addPhase, CLOSE_CODES, collabUrl, journeyFromDoc } from '@klantreis/sync';
import { redisAvailable, startRedis, type RunningRedis } from '../../../../testing/redisServer.ts';
import { createTestDatabase } from '../../../../testing/testDatabase.ts';
import { asPerson, invitePerson } from '../access/accessTestSupport.ts';
import { connectEditor } from '../collaboration/reliability/editorConnection.ts';
import { buildTestServer, type TestServer } from '../testServer.ts';
import { clusterSecret, sendUpdateToOwner } from './internalUpdates.ts';

// Two server processes (two apps in this test process, each with its own node name, leases and
// Redis connections) on one PostgreSQL: an editor or REST write that reaches the process not
// serving a journey is handed to the one that does, and what a stranger sends to the
// process-to-process route or the socket is refused. The proxy, kill -9 and the outages are in
// failover.test.ts and deployment.test.ts.

const postgresUrl = inject('postgresUrl');

async function until(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await probe())) {
    if (performance.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await sleep(20);
  }
}

/** A provider as the browser runs it, its socket naming `socketJourney` and asking for `documentJourney`. */
function browserSession(baseUrl: string, socketJourney: string, documentJourney: string, cookie: string | null, token = 'browser') {
  const closes: number[] = [];
  const refusals: string[] = [];
  const socket = new HocuspocusProviderWebsocket({
    url: collabUrl(baseUrl, socketJourney),
    WebSocketPolyfill: class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { origin: baseUrl, ...(cookie ? { cookie } : {}) } });
      }
    },
  });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: documentJourney, document: new Y.Doc(), token });
  provider.attach();
  provider.on('close', ({ event }: { event: { code: number } }) => closes.push(event.code));
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => refusals.push(reason));
  return {
    provider,
    closes,
    refusals,
    close() {
      provider.destroy();
      socket.destroy();
    },
  };
}

describe.skipIf(!postgresUrl || !redisAvailable())('two processes on one PostgreSQL and Redis', () => {
  let redis: RunningRedis;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    redis = await startRedis();
    const databaseUrl = await createTestDatabase(postgresUrl!);
    a = await buildTestServer({ kind: 'postgres', adminUrl: postgresUrl!, databaseUrl }, { cluster: { redisUrl: redis.url, nodeName: 'a' } });
    b = await buildTestServer({ kind: 'postgres', adminUrl: postgresUrl!, databaseUrl }, { cluster: { redisUrl: redis.url, nodeName: 'b' } });
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await redis?.stop();
  });

  async function createJourney(server: TestServer, title: string): Promise<string> {
    const response = await server.fetch('/api/journeys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title }) });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  it('forwards an editor who reaches the other process to the owner: one live document, both see each other', async () => {
    const id = await createJourney(a, 'Doorgestuurd');
    const onA = connectEditor(a.url, id, { token: a.token });
    await onA.synced();
    const onB = connectEditor(b.url, id, { token: b.token });
    try {
      await onB.synced();
      expect(a.server.collaboration.hocuspocus.documents.has(id)).toBe(true);
      expect(b.server.collaboration.hocuspocus.documents.has(id)).toBe(false);
      expect(a.server.cluster!.ownership.holds(id)).toBe(true);
      addPhase(onA.doc, { name: 'van A' });
      addPhase(onB.doc, { name: 'van B' });
      await until('both editors see both phases', () => [onA, onB].every((e) => journeyFromDoc(e.doc).phases.length === 3));
      // The owner's awareness has both: presence needs no relay.
      expect(a.server.collaboration.hocuspocus.documents.get(id)!.getConnectionsCount()).toBe(2);
    } finally {
      onA.close();
      onB.close();
    }
  });

  it('lets the first of two processes reached at the same moment serve the journey, and sends the other’s editor there', async () => {
    const id = await createJourney(a, 'Tegelijk');
    const editors = [connectEditor(a.url, id, { token: a.token }), connectEditor(b.url, id, { token: b.token }), connectEditor(a.url, id, { token: a.token }), connectEditor(b.url, id, { token: b.token })];
    try {
      await Promise.all(editors.map((editor) => editor.synced()));
      const servers = [a, b].filter((server) => server.server.collaboration.hocuspocus.documents.has(id));
      expect(servers).toHaveLength(1);
      expect(servers[0]!.server.collaboration.hocuspocus.documents.get(id)!.getConnectionsCount()).toBe(4);
      editors.forEach((editor, i) => addPhase(editor.doc, { name: `editor ${i}` }));
      await until('every editor sees every phase', () => editors.every((editor) => journeyFromDoc(editor.doc).phases.length === 5));
    } finally {
      for (const editor of editors) editor.close();
    }
  });

  it('applies a REST write made through the other process on the owner, live, and reads it back at once', async () => {
    const id = await createJourney(a, 'REST via B');
    const editor = connectEditor(a.url, id, { token: a.token });
    try {
      await editor.synced();
      const added = await b.fetch(`/api/journeys/${id}/phases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'via B' }) });
      expect(added.status).toBe(201);
      await until('the owner’s editor sees the phase', () => journeyFromDoc(editor.doc).phases.some((p) => p.name === 'via B'));
      expect(b.server.collaboration.hocuspocus.documents.has(id)).toBe(false);
      const read = (await (await b.fetch(`/api/journeys/${id}`)).json()) as { phases: { name: string }[] };
      expect(read.phases.map((p) => p.name)).toContain('via B');
    } finally {
      editor.close();
    }
  });

  it('takes a journey over at once when its owner stopped gracefully (the lease was given up)', async () => {
    const extra = await buildTestServer({ kind: 'postgres', adminUrl: postgresUrl!, databaseUrl: (a.backend as { databaseUrl: string }).databaseUrl }, { cluster: { redisUrl: redis.url, nodeName: 'c' } });
    const id = await createJourney(extra, 'Netjes gestopt');
    const editor = connectEditor(extra.url, id, { token: extra.token });
    await editor.synced();
    editor.close();
    const held = connectEditor(extra.url, id, { token: extra.token });
    await held.synced();
    await extra.close();
    held.close();
    const started = performance.now();
    const onB = connectEditor(b.url, id, { token: b.token });
    try {
      await onB.synced();
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(b.server.cluster!.ownership.holds(id)).toBe(true);
    } finally {
      onB.close();
    }
  });

  it('closes a person’s sockets on every process when their role changes on one', async () => {
    const id = await createJourney(a, 'Rol wijzigt');
    const dirk = await invitePerson(a, 'editor', { name: 'Dirk Doorgestuurd' });
    // b serves the journey (its editor came first); Dirk's socket reaches b.
    const owner = connectEditor(b.url, id, { token: b.token });
    await owner.synced();
    const session = browserSession(b.url, id, id, dirk.cookie);
    try {
      await until('Dirk is connected', () => session.provider.isSynced);
      const workspace = (await a.server.access.firstWorkspace())!;
      const changed = await asPerson(a, null, `/api/workspaces/${workspace.id}/members/${dirk.userId}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${a.token}` },
        body: JSON.stringify({ role: 'viewer' }),
      });
      expect(changed.status).toBe(204);
      await until('b closed Dirk’s socket with access-changed', () => session.closes.includes(CLOSE_CODES.accessChanged.code));
    } finally {
      session.close();
      owner.close();
    }
  });

  it('refuses the process-to-process route to anyone without the cluster secret, and a write for a journey the process does not serve', async () => {
    const id = await createJourney(a, 'Intern');
    const editor = connectEditor(a.url, id, { token: a.token });
    try {
      await editor.synced();
      const doc = new Y.Doc();
      addPhase(doc, { name: 'ingeslopen' });
      const update = Y.encodeStateAsUpdate(doc);
      await expect(sendUpdateToOwner(a.url, 'not the secret', id, update)).rejects.toThrow(/403/);
      const unsigned = await fetch(`${a.url}/internal/journeys/${id}/updates`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(update) });
      expect(unsigned.status).toBe(403);
      const asJson = await fetch(`${a.url}/internal/journeys/${id}/updates`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect([400, 403, 415]).toContain(asJson.status);
      const secret = await clusterSecret(a.store);
      expect(await sendUpdateToOwner(b.url, secret, id, update)).toBe('not-owner');
      expect(journeyFromDoc(editor.doc).phases.map((p) => p.name)).not.toContain('ingeslopen');
    } finally {
      editor.close();
    }
  });

  it('refuses a socket that names no journey, a malformed one, or serves another journey than it named', async () => {
    const id = await createJourney(a, 'Eén journey per socket');
    const other = await createJourney(a, 'Een andere');
    const upgrade = (path: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${b.url.replace('http', 'ws')}${path}`, { headers: { authorization: `Bearer ${b.token}` } });
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.on('open', () => {
          socket.close();
          resolve(101);
        });
        socket.on('error', () => resolve(-1));
      });
    expect(await upgrade('/collab?protocol=6')).toBe(400);
    expect(await upgrade(`/collab?protocol=6&journey=${encodeURIComponent('../../etc')}`)).toBe(400);
    // A provider whose socket names `id` but asks for `other` on it.
    const mismatched = browserSession(b.url, id, other, null, b.token);
    try {
      await until('the other journey is refused on this socket', () => mismatched.refusals.includes(CLOSE_CODES.journeyNotFound.reason));
      expect(mismatched.provider.isSynced).toBe(false);
    } finally {
      mismatched.close();
    }
  });
});
