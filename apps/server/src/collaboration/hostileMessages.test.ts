// Malformed, oversized or out-of-schema websocket messages never crash the server and never
// reach the stored document (issue 5). A websocket accepts any bytes: the editor's own
// validation is no protection against a buggy or hostile client.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { OutgoingMessage } from '@hocuspocus/server';
import { JOURNEY_RECORD_ID, type LaneId, type PhaseId, type StepId } from '@klantreis/schema';
import { addStep, CLOSE_CODES, collabUrl, journeyFromDoc, metaOf, recordsOf, updateRecord } from '@klantreis/sync';
import { buildTestServer, eventually, type Backend, type TestServer } from '../testServer.ts';
import { connectEditor, type EditorConnection } from './reliability/editorConnection.ts';
import { authorizedFetch } from '../testCredentials.ts';

const postgresUrl = inject('postgresUrl');
const backends: [string, Backend][] = [['SQLite', { kind: 'sqlite' }]];
if (postgresUrl) backends.push(['PostgreSQL', { kind: 'postgres', adminUrl: postgresUrl }]);

/** Resolves with the close code of the editor's websocket the first time the server closes it. */
function closeCodeOf(editor: EditorConnection): Promise<number> {
  return new Promise((resolve) => {
    const onClose = ({ event }: { event: { code: number } }) => {
      editor.socket.off('close', onClose);
      resolve(event.code);
    };
    editor.socket.on('close', onClose);
  });
}

// Changes our editor would never make: each is a valid Yjs update that writes out of schema.
const OUT_OF_SCHEMA: [string, (doc: Y.Doc, ids: { stepId: StepId; laneId: LaneId }) => void][] = [
  ['a step with score 7', (doc, { stepId }) => recordsOf(doc).get(stepId)!.set('score', 7)],
  ['a record with an unknown id prefix', (doc) => recordsOf(doc).set('evil:1', new Y.Map<unknown>([['id', 'evil:1']]))],
  [
    'a step without most of its fields',
    (doc, { stepId }) => {
      const record = recordsOf(doc).get(stepId)!.toJSON() as Record<string, unknown>;
      recordsOf(doc).set('step:partial', new Y.Map<unknown>([['id', 'step:partial'], ['phaseId', record.phaseId]]));
    },
  ],
  ['a record whose id field is another record’s', (doc, { stepId }) => recordsOf(doc).get(stepId)!.set('id', 'step:other')],
  [
    'a cell whose id is not derived from its lane and step',
    (doc, { stepId, laneId }) =>
      recordsOf(doc).set('cell:wrong', new Y.Map<unknown>([['id', 'cell:wrong'], ['laneId', laneId], ['stepId', stepId]])),
  ],
  ['the deletion of the journey record', (doc) => recordsOf(doc).delete(JOURNEY_RECORD_ID)],
  ['a field deleted from a step', (doc, { stepId }) => recordsOf(doc).get(stepId)!.delete('title')],
  ['an older schema version in meta', (doc) => metaOf(doc).set('schemaVersion', 1)],
  ['a map outside the journey records', (doc) => doc.getMap('elsewhere').set('x', 1)],
  ['a text of 10 MB minus a little', (doc, { stepId }) => (recordsOf(doc).get(stepId)!.get('description') as Y.Text).insert(0, 'x'.repeat(9_000_000))],
];

describe.each(backends)('hostile websocket messages on %s', (_name, backend) => {
  let server: TestServer;
  let journeyId: string;
  let observer: EditorConnection;
  let ids: { stepId: StepId; laneId: LaneId };
  let expected: ReturnType<typeof journeyFromDoc>;

  const countRows = () => server.store.countUpdates(journeyId);
  const healthy = async () => expect((await authorizedFetch(`${server.url}/api/health`)).status).toBe(200);

  beforeAll(async () => {
    server = await buildTestServer(backend);
    const created = await authorizedFetch(`${server.url}/api/journeys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Aanval' }),
    });
    journeyId = ((await created.json()) as { id: string }).id;
    observer = connectEditor(server.url, journeyId);
    await observer.synced();
    const journey = journeyFromDoc(observer.doc);
    ids = {
      stepId: addStep(observer.doc, { phaseId: journey.phases[0]!.id as PhaseId, title: 'Doelwit', score: 1 }),
      laneId: journey.lanes[0]!.id as LaneId,
    };
    await observer.synced();
    expected = journeyFromDoc(observer.doc);
  });
  afterAll(async () => {
    observer.close();
    await server.close();
  });

  it.each(OUT_OF_SCHEMA)('refuses %s: the sender is disconnected by name, nobody else sees it, nothing is stored', async (_what, change) => {
    const rows = await countRows();
    const attacker = connectEditor(server.url, journeyId);
    try {
      await attacker.synced();
      const closed = closeCodeOf(attacker);
      change(attacker.doc, ids);
      expect(await closed).toBe(CLOSE_CODES.updateRefused.code);
    } finally {
      attacker.close();
    }
    await healthy();
    expect(journeyFromDoc(observer.doc)).toEqual(expected);
    expect(journeyFromDoc(server.server.collaboration.hocuspocus.documents.get(journeyId)!)).toEqual(expected);
    expect(await countRows()).toBe(rows);
  });

  it('refuses a sync message whose update is garbage, after authenticating', async () => {
    const rows = await countRows();
    const attacker = connectEditor(server.url, journeyId);
    try {
      await attacker.synced();
      const closed = closeCodeOf(attacker);
      const garbage = new Uint8Array(Buffer.from('not a yjs update'));
      attacker.socket.send(new OutgoingMessage(journeyId).createSyncMessage().writeUpdate(garbage).toUint8Array());
      expect(await closed).toBe(CLOSE_CODES.updateRefused.code);
    } finally {
      attacker.close();
    }
    await healthy();
    expect(await countRows()).toBe(rows);
  });

  it('closes a connection that sends raw garbage or more than 10 MB at once', async () => {
    const rows = await countRows();
    for (const payload of [Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f]), Buffer.from('not a hocuspocus frame'), Buffer.alloc(11 * 1024 * 1024, 7)]) {
      const socket = new WebSocket(collabUrl(server.url));
      await new Promise((resolve) => socket.once('open', resolve));
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      socket.on('error', () => {});
      socket.send(payload);
      const code = await closed;
      if (payload.length > 10 * 1024 * 1024) expect(code).toBe(1009);
    }
    await healthy();
    expect(await countRows()).toBe(rows);
  });

  it('still accepts and stores honest edits afterwards, and a restart reads none of the refused ones', async () => {
    updateRecord(observer.doc, ids.stepId, { score: -2, title: 'Doelwit, bewerkt' });
    await observer.synced();
    const after = journeyFromDoc(observer.doc);
    expect(after.steps[0]).toMatchObject({ score: -2, title: 'Doelwit, bewerkt' });
    observer.close();
    const data = server.backend;
    await server.close({ keepData: true });
    server = await buildTestServer(data);
    observer = connectEditor(server.url, journeyId);
    await observer.synced();
    const live = server.server.collaboration.hocuspocus.documents.get(journeyId)!;
    expect(journeyFromDoc(live)).toEqual(after);
    expect([...recordsOf(live).keys()].sort()).toEqual([...recordsOf(observer.doc).keys()].sort());
    expect([...live.share.keys()].sort()).toEqual(['meta', 'records']);
    await eventually(() => expect(metaOf(live).toJSON()).toEqual({ schemaVersion: after.schemaVersion }));
  });
});
