import type { DuckDBConnection } from '@duckdb/node-api';
import { activityMatcher, type StepRecord } from '@klantreis/schema';
import { openAnalyticsDatabase, type AnalyticsDatabase, type AnalyticsDatabaseOptions } from './analyticsDatabase.ts';
import { indexCasesRelation, type JourneyIndex } from './journeyIndex.ts';
import { journeyResponsesSql } from './journeySources.ts';
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
 * to the journey index (each case's events in order, see journeyIndex.ts) as list operations, into
 * one temporary table with a row per case that every metric reads:
 *
 *   journey_cases  segment, first_t and last_t (µs), first_step and last_step, events;
 *                  its visits (consecutive events at one step are one visit) as parallel lists:
 *                  path (the steps), visit_start, visit_end (µs);
 *                  repeat_steps, completed, reached_first
 *   responses      the survey answers about the journey or one of its current steps
 *
 * Steps are numbered by their position in the journey. Only cases with a mapped event take part.
 */
export class JourneyAnalysis {
  readonly steps: readonly AnalysedStep[];
  readonly activities: ActivityCount[];
  /** Step indexes that have at least one mapped activity, in journey order. */
  readonly mappedSteps: number[];
  /** Step indexes whose reach completes the journey: the marked ends, or else the last mapped step. */
  readonly endSteps: number[];
  readonly totalEvents: number;
  readonly totalCases: number;
  private readonly database: AnalyticsDatabase;

  private constructor(database: AnalyticsDatabase, index: JourneyIndex, steps: readonly AnalysedStep[]) {
    this.database = database;
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

  static async open(index: JourneyIndex, surveyDirectories: readonly string[], steps: readonly AnalysedStep[], options: AnalyticsDatabaseOptions = {}): Promise<JourneyAnalysis> {
    const database = await openAnalyticsDatabase(options);
    const analysis = new JourneyAnalysis(database, index, steps);
    try {
      await analysis.build(index, surveyDirectories);
      return analysis;
    } catch (error) {
      database.close();
      throw error;
    }
  }

  close(): void {
    this.database.close();
  }

  async query(sql: string): Promise<Row[]> {
    return rows(this.connection, sql);
  }

  /** A SQL list literal of step numbers, for list_has_any and IN. */
  static stepList(steps: readonly number[]): string {
    return `[${steps.join(', ')}]::INTEGER[]`;
  }

  private async build(index: JourneyIndex, surveyDirectories: readonly string[]): Promise<void> {
    const connection = this.connection;
    const stepIndex = new Map<string, number>(this.steps.map((step, i) => [step.id, i]));
    const matcher = activityMatcher(this.steps);
    // Activity code → step number (NULL: unmapped), looked up as m[code + 1] in the lists.
    const codeToStep = index.activities.map((activity) => {
      const stepId = matcher.stepFor(activity.activity);
      return stepId === null ? 'NULL' : String(stepIndex.get(stepId));
    });
    const m = `[${codeToStep.join(', ')}]::INTEGER[]`;
    const ends = JourneyAnalysis.stepList(this.endSteps);
    const first = this.firstStep ?? -1;
    // Parallel lists of plain values: lists of structs took twice as long on 10M events. When
    // every activity is mapped, nothing needs filtering out.
    const everyActivityMapped = codeToStep.every((step) => step !== 'NULL');
    const mappedSql = everyActivityMapped
      ? `SELECT case_id, segment, list_transform(acts, lambda a: (${m})[a + 1]) AS ms, ts AS mt, repeated FROM ${indexCasesRelation(index)}`
      : `SELECT case_id, segment, list_filter(s, lambda x: x IS NOT NULL) AS ms, list_filter(ts, lambda t, i: s[i] IS NOT NULL) AS mt, repeated
         FROM (SELECT case_id, segment, ts, repeated, list_transform(acts, lambda a: (${m})[a + 1]) AS s FROM ${indexCasesRelation(index)})`;
    await connection.run(`
      CREATE TEMP TABLE journey_cases AS
      WITH mapped AS (${mappedSql}),
      visited AS (
        SELECT case_id, segment, ms, mt, repeated,
          list_filter(ms, lambda x, i: i = 1 OR x <> ms[i - 1]) AS path,
          list_filter(mt, lambda t, i: i = 1 OR ms[i] <> ms[i - 1]) AS visit_start,
          list_filter(mt, lambda t, i: i = len(ms) OR ms[i] <> ms[i + 1]) AS visit_end
        FROM mapped WHERE len(ms) > 0
      ),
      sorted AS (SELECT *, list_sort(path) AS sorted_path FROM visited)
      SELECT
        segment,
        mt[1] AS first_t, mt[len(mt)] AS last_t, ms[1] AS first_step, ms[len(ms)] AS last_step, len(ms) AS events,
        path, visit_start, visit_end,
        -- A repeat contact at a step: the case comes back to it (neighbours in the sorted path), or
        -- one of its activities happens twice (the index lists those per case).
        list_distinct(list_concat(
          list_filter(sorted_path, lambda x, i: i > 1 AND x = sorted_path[i - 1]),
          list_filter(list_transform(repeated, lambda a: (${m})[a + 1]), lambda x: x IS NOT NULL)
        )) AS repeat_steps,
        list_has_any(path, ${ends}) AS completed,
        list_contains(path, ${first}) AS reached_first
      FROM sorted`);
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
