-- The run a period's change is measured against: the latest as-published run of the previous period
-- under the same methodology version. Grain: one row (NULL when none).
-- $1 methodology id, $2 version, $3 the previous period.
SELECT max(id) AS id
FROM scorecard.score_runs
WHERE methodology_id = $1::text AND methodology_version = $2::text AND period = $3::text AND basis = 'as_published'
