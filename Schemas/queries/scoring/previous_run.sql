-- The run a period's change is measured against: the current run of the previous period under the
-- same methodology version (scorecard.current_run). Grain: one row (NULL when none).
-- $1 methodology id, $2 version, $3 the previous period.
SELECT scorecard.current_run($1::text, $2::text, $3::text) AS id
