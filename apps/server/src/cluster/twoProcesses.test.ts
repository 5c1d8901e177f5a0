import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { addPhase, CLOSE_CODES, collabUrl, journeyFromDoc } from '@klantreis/sync';
import { redisAvailable, startRedis, type RunningRedis } from '../../../../testing/redisServer.ts';
import { readEventStream } from '../../../../testing/eventStream.ts';
import { SHARED_EVENT_LOGS } from '../../../../testing/sharedData.ts';
import { createTestDatabase } from '../../../../testing/testDatabase.ts';
import { asPerson, invitePerson } from '../access/accessTestSupport.ts';
import { connectEditor } from '../collaboration/reliability/editorConnection.ts';
import { buildTestServer, until, type TestServer } from '../testServer.ts';
import { clusterSecret, sendUpdateToOwner } from './internalUpdates.ts';

// Two server processes (two apps in this test process, each with its own node name, leases and
// Redis connections) on one PostgreSQL: an editor or REST write that reaches the process not
// serving a journey is handed to the one that does, and what a stranger sends to the
// process-to-process route or the socket is refused. The proxy, kill -9 and the outages are in
// failover.test.ts and deployment.test.ts.

const postgresUrl = inject('postgresUrl');
const LOG = join(SHARED_EVENT_LOGS, 'running-example.csv');

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

  /** A process without the worker service, as in `--services=api,collab`. */
  let apiOnly: TestServer;
  const dataDir = mkdtempSync(join(tmpdir(), 'klantreis-two-processes-'));

  beforeAll(async () => {
    redis = await startRedis();
    const databaseUrl = await createTestDatabase(postgresUrl!);
    const backend = { kind: 'postgres', adminUrl: postgresUrl!, databaseUrl } as const;
    a = await buildTestServer(backend, { cluster: { redisUrl: redis.url, nodeName: 'a' }, analyticsDir: dataDir });
    b = await buildTestServer(backend, { cluster: { redisUrl: redis.url, nodeName: 'b' }, analyticsDir: dataDir });
    apiOnly = await buildTestServer(backend, { cluster: { redisUrl: redis.url, nodeName: 'api-only' }, services: new Set(['api', 'collab']), analyticsDir: dataDir });
  }, 60_000);
  afterAll(async () => {
    await apiOnly?.close();
    await b?.close();
    await a?.close();
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
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

  it('checks a file uploaded to a process without the worker service on a worker, through the shared data folder, and imports it there', async () => {
    const id = await createJourney(apiOnly, 'Gemeten door een werker');
    const api = (path: string, init?: RequestInit) => apiOnly.fetch(path, init);
    const uploaded = await api(`/api/journeys/${id}/uploads?kind=events&fileName=running-example.csv`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: readFileSync(LOG) });
    expect(uploaded.status).toBe(201);
    const upload = (await uploaded.json()) as { id: string };
    const claimedBy = new Set<string>();
    const watching = (async () => {
      for (let i = 0; i < 500; i++) {
        const jobs = await apiOnly.store.db.selectFrom('staging_jobs').select('claimed_by').where('journey_id', '=', id).execute();
        for (const job of jobs) if (job.claimed_by) claimedBy.add(job.claimed_by);
        if (claimedBy.size > 0) return;
        await sleep(5);
      }
    })();
    expect((await api(`/api/journeys/${id}/uploads/${upload.id}/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(202);
    let state = 'checking';
    let checked: { state: string; staged: { events: number } | null } | null = null;
    for (let i = 0; i < 200 && state === 'checking'; i++) {
      await sleep(50);
      checked = (await (await api(`/api/journeys/${id}/uploads/${upload.id}`)).json()) as typeof checked;
      state = checked!.state;
    }
    await watching;
    expect(state).toBe('checked');
    expect(checked!.staged!.events).toBe(42);
    expect([...claimedBy].every((node) => node === 'a' || node === 'b')).toBe(true);
    expect(claimedBy.size).toBe(1);
    const committed = await api(`/api/journeys/${id}/uploads/${upload.id}/commit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(committed.status).toBe(201);
    const metrics = (await (await b.fetch(`/api/journeys/${id}/metrics`)).json()) as { metrics: { coverage: { events: number } } };
    expect(metrics.metrics.coverage.events).toBe(42);
    // Nothing of the check is left in the queue.
    expect(await apiOnly.store.db.selectFrom('staging_jobs').select('id').where('journey_id', '=', id).execute()).toEqual([]);
  });

  it('reports a broken file checked on a worker by file, line and field, as one process would', async () => {
    const id = await createJourney(apiOnly, 'Kapot bestand');
    const api = (path: string, init?: RequestInit) => apiOnly.fetch(path, init);
    const broken = 'case_id,activity,timestamp\nc1,Aanvraag,2024-01-01T10:00:00Z\nc1,Beoordeling,niet-een-datum\n';
    const upload = (await (await api(`/api/journeys/${id}/uploads?kind=events&fileName=kapot.csv`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: broken })).json()) as { id: string };
    expect((await api(`/api/journeys/${id}/uploads/${upload.id}/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(202);
    let result: { state: string; problem: { message: string } | null; staged: { rejected: { line: number }[] } | null } = { state: 'checking', problem: null, staged: null };
    for (let i = 0; i < 200 && result.state === 'checking'; i++) {
      await sleep(50);
      result = (await (await api(`/api/journeys/${id}/uploads/${upload.id}`)).json()) as typeof result;
    }
    // One bad timestamp: refused on its line, or the file refused naming it.
    if (result.state === 'failed') expect(result.problem!.message).toMatch(/kapot\.csv:\d+/);
    else expect(result.staged!.rejected.map((r) => r.line)).toContain(3);
  });

  it('lets the editors of a journey go on the process that serves it when another moves it to the trash', async () => {
    const id = await createJourney(b, 'Naar de prullenbak');
    const refusals: string[] = [];
    const editor = connectEditor(b.url, id, { token: b.token, onRefused: (reason) => refusals.push(reason) });
    try {
      await editor.synced();
      expect(b.server.cluster!.ownership.holds(id)).toBe(true);
      expect((await a.fetch(`/api/journeys/${id}`, { method: 'DELETE' })).status).toBe(204);
      // As the trash route does on its own process: the journey's connections there are closed.
      await until('b closed the trashed journey’s connections', () => (b.server.collaboration.hocuspocus.documents.get(id)?.getConnectionsCount() ?? 0) === 0);
      expect(refusals.filter((reason) => reason !== CLOSE_CODES.journeyNotFound.reason)).toEqual([]);
    } finally {
      editor.close();
    }
  });

  it('runs only the services asked for: a collab-only process takes editors but no REST, an api-only one the reverse', async () => {
    const backend = { kind: 'postgres', adminUrl: postgresUrl!, databaseUrl: (a.backend as { databaseUrl: string }).databaseUrl } as const;
    const collabOnly = await buildTestServer(backend, { cluster: { redisUrl: redis.url, nodeName: 'collab-only' }, services: new Set(['collab']), analyticsDir: dataDir });
    const restOnly = await buildTestServer(backend, { cluster: { redisUrl: redis.url, nodeName: 'rest-only' }, services: new Set(['api']), analyticsDir: dataDir });
    try {
      const live = (await (await fetch(`${collabOnly.url}/api/health/live`)).json()) as { node: string; services: string[] };
      expect(live).toEqual({ status: 'ok', node: 'collab-only', services: ['collab'] });
      expect((await collabOnly.fetch('/api/journeys')).status).toBe(404);
      const id = await createJourney(restOnly, 'Alleen REST');
      const editor = connectEditor(collabOnly.url, id, { token: collabOnly.token });
      try {
        await editor.synced();
        expect(collabOnly.server.cluster!.ownership.holds(id)).toBe(true);
        // A REST write through the api-only process reaches the collab-only owner.
        expect((await restOnly.fetch(`/api/journeys/${id}/phases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'via REST' }) })).status).toBe(201);
        await until('the editor sees the REST write', () => journeyFromDoc(editor.doc).phases.some((p) => p.name === 'via REST'));
      } finally {
        editor.close();
      }
      const refused = await new Promise<number>((resolve) => {
        const socket = new WebSocket(collabUrl(restOnly.url, id), { headers: { authorization: `Bearer ${restOnly.token}` } });
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.on('open', () => resolve(101));
        socket.on('error', () => resolve(-1));
      });
      expect(refused).toBe(503);
    } finally {
      await restOnly.close();
      await collabOnly.close();
    }
  });

  it('tells a link’s viewer on one process of changes made on the other, and ends their stream when the link is revoked there', async () => {
    const id = await createJourney(a, 'Gedeeld');
    const made = await a.fetch(`/api/journeys/${id}/links`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ shows: { lanes: true, evaluation: true, measurement: false, comments: false } }) });
    expect(made.status).toBe(201);
    const link = (await made.json()) as { id: string; url: string };
    const opened = await fetch(`${b.url}/api/shared/open`, { method: 'POST', headers: { 'content-type': 'application/json', origin: b.url }, body: JSON.stringify({ token: link.url.split('/s/')[1], password: null }) });
    expect(opened.status).toBe(200);
    const cookie = opened.headers.getSetCookie().find((c) => c.startsWith('kr_viewer='))!.split(';')[0]!;
    const controller = new AbortController();
    const events = await fetch(`${b.url}/api/shared/events`, { headers: { cookie, origin: b.url }, signal: controller.signal });
    const stream = readEventStream(events);
    try {
      // An editor on a (which serves the journey) changes it: b's viewer hears of it through Redis.
      const editor = connectEditor(a.url, id, { token: a.token });
      await editor.synced();
      addPhase(editor.doc, { name: 'Live gezien' });
      await until('b’s viewer hears the change', () => stream.text().includes('event: change'));
      editor.close();
      expect((await a.fetch(`/api/journeys/${id}/links/${link.id}`, { method: 'DELETE' })).status).toBe(204);
      await until('b ends the viewer’s stream of the revoked link', () => stream.text().includes('event: revoked'));
      await stream.reading;
    } finally {
      controller.abort();
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
