-- The run a report shows: its first day, the previous period's run it measures change against, the
-- aged run its change's causes are found against, and
-- its latest sensitivity analysis. Grain: one row. $1 run id.
WITH previous AS (
    SELECT max(previous_run_id) AS run_id FROM scorecard.actor_scores WHERE run_id = $1::bigint
),
analysis AS (
    SELECT samples, seed FROM scorecard.sensitivity_results
    WHERE run_id = $1::bigint
    ORDER BY samples DESC, seed DESC
    LIMIT 1
)
SELECT r.period_start, p.run_id AS previous_run_id, r.aged_run_id, pr.period AS previous_period,
       pr.inputs_sha256 AS previous_inputs_sha256, a.samples, a.seed
FROM scorecard.score_runs r
CROSS JOIN previous p
LEFT JOIN scorecard.score_runs pr ON pr.id = p.run_id
LEFT JOIN analysis a ON true
WHERE r.id = $1::bigint
