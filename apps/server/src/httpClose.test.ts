// A stop must not wait for a client to let go of its connection. Node's HTTP server closes the
// keep-alive connections idle when the stop begins and waits for the others: one whose response
// was still being made stayed open after it, until fetch dropped it after the 72 s Fastify
// announces (Keep-Alive: timeout=72). The convergence test's restarts took 71 s now and then.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTestServer, type TestServer } from './testServer.ts';

describe('stopping the server', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await server?.close();
    server = undefined;
  });

  it('answers a request under way and stops within seconds, not when the client drops its connection', { timeout: 20_000 }, async () => {
    const running = await buildTestServer({ kind: 'sqlite' });
    server = running;
    let started!: () => void;
    const underWay = new Promise<void>((resolve) => (started = resolve));
    const listJourneys = running.store.listJourneys.bind(running.store);
    vi.spyOn(running.store, 'listJourneys').mockImplementation(async (...args) => {
      started();
      await new Promise((resolve) => setTimeout(resolve, 500));
      return listJourneys(...args);
    });
    const answer = running.fetch('/api/journeys');
    await underWay;

    const stopping = performance.now();
    server = undefined;
    const stopped = running.close();
    expect((await answer).status).toBe(200);
    await stopped;
    expect(performance.now() - stopping).toBeLessThan(5_000);
  });
});
