import type { DuckDBConnection } from '@duckdb/node-api';
import { activityMatcher, type StepRecord } from '@klantreis/schema';
import { openAnalyticsDatabase, type AnalyticsDatabase, type AnalyticsDatabaseOptions } from './analyticsDatabase.ts';
import { attachIndexCases, type JourneyIndex } from './journeyIndex.ts';
import { journeyResponsesSql } from './journeySources.ts';
import { journeyTablesKey, loadJourneyTables, saveJourneyTables } from './journeyTablesCache.ts';
import { sqlString } from './sqlText.ts';

/** What the analysis reads of a step: its mapping and what the design says about it. */
export type AnalysedStep = Pick<StepRecord, 'id' | 'title' | 'activityPatterns' | 'journeyEnd' | 'wait' | 'score' | 'touchpoints'>;

export type Row = Record<string, unknown>;

export interface ActivityCount {
  activity: string;
  events: number;
  /** The step the activity maps to, or null. */
  stepId: string | null;
}

/*
 * A journey's measured data in one DuckDB session. The mapping of activities to steps is applied
 * to the journey index (each case's events in order, see journeyIndex.ts) into two temporary
 * tables that every metric reads:
 *
 *   journey_cases   a row per case: segment, first_t and last_t (µs), first_step and last_step,
 *                   events; path (its visits' steps: consecutive events at one step are one
 *                   visit), steps (each step it reached, once), repeat_steps, completed,
 *                   reached_first
 *   journey_visits  a row per visit, in the order of the cases' events: step, visit_end (µs),
 *                   the case's next visit (next_step and next_start, NULL after the last) and
 *                   case_start; journey_visits_with_start adds visit_start
 *   responses       the survey answers about the journey or one of its current steps
 *
 * Steps are numbered by their position in the journey. Only cases with a mapped event take part.
 * With a cache folder, the first two are kept per mapping (journeyTablesCache.ts).
 */

/**
 * A visit starts where the previous visit of its case ended: its start is the previous row's
 * next_start, or, for a case's first visit, the case's start (the previous row then belongs to
 * another case and has no next visit). This takes the rows in the order they were written, which
 * DuckDB keeps for a single table read through a window with an empty OVER clause; that window
 * runs on one thread, so only the queries that need a visit's start read this view.
 */
const VISIT_STARTS_VIEW = `
  CREATE TEMP VIEW journey_visits_with_start AS
  SELECT step, coalesce(lag(next_start) OVER (), case_start) AS visit_start, visit_end, next_step, next_start
  FROM journey_visits`;

/**
 * Whether journey_cases is worked out per variant: when there are at most half as many variants as
 * cases. On 10M events (1M cases, 229,239 variants) that took 0.8–1.0 s against 1.05–1.25 s per
 * case; with every case a variant of its own it took 1.35–1.5 times as long as per case, the
 * grouping and the join added to the same work (bench/analytics/README.md).
 */
function variantsAreFew(index: Pick<JourneyIndex, 'cases' | 'variants'>): boolean {
  return index.variants !== undefined && index.variants * 2 <= index.cases;
}

export class JourneyAnalysis {
  readonly steps: readonly AnalysedStep[];
  readonly activities: ActivityCount[];
  /** Step indexes that have at least one mapped activity, in journey order. */
  readonly mappedSteps: number[];
  /** Step indexes whose reach completes the journey: the marked ends, or else the last mapped step. */
  readonly endSteps: number[];
  readonly totalEvents: number;
  readonly totalCases: number;
  /** journey_cases and journey_visits were read from the cache rather than built. */
  fromCache = false;
  private readonly database: AnalyticsDatabase;
  private readonly index: JourneyIndex;
  /** The name of this mapping's tables in a cache folder. */
  private tablesKey = '';

  private constructor(database: AnalyticsDatabase, index: JourneyIndex, steps: readonly AnalysedStep[]) {
    this.database = database;
    this.index = index;
    this.steps = steps;
    const matcher = activityMatcher(steps);
    this.activities = index.activities
      .map((activity) => ({ activity: activity.activity, events: activity.events, stepId: matcher.stepFor(activity.activity) }))
      .sort((a, b) => b.events - a.events || (a.activity < b.activity ? -1 : a.activity > b.activity ? 1 : 0));
    const stepIndex = new Map<string, number>(steps.map((step, i) => [step.id, i]));
    const mapped = new Set(this.activities.filter((a) => a.stepId !== null).map((a) => stepIndex.get(a.stepId!)!));
    this.mappedSteps = [...mapped].sort((a, b) => a - b);
    const marked = steps.flatMap((step, i) => (step.journeyEnd ? [i] : []));
    this.endSteps = marked.length > 0 ? marked : this.mappedSteps.slice(-1);
    this.totalEvents = index.events;
    this.totalCases = index.cases;
  }

  get connection(): DuckDBConnection {
    return this.database.connection;
  }

  get firstStep(): number | null {
    return this.mappedSteps[0] ?? null;
  }

  /**
   * With a `cacheDirectory`, the mapped tables are read from it when this mapping of this index
   * was stored before (`saveToCache`), and built otherwise.
   */
  static async open(
    index: JourneyIndex,
    surveyDirectories: readonly string[],
    steps: readonly AnalysedStep[],
    options: AnalyticsDatabaseOptions = {},
    cacheDirectory?: string,
  ): Promise<JourneyAnalysis> {
    const database = await openAnalyticsDatabase(options);
    const analysis = new JourneyAnalysis(database, index, steps);
    try {
      // DuckDB's default, stated because journey_visits_with_start depends on it.
      await analysis.connection.run('SET preserve_insertion_order = true');
      const statements = analysis.mappedTablesSql(await attachIndexCases(analysis.connection, index));
      analysis.tablesKey = journeyTablesKey(index, statements);
      analysis.fromCache = cacheDirectory !== undefined && (await loadJourneyTables(analysis.connection, cacheDirectory, analysis.tablesKey));
      if (!analysis.fromCache) for (const statement of statements) await analysis.connection.run(statement);
      await analysis.connection.run(VISIT_STARTS_VIEW);
      await analysis.buildResponses(surveyDirectories);
      return analysis;
    } catch (error) {
      database.close();
      throw error;
    }
  }

  /** Stores the mapped tables in the cache folder, for the next `open` with the same mapping and index. */
  async saveToCache(cacheDirectory: string): Promise<void> {
    if (this.fromCache) return;
    await saveJourneyTables(this.connection, cacheDirectory, this.tablesKey);
  }

  close(): void {
    this.database.close();
  }

  async query(sql: string): Promise<Row[]> {
    return rows(this.connection, sql);
  }

  /** The statements that build journey_cases and journey_visits: what the cache is keyed by. */
  private mappedTablesSql(cases: string): string[] {
    const index = this.index;
    const stepIndex = new Map<string, number>(this.steps.map((step, i) => [step.id, i]));
    const matcher = activityMatcher(this.steps);
    // Activity code → step number (NULL: unmapped), looked up as step_of_activity[code + 1] in the
    // lists. A session variable is bound as one constant; a list literal inside a lambda is built
    // again for every element (5 s on 10M events with 300 activities).
    const codeToStep = index.activities.map((activity) => {
      const stepId = matcher.stepFor(activity.activity);
      return stepId === null ? 'NULL' : String(stepIndex.get(stepId));
    });
    const stepOf = (code: string) => `getvariable('step_of_activity')[${code} + 1]`;
    // Each case's mapped events as parallel lists of plain values (lists of structs took twice as
    // long on 10M events). A view: journey_visits (and journey_cases when variants are many) read
    // the index through it, which took 0.7 of the time of copying the mapped lists into a table
    // first (bench/analytics).
    // When every activity is mapped, nothing needs filtering out.
    const everyActivityMapped = codeToStep.every((step) => step !== 'NULL');
    const mappedCases = `
      CREATE TEMP VIEW mapped_cases AS ${
        everyActivityMapped
          ? `SELECT segment, list_transform(acts, lambda a: ${stepOf('a')}) AS ms, ts AS mt, repeated FROM ${cases}`
          : `SELECT * FROM (
               SELECT segment, list_filter(s, lambda x: x IS NOT NULL) AS ms, list_filter(ts, lambda t, i: s[i] IS NOT NULL) AS mt, repeated
               FROM (SELECT segment, ts, repeated, list_transform(acts, lambda a: ${stepOf('a')}) AS s FROM ${cases})
             ) WHERE len(ms) > 0`
      }`;
    const completed = this.endSteps.map((step) => `list_contains(path, ${step})`).join(' OR ') || 'false';
    const caseFacts = (source: string) => `
      visited AS (SELECT *, list_filter(ms, lambda x, i: i = 1 OR x <> ms[i - 1]) AS path FROM ${source} WHERE len(ms) > 0),
      reached AS (
        SELECT *, list_filter(path, lambda x, i: list_position(path, x) = i) AS steps, list_reverse(path) AS reversed_path,
               list_transform(repeated, lambda a: ${stepOf('a')}) AS repeated_steps
        FROM visited
      ),
      facts AS (
        SELECT
          *, ms[1] AS first_step, ms[-1] AS last_step, len(ms) AS events,
          -- A repeat contact at a step: the case comes back to it (its first visit seen from the
          -- front and from the back are not the same), or one of its activities happens twice (the
          -- index lists those per case).
          list_filter(steps, lambda x:
            list_position(path, x) + list_position(reversed_path, x) <> len(path) + 1
            OR list_contains(repeated_steps, x)
          ) AS repeat_steps,
          ${completed} AS completed,
          list_contains(path, ${this.firstStep ?? -1}) AS reached_first
        FROM reached
      )`;
    const journeyCases = variantsAreFew(index)
      ? // Cases with the same activities in order (a variant) have the same steps, path and
        // repeats; only their times and segment differ. So these are worked out once per variant,
        // and each case takes its variant's, with its own times at the variant's first and last
        // mapped event. `repeated` follows from `acts`.
        `CREATE TEMP TABLE journey_cases AS
         WITH variants AS (
           SELECT acts, repeated, ${
             everyActivityMapped
               ? 's AS ms, 1 AS first_at, len(s) AS last_at'
               : `list_filter(s, lambda x: x IS NOT NULL) AS ms,
                  list_position(list_transform(s, lambda x: x IS NOT NULL), true) AS first_at,
                  len(s) + 1 - list_position(list_reverse(list_transform(s, lambda x: x IS NOT NULL)), true) AS last_at`
           }
           FROM (SELECT acts, any_value(repeated) AS repeated, list_transform(acts, lambda a: ${stepOf('a')}) AS s FROM ${cases} GROUP BY acts)
         ),
         ${caseFacts('variants')}
         SELECT
           c.segment, c.ts[v.first_at] AS first_t, c.ts[v.last_at] AS last_t, v.first_step, v.last_step, v.events,
           v.path, v.steps, v.repeat_steps, v.completed, v.reached_first
         FROM ${cases} AS c JOIN facts AS v ON c.acts = v.acts`
      : `CREATE TEMP TABLE journey_cases AS
         WITH ${caseFacts('mapped_cases')}
         SELECT
           segment, mt[1] AS first_t, mt[-1] AS last_t, first_step, last_step, events,
           path, steps, repeat_steps, completed, reached_first
         FROM facts`;
    // Every visit as a row, from the last event of the visit: that event's time is the visit's
    // end, the next event's the start of the case's next visit. The rows keep the order of the
    // cases' events (a single source, unnest and WHERE keep it), which journey_visits_with_start
    // relies on. Lists unnested side by side are padded with NULL to the longest, so a case's
    // last event gets no next one without a list built with a NULL at the end (that took 0.1 s
    // more of the 1.3–1.4 s of CPU on 10M events, with the same rows in the same order).
    const journeyVisits = `
      CREATE TEMP TABLE journey_visits AS
      WITH events AS (
        SELECT unnest(ms) AS step, unnest(ms[2:]) AS next_step,
               unnest(mt) AS t, unnest(mt[2:]) AS next_t, mt[1] AS case_start
        FROM mapped_cases
      )
      SELECT step, t AS visit_end, next_step, next_t AS next_start, case_start
      FROM events WHERE step IS DISTINCT FROM next_step`;
    return [`SET VARIABLE step_of_activity = [${codeToStep.join(', ')}]::INTEGER[]`, mappedCases, journeyCases, journeyVisits, 'DROP VIEW mapped_cases'];
  }

  private async buildResponses(surveyDirectories: readonly string[]): Promise<void> {
    const connection = this.connection;
    const stepIds = this.steps.map((step, i) => `(${sqlString(step.id)}, ${i})`).join(', ');
    await connection.run(
      this.steps.length === 0
        ? 'CREATE TEMP TABLE journey_steps (step_id VARCHAR, step INTEGER)'
        : `CREATE TEMP TABLE journey_steps AS SELECT * FROM (VALUES ${stepIds}) AS s(step_id, step)`,
    );
    // Answers about a step deleted since the import no longer concern this journey's map.
    await connection.run(`
      CREATE TEMP TABLE responses AS
      SELECT r.*, s.step FROM (${journeyResponsesSql(surveyDirectories)}) AS r LEFT JOIN journey_steps AS s ON r.step_id = s.step_id
      WHERE r.step_id IS NULL OR s.step IS NOT NULL`);
  }
}

export async function rows(connection: DuckDBConnection, sql: string): Promise<Row[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Row[];
}
