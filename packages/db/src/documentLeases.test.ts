import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { createBlankJourney } from '@klantreis/schema';
import { journeyToUpdate } from '@klantreis/sync';
import { createTestDatabase } from '../../../testing/testDatabase.ts';
import { DocumentLeases, LeaseLostError } from './documentLeases.ts';
import type { JourneyStore } from './journeyStore.ts';
import { openPostgresStore } from './postgresStore.ts';

// Leases and fenced writes on a real PostgreSQL: the guarantee that two server processes never
// both write one journey's rows (docs/deploy.md). CI runs these; without PostgreSQL they skip.
const postgresUrl = inject('postgresUrl');
const TTL_MS = 400;

/** One small Yjs update, different each time. */
function anUpdate(label: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('probe').set(label, label);
  return Y.encodeStateAsUpdate(doc);
}

describe.skipIf(!postgresUrl)('DocumentLeases on PostgreSQL', () => {
  let store: JourneyStore;
  let leases: DocumentLeases;
  beforeAll(async () => {
    store = await openPostgresStore(await createTestDatabase(postgresUrl!));
    leases = new DocumentLeases(store.db, { ttlMs: TTL_MS });
  });
  afterAll(async () => {
    await store.close();
  });

  async function createJourney(): Promise<string> {
    const document = createBlankJourney('Leases');
    const id = `jr_${Math.random().toString(36).slice(2)}`;
    await store.createJourney({ id, document, state: journeyToUpdate(document) });
    return id;
  }

  it('gives a journey one holder at a time, and a larger token to the next once the lease runs out', async () => {
    const id = await createJourney();
    const first = await leases.acquire(id, 'a', 'http://127.0.0.1:1');
    expect(first.acquired).toBe(true);
    const refused = await leases.acquire(id, 'b', 'http://127.0.0.1:2');
    expect(refused).toMatchObject({ acquired: false, holder: { owner: 'a', address: 'http://127.0.0.1:1' } });
    if (refused.acquired) throw new Error('unreachable');
    expect(refused.holder.remainingMs).toBeGreaterThan(0);
    expect(refused.holder.remainingMs).toBeLessThanOrEqual(TTL_MS);
    await sleep(TTL_MS + 50);
    const second = await leases.acquire(id, 'b', 'http://127.0.0.1:2');
    if (!first.acquired || !second.acquired) throw new Error('expected both to acquire');
    expect(second.token).toBeGreaterThan(first.token);
    expect(await leases.holder(id)).toMatchObject({ owner: 'b', token: second.token });
  });

  it('keeps a renewed lease, and tells the former holder its lease is gone after a forced takeover', async () => {
    const id = await createJourney();
    const a = await leases.acquire(id, 'a', 'http://127.0.0.1:1');
    if (!a.acquired) throw new Error('a should acquire');
    for (let i = 0; i < 3; i++) {
      await sleep(TTL_MS / 2);
      expect(await leases.renew('a', new Map([[id, a.token]]))).toEqual([]);
    }
    expect((await leases.acquire(id, 'b', 'http://127.0.0.1:2')).acquired).toBe(false);
    const b = await leases.acquire(id, 'b', 'http://127.0.0.1:2', { takeOver: a.token });
    expect(b.acquired).toBe(true);
    expect(await leases.renew('a', new Map([[id, a.token]]))).toEqual([id]);
    // A takeover of a's lease, asked for by a slower process, leaves b's alone.
    expect((await leases.acquire(id, 'c', 'http://127.0.0.1:3', { takeOver: a.token })).acquired).toBe(false);
    // A release under the old token leaves the new holder's lease alone.
    await leases.release(id, a.token);
    expect(await leases.holder(id)).toMatchObject({ owner: 'b' });
  });

  it('stores a fenced write only under the current token, all rows of the batch or none', async () => {
    const id = await createJourney();
    const other = await createJourney();
    const a = await leases.acquire(id, 'a', 'http://127.0.0.1:1');
    const aOther = await leases.acquire(other, 'a', 'http://127.0.0.1:1');
    if (!a.acquired || !aOther.acquired) throw new Error('a should acquire');
    const tokens = new Map([
      [id, a.token],
      [other, aOther.token],
    ]);
    await leases.appendFenced([{ journeyId: id, update: anUpdate('one') }], tokens);
    expect(await store.countUpdates(id)).toBe(1);

    const b = await leases.acquire(id, 'b', 'http://127.0.0.1:2', { takeOver: a.token });
    if (!b.acquired) throw new Error('b should acquire');
    const refused = leases.appendFenced(
      [
        { journeyId: other, update: anUpdate('other') },
        { journeyId: id, update: anUpdate('two') },
      ],
      tokens,
    );
    await expect(refused).rejects.toBeInstanceOf(LeaseLostError);
    await expect(refused).rejects.toMatchObject({ journeyIds: [id] });
    expect(await store.countUpdates(id)).toBe(1);
    expect(await store.countUpdates(other)).toBe(0);

    await leases.appendFenced([{ journeyId: id, update: anUpdate('three') }], new Map([[id, b.token]]));
    expect(await store.countUpdates(id)).toBe(2);
    // Each row says which lease it was written under.
    const written = await store.db.selectFrom('journey_updates').select('lease_token').where('journey_id', '=', id).orderBy('seq').execute();
    expect(written.map((row) => Number(row.lease_token))).toEqual([a.token, b.token]);
    // A write without any token (a process that never held the lease) is refused too.
    await expect(leases.appendFenced([{ journeyId: id, update: anUpdate('four') }], new Map())).rejects.toBeInstanceOf(LeaseLostError);
  });

  it('never acknowledges a write the new holder did not load: every row stored under the old token is there when the takeover returns', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await createJourney();
      const a = await leases.acquire(id, 'a', 'http://127.0.0.1:1');
      if (!a.acquired) throw new Error('a should acquire');
      const tokens = new Map([[id, a.token]]);
      const acknowledged: string[] = [];
      const refused: string[] = [];
      let writing = true;
      // The old holder writes as fast as it can while the new one takes over.
      const writer = (async () => {
        for (let i = 0; writing && i < 2_000; i++) {
          const label = `w${i}`;
          try {
            await leases.appendFenced([{ journeyId: id, update: anUpdate(label) }], tokens);
            acknowledged.push(label);
          } catch (error) {
            if (!(error instanceof LeaseLostError)) throw error;
            refused.push(label);
          }
        }
      })();
      await sleep(20 + round * 15);
      const b = await leases.acquire(id, 'b', 'http://127.0.0.1:2', { takeOver: a.token });
      expect(b.acquired).toBe(true);
      const loaded = await store.loadDocument(id);
      const acknowledgedAtTakeover = [...acknowledged];
      await sleep(30);
      writing = false;
      await writer;

      const seen = new Y.Doc();
      if (loaded!.state) Y.applyUpdate(seen, loaded!.state);
      for (const update of loaded!.updates) Y.applyUpdate(seen, update);
      const labels = new Set(seen.getMap('probe').keys());
      // Everything acknowledged before the takeover returned is in what the new holder loaded,
      expect(acknowledgedAtTakeover.filter((label) => !labels.has(label))).toEqual([]);
      // and nothing was acknowledged after it: each later write was refused.
      expect(acknowledged.filter((label) => !labels.has(label))).toEqual([]);
      expect(refused.length).toBeGreaterThan(0);
    }
  });

  it('makes a takeover wait for a fenced write that has checked its token, so the new holder loads that row', async () => {
    const id = await createJourney();
    const a = await leases.acquire(id, 'a', 'http://127.0.0.1:1');
    if (!a.acquired) throw new Error('a should acquire');
    let takeover: Promise<unknown> = Promise.resolve();
    let tookOverAt = 0;
    let committedAt = 0;
    await store.db.transaction().execute(async (trx) => {
      await leases.checkFence(trx, [id], new Map([[id, a.token]]));
      takeover = leases.acquire(id, 'b', 'http://127.0.0.1:2', { takeOver: a.token }).then(() => (tookOverAt = performance.now()));
      await sleep(200);
      expect(tookOverAt).toBe(0);
      await trx.insertInto('journey_updates').values({ journey_id: id, data: anUpdate('in flight'), created_at: Date.now() }).execute();
      committedAt = performance.now();
    });
    await takeover;
    expect(tookOverAt).toBeGreaterThanOrEqual(committedAt);
    expect((await store.loadDocument(id))!.updates).toHaveLength(1);
  });

  it('lets a compaction never move the merged state back', async () => {
    const id = await createJourney();
    for (const label of ['x', 'y', 'z']) await store.appendUpdate(id, anUpdate(label));
    const stored = await store.loadDocument(id);
    const merged = Y.mergeUpdates([stored!.state!, ...stored!.updates]);
    await store.compact(id, merged, stored!.lastSeq);
    // A slower process merged only up to an older row: its state must not replace the newer one.
    await store.compact(id, stored!.state!, stored!.lastSeq - 2);
    const after = await store.loadDocument(id);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, after!.state!);
    expect([...doc.getMap('probe').keys()].sort()).toEqual(['x', 'y', 'z']);
  });
});
