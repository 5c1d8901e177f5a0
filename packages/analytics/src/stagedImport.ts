import { mkdir, open, rename, rm } from 'node:fs/promises';
import { aggregateRow } from './aggregateRow.ts';
import { LogImportError } from './logImportError.ts';
import { dirname } from 'node:path';
import { openAnalyticsDatabase, type AnalyticsDatabaseOptions } from './analyticsDatabase.ts';
import type { RejectedLine, ReadSummary } from './eventLogTypes.ts';
import { buildImportIndex } from './journeyIndex.ts';
import { loadEventLog, type LoadLogOptions } from './logLoader.ts';
import type { PreviewRow } from './logPreview.ts';
import { RejectionLog } from './rejectionLog.ts';
import { readSurveyResponses } from './surveyReader.ts';
import { writeSurveyParts } from './surveyPartsWriter.ts';
import type { SurveyReadOptions, SurveyReadSummary, SurveyResponse } from './surveyTypes.ts';
import { formatMicrosAsIso } from './timestampParser.ts';

/*
 * An import in two moves, so that a person can look before anything is kept: staging reads the
 * whole file once, writes its good rows as Parquet into a staging folder with their journey index
 * (journeyIndex.ts) and reports every rejected line (up to the reporting limit, with the total);
 * committing renames that folder into the store, which is instant and all or nothing. Discarding
 * removes the folder.
 */

export interface StagedEventLog {
  kind: 'events';
  /** The staging folder of Parquet parts. */
  directory: string;
  summary: ReadSummary;
  events: number;
  cases: number;
  firstTimestamp: string | null;
  lastTimestamp: string | null;
  /** Every activity with its number of events, most frequent first. */
  activities: { activity: string; events: number }[];
  sampleRows: PreviewRow[];
  rejected: RejectedLine[];
  rejectedCount: number;
}

export interface SurveyPreviewRow extends Omit<SurveyResponse, 'timestampMicros'> {
  timestamp: string | null;
}

export interface StagedSurvey {
  kind: 'survey';
  directory: string;
  summary: SurveyReadSummary;
  responses: number;
  /** Answers about the journey as a whole, and about a step. */
  journeyResponses: number;
  stepResponses: number;
  firstTimestamp: string | null;
  lastTimestamp: string | null;
  sampleRows: SurveyPreviewRow[];
  rejected: RejectedLine[];
  rejectedCount: number;
}

export type StagedImport = StagedEventLog | StagedSurvey;

const SAMPLE_ROWS = 20;

/** Reads an event log into `directory` (created), keeping the good rows and reporting the rejected ones. */
/** Events outside these years are taken for damaged data, not history or plans. */
const FIRST_PLAUSIBLE_YEAR = 1900;
const LAST_PLAUSIBLE_YEAR = 2200;

export async function stageEventLog(file: string, options: Omit<LoadLogOptions, 'partsDirectory' | 'onRejected'> & { directory: string }): Promise<StagedEventLog> {
  await rm(options.directory, { recursive: true, force: true });
  const log = await loadEventLog(file, { ...options, onRejected: 'skip', partsDirectory: options.directory });
  try {
    // What follows the read (the preview's figures, the journey index) takes about as long as the
    // read on a large log: a stage of its own, not a bar stuck at 100 %.
    options.onProgress?.({ bytesRead: log.bytes, totalBytes: log.bytes, eventsRead: log.events + log.rejectedCount, stage: 'indexing' });
    const sample = await log.connection.runAndReadAll(`
      SELECT file_order, case_id, activity, epoch_us(ts) AS micros, channel, resource, segment, attributes
      FROM events ORDER BY file_order LIMIT ${SAMPLE_ROWS}`);
    const totals = await log.connection.runAndReadAll('SELECT epoch_us(min(ts)) AS first, epoch_us(max(ts)) AS last FROM events');
    const activities = await log.connection.runAndReadAll('SELECT activity, count(*) AS events FROM events GROUP BY activity ORDER BY events DESC, activity');
    const total = aggregateRow(totals.getRowObjectsJS(), 'the staged events');
    // A damaged file (a Parquet column of another unit, a corrupt page) can hold times like
    // the year -157869, which every figure would then span: refused, naming the first such row.
    const outside = await log.connection.runAndReadAll(`
      SELECT file_order, CAST(ts AS VARCHAR) AS ts FROM events
      WHERE ts < TIMESTAMP '${FIRST_PLAUSIBLE_YEAR}-01-01' OR ts >= TIMESTAMP '${LAST_PLAUSIBLE_YEAR + 1}-01-01' ORDER BY file_order LIMIT 1`);
    const [implausible] = outside.getRowObjectsJS();
    if (implausible) {
      throw new LogImportError({
        file,
        line: null,
        field: 'timestamp',
        reason: `row ${Number(implausible.file_order) + 1} happened at ${String(implausible.ts)}, outside ${FIRST_PLAUSIBLE_YEAR}–${LAST_PLAUSIBLE_YEAR}: the timestamps are damaged or in another unit`,
      });
    }
    // The import's journey index: a journey with this one import reads it and builds none.
    const index = await buildImportIndex(options.directory, options.database);
    const staged: StagedEventLog = {
      kind: 'events',
      directory: options.directory,
      summary: log.summary,
      events: log.events,
      cases: index.cases,
      firstTimestamp: total.first === null ? null : formatMicrosAsIso(Number(total.first)),
      lastTimestamp: total.last === null ? null : formatMicrosAsIso(Number(total.last)),
      activities: activities.getRowObjectsJS().map((row) => ({ activity: String(row.activity), events: Number(row.events) })),
      // file_order is a running count of the rows read (with gaps where rows were rejected), not
      // a line number: a sample shows rows, so the running position is what it reports.
      sampleRows: sample.getRowObjectsJS().map((row, position) => ({
        line: position + 1,
        caseId: String(row.case_id),
        activity: String(row.activity),
        timestamp: formatMicrosAsIso(Number(row.micros)),
        channel: row.channel === null ? null : String(row.channel),
        resource: row.resource === null ? null : String(row.resource),
        segment: row.segment === null ? null : String(row.segment),
        attributes: row.attributes === null ? null : (JSON.parse(String(row.attributes)) as Record<string, unknown>),
      })),
      rejected: log.rejected,
      rejectedCount: log.rejectedCount,
    };
    log.close();
    return staged;
  } catch (error) {
    log.close();
    await rm(options.directory, { recursive: true, force: true });
    throw error;
  }
}

/** Reads survey answers into `directory` (created), keeping the good rows and reporting the rejected ones. */
export async function stageSurvey(
  file: string,
  options: SurveyReadOptions & { directory: string; maxReportedRejections?: number; database?: AnalyticsDatabaseOptions },
): Promise<StagedSurvey> {
  const responses: SurveyResponse[] = [];
  const rejections = new RejectionLog(options.maxReportedRejections);
  const summary = await readSurveyResponses(file, options, { accept: (response) => responses.push(response), reject: (rejection) => rejections.add(rejection) });
  await rm(options.directory, { recursive: true, force: true });
  await mkdir(options.directory, { recursive: true });
  const database = await openAnalyticsDatabase(options.database);
  try {
    await writeSurveyParts(database.connection, options.directory, responses);
  } catch (error) {
    await rm(options.directory, { recursive: true, force: true });
    throw error;
  } finally {
    database.close();
  }
  let first: number | null = null;
  let last: number | null = null;
  for (const { timestampMicros: t } of responses) {
    if (t === null) continue;
    if (first === null || t < first) first = t;
    if (last === null || t > last) last = t;
  }
  const journeyResponses = responses.filter((r) => r.stepId === null).length;
  rejections.lines.sort((a, b) => a.line - b.line);
  return {
    kind: 'survey',
    directory: options.directory,
    summary,
    responses: responses.length,
    journeyResponses,
    stepResponses: responses.length - journeyResponses,
    firstTimestamp: first === null ? null : formatMicrosAsIso(first),
    lastTimestamp: last === null ? null : formatMicrosAsIso(last),
    sampleRows: responses.slice(0, SAMPLE_ROWS).map(({ timestampMicros, ...rest }) => ({ ...rest, timestamp: timestampMicros === null ? null : formatMicrosAsIso(timestampMicros) })),
    rejected: rejections.lines,
    rejectedCount: rejections.count,
  };
}

/**
 * Moves a staged folder to its place in the store, durably: the rename is fsync'd in both
 * parent folders before this returns. The target must not exist: an import is never overwritten.
 */
export async function commitStagedImport(staged: Pick<StagedImport, 'directory'>, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  await rename(staged.directory, target);
  for (const folder of new Set([dirname(target), dirname(staged.directory)])) await syncFolder(folder);
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function discardStagedImport(staged: Pick<StagedImport, 'directory'>): Promise<void> {
  await rm(staged.directory, { recursive: true, force: true });
}
