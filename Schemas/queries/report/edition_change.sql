-- Every actor's combined score and grade as the previous edition published them, and the change
-- from there to this run: the change since the last edition is measured against these, never against
-- figures no reader saw. Grain: actor of this run. $1 this run id, $2 the previous edition's run id.
SELECT n.actor_id, p.combined AS previous_combined, p.grade AS previous_grade, n.combined - p.combined AS change
FROM scorecard.actor_scores n
LEFT JOIN scorecard.actor_scores p ON p.run_id = $2::bigint AND p.actor_id = n.actor_id
WHERE n.run_id = $1::bigint
