// The statistics and directly-follows graph as an analyst writes them in DuckDB SQL over a table
// or view `events` (case_id, activity and a time column): the baseline of duckdbBaseline.ts and
// csvImportPaired.ts, in one place so both compare with the same questions.

/** Cases, events, activities, variants (by a fingerprint of each case's trace), start and end activities. */
export function analystStatsSql(caseOrder: string): string {
  return `
    WITH positioned AS (
      SELECT case_id, activity, row_number() OVER by_case AS position, count(*) OVER (PARTITION BY case_id) AS case_length
      FROM events WINDOW by_case AS (PARTITION BY case_id ORDER BY ${caseOrder})
    ),
    traces AS (
      SELECT case_id, sum(hash(position, activity)) AS fingerprint,
             any_value(activity) FILTER (WHERE position = 1) AS first_activity,
             any_value(activity) FILTER (WHERE position = case_length) AS last_activity
      FROM positioned GROUP BY case_id
    )
    SELECT count(*) AS cases, count(DISTINCT fingerprint) AS variants,
           histogram(first_activity) AS start_activities, histogram(last_activity) AS end_activities,
           (SELECT count(*) FROM events) AS events, (SELECT count(DISTINCT activity) FROM events) AS activities
    FROM traces`;
}

/** Which activity follows which, how often, and the median time between them. */
export function analystDfgSql(time: string, caseOrder: string): string {
  return `
    WITH steps AS (
      SELECT activity AS source, lead(activity) OVER by_case AS target,
             date_diff('microsecond', ${time}, lead(${time}) OVER by_case) AS gap_micros
      FROM events WINDOW by_case AS (PARTITION BY case_id ORDER BY ${caseOrder})
    )
    SELECT source, target, count(*) AS count, quantile_cont(CAST(gap_micros AS DOUBLE), 0.5) / 1e6 AS median_seconds
    FROM steps WHERE target IS NOT NULL GROUP BY source, target ORDER BY count DESC, source, target`;
}
