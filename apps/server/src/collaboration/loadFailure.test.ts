// A document that fails to load is refused, and its stored bytes are unchanged (issue 5).
// Hocuspocus would otherwise serve an empty document, the editor would write on top of
// nothing, and the next snapshot would replace the journey with that nothing.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import type { PhaseId } from '@klantreis/schema';
import { addStep, CLOSE_CODES, journeyFromDoc, recordsOf } from '@klantreis/sync';
import { buildTestServer, eventually, type Backend, type TestServer } from '../testServer.ts';
import { connectEditor } from './reliability/editorConnection.ts';
import { authorizedFetch } from '../testCredentials.ts';

const postgresUrl = inject('postgresUrl');
const backends: [string, Backend][] = [['SQLite', { kind: 'sqlite' }]];
if (postgresUrl) backends.push(['PostgreSQL', { kind: 'postgres', adminUrl: postgresUrl }]);

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe.each(backends)('a journey whose stored document cannot be loaded, on %s', (_name, backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await buildTestServer(backend);
  });
  afterAll(async () => {
    await server.close();
  });

  /** Every stored byte of a journey: its update rows, merged state and JSON snapshot. */
  async function storedBytes(id: string) {
    const db = server.store.db;
    const updates = await db.selectFrom('journey_updates').select(['seq', 'data']).where('journey_id', '=', id).orderBy('seq').execute();
    const state = await db.selectFrom('journey_states').selectAll().where('journey_id', '=', id).executeTakeFirst();
    const journey = await db.selectFrom('journeys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return {
      updates: updates.map((row) => [Number(row.seq), hex(row.data)]),
      state: state ? [hex(state.state), Number(state.upto_seq)] : null,
      journey: { ...journey, created_at: Number(journey.created_at), updated_at: Number(journey.updated_at) },
    };
  }

  async function journeyWithEdits(): Promise<string> {
    const created = await authorizedFetch(`${server.url}/api/journeys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Beschadigd' }),
    });
    const { id } = (await created.json()) as { id: string };
    const editor = connectEditor(server.url, id);
    await editor.synced();
    const phaseId = journeyFromDoc(editor.doc).phases[0]!.id as PhaseId;
    for (const title of ['Een', 'Twee', 'Drie']) addStep(editor.doc, { phaseId, title });
    await editor.synced();
    editor.close();
    await eventually(() => expect(server.server.collaboration.hocuspocus.documents.has(id)).toBe(false));
    return id;
  }

  const damages: [string, (id: string) => Promise<void>][] = [
    [
      'an update row of garbage',
      async (id) => {
        const last = await server.store.db
          .selectFrom('journey_updates')
          .select('seq')
          .where('journey_id', '=', id)
          .orderBy('seq', 'desc')
          .executeTakeFirstOrThrow();
        await server.store.db
          .updateTable('journey_updates')
          .set({ data: new Uint8Array(Buffer.from('not a yjs update')) })
          .where('seq', '=', last.seq)
          .execute();
      },
    ],
    [
      'a merged state without the journey record',
      async (id) => {
        await server.store.db.updateTable('journey_states').set({ state: Y.encodeStateAsUpdate(new Y.Doc()) }).where('journey_id', '=', id).execute();
      },
    ],
  ];

  it.each(damages)('with %s: refuses editors, keeps answering the API from the snapshot, writes nothing', async (_damage, damage) => {
    const id = await journeyWithEdits();
    await damage(id);
    const before = await storedBytes(id);

    for (let attempt = 0; attempt < 2; attempt++) {
      const refusals: string[] = [];
      const editor = connectEditor(server.url, id, { onRefused: (reason) => refusals.push(reason) });
      try {
        await eventually(() => expect(refusals).toEqual([CLOSE_CODES.loadFailed.reason]));
        // Refused, not served an empty document.
        expect(editor.provider.isSynced).toBe(false);
        expect(recordsOf(editor.doc).size).toBe(0);
      } finally {
        editor.close();
      }
    }

    const read = await authorizedFetch(`${server.url}/api/journeys/${id}`);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { steps: { title: string }[] }).steps.map((step) => step.title)).toEqual(['Een', 'Twee', 'Drie']);
    const write = await authorizedFetch(`${server.url}/api/journeys/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Overschreven' }),
    });
    expect(write.status).toBe(503);
    expect(((await write.json()) as { error: string }).error).toMatch(new RegExp(`^journey ${id} cannot be loaded: `));

    expect(await storedBytes(id)).toEqual(before);
    expect((await authorizedFetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
