import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './databaseSchema.ts';
import { JourneyStore } from './journeyStore.ts';
import { migrateToLatest } from './migrator.ts';

const INT8_OID = 20;

/** The server store, chosen by DATABASE_URL: same queries and migrations as SQLite. */
export async function openPostgresStore(connectionString: string): Promise<JourneyStore> {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    // Epoch milliseconds are bigint columns; they fit a JavaScript number exactly.
    types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format as 'text')) } as pg.CustomTypesConfig,
  });
  // An idle connection that PostgreSQL closes (a restart, a failover) is an 'error' event on
  // the pool: without a listener it ends the whole process. The pool opens a new one when
  // next asked; the request that meets the outage gets its own error (503, httpErrors.ts).
  pool.on('error', (error) => console.warn(`PostgreSQL: an idle connection was closed (${error.message}); it reconnects when next needed`));
  // The same for a connection in use between two statements (a transaction): the statement
  // waiting on it fails on its own; without this listener the error event ended the process.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(db as Kysely<unknown>, 'postgres');
  return new JourneyStore({ db, dialect: 'postgres' });
}
