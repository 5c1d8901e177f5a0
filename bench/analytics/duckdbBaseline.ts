/**
 * The same import and metrics as importLargeLog.ts, written by hand in DuckDB SQL with its native
 * CSV reader and no validation: the floor to compare our importer with.
 *   /usr/bin/time -v node bench/analytics/duckdbBaseline.ts /tmp/klantreis-10m-events.csv
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { analystDfgSql, analystStatsSql } from './analystSql.ts';

const file = process.argv[2] ?? '/tmp/klantreis-10m-events.csv';
const directory = await mkdtemp(join(tmpdir(), 'klantreis-baseline-'));
const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', memory_limit: '1GB' });
const connection = await instance.connect();
const seconds = (from: number): string => ((performance.now() - from) / 1000).toFixed(1);
const quoted = (text: string): string => `'${text.replaceAll("'", "''")}'`;

try {
  await connection.run("SET TimeZone = 'UTC'");
  let started = performance.now();
  const parquet = join(directory, 'events.parquet');
  await connection.run(`
    COPY (
      SELECT case_id, activity, CAST(timestamp AS TIMESTAMP) AS ts, row_number() OVER () - 1 AS file_order,
             channel, resource, segment, json_object('cost', cost)::VARCHAR AS attributes
      FROM read_csv(${quoted(file)}, header = true, delim = ',', quote = '"',
        columns = {'case_id': 'VARCHAR', 'activity': 'VARCHAR', 'timestamp': 'VARCHAR', 'channel': 'VARCHAR',
                   'resource': 'VARCHAR', 'segment': 'VARCHAR', 'cost': 'DOUBLE'})
    ) TO ${quoted(parquet)} (FORMAT parquet, COMPRESSION zstd)`);
  await connection.run(`CREATE VIEW events AS SELECT * FROM read_parquet(${quoted(parquet)})`);
  console.log(`import (read_csv to Parquet): ${seconds(started)} s`);

  started = performance.now();
  const stats = await connection.runAndReadAll(analystStatsSql('ts, file_order'));
  const [row] = stats.getRowObjectsJson();
  if (!row) throw new Error('the stats query returned no row');
  console.log(`stats: ${seconds(started)} s`, { cases: row.cases, events: row.events, activities: row.activities, variants: row.variants });

  started = performance.now();
  const dfg = await connection.runAndReadAll(analystDfgSql('ts', 'ts, file_order'));
  console.log(`dfg: ${seconds(started)} s, ${dfg.currentRowCount} edges`);
  console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  connection.closeSync();
  instance.closeSync();
  await rm(directory, { recursive: true, force: true });
}
