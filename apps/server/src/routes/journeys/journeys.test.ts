import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createBlankJourney, CURRENT_SCHEMA_VERSION, MIGRATIONS, validateJourneyDocument, type JourneyDocument } from '@klantreis/schema';
import { TEMPLATE_IDS } from '@klantreis/templates';
import { CLOSE_CODES, collabUrl, journeyFromDoc, metaOf, recordsOf, updateRecord } from '@klantreis/sync';
import { buildEditorClient, buildTestServer, eventually, type Backend, type TestServer } from '../../testServer.ts';
import { authorizedFetch } from '../../testCredentials.ts';

const postgresUrl = inject('postgresUrl');
const backends: [string, Backend][] = [['SQLite', { kind: 'sqlite' }]];
if (postgresUrl) backends.push(['PostgreSQL', { kind: 'postgres', adminUrl: postgresUrl }]);

describe.each(backends)('journeys API on %s', (_name, backend) => {
  let server: TestServer;
  const api = (path: string, init?: RequestInit) => authorizedFetch(`${server.url}${path}`, init);
  const json = (method: string, body: unknown): RequestInit => ({
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  async function createJourney(body: Record<string, unknown> = { title: 'Testreis' }): Promise<string> {
    const response = await api('/api/journeys', json('POST', body));
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }
  async function getJourney(id: string): Promise<JourneyDocument> {
    const response = await api(`/api/journeys/${id}`);
    expect(response.status).toBe(200);
    return (await response.json()) as JourneyDocument;
  }

  beforeAll(async () => {
    server = await buildTestServer(backend);
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers the health check with its database', async () => {
    const response = await api('/api/health');
    const before = Date.now();
    expect(await response.json()).toEqual({ status: 'ok', database: backend.kind, time: expect.any(Number) });
    const { time } = (await (await authorizedFetch(`${server.url}/api/health`)).json()) as { time: number };
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(Date.now());
  });

  it('serves the OpenAPI description', async () => {
    const response = await api('/api/docs/json');
    const spec = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/journeys/', '/api/journeys/{id}', '/api/templates/']));
  });

  it('creates a blank journey that lists, searches and reads in the open format', async () => {
    const id = await createJourney({ title: 'Zoekbare reis', locale: 'en' });
    const journey = await getJourney(id);
    expect(journey.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(journey.journey).toMatchObject({ title: 'Zoekbare reis', locale: 'en' });
    expect(journey.lanes).toHaveLength(9);
    expect(validateJourneyDocument(journey).ok).toBe(true);
    const listed = (await (await api('/api/journeys?search=zoekbare')).json()) as { id: string }[];
    expect(listed.map((j) => j.id)).toEqual([id]);
  });

  it('creates a journey from a template and lists the templates in both languages', async () => {
    const nl = (await (await api('/api/templates?locale=nl')).json()) as { id: string; title: string }[];
    const en = (await (await api('/api/templates?locale=en')).json()) as { id: string; title: string }[];
    expect(nl).toHaveLength(TEMPLATE_IDS.length);
    expect(en.map((t) => t.id)).toEqual(nl.map((t) => t.id));
    expect(en[0]!.title).not.toBe(nl[0]!.title);
    const id = await createJourney({ templateId: 'ikea-visit', locale: 'en' });
    const journey = await getJourney(id);
    expect(journey.steps.length).toBeGreaterThanOrEqual(6);
    expect((await (await api('/api/journeys')).json()) as { templateId: string }[]).toContainEqual(expect.objectContaining({ id, templateId: 'ikea-visit' }));
  });

  it('refuses bad requests with the field named', async () => {
    const noTitle = await api('/api/journeys', json('POST', {}));
    expect(noTitle.status).toBe(400);
    expect(JSON.stringify(await noTitle.json())).toContain('title');
    const badTemplate = await api('/api/journeys', json('POST', { templateId: 'nope' }));
    expect(badTemplate.status).toBe(400);
    const malformed = await api('/api/journeys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":' });
    expect(malformed.status).toBe(400);
  });

  it('answers 404 with a message for an unknown id', async () => {
    const response = await api('/api/journeys/doesnotexist');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'no journey with id doesnotexist' });
    expect((await api('/api/journeys/doesnotexist', json('PATCH', { title: 'x' }))).status).toBe(404);
  });

  it('edits the map through the Yjs document and validates every field', async () => {
    const id = await createJourney();
    const phaseId = (await getJourney(id)).phases[0]!.id;
    const added = await api(`/api/journeys/${id}/steps`, json('POST', { phaseId, title: 'Bellen', score: -1 }));
    expect(added.status).toBe(201);
    const stepId = ((await added.json()) as { id: string }).id;
    const bad = await api(`/api/journeys/${id}/records/${stepId}`, json('PATCH', { score: 5 }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues[0]!.path).toBe('score');
    const badChannel = await api(`/api/journeys/${id}/records/${stepId}`, json('PATCH', { touchpoints: [{ id: 't', channel: 'pigeon', customChannel: '', name: '', department: '', importance: null }] }));
    expect(badChannel.status).toBe(400);
    expect(JSON.stringify(await badChannel.json())).toContain('touchpoints[0].channel');
    const laneId = (await getJourney(id)).lanes[0]!.id;
    const tooLong = await api(`/api/journeys/${id}/cells`, json('PUT', { laneId, stepId, text: 'x'.repeat(10_001) }));
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(await tooLong.json())).toContain('text');
    expect((await api(`/api/journeys/${id}/records/${stepId}`, json('PATCH', { score: 2 }))).status).toBe(200);
    expect((await api(`/api/journeys/${id}/cells`, json('PUT', { laneId, stepId, text: 'Belt de klantenservice' }))).status).toBe(204);
    const journey = await getJourney(id);
    expect(journey.steps[0]).toMatchObject({ title: 'Bellen', score: 2 });
    expect(journey.cells[0]!.text).toBe('Belt de klantenservice');
  });

  it('imports a valid file, migrates an old one, and refuses an invalid one creating nothing', async () => {
    const valid = createBlankJourney('Geïmporteerd', 'nl');
    const imported = await api('/api/journeys/import', json('POST', valid));
    expect(imported.status).toBe(201);

    const old = { ...createBlankJourney('Oud'), schemaVersion: 1, steps: [] };
    const migrated = await api('/api/journeys/import', json('POST', old));
    expect(migrated.status).toBe(201);
    expect(((await migrated.json()) as { migrated: string[] }).migrated).toEqual(MIGRATIONS.map((m) => m.id));

    const before = ((await (await api('/api/journeys')).json()) as unknown[]).length;
    const invalid = createBlankJourney('') as unknown as { lanes: { kind: string }[] };
    invalid.lanes[2]!.kind = 'nonsense';
    const refused = await api('/api/journeys/import', json('POST', invalid));
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { issues: { path: string; message: string }[] };
    expect(body.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['journey.title', 'lanes[2].kind']));
    expect(((await (await api('/api/journeys')).json()) as unknown[]).length).toBe(before);
  });

  it('exports a journey as a JSON file that imports again', async () => {
    const id = await createJourney({ title: 'Export mij' });
    const response = await api(`/api/journeys/${id}/export`);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Export mij.klantreis.json"; filename*=UTF-8''Export%20mij.klantreis.json`);
    const again = await api('/api/journeys/import', json('POST', await response.json()));
    expect(again.status).toBe(201);
  });

  it('answers the journey as one Yjs update, stored or live, with every acknowledged edit, and not from the trash', async () => {
    const id = await createJourney({ title: 'Staat' });
    const stateOf = async () => {
      const response = await api(`/api/journeys/${id}/state`);
      expect(response.status, await response.clone().text()).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(await response.arrayBuffer()));
      return journeyFromDoc(doc, { validate: true });
    };
    // Stored: the state and the rows of two REST writes after it (nobody has the journey open).
    const phaseId = (await getJourney(id)).phases[0]!.id;
    await api(`/api/journeys/${id}/steps`, json('POST', { phaseId, title: 'Opgeslagen' }));
    await api(`/api/journeys/${id}`, json('PATCH', { title: 'Staat, hernoemd' }));
    expect(await stateOf()).toEqual(await getJourney(id));
    // Live: an editor's edit, acknowledged, is in the answer before any snapshot is written.
    const editor = await buildEditorClient(server.url, id);
    try {
      updateRecord(editor.doc, journeyFromDoc(editor.doc).steps[0]!.id, { title: 'Door de editor' });
      await eventually(async () => expect((await stateOf()).steps[0]!.title).toBe('Door de editor'));
    } finally {
      editor.provider.destroy();
    }
    expect((await api('/api/journeys/nosuchjourney/state')).status).toBe(404);
    // Text deleted from the map is not in it (the stored rows merged kept it; the socket never sends it).
    await api(`/api/journeys/${id}`, json('PATCH', { title: 'Staat, openbaar' }));
    await eventually(() => expect(server.server.collaboration.hocuspocus.documents.has(id)).toBe(false));
    const stored = Buffer.from(await (await api(`/api/journeys/${id}/state`)).arrayBuffer()).toString('latin1');
    expect(stored).toContain('openbaar');
    expect(stored).not.toContain('hernoemd');
    expect((await api(`/api/journeys/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(`/api/journeys/${id}/state`)).status).toBe(404);
  });

  it('answers no early copy (204) for a journey stored before a schema upgrade; the socket loads it upgraded', async () => {
    const id = await createJourney({ title: 'Oud' });
    const phaseId = (await getJourney(id)).phases[0]!.id;
    await api(`/api/journeys/${id}/steps`, json('POST', { phaseId, title: 'Stap' }));
    // The rows as a Klantreis of schema 5 stored them: its steps had no journeyEnd yet.
    const copy = new Y.Doc();
    const loaded = await server.store.loadDocument(id);
    for (const update of [loaded!.state!, ...loaded!.updates].filter(Boolean)) Y.applyUpdate(copy, update);
    const before = Y.encodeStateVector(copy);
    const stepId = journeyFromDoc(copy).steps[0]!.id;
    copy.transact(() => {
      recordsOf(copy).get(stepId)!.delete('journeyEnd');
      metaOf(copy).set('schemaVersion', 5);
    });
    await server.store.appendUpdate(id, Y.encodeStateAsUpdate(copy, before));
    const early = await api(`/api/journeys/${id}/state`);
    expect(early.status).toBe(204);
    expect((await early.arrayBuffer()).byteLength).toBe(0);
    const editor = await buildEditorClient(server.url, id);
    try {
      expect(journeyFromDoc(editor.doc).steps[0]!.journeyEnd).toBe(false);
    } finally {
      editor.provider.destroy();
    }
    // Upgraded and stored once: the early copy is there again.
    await eventually(() => expect(server.server.collaboration.hocuspocus.documents.has(id)).toBe(false));
    expect((await api(`/api/journeys/${id}/state`)).status).toBe(200);
  });

  it('renames, duplicates, trashes, restores and purges', async () => {
    const id = await createJourney({ title: 'Origineel' });
    expect((await api(`/api/journeys/${id}`, json('PATCH', { title: 'Hernoemd' }))).status).toBe(200);
    const copy = await api(`/api/journeys/${id}/duplicate`, json('POST', {}));
    const copyId = ((await copy.json()) as { id: string }).id;
    expect((await getJourney(copyId)).journey.title).toBe('Hernoemd (kopie)');
    expect((await api(`/api/journeys/${id}?permanent=true`, { method: 'DELETE' })).status).toBe(409);
    expect((await api(`/api/journeys/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(((await (await api('/api/journeys')).json()) as { id: string }[]).map((j) => j.id)).not.toContain(id);
    expect(((await (await api('/api/journeys?trash=true')).json()) as { id: string }[]).map((j) => j.id)).toContain(id);
    expect((await api(`/api/journeys/${id}/restore`, { method: 'POST' })).status).toBe(204);
    expect(((await (await api('/api/journeys')).json()) as { id: string }[]).map((j) => j.id)).toContain(id);
    await api(`/api/journeys/${id}`, { method: 'DELETE' });
    expect((await api(`/api/journeys/${id}?permanent=true`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(`/api/journeys/${id}`)).status).toBe(404);
  });

  it('shows a REST write to an open editor at once, and an editor write to the REST API', async () => {
    const id = await createJourney();
    const editor = await buildEditorClient(server.url, id);
    try {
      const phaseId = journeyFromDoc(editor.doc).phases[0]!.id;
      await api(`/api/journeys/${id}/steps`, json('POST', { phaseId, title: 'Via REST' }));
      await eventually(() => expect(journeyFromDoc(editor.doc).steps.map((s) => s.title)).toEqual(['Via REST']));
      const stepId = journeyFromDoc(editor.doc).steps[0]!.id;
      updateRecord(editor.doc, stepId, { score: -2 });
      await eventually(async () => expect((await getJourney(id)).steps[0]!.score).toBe(-2));
    } finally {
      editor.provider.destroy();
    }
  });

  it('keeps every edit across a restart of the server', async () => {
    const id = await createJourney({ title: 'Blijvend' });
    const editor = await buildEditorClient(server.url, id);
    const phaseId = journeyFromDoc(editor.doc).phases[0]!.id;
    await api(`/api/journeys/${id}/steps`, json('POST', { phaseId, title: 'Een' }));
    await eventually(() => expect(journeyFromDoc(editor.doc).steps).toHaveLength(1));
    updateRecord(editor.doc, journeyFromDoc(editor.doc).steps[0]!.id, { title: 'Een, bewerkt', score: 1 });
    await eventually(async () => expect((await getJourney(id)).steps[0]!.title).toBe('Een, bewerkt'));
    editor.provider.destroy();
    const backendNow = server.backend;
    await server.close({ keepData: true });
    server = await buildTestServer(backendNow);
    const journey = await getJourney(id);
    expect(journey.steps).toHaveLength(1);
    expect(journey.steps[0]).toMatchObject({ title: 'Een, bewerkt', score: 1 });
  });

  it('refuses an editor with an older protocol by a named close code', async () => {
    const url = collabUrl(server.url).replace(/protocol=\d+/, 'protocol=0');
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => {
      const socket = new WebSocket(url);
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
    expect(closed).toEqual({ code: CLOSE_CODES.protocolOutdated.code, reason: CLOSE_CODES.protocolOutdated.reason });
  });

  it('refuses to open a journey that does not exist', async () => {
    await expect(buildEditorClient(server.url, 'nosuchjourney')).rejects.toThrow(/klantreis-journey-not-found/);
  });

  it('survives malformed websocket messages', async () => {
    const socket = new WebSocket(collabUrl(server.url));
    await new Promise((resolve) => socket.on('open', resolve));
    socket.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x01, 0x02]));
    socket.send(Buffer.from('not yjs at all'));
    socket.send(Buffer.alloc(0));
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.terminate();
    expect((await api('/api/health')).status).toBe(200);
  });
});
