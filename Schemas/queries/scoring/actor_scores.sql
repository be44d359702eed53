-- Each actor's positive, negative and combined scores, grade, rank within its kind
-- (scorecard.actor_faces, the one definition of the aggregation), and the change since the
-- previous period's run. Grain: run × actor.
-- $1 run id, $2 methodology definition (jsonb), $3 the previous period's run (or NULL).
INSERT INTO scorecard.actor_scores (run_id, actor_id, actor_kind, positive, negative, combined, grade, rank_in_kind,
                                    evidence_count, previous_run_id, previous_combined, change)
WITH scored AS (
    SELECT * FROM scorecard.actor_faces($1::bigint, scorecard.methodology_weights($2::jsonb), $2::jsonb)
),
previous AS (
    SELECT actor_id, combined FROM scorecard.actor_scores WHERE run_id = $3::bigint
)
SELECT $1::bigint, s.actor_id, s.actor_kind, s.positive, s.negative, s.combined, s.grade, s.rank_in_kind,
       s.evidence_count, $3::bigint, p.combined, s.combined - p.combined
FROM scored s
LEFT JOIN previous p ON p.actor_id = s.actor_id
