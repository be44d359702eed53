-- Each actor's positive and negative face per pillar in a run (scorecard.pillar_faces, stored at
-- scoring): NULL is "no evidence", never 0. Grain: actor × pillar.
-- $1 run id.
SELECT actor_id, pillar, positive, negative
FROM scorecard.pillar_scores
WHERE run_id = $1::bigint
ORDER BY actor_id, pillar
