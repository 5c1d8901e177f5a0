import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
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
 *
 * The cases are kept in a DuckDB database file (`cases.duckdb`, table `cases`), not in Parquet:
 * DuckDB reads its own lists without decoding them, so the metrics can read the index twice (once
 * for the cases, once for the visits) instead of copying the mapped lists into memory first. On
 * 10M events the mapped tables took 0.7 of the time they took from Parquet (bench/analytics).
 */

export interface IndexedActivity {
  activity: string;
  /** Its code in the index's `acts` lists. */
  code: number;
  events: number;
}

export interface JourneyIndex {
  version: number;
  /** The folder holding `cases.duckdb` and `index.json`. */
  directory: string;
  /** The event-part folders it was built from, in import order: a different list needs a new index. */
  eventDirectories: string[];
  activities: IndexedActivity[];
  cases: number;
  /**
   * The variants among the cases: how many different lists of activities in order. Absent in an
   * index built before 8 December 2026.
   */
  variants?: number;
  /** How many groups of cases the build gathered one after the other (EVENTS_PER_BUCKET). */
  buckets: number;
  /** The events the build gathered from the event files; the others came with their cases from the imports' own indexes. */
  gatheredEvents: number;
  events: number;
  builtAt: string;
}

const MANIFEST = 'index.json';
const CASES_FILE = 'cases.duckdb';
/** Cases are gathered in buckets by hash of their id: a bucket's lists must fit in DuckDB's memory at once. */
const EVENTS_PER_BUCKET = 2_000_000;

export interface JourneyIndexOptions extends AnalyticsDatabaseOptions {
  /** Smaller buckets than the default, for tests that need several. */
  eventsPerBucket?: number;
  /** Fewer cases per row group than DuckDB's 122,880, for tests that need the cases read by several threads. */
  rowGroupSize?: number;
  /** false: gather every case of several imports from their events, even when each import carries its own index (for tests). */
  mergeImportIndexes?: boolean;
  /** false: order by the times and the order as two lists even when one packed key would do (for tests of that path). */
  packTimes?: boolean;
}

/**
 * Every event import of a journey carries the index of its own events in this subfolder, built
 * when the import is checked (stageEventLog), before anyone commits it: a journey with one import
 * reads it as its journey index and builds none, so the first dashboard after an import pays only
 * the metrics (issue 13). The events' glob (`<import>/*.parquet`) does not reach into it. The
 * command line's `log stats|dfg` (importLog) build none: their window queries over the events
 * cost less than an index and its queries, for one look at a log (bench/analytics/README.md).
 */
const IMPORT_INDEX_FOLDER = 'index';
/** How an import's own index names the events it was built from: the folder that holds it. */
const OWN_IMPORT = '..';

export function importIndexDirectory(importDirectory: string): string {
  return join(importDirectory, IMPORT_INDEX_FOLDER);
}

/** Builds the index of one import's events into that import's folder (see importIndexDirectory). */
export async function buildImportIndex(importDirectory: string, options: JourneyIndexOptions = {}): Promise<JourneyIndex> {
  const index = await buildJourneyIndex([importDirectory], importIndexDirectory(importDirectory), { ...options, recordAs: [OWN_IMPORT] });
  return { ...index, eventDirectories: [importDirectory] };
}

/**
 * The index an import built of its own events, or null (an import made before imports built one).
 * It stays valid when the import's folder moves (staging to store), since it names its events by
 * where it lies.
 */
export async function readImportIndex(importDirectory: string): Promise<JourneyIndex | null> {
  const index = await readJourneyIndex(importIndexDirectory(importDirectory), [OWN_IMPORT]);
  return index === null ? null : { ...index, eventDirectories: [importDirectory] };
}

/**
 * Attaches the index's cases to a connection, read only, and returns the table to read them from:
 * `<alias>.cases` (case_id, segment, acts, ts, repeated). Several processes may read one index at once.
 */
export async function attachIndexCases(connection: DuckDBConnection, index: Pick<JourneyIndex, 'directory'>, alias = 'journey_index'): Promise<string> {
  await connection.run(`ATTACH ${sqlString(join(index.directory, CASES_FILE))} AS ${alias} (READ_ONLY)`);
  return `${alias}.cases`;
}

/** In the name of the folder an index is built in before it is renamed into place. */
const PARTIAL_INDEX_MARK = '.partial-';

/**
 * The folders beside `directory` in which an index of it was being built: a build that was killed
 * (kill -9, a machine stopped) leaves one, which only a sweep at start-up removes.
 */
export async function partialIndexesOf(directory: string): Promise<string[]> {
  const prefix = `${basename(directory)}${PARTIAL_INDEX_MARK}`;
  const names = await readdir(dirname(directory)).catch(() => [] as string[]);
  return names.filter((name) => name.startsWith(prefix)).map((name) => join(dirname(directory), name));
}

/** Raised when the layout of the index files changes: an index of another version is built again. */
export const INDEX_VERSION = 3;

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
 * When each of several imports carries its own index, the cases found in one import only are
 * copied from it, and only the cases that run across imports are gathered from the events (prepareMerge).
 */
export async function buildJourneyIndex(
  eventDirectories: readonly string[],
  directory: string,
  options: JourneyIndexOptions & { recordAs?: readonly string[] } = {},
): Promise<JourneyIndex> {
  // A folder of its own per build: the server and the CLI may build the same index at once.
  const partial = `${directory}${PARTIAL_INDEX_MARK}${randomUUID()}`;
  await mkdir(partial, { recursive: true });
  try {
    const imported = eventDirectories.length > 1 && options.mergeImportIndexes !== false ? await Promise.all(eventDirectories.map(readImportIndex)) : [];
    const index = await writeIndexFiles(eventDirectories, directory, partial, options, imported.every((own) => own !== null) ? imported : []);
    await rm(directory, { recursive: true, force: true });
    try {
      await rename(partial, directory);
    } catch (error) {
      // Another build of the same imports got there first: theirs is as good as ours.
      const code = (error as NodeJS.ErrnoException).code;
      const theirs = code === 'ENOTEMPTY' || code === 'EEXIST' ? await readJourneyIndex(directory, options.recordAs ?? eventDirectories) : null;
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

async function writeIndexFiles(
  eventDirectories: readonly string[],
  directory: string,
  partial: string,
  options: JourneyIndexOptions & { recordAs?: readonly string[] },
  importIndexes: readonly JourneyIndex[],
): Promise<JourneyIndex> {
  const database = await openAnalyticsDatabase(options);
  try {
    const connection = database.connection;
    // The order of the cases in the index means nothing (each case's events are ordered within
    // its row), so DuckDB need not keep it while writing.
    await connection.run('SET preserve_insertion_order = false');
    await connection.run(`CREATE TEMP VIEW events AS ${journeyEventsSql(eventDirectories)}`);
    const merging = importIndexes.length > 0;
    // The events gathered into cases here: all of them, or when merging those of the cases that run across imports.
    const eventsToGather = merging ? 'events_across_imports' : 'events';
    if (merging) await prepareMerge(connection, importIndexes);
    else {
      await connection.run(`
        CREATE TEMP TABLE activity_codes AS
        SELECT activity, CAST(row_number() OVER (ORDER BY activity) - 1 AS INTEGER) AS code, events, least_order, greatest_order, first_us, last_us, whole_seconds, whole_millis
        FROM (
          SELECT activity, count(*) AS events, min(file_order) AS least_order, max(file_order) AS greatest_order,
            min(epoch_us(ts)) AS first_us, max(epoch_us(ts)) AS last_us,
            bool_and(epoch_us(ts) % 1000000 = 0) AS whole_seconds, bool_and(epoch_us(ts) % 1000 = 0) AS whole_millis
          FROM events GROUP BY activity
        )`);
    }
    const totals = aggregateRow(
      (
        await connection.runAndReadAll(
          merging
            ? `SELECT count(*) AS events, min(file_order) AS least_order, max(file_order) AS greatest_order, min(epoch_us(ts)) AS first_us, max(epoch_us(ts)) AS last_us,
                 bool_and(epoch_us(ts) % 1000000 = 0) AS whole_seconds, bool_and(epoch_us(ts) % 1000 = 0) AS whole_millis
               FROM events_across_imports`
            : `SELECT sum(events) AS events, min(least_order) AS least_order, max(greatest_order) AS greatest_order, min(first_us) AS first_us, max(last_us) AS last_us,
                 bool_and(whole_seconds) AS whole_seconds, bool_and(whole_millis) AS whole_millis
               FROM activity_codes`,
        )
      ).getRowObjectsJS(),
      'the events of the index',
    );
    const buckets = Math.max(1, Math.ceil(Number(totals.events ?? 0) / (options.eventsPerBucket ?? EVENTS_PER_BUCKET)));
    const order = eventOrder(eventDirectories.length, totals, options.packTimes ?? true);
    await connection.run(`ATTACH ${sqlString(join(partial, CASES_FILE))} AS built_index ${options.rowGroupSize === undefined ? '' : `(ROW_GROUP_SIZE ${Math.trunc(options.rowGroupSize)})`}`);
    for (let bucket = 0; bucket < buckets; bucket++) {
      // Each case's events are gathered unordered (plain lists, which DuckDB builds in parallel)
      // and put in order per case by list_grade_up on (time, import and file order): on 10M events
      // the ordered aggregate list(... ORDER BY ...) sorted every group on its own and took
      // several times as long (bench/analytics). `repeated`: the activities that occur more than
      // once in the case, which does not depend on the mapping either, so the repeat contacts
      // need no sort of every case's events later; it needs no order, only the codes sorted.
      await connection.run(`
        ${bucket === 0 ? 'CREATE TABLE built_index.cases AS' : 'INSERT INTO built_index.cases'}
        WITH gathered AS (
          SELECT case_id, ${order.gathered}, list(code) AS codes
          FROM ${eventsToGather} JOIN activity_codes USING (activity)
          ${buckets > 1 ? `WHERE hash(case_id) % ${buckets} = ${bucket}` : ''}
          GROUP BY case_id
        ),
        graded AS (
          SELECT *, ${order.grade} AS grade, list_sort(codes) AS sorted_codes FROM gathered
        )
        SELECT case_id, segment, list_select(codes, grade)::INTEGER[] AS acts, (${order.times})::BIGINT[] AS ts,
          list_distinct(list_filter(sorted_codes, lambda a, i: i > 1 AND a = sorted_codes[i - 1]))::INTEGER[] AS repeated
        FROM graded`);
    }
    if (merging) await copyCasesOfOneImport(connection, importIndexes.length);
    const written = aggregateRow(
      (await connection.runAndReadAll('SELECT count(*) AS cases, count(DISTINCT acts) AS variants FROM built_index.cases')).getRowObjectsJS(),
      'the cases of the index',
    );
    // Detaching writes the file whole (a checkpoint) before the manifest names it.
    await connection.run('DETACH built_index');
    const activities = (await connection.runAndReadAll('SELECT activity, code, events FROM activity_codes ORDER BY code')).getRowObjectsJS().map((row) => ({
      activity: String(row.activity),
      code: Number(row.code),
      events: Number(row.events),
    }));
    const index: JourneyIndex = {
      version: INDEX_VERSION,
      directory,
      eventDirectories: [...(options.recordAs ?? eventDirectories)],
      activities,
      cases: Number(written.cases),
      variants: Number(written.variants),
      buckets,
      gatheredEvents: Number(totals.events ?? 0),
      events: activities.reduce((sum, activity) => sum + activity.events, 0),
      builtAt: new Date().toISOString(),
    };
    await writeFile(join(partial, MANIFEST), JSON.stringify(index, null, 2));
    return index;
  } finally {
    database.close();
  }
}

/*
 * A journey of several imports, each with its own index: most cases occur in one import only,
 * and their row in that import's index is already the row of the journey's index, but for the
 * activity codes (each index numbers its own activities). Only a case that runs across imports
 * has to be gathered from the events again: its events interleave by time, and its segment is
 * that of its first event, which the imports' rows cannot tell.
 */

/**
 * Attaches each import's index (import_0, import_1, … in import order), and makes: the journey's
 * activity codes from the imports' activities; the cases found in more than one import
 * (cases_across_imports) and their events (events_across_imports); and per import the list
 * `codes_of_import_<i>` that turns its codes into the journey's.
 */
async function prepareMerge(connection: DuckDBConnection, importIndexes: readonly JourneyIndex[]): Promise<void> {
  const counts = new Map<string, number>();
  for (const own of importIndexes) for (const { activity, events } of own.activities) counts.set(activity, (counts.get(activity) ?? 0) + events);
  // Numbered in the order the full build numbers them: DuckDB's order of the names.
  const rows = [...counts].map(([activity, events]) => `(${sqlString(activity)}, ${events})`);
  await connection.run('CREATE TEMP TABLE activity_counts (activity VARCHAR, events BIGINT)');
  if (rows.length > 0) await connection.run(`INSERT INTO activity_counts VALUES ${rows.join(', ')}`);
  await connection.run('CREATE TEMP TABLE activity_codes AS SELECT activity, CAST(row_number() OVER (ORDER BY activity) - 1 AS INTEGER) AS code, events FROM activity_counts');
  const codes = new Map((await connection.runAndReadAll('SELECT activity, code FROM activity_codes')).getRowObjectsJS().map((row) => [String(row.activity), Number(row.code)]));
  const cases: string[] = [];
  for (const [i, own] of importIndexes.entries()) {
    cases.push(`SELECT case_id FROM ${await attachIndexCases(connection, own, `import_${i}`)}`);
    // The import's code c is at position c + 1 of the list (its codes run from 0 without gaps).
    const journeyCodes: number[] = [];
    for (const { activity, code } of own.activities) journeyCodes[code] = codes.get(activity)!;
    await connection.run(`SET VARIABLE codes_of_import_${i} = [${journeyCodes.join(', ')}]::INTEGER[]`);
  }
  await connection.run(`CREATE TEMP TABLE cases_across_imports AS SELECT case_id FROM (${cases.join(' UNION ALL ')}) GROUP BY case_id HAVING count(*) > 1`);
  await connection.run('CREATE TEMP VIEW events_across_imports AS SELECT * FROM events SEMI JOIN cases_across_imports USING (case_id)');
}

/** Copies every case found in one import only from that import's index, its codes made the journey's. */
async function copyCasesOfOneImport(connection: DuckDBConnection, imports: number): Promise<void> {
  for (let i = 0; i < imports; i++) {
    const journeyCode = (list: string) => `list_transform(${list}, lambda a: getvariable('codes_of_import_${i}')[a + 1])`;
    await connection.run(`
      INSERT INTO built_index.cases
      SELECT case_id, segment, ${journeyCode('acts')}, ts, ${journeyCode('repeated')}
      FROM import_${i}.cases ANTI JOIN cases_across_imports USING (case_id)`);
  }
}

/**
 * How the build puts a case's events in order: by time, then import, then file order, so that two
 * events logged at the same time keep the order in which the source systems wrote them.
 *
 * Packed (the usual case): all three in one BIGINT per event, `time << (import and order bits) |
 * import << (order bits) | file order`, the time counted from the first event in the log's own
 * unit (whole seconds or milliseconds, as most logs have, else microseconds). One list per case is
 * then gathered instead of two and graded as plain numbers rather than pairs, and the times come
 * back out of the ordered keys: the build takes about 0.9 of the time (1M events: 743 against
 * 861 ms; 10M: 5.2–5.4 s against 5.9–6.0 s; bench/analytics/README.md).
 * Otherwise (the three do not fit in 62 bits: microseconds over centuries with millions of rows)
 * the times and the order are gathered as two lists and graded as pairs.
 */
function eventOrder(imports: number, totals: Record<string, unknown>, packTimes: boolean): { gathered: string; grade: string; times: string } {
  const firstMicros = BigInt(String(totals.first_us ?? 0));
  const lastMicros = BigInt(String(totals.last_us ?? 0));
  const leastOrder = Number(totals.least_order ?? 0);
  const greatestOrder = Number(totals.greatest_order ?? 0);
  const unit = totals.whole_seconds === true ? 1_000_000n : totals.whole_millis === true ? 1_000n : 1n;
  const bits = (largest: bigint) => largest.toString(2).length;
  const orderBits = bits(BigInt(Math.max(0, greatestOrder)));
  const importBits = bits(BigInt(Math.max(0, imports - 1)));
  const timeBits = bits((lastMicros - firstMicros) / unit);
  if (packTimes && leastOrder >= 0 && timeBits + importBits + orderBits <= 62) {
    const shift = importBits + orderBits;
    const key = `(((epoch_us(ts) - ${firstMicros}) // ${unit}) << ${shift}) + (source::BIGINT << ${orderBits}) + file_order`;
    return {
      gathered: `arg_min(segment, ${key}) AS segment, list(${key}) AS keys`,
      grade: 'list_grade_up(keys)',
      times: `list_transform(list_select(keys, grade), lambda k: (k >> ${shift}) * ${unit} + ${firstMicros})`,
    };
  }
  // The order within one time as one BIGINT (import << 40 | file order) when both fit, which
  // DuckDB gathers and grades faster than a struct; else the struct.
  const tieBreak = imports < 2 ** 22 && leastOrder >= 0 && greatestOrder < 2 ** 40 ? '((source::BIGINT << 40) + file_order)' : "{'s': source, 'o': file_order}";
  return {
    gathered: `arg_min(segment, {'t': ts, 'k': ${tieBreak}}) AS segment, list(epoch_us(ts)) AS times, list(${tieBreak}) AS keys`,
    grade: 'list_grade_up(list_zip(times, keys))',
    times: 'list_select(times, grade)',
  };
}
