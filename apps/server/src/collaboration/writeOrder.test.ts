// An editor's update is stored before anyone sees it: not acknowledged to the sender, not
// broadcast to the others, not even in the server's document until its row is committed.
// A REST write likewise: not answered, not broadcast, not in the document until then; and
// when its row cannot be stored, the request fails and nothing changes.
// PostgreSQL lets a test hold the commit back (a table lock) and watch; on SQLite the same
// order is what the kill -9 test relies on (killNine.test.ts).
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PhaseId } from '@klantreis/schema';
import { addStep, journeyFromDoc, updateRecord } from '@klantreis/sync';
import { buildTestServer, eventually, type TestServer } from '../testServer.ts';
import { connectEditor, type EditorConnection } from './reliability/editorConnection.ts';
import { holdUpdateRows, refuseUpdateRows } from './reliability/postgresUpdateRows.ts';
import { authorizedFetch } from '../testCredentials.ts';

const postgresUrl = inject('postgresUrl');

describe.skipIf(!postgresUrl)('the order of store and broadcast, on PostgreSQL', () => {
  let server: TestServer;
  let writer: EditorConnection;
  let observer: EditorConnection;
  let journeyId: string;

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'postgres', adminUrl: postgresUrl! });
    const created = await authorizedFetch(`${server.url}/api/journeys`, {
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

    const release = await holdUpdateRows(databaseUrl());
    try {
      updateRecord(writer.doc, stepId, { title: 'Vastgehouden' });
      await sleep(500);
      expect(writer.provider.hasUnsyncedChanges).toBe(true);
      expect(journeyFromDoc(observer.doc).steps[0]!.title).toBe('Eerst');
      expect(journeyFromDoc(server.server.collaboration.hocuspocus.documents.get(journeyId)!).steps[0]!.title).toBe('Eerst');
    } finally {
      await release();
    }
    await writer.synced();
    await eventually(() => expect(journeyFromDoc(observer.doc).steps[0]!.title).toBe('Vastgehouden'));
    expect(await server.store.countUpdates(journeyId)).toBe(rowsBefore + 1);
  });

  function databaseUrl(): string {
    return (server.backend as { databaseUrl: string }).databaseUrl;
  }

  function patchTitle(title: string): Promise<Response> {
    return authorizedFetch(`${server.url}/api/journeys/${journeyId}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title }) });
  }

  const liveTitle = () => journeyFromDoc(server.server.collaboration.hocuspocus.documents.get(journeyId)!).journey.title;

  it('holds a REST write back from the editors, and its answer, until its row is committed', async () => {
    const rowsBefore = await server.store.countUpdates(journeyId);
    const release = await holdUpdateRows(databaseUrl());
    let answer: Promise<Response>;
    try {
      let answered = false;
      answer = patchTitle('Via de API');
      void answer.then(() => (answered = true));
      await sleep(500);
      expect(answered).toBe(false);
      expect(journeyFromDoc(observer.doc).journey.title).toBe('Volgorde');
      expect(liveTitle()).toBe('Volgorde');
    } finally {
      await release();
    }
    expect((await answer).status).toBe(200);
    await eventually(() => expect(journeyFromDoc(observer.doc).journey.title).toBe('Via de API'));
    expect(await server.store.countUpdates(journeyId)).toBe(rowsBefore + 1);
  });

  it('fails a REST write whose row cannot be stored, and changes nothing', async () => {
    const titleBefore = liveTitle();
    const rowsBefore = await server.store.countUpdates(journeyId);
    const allowUpdateRows = await refuseUpdateRows(databaseUrl());
    try {
      const answer = await patchTitle('Nooit opgeslagen');
      expect(answer.status).toBeGreaterThanOrEqual(500);
      await sleep(300);
      expect(liveTitle()).toBe(titleBefore);
      expect(journeyFromDoc(observer.doc).journey.title).toBe(titleBefore);
    } finally {
      await allowUpdateRows();
    }
    expect(await server.store.countUpdates(journeyId)).toBe(rowsBefore);
    // The next write goes through, and the refused one never turns up.
    expect((await patchTitle('Daarna wel')).status).toBe(200);
    await eventually(() => expect(journeyFromDoc(observer.doc).journey.title).toBe('Daarna wel'));
    const read = (await (await authorizedFetch(`${server.url}/api/journeys/${journeyId}`)).json()) as { journey: { title: string } };
    expect(read.journey.title).toBe('Daarna wel');
  });
});
