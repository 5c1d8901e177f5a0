import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './databaseSchema.ts';
import { JourneyStore } from './journeyStore.ts';
import { migrateToLatest } from './migrator.ts';

/** The embedded default: one SQLite file, WAL, and FULL sync so a power cut loses no commit. */
export async function openSqliteStore(file: string): Promise<JourneyStore> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateToLatest(db as Kysely<unknown>, 'sqlite');
  const insertUpdate = sqlite.prepare('insert into journey_updates (journey_id, data, created_at) values (?, ?, ?)');
  return new JourneyStore({
    db,
    dialect: 'sqlite',
    appendUpdate: (journeyId, update, at) => {
      insertUpdate.run(journeyId, update, at);
    },
    close: async () => {
      await db.destroy();
    },
  });
}
