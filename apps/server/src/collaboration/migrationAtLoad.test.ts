// A document stored by an older Klantreis is migrated as it loads, and the migration is stored
// before anyone has the document; when it cannot be stored, the load is refused and nothing
// changes (before, on PostgreSQL, the migration was stored after the fact and a failure only
// logged, so later edits could build on a row that was never written).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { CURRENT_SCHEMA_VERSION } from '@klantreis/schema';
import { CLOSE_CODES, metaOf } from '@klantreis/sync';
import { buildTestServer, eventually, type Backend, type TestServer } from '../testServer.ts';
import { connectEditor } from './reliability/editorConnection.ts';
import { refuseUpdateRows } from './reliability/postgresUpdateRows.ts';
import { authorizedFetch } from '../testCredentials.ts';

const postgresUrl = inject('postgresUrl');
const backends: [string, Backend][] = [['SQLite', { kind: 'sqlite' }]];
if (postgresUrl) backends.push(['PostgreSQL', { kind: 'postgres', adminUrl: postgresUrl }]);

/** A journey whose stored document says schema version 4, as an older Klantreis left it. */
async function olderJourney(server: TestServer): Promise<string> {
  const created = await authorizedFetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Oud' }) });
  const { id } = (await created.json()) as { id: string };
  const editor = connectEditor(server.url, id);
  await editor.synced();
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(editor.doc));
  editor.close();
  await eventually(() => expect(server.server.collaboration.hocuspocus.documents.has(id)).toBe(false));
  const before = Y.encodeStateVector(copy);
  metaOf(copy).set('schemaVersion', 4);
  await server.store.appendUpdate(id, Y.encodeStateAsUpdate(copy, before));
  return id;
}

/** Opens the journey as an editor: it is at the current schema, and the migration is one stored row more. */
async function expectMigratedOnOpen(server: TestServer, id: string, rowsBefore: number): Promise<void> {
  const editor = connectEditor(server.url, id);
  try {
    await editor.synced();
    expect(metaOf(editor.doc).get('schemaVersion')).toBe(CURRENT_SCHEMA_VERSION);
    expect(await server.store.countUpdates(id)).toBe(rowsBefore + 1);
  } finally {
    editor.close();
  }
}

describe.each(backends)('migration at load on %s', (_name, backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await buildTestServer(backend);
  });
  afterAll(async () => {
    await server.close();
  });

  it('migrates the document and stores the migration before the editor has it', async () => {
    const id = await olderJourney(server);
    await expectMigratedOnOpen(server, id, await server.store.countUpdates(id));
  });
});

describe.skipIf(!postgresUrl)('a migration that cannot be stored, on PostgreSQL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await buildTestServer({ kind: 'postgres', adminUrl: postgresUrl! });
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuses the load when the migration cannot be stored, and changes nothing', async () => {
    const id = await olderJourney(server);
    const rowsBefore = await server.store.countUpdates(id);
    const allowUpdateRows = await refuseUpdateRows((server.backend as { databaseUrl: string }).databaseUrl);
    try {
      const refusals: string[] = [];
      const editor = connectEditor(server.url, id, { onRefused: (reason) => refusals.push(reason) });
      try {
        await eventually(() => expect(refusals).toEqual([CLOSE_CODES.loadFailed.reason]));
        expect(editor.provider.isSynced).toBe(false);
      } finally {
        editor.close();
      }
    } finally {
      await allowUpdateRows();
    }
    expect(await server.store.countUpdates(id)).toBe(rowsBefore);
    // Once rows can be stored again, the next editor gets the migrated document.
    await expectMigratedOnOpen(server, id, rowsBefore);
  });
});
