import { EMPTY_EVENTS_SELECT, eventPartsRelation } from './eventPartsWriter.ts';
import { EMPTY_SURVEY_SELECT, surveyPartsRelation } from './surveyPartsWriter.ts';

/**
 * All event imports as one relation. `source` is the import's position, so that events of two
 * imports logged in the same microsecond keep a fixed order (import order, then file order).
 */
export function journeyEventsSql(directories: readonly string[]): string {
  if (directories.length === 0) return `SELECT *, 0 AS source FROM (${EMPTY_EVENTS_SELECT})`;
  return directories
    .map((directory, source) => `SELECT case_id, activity, ts, file_order, channel, resource, segment, ${source} AS source FROM ${eventPartsRelation(directory)}`)
    .join('\nUNION ALL\n');
}

export function journeyResponsesSql(directories: readonly string[]): string {
  if (directories.length === 0) return EMPTY_SURVEY_SELECT;
  return directories.map((directory) => `SELECT * FROM ${surveyPartsRelation(directory)}`).join('\nUNION ALL\n');
}
