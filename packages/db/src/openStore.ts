import { join } from 'node:path';
import type { JourneyStore } from './journeyStore.ts';
import { openPostgresStore } from './postgresStore.ts';
import { openSqliteStore } from './sqliteStore.ts';

export interface StoreConfig {
  /** A postgres:// URL; without one the embedded SQLite file in `dataDir` is used. */
  databaseUrl?: string;
  dataDir: string;
}

export function openStore(config: StoreConfig): Promise<JourneyStore> {
  if (config.databaseUrl) return openPostgresStore(config.databaseUrl);
  return openSqliteStore(join(config.dataDir, 'klantreis.sqlite'));
}
