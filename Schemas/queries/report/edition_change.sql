-- Every actor's combined score and grade as the previous edition published them, and the change
-- from there to this run: the change since the last edition is measured against these, never against
-- figures no reader saw. Its part that is the previous period known differently since publication
-- (since_published: the like-for-like previous figure minus the published one) is a change of method
-- when the edition was published under another methodology version or engine (methodology_changed),
-- else restated records; the rest is the run's own change split (actor_scores.change_*).
-- Grain: actor of this run. $1 this run id, $2 the previous edition's run id.
SELECT n.actor_id, p.combined AS previous_combined, p.grade AS previous_grade, n.combined - p.combined AS change,
       n.previous_combined - p.combined AS since_published,
       (pr.methodology_id, pr.methodology_version, pr.methodology_sha256, pr.engine_sha256) IS DISTINCT FROM
       (nr.methodology_id, nr.methodology_version, nr.methodology_sha256, nr.engine_sha256) AS methodology_changed
FROM scorecard.actor_scores n
JOIN scorecard.score_runs nr ON nr.id = n.run_id
LEFT JOIN scorecard.score_runs pr ON pr.id = $2::bigint
LEFT JOIN scorecard.actor_scores p ON p.run_id = $2::bigint AND p.actor_id = n.actor_id
WHERE n.run_id = $1::bigint
