import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startPostgres, type RunningPostgres } from '../../../testing/postgresServer.ts';
import { isDatabaseUnavailable } from './documentLeases.ts';
import type { JourneyStore } from './journeyStore.ts';
import { openPostgresStore } from './postgresStore.ts';

// PostgreSQL restarted under a running server: idle connections and one held by a transaction
// between two statements both break. Node's pg emits that as an 'error' event, which without a
// listener ends the whole process (found by the failure tests of issue 15: every process of a
// deployment died with its database). The statements fail, say why, and work again after.
const postgresThere = inject('postgresUrl') !== null;

describe.skipIf(!postgresThere)('a PostgreSQL restart under the store', () => {
  let postgres: RunningPostgres;
  let store: JourneyStore;
  beforeAll(async () => {
    const started = await startPostgres();
    if ('unavailable' in started) throw new Error(started.unavailable);
    postgres = started;
    store = await openPostgresStore(postgres.url);
  }, 60_000);
  afterAll(async () => {
    await store?.close().catch(() => undefined);
    postgres?.stop();
  });

  it('fails the statements in flight as "unavailable", keeps the process, and answers again after', async () => {
    await store.ping();
    // One connection idle in the pool, one inside a transaction between two statements.
    let failedInTransaction: unknown = null;
    const inTransaction = store.db
      .transaction()
      .execute(async (trx) => {
        await sql`select 1`.execute(trx);
        await sleep(700);
        await sql`select 2`.execute(trx);
      })
      .catch((error: unknown) => (failedInTransaction = error));
    await sleep(200);
    postgres.halt();
    await inTransaction;
    expect(failedInTransaction).not.toBeNull();
    expect(isDatabaseUnavailable(failedInTransaction), String(failedInTransaction)).toBe(true);
    const whileDown = await store.ping().then(
      () => null,
      (error: unknown) => error,
    );
    expect(isDatabaseUnavailable(whileDown), String(whileDown)).toBe(true);
    postgres.resume();
    let answered = false;
    for (let i = 0; i < 50 && !answered; i++) {
      answered = await store.ping().then(
        () => true,
        () => false,
      );
      if (!answered) await sleep(100);
    }
    expect(answered).toBe(true);
  });
});
