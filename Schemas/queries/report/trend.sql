-- The faces and combined score of the chosen actors in this run and in the current run
-- (scorecard.current_run) of each earlier period under the same methodology version: NULL where the
-- actor had none (a chart draws a gap). Grain: period × actor.
-- $1 run id, $2 its period, $3 its period end, $4 methodology id, $5 version, $6 actor ids (text[]).
WITH runs AS (
    SELECT $1::bigint AS id, $2::text AS period, $3::date AS period_end
    UNION ALL
    SELECT DISTINCT scorecard.current_run(methodology_id, methodology_version, period), period, period_end
    FROM scorecard.score_runs
    WHERE methodology_id = $4::text AND methodology_version = $5::text
      AND basis = 'as_published' AND period_end < $3::date
)
SELECT r.period, r.period_end, s.actor_id, s.positive, s.negative, s.combined
FROM runs r
LEFT JOIN scorecard.actor_scores s ON s.run_id = r.id AND s.actor_id = ANY ($6::text[])
ORDER BY r.period_end, s.actor_id
