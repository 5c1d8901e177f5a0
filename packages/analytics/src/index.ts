export * from './eventLogTypes.ts';
export { DATE_FORMATS, isDateFormat, parseTimestamp, detectDateFormat, type DateFormat } from './timestampParser.ts';
export { givenFields, resolveColumnMapping } from './columnMapping.ts';
export { LogImportError } from './logImportError.ts';
export { openAnalyticsDatabase, type AnalyticsDatabase, type AnalyticsDatabaseOptions } from './analyticsDatabase.ts';
export { detectLogFormat } from './logFormatDetection.ts';
export { readJsonlEvents } from './jsonlEventReader.ts';
export { readXesEvents } from './xesEventReader.ts';
export { loadParquetEvents } from './parquetEventReader.ts';
export { loadEventLog, type EventTable, type LoadLogOptions, type LoadedEventLog, type RejectedRowPolicy } from './logLoader.ts';
export { previewLog, type LogPreview, type PreviewLogOptions, type PreviewRow } from './logPreview.ts';
export {
  importAndOpenLog,
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
  logStatsAndDfg,
  topVariants,
  activityReach,
  type LogStats,
  type DfgEdge,
  type DirectlyFollowsGraph,
  type VariantCount,
  type ActivityReach,
} from './logQueries.ts';
export { parseDfg, type DfgFile } from './dfgFormat.ts';
export { JourneyAnalysis, type ActivityCount, type AnalysedStep } from './journeyAnalysis.ts';
export { journeyEventsSql, journeyResponsesSql } from './journeySources.ts';
export { buildImportIndex, buildJourneyIndex, importIndexDirectory, partialIndexesOf, readImportIndex, readJourneyIndex, type IndexedActivity, type JourneyIndex } from './journeyIndex.ts';
export {
  computeJourneyMetrics,
  journeyMetrics,
  METRICS_PERIODS,
  type JourneyMetrics,
  type JourneyMetricsOptions,
  type MeasuredWait,
  type MetricsPeriod,
  type SegmentPoint,
  type SegmentTrendPoint,
  type SatisfactionTrendPoint,
  type Spread,
  type StepEdge,
  type StepMetrics,
  type TrendPoint,
  type VariantMetrics,
} from './journeyMetrics.ts';
export { EMPTY_SURVEY, type SurveySummary } from './surveyMetrics.ts';
export * from './surveyTypes.ts';
export { readSurveyResponses, parseSurveyNumber } from './surveyReader.ts';
export { resolveSurveyMapping, SURVEY_FIELD_LABELS } from './surveyColumns.ts';
export { parseScale, scaleFromHeader, scaleFromValues } from './surveyScale.ts';
export { stepResolverFor, type ResolvableStep } from './surveyStepResolver.ts';
export { EMPTY_SURVEY_SELECT, surveyPartsRelation, writeSurveyParts } from './surveyPartsWriter.ts';
export { indicatorValues, type IndicatorQuery, type PeriodValue } from './indicatorValues.ts';
export {
  evaluateIndicator,
  evaluateXla,
  indicatorStatus,
  indicatorTrend,
  TREND_PERIODS,
  type IndicatorEvaluation,
  type IndicatorStatus,
  type IndicatorTrend,
  type XlaEvaluation,
} from './indicatorStatus.ts';
export {
  commitStagedImport,
  discardStagedImport,
  stageEventLog,
  stageSurvey,
  type StagedEventLog,
  type StagedImport,
  type StagedSurvey,
  type SurveyPreviewRow,
} from './stagedImport.ts';
export { eventPartsRelation } from './eventPartsWriter.ts';
