/**
 * The same import and metrics as importLargeLog.ts, written by hand in DuckDB SQL with its native
 * CSV reader and no validation: the floor to compare our importer with.
 *   /usr/bin/time -v node bench/analytics/duckdbBaseline.ts /tmp/klantreis-10m-events.csv
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

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
  const stats = await connection.runAndReadAll(`
    WITH positioned AS (
      SELECT case_id, activity, row_number() OVER by_case AS position, count(*) OVER (PARTITION BY case_id) AS case_length
      FROM events WINDOW by_case AS (PARTITION BY case_id ORDER BY ts, file_order)
    ),
    traces AS (
      SELECT case_id, sum(hash(position, activity)) AS fingerprint,
             any_value(activity) FILTER (WHERE position = 1) AS first_activity,
             any_value(activity) FILTER (WHERE position = case_length) AS last_activity
      FROM positioned GROUP BY case_id
    )
    SELECT count(*) AS cases, count(DISTINCT fingerprint) AS variants,
           histogram(first_activity) AS start_activities, histogram(last_activity) AS end_activities,
           (SELECT count(*) FROM events) AS events, (SELECT count(DISTINCT activity) FROM events) AS activities
    FROM traces`);
  const [row] = stats.getRowObjectsJson();
  if (!row) throw new Error('the stats query returned no row');
  console.log(`stats: ${seconds(started)} s`, { cases: row.cases, events: row.events, activities: row.activities, variants: row.variants });

  started = performance.now();
  const dfg = await connection.runAndReadAll(`
    WITH steps AS (
      SELECT activity AS source, lead(activity) OVER by_case AS target,
             date_diff('microsecond', ts, lead(ts) OVER by_case) AS gap_micros
      FROM events WINDOW by_case AS (PARTITION BY case_id ORDER BY ts, file_order)
    )
    SELECT source, target, count(*) AS count, quantile_cont(CAST(gap_micros AS DOUBLE), 0.5) / 1e6 AS median_seconds
    FROM steps WHERE target IS NOT NULL GROUP BY source, target ORDER BY count DESC, source, target`);
  console.log(`dfg: ${seconds(started)} s, ${dfg.currentRowCount} edges`);
  console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  connection.closeSync();
  instance.closeSync();
  await rm(directory, { recursive: true, force: true });
}
