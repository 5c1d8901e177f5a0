// The editor's first sync of a map the browser has no copy of (issue 14, opening the 200 × 12
// map in under 1 s): the server's answer, the whole document, goes to the document's update
// listeners (y-indexeddb stores it) as it came over the socket, not encoded again by Yjs from
// the transaction that applied it, which for a big map cost as much as applying it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { LaneId, StepId } from '@klantreis/schema';
import { collabUrl, journeyFromDoc, setCellText } from '@klantreis/sync';
import { buildTestServer, until, type TestServer } from '../apps/server/src/testServer.ts';
import { tokenFor } from '../apps/server/src/testCredentials.ts';
import { LocalFirstProvider, syncStep2UpdateOf } from '../apps/web/src/hooks/localCopyFirst.ts';

describe('the first sync of a map the browser has no copy of', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' });
  });
  afterAll(() => server?.close());

  it('hands the server’s answer to the update listeners as it came, and the map is there', async () => {
    const journeyId = await server.server.creator.fromTemplate('ikea-visit', 'en');
    const doc = new Y.Doc();
    const heard: { update: Uint8Array; origin: unknown }[] = [];
    doc.on('update', (update: Uint8Array, origin: unknown) => heard.push({ update, origin }));
    const answers: ArrayBuffer[] = [];
    const provider = new LocalFirstProvider({ url: collabUrl(server.url, journeyId), name: journeyId, document: doc, token: tokenFor(server.url) });
    provider.on('message', ({ event }: { event: MessageEvent }) => {
      if (event.data instanceof ArrayBuffer && syncStep2UpdateOf(new Uint8Array(event.data))) answers.push(event.data);
    });
    provider.waitFor(Promise.resolve()); // no copy in this browser
    try {
      await until('the first sync', () => provider.synced);
      expect(journeyFromDoc(doc).steps.length).toBeGreaterThan(5);
      expect(answers).toHaveLength(1);
      const answer = syncStep2UpdateOf(new Uint8Array(answers[0]!))!;
      const fromServer = heard.filter((h) => h.origin === provider);
      expect(fromServer).toHaveLength(1);
      // The very bytes of the message: Yjs encoded nothing for the listeners.
      expect(fromServer[0]!.update).toEqual(answer);
      expect(fromServer[0]!.update.buffer).toBe(answers[0]);
      // And it is a whole copy: another document made from it alone holds the same journey.
      const copy = new Y.Doc();
      Y.applyUpdate(copy, fromServer[0]!.update);
      expect(journeyFromDoc(copy)).toEqual(journeyFromDoc(doc));

      // The listeners are back for what follows: an edit of this editor's is heard and stored.
      heard.length = 0;
      const journey = journeyFromDoc(doc);
      const origin = { source: 'editor' };
      setCellText(doc, journey.lanes[0]!.id as LaneId, journey.steps[0]!.id as StepId, 'Typed at once', origin);
      expect(heard.map((h) => h.origin)).toEqual([origin]);
    } finally {
      provider.destroy();
    }
  });
});
