// An editor's update is stored before anyone sees it: not acknowledged to the sender, not
// broadcast to the others, not even in the server's document until its row is committed.
// PostgreSQL lets a test hold the commit back (a table lock) and watch; on SQLite the same
// order is what the kill -9 test relies on (killNine.test.ts).
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PhaseId } from '@klantreis/schema';
import { addStep, journeyFromDoc, updateRecord } from '@klantreis/sync';
import { buildTestServer, eventually, type TestServer } from '../testServer.ts';
import { connectEditor, type EditorConnection } from './reliability/editorConnection.ts';

const postgresUrl = inject('postgresUrl');

describe.skipIf(!postgresUrl)('the order of store and broadcast, on PostgreSQL', () => {
  let server: TestServer;
  let writer: EditorConnection;
  let observer: EditorConnection;
  let journeyId: string;

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'postgres', adminUrl: postgresUrl! });
    const created = await fetch(`${server.url}/api/journeys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Volgorde' }),
    });
    journeyId = ((await created.json()) as { id: string }).id;
    writer = connectEditor(server.url, journeyId);
    observer = connectEditor(server.url, journeyId);
    await Promise.all([writer.synced(), observer.synced()]);
  });
  afterAll(async () => {
    writer.close();
    observer.close();
    await server.close();
  });

  it('holds an update back from everyone until its row is committed', async () => {
    const phaseId = journeyFromDoc(writer.doc).phases[0]!.id as PhaseId;
    const stepId = addStep(writer.doc, { phaseId, title: 'Eerst' });
    await writer.synced();
    await eventually(() => expect(journeyFromDoc(observer.doc).steps).toHaveLength(1));
    const rowsBefore = await server.store.countUpdates(journeyId);

    const blocker = new pg.Client({ connectionString: (server.backend as { databaseUrl: string }).databaseUrl });
    await blocker.connect();
    try {
      // EXCLUSIVE blocks inserts, not reads.
      await blocker.query('begin');
      await blocker.query('lock table journey_updates in exclusive mode');
      updateRecord(writer.doc, stepId, { title: 'Vastgehouden' });
      await sleep(500);
      expect(writer.provider.hasUnsyncedChanges).toBe(true);
      expect(journeyFromDoc(observer.doc).steps[0]!.title).toBe('Eerst');
      expect(journeyFromDoc(server.server.collaboration.hocuspocus.documents.get(journeyId)!).steps[0]!.title).toBe('Eerst');
    } finally {
      await blocker.query('rollback');
      await blocker.end();
    }
    await writer.synced();
    await eventually(() => expect(journeyFromDoc(observer.doc).steps[0]!.title).toBe('Vastgehouden'));
    expect(await server.store.countUpdates(journeyId)).toBe(rowsBefore + 1);
  });
});
