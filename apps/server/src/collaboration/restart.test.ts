// A graceful restart with editors connected (issue 5): the editors stay open, keep editing
// while the server is away, reconnect to the new server on the same port and sync. Records
// are keyed by stable ids and the server reloads the same Yjs history from its rows, so
// nothing may come back twice: no step, no cell, no doubled text.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LaneId, PhaseId, StepId } from '@klantreis/schema';
import { addStep, journeyFromDoc, setCellText, updateRecord } from '@klantreis/sync';
import { buildTestServer, eventually, type Backend, type TestServer } from '../testServer.ts';
import { convergenceProblems, duplicateIds } from './reliability/convergenceChecks.ts';
import { connectEditor, type EditorConnection } from './reliability/editorConnection.ts';
import { authorizedFetch } from '../testCredentials.ts';

const postgresUrl = inject('postgresUrl');
const backends: [string, Backend][] = [['SQLite', { kind: 'sqlite' }]];
if (postgresUrl) backends.push(['PostgreSQL', { kind: 'postgres', adminUrl: postgresUrl }]);

describe.each(backends)('a restart with editors connected on %s', (_name, backend) => {
  let server: TestServer;
  const editors: EditorConnection[] = [];
  beforeAll(async () => {
    server = await buildTestServer(backend);
  });
  afterAll(async () => {
    for (const editor of editors) editor.close();
    await server.close();
  });

  it('duplicates no step, cell or text, and loses no edit made before, during or after it', async () => {
    const created = await authorizedFetch(`${server.url}/api/journeys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Herstart' }),
    });
    const { id } = (await created.json()) as { id: string };
    for (let i = 0; i < 3; i++) editors.push(connectEditor(server.url, id));
    await Promise.all(editors.map((editor) => editor.synced()));
    const start = journeyFromDoc(editors[0]!.doc);
    const phaseId = start.phases[0]!.id as PhaseId;
    const laneId = start.lanes[0]!.id as LaneId;

    // Before: each editor adds two steps and types into a cell of its first one.
    const stepIds: StepId[] = [];
    editors.forEach((editor, e) => {
      for (let s = 0; s < 2; s++) stepIds.push(addStep(editor.doc, { phaseId, title: `Stap ${e}.${s}` }));
      setCellText(editor.doc, laneId, stepIds[e * 2]!, `Cel van ${e}`);
    });
    await Promise.all(editors.map((editor) => editor.synced()));
    await eventually(() => expect(journeyFromDoc(editors[2]!.doc).steps).toHaveLength(6));

    // The graceful stop: every editor is disconnected, and keeps editing offline.
    const port = Number(new URL(server.url).port);
    const data = server.backend;
    await server.close({ keepData: true });
    editors.forEach((editor, e) => {
      stepIds.push(addStep(editor.doc, { phaseId, title: `Offline ${e}` }));
      updateRecord(editor.doc, stepIds[e * 2 + 1]!, { title: `Stap ${e}.1, offline bewerkt` });
    });

    // The new server, on the same port: the editors find it by themselves.
    server = await buildTestServer(data, { port });
    await Promise.all(editors.map((editor) => editor.synced(20_000)));

    // After: one more edit each, on the reloaded document.
    editors.forEach((editor, e) => setCellText(editor.doc, laneId, stepIds[e * 2]!, `Cel van ${e}, na de herstart`));
    await Promise.all(editors.map((editor) => editor.synced()));

    const live = server.server.collaboration.hocuspocus.documents.get(id)!;
    await eventually(() =>
      expect(convergenceProblems({ name: 'the server', doc: live }, editors.map((editor, i) => ({ name: `editor ${i + 1}`, doc: editor.doc })))).toEqual([]),
    );
    const journey = journeyFromDoc(live);
    expect(duplicateIds(journey)).toEqual([]);
    expect(journey.steps.map((step) => step.id).sort()).toEqual([...stepIds].sort());
    expect(journey.steps.map((step) => step.title).sort()).toEqual(
      ['Stap 0.0', 'Stap 1.0', 'Stap 2.0', 'Stap 0.1, offline bewerkt', 'Stap 1.1, offline bewerkt', 'Stap 2.1, offline bewerkt', 'Offline 0', 'Offline 1', 'Offline 2'].sort(),
    );
    expect(journey.cells.map((cell) => cell.text).sort()).toEqual(['Cel van 0, na de herstart', 'Cel van 1, na de herstart', 'Cel van 2, na de herstart']);

    // And the store holds exactly this: the editors leave, the snapshot is what the API reads.
    for (const editor of editors.splice(0)) editor.close();
    await eventually(() => expect(server.server.collaboration.hocuspocus.documents.has(id)).toBe(false));
    expect(await (await authorizedFetch(`${server.url}/api/journeys/${id}`)).json()).toEqual(journey);
  });
});

// Found by CI (a PostgreSQL run timed out at the restart above): an editor reconnecting while
// the server stored and unloaded its documents was let in, after the last socket had been closed.
// It stayed on the stopped server (its edits with it), and kept the HTTP server from closing.
describe.each(backends)('an editor that reconnects while the server stops, on %s', (_name, backend) => {
  it('is refused until the next server, which it then finds with every edit', async () => {
    const server = await buildTestServer(backend);
    const { id } = (await (await server.fetch('/api/journeys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Stoppen' }) })).json()) as { id: string };
    const editor = connectEditor(server.url, id, { reconnectDelayMs: 5 });
    await editor.synced();
    // A large journey: its last snapshot takes the stop long enough for the editor, which
    // reconnects within milliseconds, to knock again while the documents are being stored.
    const phaseId = journeyFromDoc(editor.doc).phases[0]!.id as PhaseId;
    editor.doc.transact(() => {
      for (let s = 0; s < 1500; s++) addStep(editor.doc, { phaseId, title: `Stap ${s} ${'tekst '.repeat(20)}` });
    });
    await editor.synced();
    await Promise.race([server.close({ keepData: true }), new Promise((_, reject) => setTimeout(() => reject(new Error('the server did not stop within 10 s')), 10_000))]);
    await new Promise((r) => setTimeout(r, 200));
    expect(editor.socket.status).not.toBe('connected');

    addStep(editor.doc, { phaseId, title: 'Na de stop' });
    const next = await buildTestServer(server.backend, { port: Number(new URL(server.url).port) });
    try {
      await editor.synced(10_000);
      const live = next.server.collaboration.hocuspocus.documents.get(id)!;
      await eventually(() => expect(journeyFromDoc(live).steps).toHaveLength(1501));
    } finally {
      editor.close();
      await next.close();
    }
  });
});
