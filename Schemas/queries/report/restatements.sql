-- The report actors' figures in this run that later evidence would change, with the later records
-- the audience may see. Grain: actor × restated run.
-- $1 run id, $2 actor ids (text[]), $3 include restricted evidence (boolean).
SELECT r.actor_id, x.inputs_sha256 AS restated_run,
       r.original_positive, r.original_negative, r.original_combined,
       r.restated_positive, r.restated_negative, r.restated_combined,
       coalesce((SELECT array_agg(e.id ORDER BY e.id) FROM scorecard.evidence e
                 WHERE e.id = ANY (r.evidence_ids) AND scorecard.counts_for(e.sensitivity, $3::boolean)), '{}') AS evidence_ids
FROM scorecard.restatements r
JOIN scorecard.score_runs x ON x.id = r.restated_run_id
WHERE r.run_id = $1::bigint AND r.actor_id = ANY ($2::text[])
ORDER BY r.actor_id, r.restated_run_id
