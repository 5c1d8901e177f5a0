-- The journey metrics of packages/analytics written by hand as one DuckDB script, straight over
-- the imported Parquet: the baseline that journeyMetricsBench.ts runs beside our implementation.
-- The bench replaces {{EVENTS}} with the read_parquet(...) of the import, {{MAPPING}} with
-- VALUES ('activity', step), … and {{ENDS}} with the end steps as a list, e.g. [7].
-- It is the obvious way to write it: one window over the events ordered per case, then
-- aggregates over what it gives. No journey index.

CREATE TEMP TABLE mapping AS SELECT * FROM (VALUES {{MAPPING}}) AS m(activity, step);

-- Every mapped event with its neighbours in its case: the one sort of all events.
CREATE TEMP TABLE step_events AS
SELECT
  e.case_id, m.step, e.activity, e.ts, e.file_order, e.segment,
  lag(m.step) OVER w AS prev_step, lag(e.ts) OVER w AS prev_ts,
  lead(m.step) OVER w AS next_step, lead(e.ts) OVER w AS next_ts
FROM {{EVENTS}} AS e JOIN mapping AS m USING (activity)
WINDOW w AS (PARTITION BY e.case_id ORDER BY e.ts, e.file_order);

-- Visits: consecutive events at one step, numbered per case (a second, smaller window).
CREATE TEMP TABLE visits AS
SELECT case_id, step, ts AS visit_start,
  row_number() OVER (PARTITION BY case_id ORDER BY ts, file_order) AS visit
FROM step_events WHERE prev_step IS DISTINCT FROM step;

CREATE TEMP TABLE cases AS
SELECT
  case_id,
  min(ts) AS first_ts, max(ts) AS last_ts, count(*) AS events,
  any_value(step) FILTER (WHERE prev_step IS NULL) AS first_step,
  any_value(step) FILTER (WHERE next_step IS NULL) AS last_step,
  any_value(segment) FILTER (WHERE prev_step IS NULL) AS segment,
  bool_or(list_contains({{ENDS}}, step)) AS completed,
  bool_or(step = (SELECT min(step) FROM mapping)) AS reached_first
FROM step_events GROUP BY case_id;

-- Journey: completion, duration, contacts per case.
SELECT count(*) AS cases, count(*) FILTER (WHERE completed) AS completed,
       quantile_cont(date_diff('microsecond', first_ts, last_ts) / 1e6, [0.5, 0.9]) AS duration,
       avg(events) AS contacts
FROM cases;

-- Per step: reach, conversion from the first step, repeat contacts (an activity twice, or a second visit).
SELECT s.step, count(*) AS reach, count(*) FILTER (WHERE c.reached_first) AS with_first,
       count(*) FILTER (WHERE s.events > s.activities OR s.visits > 1) AS repeat_cases
FROM (
  SELECT case_id, step, count(*) AS events, count(DISTINCT activity) AS activities,
         count(*) FILTER (WHERE prev_step IS DISTINCT FROM step) AS visits
  FROM step_events GROUP BY case_id, step
) AS s JOIN cases AS c USING (case_id)
GROUP BY s.step;

-- Per step: events; visits and the time in the step per visit, from the rows where a visit
-- starts or ends (a second window, over those rows only).
SELECT step, count(*) AS events FROM step_events GROUP BY step;
SELECT step, count(*) AS visits, quantile_cont(dwell / 1e6, [0.5, 0.9]) AS in_step FROM (
  SELECT step, prev_step IS DISTINCT FROM step AS starts,
    CASE WHEN next_step IS DISTINCT FROM step THEN 0
         ELSE date_diff('microsecond', ts, lead(ts) OVER (PARTITION BY case_id ORDER BY ts, file_order)) END AS dwell
  FROM step_events WHERE prev_step IS DISTINCT FROM step OR next_step IS DISTINCT FROM step
) WHERE starts GROUP BY step;

-- Drop-off: cases that end at a step without having completed.
SELECT last_step AS step, count(*) AS cases FROM cases WHERE NOT completed GROUP BY last_step;

-- The moves between visits: the DFG of steps and the waits to and from every step.
SELECT prev_step AS from_step, step AS to_step, GROUPING(prev_step) AS no_from, GROUPING(step) AS no_to, count(*) AS n,
       quantile_cont(date_diff('microsecond', prev_ts, ts) / 1e6, [0.5, 0.9]) AS gaps
FROM step_events WHERE prev_step IS NOT NULL AND prev_step <> step
GROUP BY GROUPING SETS ((prev_step, step), (prev_step), (step));

-- Start and end steps.
SELECT first_step, last_step, GROUPING(first_step) AS no_first, count(*) AS n
FROM cases GROUP BY GROUPING SETS ((first_step), (last_step));

-- Real paths: the top ten sequences of visits and how many there are.
WITH paths AS (SELECT case_id, list(step ORDER BY visit) AS path FROM visits GROUP BY case_id),
variants AS (SELECT path, count(*) AS cases FROM paths GROUP BY path)
SELECT path, cases, (SELECT count(*) FROM variants) AS variant_count FROM variants ORDER BY cases DESC LIMIT 10;

-- Trends per month and per segment.
SELECT strftime(date_trunc('month', first_ts), '%Y-%m-%d') AS period, segment,
       GROUPING(period) AS no_period, GROUPING(segment) AS no_segment,
       count(*) AS cases, count(*) FILTER (WHERE completed) AS completed,
       quantile_cont(date_diff('microsecond', first_ts, last_ts) / 1e6, 0.5) AS duration_median, avg(events) AS contacts
FROM cases GROUP BY GROUPING SETS ((period), (segment), (period, segment));

-- XLA: completion per quarter, and the p90 wait before one step (the second mapped step) per quarter.
SELECT strftime(date_trunc('quarter', first_ts), '%Y-%m-%d') AS period, 100 * avg(completed::INTEGER) AS value FROM cases GROUP BY 1;
SELECT strftime(date_trunc('quarter', ts), '%Y-%m-%d') AS period, quantile_cont(date_diff('microsecond', prev_ts, ts) / 6e7, 0.9) AS value
FROM step_events WHERE prev_step IS NOT NULL AND prev_step <> step AND step = 1 GROUP BY 1;
