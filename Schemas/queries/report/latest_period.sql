-- The latest period with an as-published run under a methodology version that had begun by the
-- as-of date: what `latest` names for report, explain and sensitivity. A period scored as of a
-- later date is not taken. Grain: at most one row.
-- $1 methodology id, $2 version, $3 the as-of date.
SELECT period
FROM scorecard.score_runs
WHERE methodology_id = $1::text AND methodology_version = $2::text
  AND basis = 'as_published' AND period_start <= $3::date
ORDER BY period_end DESC
LIMIT 1
