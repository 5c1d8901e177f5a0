import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './databaseSchema.ts';
import { JourneyStore, type UpdateRow } from './journeyStore.ts';
import { migrateToLatest } from './migrator.ts';
import { SqliteUpdateThread } from './sqliteUpdateThread.ts';

export interface SqliteStoreOptions {
  /**
   * Commit batches of update rows (`appendUpdates`) on a worker thread, so their fsync does
   * not hold up the caller's thread. On by default for a file; an in-memory database has
   * no file a second connection could open.
   */
  updateThread?: boolean;
  /** How long the update thread may idle before it stops (10 s); a test shortens it. */
  updateThreadIdleMs?: number;
}

/** The embedded default: one SQLite file, WAL, and FULL sync so a power cut loses no commit. */
export async function openSqliteStore(file: string, options: SqliteStoreOptions = {}): Promise<JourneyStore> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateToLatest(db as Kysely<unknown>, 'sqlite');
  const insertUpdate = sqlite.prepare('insert into journey_updates (journey_id, data, created_at) values (?, ?, ?)');
  const insertUpdates = sqlite.transaction((rows: readonly UpdateRow[], at: number) => {
    for (const row of rows) insertUpdate.run(row.journeyId, row.update, at);
  });
  const upsertState = sqlite.prepare(
    'insert into journey_states (journey_id, state, upto_seq) values (?, ?, ?) on conflict (journey_id) do update set state = excluded.state, upto_seq = excluded.upto_seq',
  );
  const deleteMergedUpdates = sqlite.prepare('delete from journey_updates where journey_id = ? and seq <= ?');
  // Synchronous like the inserts: a Kysely transaction spans several awaits on this same
  // connection, and an update row inserted in between would commit (or not) with it.
  const compactState = sqlite.transaction((journeyId: string, state: Uint8Array, uptoSeq: number) => {
    upsertState.run(journeyId, state, uptoSeq);
    deleteMergedUpdates.run(journeyId, uptoSeq);
  });
  const updateThread = file !== ':memory:' && (options.updateThread ?? true) ? new SqliteUpdateThread(file, options.updateThreadIdleMs) : null;
  return new JourneyStore({
    db,
    dialect: 'sqlite',
    appendUpdate: (journeyId, update, at) => {
      insertUpdate.run(journeyId, update, at);
    },
    appendUpdates: (rows, at) => {
      if (rows.length === 0) return undefined;
      if (updateThread) return updateThread.append(rows, at);
      insertUpdates(rows, at);
      return undefined;
    },
    compact: (journeyId, state, uptoSeq) => {
      compactState(journeyId, state, uptoSeq);
    },
    close: async () => {
      await updateThread?.close();
      await db.destroy();
    },
  });
}

/**
 * SQLite's own check of a database file ("ok" when sound), opened on its own connection as
 * a restarted server would open it, so a crash's write-ahead log is recovered first.
 */
export function sqliteIntegrityCheck(file: string): string {
  const sqlite = new BetterSqlite3(file, { fileMustExist: true });
  try {
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).join('; ');
  } finally {
    sqlite.close();
  }
}
