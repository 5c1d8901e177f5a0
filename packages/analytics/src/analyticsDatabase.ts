import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface AnalyticsDatabaseOptions {
  /** A database file; in memory when left out. */
  path?: string;
  /** DuckDB's memory limit, e.g. '1GB'; beyond it DuckDB spills to `tempDirectory`. */
  memoryLimit?: string;
  tempDirectory?: string;
  threads?: number;
}

export interface AnalyticsDatabase {
  connection: DuckDBConnection;
  close(): void;
}

/**
 * Opens DuckDB with extension downloads off: nothing may reach the network, and parquet, json and
 * icu are built into the Node bindings. Time zone UTC, because event timestamps are stored in UTC
 * and TIMESTAMPTZ casts must not depend on the server's zone.
 */
export async function openAnalyticsDatabase(options: AnalyticsDatabaseOptions = {}): Promise<AnalyticsDatabase> {
  const settings: Record<string, string> = {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  };
  if (options.memoryLimit !== undefined) settings.memory_limit = options.memoryLimit;
  if (options.tempDirectory !== undefined) settings.temp_directory = options.tempDirectory;
  if (options.threads !== undefined) settings.threads = String(options.threads);
  const instance = await DuckDBInstance.create(options.path ?? ':memory:', settings);
  const connection = await instance.connect();
  await connection.run("SET autoinstall_known_extensions = false; SET autoload_known_extensions = false; SET TimeZone = 'UTC'");
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
