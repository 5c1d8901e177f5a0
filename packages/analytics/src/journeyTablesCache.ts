import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { JourneyIndex } from './journeyIndex.ts';
import { sqlString } from './sqlText.ts';

/*
 * The tables that the activity mapping makes of the journey index (journey_cases and
 * journey_visits, see journeyAnalysis.ts) take most of the metrics' time, and a dashboard is
 * opened far more often than its mapping changes. So they can be kept as Parquet in a cache
 * folder, one entry per mapping, named by the hash of everything they are computed from: the
 * index (its imports and when it was built) and the SQL that builds them, which holds the mapping
 * as step numbers per activity, the end steps and the first step. A new import, another mapping,
 * or code that builds the tables differently gives another name, so a stale entry is never read.
 * Only the newest entry is kept.
 *
 * An entry is a DuckDB database file that the analysis attaches read only and reads the tables
 * from in place, through views, instead of copying them out of Parquet into memory first (10M
 * events: the dashboard from the cache 2.0–2.45 s against 2.4–2.9 s; bench/analytics/README.md).
 */

export const CACHED_TABLES = ['journey_cases', 'journey_visits'] as const;
const ENTRY_FILE = 'tables.duckdb';
/** The name under which an analysis attaches the entry it reads. */
const ATTACHED_ENTRY = 'journey_tables_cache';

/** A partial entry older than this was left by a process that stopped while writing it. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

export function journeyTablesKey(index: JourneyIndex, buildStatements: readonly string[]): string {
  const identity = { version: index.version, eventDirectories: index.eventDirectories, builtAt: index.builtAt, buildStatements };
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 32);
}

/** Makes the cached tables readable under their own names from the entry `key`; false when there is no such entry (or it could not be read). */
export async function loadJourneyTables(connection: DuckDBConnection, directory: string, key: string): Promise<boolean> {
  const entry = join(directory, key, ENTRY_FILE);
  try {
    await stat(entry);
  } catch {
    return false;
  }
  try {
    // Once attached the file stays readable, even when another process removes the entry (a newer mapping).
    await connection.run(`ATTACH ${sqlString(entry)} AS ${ATTACHED_ENTRY} (READ_ONLY)`);
    for (const table of CACHED_TABLES) await connection.run(`CREATE TEMP VIEW ${table} AS SELECT * FROM ${ATTACHED_ENTRY}.${table}`);
    return true;
  } catch {
    // Removed before it could be attached, or not readable: build the tables instead, and remove
    // a damaged entry so that the next save can put it back (it keeps an existing entry).
    for (const table of CACHED_TABLES) await connection.run(`DROP VIEW IF EXISTS ${table}`);
    await connection.run(`DETACH DATABASE IF EXISTS ${ATTACHED_ENTRY}`);
    await rm(join(directory, key), { recursive: true, force: true });
    return false;
  }
}

/**
 * Writes the tables as the entry `key` and removes the other entries. Written beside it first and
 * renamed, so a reader never sees half an entry.
 */
export async function saveJourneyTables(connection: DuckDBConnection, directory: string, key: string): Promise<void> {
  await mkdir(directory, { recursive: true });
  const partial = join(directory, `${key}.partial-${randomUUID()}`);
  await mkdir(partial);
  try {
    const written = 'journey_tables_written';
    await connection.run(`ATTACH ${sqlString(join(partial, ENTRY_FILE))} AS ${written}`);
    try {
      // In the order of their rows: journey_visits_with_start reads a visit's start from the row before.
      for (const table of CACHED_TABLES) await connection.run(`CREATE TABLE ${written}.${table} AS SELECT * FROM ${table}`);
    } finally {
      // Writes the file whole (a checkpoint) before the entry is renamed into place.
      await connection.run(`DETACH ${written}`);
    }
    await rename(partial, join(directory, key));
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    // Another process stored the same entry first.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
  }
  for (const name of await readdir(directory)) {
    if (name === key) continue;
    const path = join(directory, name);
    if (name.includes('.partial-') && !(await abandoned(path))) continue;
    await rm(path, { recursive: true, force: true });
  }
}

async function abandoned(partial: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(partial)).mtimeMs > ABANDONED_AFTER_MS;
  } catch {
    return false;
  }
}
