// GET /api/journeys/:id/state of a stored journey applies it on the document thread
// (collaboration/documentThread.ts): a 200 × 12 map took the server's one thread 0.1–0.4 s, and
// the editor's own files, asked for by the same page at the same moment, waited behind it.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { journeyFromDoc } from '@klantreis/sync';
import { bigJourney } from '../../../../bench/editor/bigJourney.ts';
import { buildTestServer, type TestServer } from '../testServer.ts';

/** Watches this thread: the longest it went without running a timer due every millisecond. */
function watchStalls(): { longest(): Promise<number> } {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  return {
    async longest() {
      await sleep(5); // the timer's turn after the last stall
      clearInterval(timer);
      return longest;
    },
  };
}

describe("a big map's state for a first visit (400 steps × 17 lanes)", () => {
  let server: TestServer;
  let id: string;

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' });
    const imported = await server.fetch('/api/journeys/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bigJourney(400, 8)) });
    id = ((await imported.json()) as { id: string }).id;
  });
  afterAll(async () => {
    await server.close();
  });

  it('is worked out off the server’s thread, which keeps answering meanwhile', async () => {
    // The longest the server's thread (this process's: the server runs in it) was kept busy
    // while each answer was worked out. Three tries: one can meet a garbage collection.
    const longestStalls: number[] = [];
    // What the server's thread did before, timed here: the state applied to a document.
    const applyTimes: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const stalls = watchStalls();
      const response = await server.fetch(`/api/journeys/${id}/state`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      longestStalls.push(await stalls.longest());
      expect(response.status).toBe(200);
      const started = performance.now();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, bytes);
      expect(journeyFromDoc(doc).steps).toHaveLength(400);
      applyTimes.push(performance.now() - started);
    }
    // On this thread, the server stalled at least as long as the apply takes.
    expect(Math.min(...longestStalls)).toBeLessThan(Math.min(...applyTimes) / 2);
  });
});
