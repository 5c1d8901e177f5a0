import { DuckDBTimestampValue, type DuckDBConnection } from '@duckdb/node-api';
import { join } from 'node:path';
import { sqlString } from './sqlText.ts';
import type { SurveyResponse } from './surveyTypes.ts';

/**
 * The columns of stored survey responses, as an empty SELECT. `step_id` is null for an answer about
 * the journey as a whole; `axis` is the score on the −2..+2 satisfaction axis; `ts` is UTC when the
 * file gave an offset.
 */
export const EMPTY_SURVEY_SELECT = `SELECT
  NULL::BIGINT AS line, NULL::VARCHAR AS case_id, NULL::VARCHAR AS step_id, NULL::VARCHAR AS step_ref,
  NULL::VARCHAR AS scale, NULL::DOUBLE AS score, NULL::DOUBLE AS axis, NULL::VARCHAR AS comment,
  NULL::TIMESTAMP AS ts, NULL::DOUBLE AS lost_minutes
  LIMIT 0`;

export function surveyPartsRelation(directory: string): string {
  return `read_parquet(${sqlString(join(directory, '*.parquet'))})`;
}

/**
 * Writes survey responses as one zstd Parquet part in `directory` through an in-memory table and
 * DuckDB's appender: survey exports are thousands of rows, not millions, so one part is enough.
 */
export async function writeSurveyParts(connection: DuckDBConnection, directory: string, responses: readonly SurveyResponse[]): Promise<void> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE survey_rows AS ${EMPTY_SURVEY_SELECT}`);
  const appender = await connection.createAppender('survey_rows');
  try {
    for (const response of responses) {
      appender.appendBigInt(BigInt(response.line));
      appendText(appender, response.caseId);
      appendText(appender, response.stepId);
      appendText(appender, response.stepReference);
      appender.appendVarchar(response.scale);
      appender.appendDouble(response.score);
      appender.appendDouble(response.axis);
      appendText(appender, response.comment);
      if (response.timestampMicros === null) appender.appendNull();
      else appender.appendTimestamp(new DuckDBTimestampValue(BigInt(response.timestampMicros)));
      if (response.lostMinutes === null) appender.appendNull();
      else appender.appendDouble(response.lostMinutes);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  await connection.run(`COPY (SELECT * FROM survey_rows ORDER BY line) TO ${sqlString(join(directory, 'part-00000.parquet'))} (FORMAT parquet, COMPRESSION zstd)`);
  await connection.run('DROP TABLE survey_rows');
}

function appendText(appender: { appendVarchar(value: string): void; appendNull(): void }, value: string | null): void {
  if (value === null) appender.appendNull();
  else appender.appendVarchar(value);
}
