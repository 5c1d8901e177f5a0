// Issue 9.1 through the real server: two people start typing into the same empty cell at the
// same moment ("Anna zegt ja." and "Bob zegt nee."). Each editor creates the cell on its first
// letter. Every letter the server acknowledged must be in the cell afterwards, on the server,
// on both editors and after a restart from the store, not only the same text everywhere.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cellId, type LaneId, type StepId } from '@klantreis/schema';
import { addStep, journeyFromDoc, readRecord } from '@klantreis/sync';
import { buildTestServer, eventually, type Backend, type TestServer } from '../testServer.ts';
import { connectEditor, readDocumentFromServer } from './reliability/editorConnection.ts';
import { TypingWitness } from './reliability/typingTogether.ts';
import { authorizedFetch } from '../testCredentials.ts';

const postgresUrl = inject('postgresUrl');
const backends: [string, Backend][] = [['SQLite', { kind: 'sqlite' }]];
if (postgresUrl) backends.push(['PostgreSQL', { kind: 'postgres', adminUrl: postgresUrl }]);

describe.each(backends)('two people typing into one empty cell at once, on %s', (_name, backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await buildTestServer(backend);
  });
  afterAll(async () => {
    await server.close();
  });

  it('keeps every acknowledged letter of both, also after a restart', { timeout: 60_000 }, async () => {
    const created = await authorizedFetch(`${server.url}/api/journeys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Samen typen' }),
    });
    const { id } = (await created.json()) as { id: string };
    const anna = connectEditor(server.url, id);
    const bob = connectEditor(server.url, id);
    let open = true;
    const closeEditors = () => {
      if (open) for (const editor of [anna, bob]) editor.close();
      open = false;
    };
    const rounds = 6;
    try {
      await Promise.all([anna.synced(), bob.synced()]);
      const start = journeyFromDoc(anna.doc);
      const laneId = start.lanes[0]!.id as LaneId;
      const witness = new TypingWitness(laneId, start.phases[0]!.id);
      // A fresh step per round, so every round starts with an empty cell that both create.
      const stepIds: StepId[] = [];
      for (let round = 0; round < rounds; round++) stepIds.push(addStep(anna.doc, { phaseId: start.phases[0]!.id, title: `Ronde ${round + 1}` }));
      await eventually(() => expect(stepIds.every((stepId) => readRecord(bob.doc, stepId))).toBe(true));

      for (const [round, stepId] of stepIds.entries()) {
        const words = ['Anna zegt ja.', 'Bob zegt nee.'];
        for (let at = 0; at < words[0]!.length; at++) {
          // Both type a letter in the same turn of the event loop: the first ones cross on the
          // wire. A pause now and then lets some letters arrive before the next ones are typed.
          witness.type(anna.doc, 0, stepId, words[0]![at]!);
          witness.type(bob.doc, 1, stepId, words[1]![at]!);
          if ((at + round) % 4 === 3) await sleep(round % 3);
        }
      }
      await Promise.all([anna.synced(20_000), bob.synced(20_000)]);
      const live = server.server.collaboration.hocuspocus.documents.get(id)!;
      await eventually(() => {
        for (const doc of [live, anna.doc, bob.doc]) expect(witness.check(doc)).toEqual({ typed: rounds * 26, lost: 0, problems: [] });
      }, 10_000);
      for (const stepId of stepIds) {
        const text = readRecord(live, cellId(laneId, stepId))!.text as string;
        expect(text).toHaveLength(26);
        expect(readRecord(anna.doc, cellId(laneId, stepId))!.text).toBe(text);
      }
      closeEditors();

      const data = server.backend;
      await server.close({ keepData: true });
      server = await buildTestServer(data);
      expect(witness.check(await readDocumentFromServer(server.url, id))).toEqual({ typed: rounds * 26, lost: 0, problems: [] });
      // The REST API reads the same cells.
      await eventually(async () => {
        const journey = (await (await authorizedFetch(`${server.url}/api/journeys/${id}`)).json()) as { cells: { stepId: string; text: string }[] };
        expect(journey.cells.filter((cell) => stepIds.includes(cell.stepId as StepId)).map((cell) => cell.text.length)).toEqual(stepIds.map(() => 26));
      });
    } finally {
      closeEditors();
    }
  });
});
