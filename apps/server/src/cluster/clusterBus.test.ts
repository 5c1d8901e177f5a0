import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterBus, type ClusterMessage } from './clusterBus.ts';

// The messages between processes on a real redis-server: delivered to the others (not back to
// the sender), a burst of content changes folded, nothing thrown while Redis is away, and
// `resync` once it is back; sign-in attempts counted across processes.

const REDIS = '/usr/bin/redis-server';
if (process.env.CI === 'true' && !existsSync(REDIS)) throw new Error('redis-server must be installed in CI (apt-get install redis-server)');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until(what: string, probe: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!probe()) {
    if (performance.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await sleep(20);
  }
}

describe.skipIf(!existsSync(REDIS))('ClusterBus on redis-server', () => {
  let port: number;
  let redis: ChildProcess | null = null;
  const buses: ClusterBus[] = [];

  async function startRedis(): Promise<void> {
    redis = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const probe = new ClusterBus(`redis://127.0.0.1:${port}`, 'probe');
    await sleep(200);
    await probe.close();
  }

  async function stopRedis(): Promise<void> {
    const child = redis;
    redis = null;
    if (!child || child.exitCode !== null) return;
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
  }

  async function bus(name: string): Promise<ClusterBus> {
    const created = new ClusterBus(`redis://127.0.0.1:${port}`, name);
    await created.start();
    buses.push(created);
    return created;
  }

  beforeAll(async () => {
    port = await freePort();
    await startRedis();
  });
  afterAll(async () => {
    for (const created of buses) await created.close();
    await stopRedis();
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
    await stopRedis();
    await sleep(300);
    expect(() => a.publish({ kind: 'access-changed', userId: 'while-away' })).not.toThrow();
    const rule = { window: 60, max: 1 };
    expect((await a.rateLimit().consume('away|1', rule)).allowed).toBe(true);
    expect((await a.rateLimit().consume('away|1', rule)).allowed).toBe(false);
    await startRedis();
    await until('b resyncs after Redis is back', () => resyncs > 0, 10_000);
    a.publish({ kind: 'access-changed', userId: 'after' });
    await until('b hears a message again', () => heard.some((m) => m.kind === 'access-changed' && m.userId === 'after'), 10_000);
    // What was said while Redis was away is gone, not delivered late.
    expect(heard.some((m) => m.kind === 'access-changed' && m.userId === 'while-away')).toBe(false);
  });

  it('ignores messages that are not ours: malformed JSON, unknown kinds, missing fields', async () => {
    const a = await bus('strict-a');
    const heard: ClusterMessage[] = [];
    a.listen((message) => heard.push(message));
    const raw = new ClusterBus(`redis://127.0.0.1:${port}`, 'raw');
    buses.push(raw);
    await raw.start();
    const { Redis } = await import('ioredis');
    const client = new Redis(`redis://127.0.0.1:${port}`);
    for (const text of ['not json', '{"from":"x","kind":"drop-tables"}', '{"from":"x","kind":"journey-changed","journeyId":5,"change":"content"}', '{"kind":"access-changed","userId":"u"}', '{"from":"x","kind":"presentation-moved","journeyId":"j","stepIndex":1.5,"at":1}']) {
      await client.publish('klantreis:cluster', text);
    }
    await client.publish('klantreis:cluster', JSON.stringify({ from: 'x', kind: 'access-changed', userId: 'ok' }));
    await until('the valid message arrives', () => heard.length > 0);
    expect(heard).toEqual([{ from: 'x', kind: 'access-changed', userId: 'ok' }]);
    client.disconnect();
  });
});
