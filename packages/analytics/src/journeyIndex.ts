import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { aggregateRow } from './aggregateRow.ts';
import { openAnalyticsDatabase, type AnalyticsDatabaseOptions } from './analyticsDatabase.ts';
import { journeyEventsSql } from './journeySources.ts';
import { sqlString } from './sqlText.ts';

/*
 * The journey index: every case of a journey's event logs as ONE row holding its events in order,
 * as two lists (activity codes, microsecond timestamps). Ordering the events of each case is the
 * only sort the analytics needs, and it does not depend on the mapping of activities to steps, so
 * it is done once per set of imports instead of on every change of the mapping. Every metric
 * then reads a million short lists instead of sorting ten million events (bench/analytics).
 */

export interface IndexedActivity {
  activity: string;
  /** Its code in the index's `acts` lists. */
  code: number;
  events: number;
}

export interface JourneyIndex {
  version: number;
  /** The folder holding the `cases-*.parquet` buckets and `index.json`. */
  directory: string;
  /** The event-part folders it was built from, in import order: a different list needs a new index. */
  eventDirectories: string[];
  activities: IndexedActivity[];
  cases: number;
  events: number;
  builtAt: string;
}

const MANIFEST = 'index.json';
/** Cases are written in buckets by hash of their id: a bucket's lists must fit in DuckDB's memory at once. */
const EVENTS_PER_BUCKET = 2_000_000;

export interface JourneyIndexOptions extends AnalyticsDatabaseOptions {
  /** Smaller buckets than the default, for tests that need several files. */
  eventsPerBucket?: number;
}

export function indexCasesRelation(index: Pick<JourneyIndex, 'directory'>): string {
  return `read_parquet(${sqlString(join(index.directory, 'cases-*.parquet'))})`;
}

/** Raised when the layout of the index files changes: an index of another version is built again. */
export const INDEX_VERSION = 2;

/** The index in `directory`, or null when there is none (or it was built from other imports, or by another version). */
export async function readJourneyIndex(directory: string, eventDirectories?: readonly string[]): Promise<JourneyIndex | null> {
  let index: JourneyIndex;
  try {
    index = JSON.parse(await readFile(join(directory, MANIFEST), 'utf8')) as JourneyIndex;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (index.version !== INDEX_VERSION) return null;
  if (eventDirectories !== undefined && JSON.stringify(index.eventDirectories) !== JSON.stringify(eventDirectories)) return null;
  return { ...index, directory };
}

/**
 * Builds the index of these event imports into `directory`, replacing what was there. Written
 * beside it first and renamed, so a reader never sees half an index.
 * Events order by time, then import, then file order: two events logged in the same second keep
 * the order in which the source system wrote them. A case's segment is that of its first event.
 */
export async function buildJourneyIndex(eventDirectories: readonly string[], directory: string, options: JourneyIndexOptions = {}): Promise<JourneyIndex> {
  // A folder of its own per build: the server and the CLI may build the same index at once.
  const partial = `${directory}.partial-${randomUUID()}`;
  await mkdir(partial, { recursive: true });
  try {
    const index = await writeIndexFiles(eventDirectories, directory, partial, options);
    await rm(directory, { recursive: true, force: true });
    try {
      await rename(partial, directory);
    } catch (error) {
      // Another build of the same imports got there first: theirs is as good as ours.
      const code = (error as NodeJS.ErrnoException).code;
      const theirs = code === 'ENOTEMPTY' || code === 'EEXIST' ? await readJourneyIndex(directory, eventDirectories) : null;
      if (theirs === null) throw error;
      await rm(partial, { recursive: true, force: true });
      return theirs;
    }
    return index;
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

async function writeIndexFiles(eventDirectories: readonly string[], directory: string, partial: string, options: JourneyIndexOptions): Promise<JourneyIndex> {
  const database = await openAnalyticsDatabase(options);
  try {
    const connection = database.connection;
    await connection.run(`CREATE TEMP VIEW events AS ${journeyEventsSql(eventDirectories)}`);
    await connection.run(`
      CREATE TEMP TABLE activity_codes AS
      SELECT activity, CAST(row_number() OVER (ORDER BY activity) - 1 AS INTEGER) AS code, events
      FROM (SELECT activity, count(*) AS events FROM events GROUP BY activity)`);
    const { events } = aggregateRow((await connection.runAndReadAll('SELECT sum(events) AS events FROM activity_codes')).getRowObjectsJS(), 'the events of the index');
    const buckets = Math.max(1, Math.ceil(Number(events ?? 0) / (options.eventsPerBucket ?? EVENTS_PER_BUCKET)));
    for (let bucket = 0; bucket < buckets; bucket++) {
      // `repeated`: the activities that occur more than once in the case, which does not depend on
      // the mapping either, so the repeat contacts need no sort of every case's events later.
      await connection.run(`
        COPY (
          WITH sequences AS (
            SELECT
              case_id,
              arg_min(segment, {'t': ts, 's': source, 'o': file_order}) AS segment,
              list(code ORDER BY ts, source, file_order) AS acts,
              list(epoch_us(ts) ORDER BY ts, source, file_order) AS ts
            FROM events JOIN activity_codes USING (activity)
            WHERE hash(case_id) % ${buckets} = ${bucket}
            GROUP BY case_id
          ),
          sorted AS (SELECT *, list_sort(acts) AS sorted_acts FROM sequences)
          SELECT case_id, segment, acts, ts,
            list_distinct(list_filter(sorted_acts, lambda a, i: i > 1 AND a = sorted_acts[i - 1])) AS repeated
          FROM sorted
        ) TO ${sqlString(join(partial, `cases-${String(bucket).padStart(4, '0')}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`);
    }
    const activities = (await connection.runAndReadAll('SELECT activity, code, events FROM activity_codes ORDER BY code')).getRowObjectsJS().map((row) => ({
      activity: String(row.activity),
      code: Number(row.code),
      events: Number(row.events),
    }));
    const totals = aggregateRow((await connection.runAndReadAll(`SELECT count(*) AS cases FROM ${indexCasesRelation({ directory: partial })}`)).getRowObjectsJS(), 'the cases of the index');
    const index: JourneyIndex = {
      version: INDEX_VERSION,
      directory,
      eventDirectories: [...eventDirectories],
      activities,
      cases: Number(totals.cases),
      events: activities.reduce((sum, activity) => sum + activity.events, 0),
      builtAt: new Date().toISOString(),
    };
    await writeFile(join(partial, MANIFEST), JSON.stringify(index, null, 2));
    return index;
  } finally {
    database.close();
  }
}
