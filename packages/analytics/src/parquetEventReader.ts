import type { DuckDBConnection } from '@duckdb/node-api';
import { resolveColumnMapping } from './columnMapping.ts';
import type { ColumnMapping, ReadLogOptions, ReadSummary } from './eventLogTypes.ts';
import { LogImportError } from './logImportError.ts';
import type { RejectionLog } from './rejectionLog.ts';
import { partPath } from './eventPartsWriter.ts';
import { sqlIdentifier, sqlString } from './sqlText.ts';

interface ParquetColumn {
  name: string;
  type: string;
}

/**
 * How a source column becomes a UTC TIMESTAMP. With the session in UTC, a TIMESTAMPTZ cast turns
 * an offset into UTC and leaves a naive time as written, the same rule the text readers follow.
 * Text must be ISO 8601 here; integers are epoch milliseconds, as in JSON Lines.
 */
function timestampExpression(column: ParquetColumn): string | null {
  const name = sqlIdentifier(column.name);
  if (column.type.startsWith('TIMESTAMP') || column.type === 'DATE') return `CAST(${name} AS TIMESTAMP)`;
  if (column.type === 'VARCHAR') return `CAST(TRY_CAST(trim(${name}) AS TIMESTAMPTZ) AS TIMESTAMP)`;
  if (/^(BIGINT|INTEGER|HUGEINT|UBIGINT|UINTEGER|DOUBLE)$/.test(column.type)) {
    return `make_timestamp(CAST(${name} * 1000 AS BIGINT))`;
  }
  return null;
}

function textExpression(column: string | undefined): string {
  return column === undefined ? 'NULL' : `NULLIF(trim(CAST(${sqlIdentifier(column)} AS VARCHAR)), '')`;
}

/**
 * Normalizes a Parquet log into an event part with DuckDB alone: no row passes through
 * JavaScript. A rejection's `line` is the 1-based row number.
 */
export async function loadParquetEvents(
  connection: DuckDBConnection,
  partsDirectory: string,
  file: string,
  options: ReadLogOptions,
  rejections: RejectionLog,
): Promise<{ summary: ReadSummary; events: number }> {
  const source = `read_parquet(${sqlString(file)}, file_row_number = true)`;
  let described;
  try {
    described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${sqlString(file)})`);
  } catch (error) {
    throw new LogImportError({ file, line: null, field: null, reason: `not a readable Parquet file: ${(error as Error).message}` });
  }
  const columns: ParquetColumn[] = described.getRowObjectsJS().map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
  const names = columns.map((column) => column.name);
  const resolved = resolveColumnMapping(names, options.mapping);
  if (!resolved.ok) throw new LogImportError({ file, line: null, field: null, reason: resolved.reason });
  const mapping: ColumnMapping = resolved.mapping;
  const timestampColumn = columns.find((column) => column.name === mapping.timestamp);
  const timestamp = timestampColumn === undefined ? null : timestampExpression(timestampColumn);
  if (timestampColumn === undefined || timestamp === null) {
    throw new LogImportError({
      file,
      line: null,
      field: mapping.timestamp,
      reason: `a column of type ${timestampColumn?.type ?? 'unknown'} cannot hold timestamps`,
    });
  }
  const mapped = new Set(Object.values(mapping));
  const others = names.filter((name) => !mapped.has(name));
  const attributes =
    others.length === 0
      ? 'NULL'
      : `CAST(to_json(struct_pack(${others.map((name) => `${sqlIdentifier(name)} := ${sqlIdentifier(name)}`).join(', ')})) AS VARCHAR)`;

  const normalized = `
    WITH normalized AS (
      SELECT
        file_row_number + 1 AS row_number,
        file_row_number AS file_order,
        ${textExpression(mapping.caseId)} AS case_id,
        ${textExpression(mapping.activity)} AS activity,
        ${sqlIdentifier(mapping.timestamp)} IS NULL AS timestamp_missing,
        ${timestamp} AS ts,
        ${textExpression(mapping.channel)} AS channel,
        ${textExpression(mapping.resource)} AS resource,
        ${textExpression(mapping.segment)} AS segment,
        ${attributes} AS attributes
      FROM ${source}
    ),
    checked AS (
      SELECT *,
        CASE
          WHEN case_id IS NULL THEN ${sqlString(mapping.caseId)}
          WHEN activity IS NULL THEN ${sqlString(mapping.activity)}
          WHEN ts IS NULL THEN ${sqlString(mapping.timestamp)}
        END AS rejected_field,
        CASE
          WHEN case_id IS NULL THEN 'empty case id'
          WHEN activity IS NULL THEN 'empty activity'
          WHEN timestamp_missing THEN 'empty timestamp'
          WHEN ts IS NULL THEN 'bad date (expected an ISO 8601 timestamp)'
        END AS rejected_reason
      FROM normalized
    )`;
  const rejectedRows = await connection.runAndReadAll(`${normalized}
    SELECT row_number, rejected_field, rejected_reason, count(*) OVER () AS total
    FROM checked WHERE rejected_reason IS NOT NULL ORDER BY row_number LIMIT ${rejections.limit}`);
  for (const row of rejectedRows.getRowObjectsJS()) {
    rejections.add({ line: Number(row.row_number), field: String(row.rejected_field), reason: String(row.rejected_reason) });
  }
  const firstRow = rejectedRows.getRowObjectsJS()[0];
  const total = firstRow === undefined ? 0 : Number(firstRow.total);
  rejections.countOmitted(total - rejectedRows.currentRowCount);

  const written = await connection.runAndReadAll(`COPY (${normalized}
    SELECT case_id, activity, ts, file_order, channel, resource, segment, attributes
    FROM checked WHERE rejected_reason IS NULL ORDER BY file_order
  ) TO ${sqlString(partPath(partsDirectory, 0))} (FORMAT parquet, COMPRESSION zstd)`);
  const events = Number(written.getRowsJS()[0]?.[0] ?? 0);
  return {
    summary: { format: 'parquet', columns: names, mapping, detected: { delimiter: null, decimalMark: '.', encoding: 'binary', dateFormat: null } },
    events,
  };
}
