export * from './eventLogTypes.ts';
export { DATE_FORMATS, isDateFormat, parseTimestamp, detectDateFormat, type DateFormat } from './timestampParser.ts';
export { resolveColumnMapping } from './columnMapping.ts';
export { LogImportError } from './logImportError.ts';
export { openAnalyticsDatabase, type AnalyticsDatabase, type AnalyticsDatabaseOptions } from './analyticsDatabase.ts';
export { detectLogFormat } from './logFormatDetection.ts';
export { readCsvEvents } from './csvEventReader.ts';
export { readJsonlEvents } from './jsonlEventReader.ts';
export { readXesEvents } from './xesEventReader.ts';
export { loadParquetEvents } from './parquetEventReader.ts';
export { loadEventLog, type EventTable, type LoadLogOptions, type LoadedEventLog, type RejectedRowPolicy } from './logLoader.ts';
export { previewLog, type LogPreview, type PreviewLogOptions, type PreviewRow } from './logPreview.ts';
export {
  importLog,
  findImportedLog,
  hashFileContent,
  openImportedLog,
  type DuplicatePolicy,
  type ImportLogOptions,
  type ImportedLog,
  type OpenedLog,
} from './logImporter.ts';
export {
  logStats,
  logDfg,
  topVariants,
  activityReach,
  type LogStats,
  type DfgEdge,
  type DirectlyFollowsGraph,
  type VariantCount,
  type ActivityReach,
} from './logQueries.ts';
export { parseDfg, type DfgFile } from './dfgFormat.ts';
