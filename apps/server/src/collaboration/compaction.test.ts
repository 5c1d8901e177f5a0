// The update rows of a journey are merged into its state every few hundred updates while it
// is being edited (on a worker thread), and a journey read back after that is the same.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PhaseId } from '@klantreis/schema';
import { addStep, journeyFromDoc, updateRecord } from '@klantreis/sync';
import { buildTestServer, eventually, type Backend, type TestServer } from '../testServer.ts';
import { connectEditor } from './reliability/editorConnection.ts';
import { authorizedFetch } from '../testCredentials.ts';

const postgresUrl = inject('postgresUrl');
const backends: [string, Backend][] = [['SQLite', { kind: 'sqlite' }]];
if (postgresUrl) backends.push(['PostgreSQL', { kind: 'postgres', adminUrl: postgresUrl }]);

describe.each(backends)('compaction while editing on %s', (_name, backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await buildTestServer(backend);
  });
  afterAll(async () => {
    await server.close();
  });

  it('merges the rows as they accumulate and reads the same journey back after a restart', async () => {
    const created = await authorizedFetch(`${server.url}/api/journeys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Compactie' }),
    });
    const { id } = (await created.json()) as { id: string };
    const editor = connectEditor(server.url, id);
    await editor.synced();
    const phaseId = journeyFromDoc(editor.doc).phases[0]!.id as PhaseId;
    const stepId = addStep(editor.doc, { phaseId, title: '' });
    for (let i = 1; i <= 700; i++) {
      updateRecord(editor.doc, stepId, { title: `Titel ${i}`, score: (i % 5) - 2 });
      // Separate messages, as separate keystrokes would be.
      if (i % 10 === 0) await editor.synced();
    }
    await editor.synced();
    await eventually(async () => expect(await server.store.countUpdates(id)).toBeLessThan(300), 10_000);
    const expected = journeyFromDoc(editor.doc);
    editor.close();

    const data = server.backend;
    await server.close({ keepData: true });
    server = await buildTestServer(data);
    const reader = connectEditor(server.url, id);
    try {
      await reader.synced();
      expect(journeyFromDoc(reader.doc)).toEqual(expected);
      expect(expected.steps[0]).toMatchObject({ title: 'Titel 700', score: -2 });
    } finally {
      reader.close();
    }
  });
});
