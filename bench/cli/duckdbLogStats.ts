/**
 * What an analyst would write instead of `klantreis log stats <file>`: one Node script with
 * DuckDB's own CSV reader, the counts, the variants and the start and end activities, printed.
 * The baseline of bench/cli/startup.ts.
 *   node bench/cli/duckdbLogStats.ts shared/data/eventlogs/running-example.csv
 */
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
if (!file) throw new Error('usage: node bench/cli/duckdbLogStats.ts <file.csv>');
const quoted = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
const connection = await instance.connect();
await connection.run(`CREATE TABLE events AS SELECT * FROM read_csv(${quoted(file)}, header = true)`);
const columns = (await connection.runAndReadAll('DESCRIBE events')).getRowObjectsJson().map((row) => String(row.column_name));
const pick = (...names: string[]): string => {
  const found = columns.find((column) => names.includes(column.toLowerCase()));
  if (!found) throw new Error(`no column named ${names.join(' or ')} in ${file}`);
  return `"${found}"`;
};
const [caseId, activity, timestamp] = [pick('case', 'case_id', 'case:concept:name'), pick('activity', 'concept:name'), pick('timestamp', 'time:timestamp')];
const result = await connection.runAndReadAll(`
  WITH ordered AS (
    SELECT ${caseId} AS case_id, ${activity} AS activity,
           row_number() OVER (PARTITION BY ${caseId} ORDER BY ${timestamp}) AS position,
           count(*) OVER (PARTITION BY ${caseId}) AS case_length
    FROM events
  ),
  traces AS (
    SELECT case_id, string_agg(activity, '→' ORDER BY position) AS trace,
           any_value(activity) FILTER (WHERE position = 1) AS first_activity,
           any_value(activity) FILTER (WHERE position = case_length) AS last_activity
    FROM ordered GROUP BY case_id
  )
  SELECT count(*) AS cases, (SELECT count(*) FROM events) AS events, (SELECT count(DISTINCT ${activity}) FROM events) AS activities,
         count(DISTINCT trace) AS variants, histogram(first_activity) AS starts, histogram(last_activity) AS ends,
         (SELECT min(${timestamp}) FROM events) AS first_event, (SELECT max(${timestamp}) FROM events) AS last_event
  FROM traces`);
const [row] = result.getRowObjectsJson();
console.log(JSON.stringify(row, null, 2));
