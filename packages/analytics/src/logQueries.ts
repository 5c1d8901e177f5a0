import { aggregateRow } from './aggregateRow.ts';
import type { EventTable } from './logLoader.ts';

/*
 * The journey analytics over a normalized event table, all in DuckDB SQL. Every query orders a
 * case's events by timestamp and breaks ties by file order, so that two events logged in the same
 * second keep the order in which the source system wrote them.
 */

export interface LogStats {
  cases: number;
  events: number;
  activities: number;
  /** Distinct activity sequences over all cases. */
  variants: number;
  startActivities: Record<string, number>;
  endActivities: Record<string, number>;
  /** ISO 8601 in UTC, null for an empty log. */
  firstTimestamp: string | null;
  lastTimestamp: string | null;
}

export interface DfgEdge {
  from: string;
  to: string;
  count: number;
  /** Median time between the two events, in seconds. */
  medianSeconds: number;
}

export interface DirectlyFollowsGraph {
  /** By count, most frequent first, then by from and to. */
  edges: DfgEdge[];
  startActivities: Record<string, number>;
  endActivities: Record<string, number>;
}

export interface VariantCount {
  activities: string[];
  cases: number;
  /** Fraction of all cases, 0..1. */
  share: number;
}

export interface ActivityReach {
  activity: string;
  /** Cases in which the activity occurs at least once. */
  cases: number;
  /** Fraction of all cases, 0..1. */
  share: number;
  events: number;
}

const ISO_UTC = `'%Y-%m-%dT%H:%M:%S.%fZ'`;

/**
 * One row per case with a fingerprint of its activity sequence: the sum of hash(position,
 * activity) over its events. Positions are unique within a case, so equal sequences give equal
 * sums, and different ones collide with a chance of about 1 in 2^64 per pair. `list(activity ORDER
 * BY ts)` per case is exact too but needs every case's list in memory: on 10M events it ran out of
 * a 1.5 GB limit, where the window's sort spills to disk and this stays under 1 GB.
 */
function tracesCte(relation: string): string {
  return `
    positioned AS (
      SELECT
        case_id,
        activity,
        file_order,
        row_number() OVER by_case AS position,
        count(*) OVER (PARTITION BY case_id) AS case_length
      FROM ${relation}
      WINDOW by_case AS (PARTITION BY case_id ORDER BY ts, file_order)
    ),
    traces AS (
      SELECT
        case_id,
        sum(hash(position, activity)) AS fingerprint,
        any_value(activity) FILTER (WHERE position = 1) AS first_activity,
        any_value(activity) FILTER (WHERE position = case_length) AS last_activity,
        min(file_order) AS first_seen
      FROM positioned
      GROUP BY case_id
    )`;
}

const statsSql = (relation: string): string => `
  WITH ${tracesCte(relation)}
  SELECT
    count(*) AS cases,
    count(DISTINCT fingerprint) AS variants,
    histogram(first_activity) AS start_activities,
    histogram(last_activity) AS end_activities
  FROM traces`;

const eventTotalsSql = (relation: string): string => `
  SELECT
    count(*) AS events,
    count(DISTINCT activity) AS activities,
    strftime(min(ts), ${ISO_UTC}) AS first_timestamp,
    strftime(max(ts), ${ISO_UTC}) AS last_timestamp
  FROM ${relation}`;

/**
 * One window pass gives edges, start and end activities together: a case's last event has no
 * target, so grouping by (source, NULL) counts end activities, and `starts` counts first events.
 */
const dfgSql = (relation: string): string => `
  WITH steps AS (
    SELECT
      activity AS source,
      lead(activity) OVER by_case AS target,
      lag(activity) OVER by_case IS NULL AS is_start,
      date_diff('microsecond', ts, lead(ts) OVER by_case) AS gap_micros
    FROM ${relation}
    WINDOW by_case AS (PARTITION BY case_id ORDER BY ts, file_order)
  )
  SELECT
    source,
    target,
    count(*) AS count,
    count(*) FILTER (WHERE is_start) AS starts,
    quantile_cont(CAST(gap_micros AS DOUBLE), 0.5) / 1e6 AS median_seconds
  FROM steps
  GROUP BY source, target
  ORDER BY count DESC, source, target`;

/**
 * Stats and DFG from one window pass (issue 13): the window that orders each case's events (the
 * sort of every row, the costly part) is shared, and one aggregate with two grouping sets gives the
 * DFG rows (by source and target, as dfgSql) and one row per case with its trace fingerprint (as
 * tracesCte: `position` is row_number() in the same order). `grouped` is small (one row per case
 * and per edge) and is read twice, so it is materialized rather than computed twice. The last row,
 * `is_edge` false, carries the number of cases and of variants.
 */
const statsAndDfgSql = (relation: string): string => `
  WITH steps AS (
    SELECT
      case_id,
      activity AS source,
      lead(activity) OVER by_case AS target,
      row_number() OVER by_case AS position,
      date_diff('microsecond', ts, lead(ts) OVER by_case) AS gap_micros
    FROM ${relation}
    WINDOW by_case AS (PARTITION BY case_id ORDER BY ts, file_order)
  ),
  grouped AS MATERIALIZED (
    SELECT
      grouping(case_id) = 1 AS is_edge,
      source,
      target,
      count(*) AS count,
      count(*) FILTER (WHERE position = 1) AS starts,
      quantile_cont(CAST(gap_micros AS DOUBLE), 0.5) FILTER (WHERE target IS NOT NULL) / 1e6 AS median_seconds,
      sum(hash(position, source)) AS fingerprint
    FROM steps
    GROUP BY GROUPING SETS ((source, target), (case_id))
  )
  SELECT * FROM (
    SELECT true AS is_edge, source, target, count, starts, median_seconds, NULL::BIGINT AS variants
    FROM grouped WHERE is_edge
    UNION ALL
    SELECT false, NULL, NULL, count(*), NULL, NULL, count(DISTINCT fingerprint)
    FROM grouped WHERE NOT is_edge
  )
  ORDER BY is_edge DESC, count DESC, source, target`;

/** Variants with equal counts keep the order in which the log first shows them. */
const topVariantsSql = (relation: string, limit: number): string => `
  WITH ${tracesCte(relation)},
  variants AS (
    SELECT
      fingerprint,
      count(*) AS cases,
      arg_min(case_id, first_seen) AS example_case,
      min(first_seen) AS first_seen
    FROM traces
    GROUP BY fingerprint
  ),
  top_variants AS (
    SELECT * FROM variants ORDER BY cases DESC, first_seen LIMIT ${limit}
  )
  SELECT
    list(event.activity ORDER BY event.ts, event.file_order) AS activities,
    top_variants.cases,
    top_variants.cases / (SELECT count(*) FROM traces) AS share
  FROM top_variants
  JOIN ${relation} AS event ON event.case_id = top_variants.example_case
  GROUP BY top_variants.fingerprint, top_variants.cases, top_variants.first_seen
  ORDER BY top_variants.cases DESC, top_variants.first_seen`;

const activityReachSql = (relation: string): string => `
  SELECT
    activity,
    count(DISTINCT case_id) AS cases,
    count(DISTINCT case_id) / (SELECT count(DISTINCT case_id) FROM ${relation}) AS share,
    count(*) AS events
  FROM ${relation}
  GROUP BY activity
  ORDER BY cases DESC, activity`;

type Row = Record<string, unknown>;

async function queryRows(log: EventTable, sql: string): Promise<Row[]> {
  const reader = await log.connection.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Row[];
}

/** DuckDB's histogram() arrives as a list of {key, value}. */
function histogramRecord(value: unknown): Record<string, number> {
  const record: Record<string, number> = {};
  if (!Array.isArray(value)) return record;
  for (const entry of value as { key: unknown; value: unknown }[]) record[String(entry.key)] = Number(entry.value);
  return record;
}

function nullableText(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

export async function logStats(log: EventTable): Promise<LogStats> {
  const traces = aggregateRow(await queryRows(log, statsSql(log.relation)), 'the log\'s cases');
  const totals = aggregateRow(await queryRows(log, eventTotalsSql(log.relation)), 'the log\'s events');
  return {
    cases: Number(traces.cases),
    events: Number(totals.events),
    activities: Number(totals.activities),
    variants: Number(traces.variants),
    startActivities: histogramRecord(traces.start_activities),
    endActivities: histogramRecord(traces.end_activities),
    firstTimestamp: nullableText(totals.first_timestamp),
    lastTimestamp: nullableText(totals.last_timestamp),
  };
}

export async function logDfg(log: EventTable): Promise<DirectlyFollowsGraph> {
  return dfgFromRows(await queryRows(log, dfgSql(log.relation)));
}

/** The DFG from the rows of dfgSql (or the edge rows of statsAndDfgSql), in their order. */
function dfgFromRows(rows: Row[]): DirectlyFollowsGraph {
  const edges: DfgEdge[] = [];
  const startActivities: Record<string, number> = {};
  const endActivities: Record<string, number> = {};
  for (const row of rows) {
    const source = String(row.source);
    const starts = Number(row.starts);
    if (starts > 0) startActivities[source] = (startActivities[source] ?? 0) + starts;
    if (row.target === null) {
      endActivities[source] = Number(row.count);
    } else {
      edges.push({ from: source, to: String(row.target), count: Number(row.count), medianSeconds: Number(row.median_seconds) });
    }
  }
  return { edges, startActivities, endActivities };
}

/**
 * `logStats` and `logDfg` together, equal to calling both, from one window pass over the events
 * instead of two (on 10M events about 10 s of CPU where the two took 16–17 s). For a caller that
 * wants both, as after an import.
 */
export async function logStatsAndDfg(log: EventTable): Promise<{ stats: LogStats; dfg: DirectlyFollowsGraph }> {
  const rows = await queryRows(log, statsAndDfgSql(log.relation));
  const summary = rows.at(-1);
  if (summary === undefined || summary.is_edge !== false) throw new Error('the stats and DFG query returned no summary row');
  const dfg = dfgFromRows(rows.slice(0, -1));
  const totals = aggregateRow(await queryRows(log, eventTotalsSql(log.relation)), 'the log\'s events');
  // As histogram() in statsSql, which leaves out a NULL activity (dfgFromRows names it "null").
  const startActivities: Record<string, number> = {};
  const endActivities: Record<string, number> = {};
  for (const row of rows.slice(0, -1)) {
    if (row.source === null) continue;
    const source = String(row.source);
    const starts = Number(row.starts);
    if (starts > 0) startActivities[source] = (startActivities[source] ?? 0) + starts;
    if (row.target === null) endActivities[source] = Number(row.count);
  }
  const stats: LogStats = {
    cases: Number(summary.count),
    events: Number(totals.events),
    activities: Number(totals.activities),
    variants: Number(summary.variants),
    startActivities,
    endActivities,
    firstTimestamp: nullableText(totals.first_timestamp),
    lastTimestamp: nullableText(totals.last_timestamp),
  };
  return { stats, dfg };
}

export async function topVariants(log: EventTable, limit = 10): Promise<VariantCount[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  const rows = await queryRows(log, topVariantsSql(log.relation, limit));
  return rows.map((row) => ({
    activities: (row.activities as unknown[]).map(String),
    cases: Number(row.cases),
    share: Number(row.share),
  }));
}

export async function activityReach(log: EventTable): Promise<ActivityReach[]> {
  const rows = await queryRows(log, activityReachSql(log.relation));
  return rows.map((row) => ({
    activity: String(row.activity),
    cases: Number(row.cases),
    share: Number(row.share),
    events: Number(row.events),
  }));
}
