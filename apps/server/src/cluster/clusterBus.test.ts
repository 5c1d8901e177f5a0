import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisAvailable, startRedis, type RunningRedis } from '../../../../testing/redisServer.ts';
import { until } from '../testServer.ts';
import { ClusterBus, type ClusterMessage } from './clusterBus.ts';

// The messages between processes on a real redis-server: delivered to the others (not back to
// the sender), a burst of content changes folded, nothing thrown while Redis is away, and
// `resync` once it is back; sign-in attempts counted across processes.

describe.skipIf(!redisAvailable())('ClusterBus on redis-server', () => {
  let redis: RunningRedis;
  const buses: ClusterBus[] = [];

  async function bus(name: string): Promise<ClusterBus> {
    const created = new ClusterBus(redis.url, name);
    await created.start();
    buses.push(created);
    return created;
  }

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const created of buses) await created.close();
    await redis.stop();
  });

  it('tells the other processes, not the sender, and folds a burst of content changes into one', async () => {
    const a = await bus('a');
    const b = await bus('b');
    const heardByA: ClusterMessage[] = [];
    const heardByB: ClusterMessage[] = [];
    a.listen((message) => heardByA.push(message));
    b.listen((message) => heardByB.push(message));
    for (let i = 0; i < 20; i++) a.publish({ kind: 'journey-changed', journeyId: 'j1', change: 'content' });
    a.publish({ kind: 'access-changed', userId: 'u1' });
    a.publish({ kind: 'journey-changed', journeyId: 'j1', change: 'trash' });
    await until('b hears the content change', () => heardByB.some((m) => m.kind === 'journey-changed' && m.change === 'content'));
    await sleep(300);
    expect(heardByB.filter((m) => m.kind === 'journey-changed' && m.change === 'content')).toHaveLength(1);
    expect(heardByB).toContainEqual(expect.objectContaining({ kind: 'access-changed', userId: 'u1' }));
    expect(heardByB).toContainEqual(expect.objectContaining({ kind: 'journey-changed', journeyId: 'j1', change: 'trash' }));
    expect(heardByA).toEqual([]);
  });

  it('counts sign-in attempts across processes: the limit holds for all of them together', async () => {
    const a = await bus('rate-a');
    const b = await bus('rate-b');
    const rule = { window: 60, max: 4 };
    const outcomes: boolean[] = [];
    for (let i = 0; i < 3; i++) outcomes.push((await a.rateLimit().consume('sign-in|10.0.0.1', rule)).allowed, (await b.rateLimit().consume('sign-in|10.0.0.1', rule)).allowed);
    expect(outcomes.filter(Boolean)).toHaveLength(4);
    const refused = await b.rateLimit().consume('sign-in|10.0.0.1', rule);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfter).toBeGreaterThan(0);
    expect(refused.retryAfter).toBeLessThanOrEqual(60);
    // Another client is counted on its own.
    expect((await a.rateLimit().consume('sign-in|10.0.0.2', rule)).allowed).toBe(true);
  });

  it('throws nothing while Redis is away, counts attempts per process meanwhile, and says resync once it is back', async () => {
    const a = await bus('away-a');
    const b = await bus('away-b');
    let resyncs = 0;
    b.onResync(() => resyncs++);
    const heard: ClusterMessage[] = [];
    b.listen((message) => heard.push(message));
    await redis.stop();
    await sleep(300);
    expect(() => a.publish({ kind: 'access-changed', userId: 'while-away' })).not.toThrow();
    const rule = { window: 60, max: 1 };
    expect((await a.rateLimit().consume('away|1', rule)).allowed).toBe(true);
    expect((await a.rateLimit().consume('away|1', rule)).allowed).toBe(false);
    await redis.start();
    await until('b resyncs after Redis is back', () => resyncs > 0, 10_000);
    // b's subscription is back; a's own connection may come back a moment later, and what it
    // says before then is dropped by design: said again until b hears it.
    let saidAt = 0;
    await until(
      'b hears a message again',
      () => {
        if (Date.now() - saidAt > 250) {
          saidAt = Date.now();
          a.publish({ kind: 'access-changed', userId: 'after' });
        }
        return heard.some((m) => m.kind === 'access-changed' && m.userId === 'after');
      },
      10_000,
    );
    // What was said while Redis was away is gone, not delivered late.
    expect(heard.some((m) => m.kind === 'access-changed' && m.userId === 'while-away')).toBe(false);
  });

  it('ignores messages that are not ours: malformed JSON, unknown kinds, missing fields', async () => {
    const a = await bus('strict-a');
    const heard: ClusterMessage[] = [];
    a.listen((message) => heard.push(message));
    const { Redis } = await import('ioredis');
    const client = new Redis(redis.url);
    for (const text of ['not json', '{"from":"x","kind":"drop-tables"}', '{"from":"x","kind":"journey-changed","journeyId":5,"change":"content"}', '{"kind":"access-changed","userId":"u"}', '{"from":"x","kind":"presentation-moved","journeyId":"j","stepIndex":1.5,"at":1}']) {
      await client.publish('klantreis:cluster', text);
    }
    await client.publish('klantreis:cluster', JSON.stringify({ from: 'x', kind: 'access-changed', userId: 'ok' }));
    await until('the valid message arrives', () => heard.length > 0);
    expect(heard).toEqual([{ from: 'x', kind: 'access-changed', userId: 'ok' }]);
    client.disconnect();
  });
});
