-- Each actor's positive, negative and combined scores, grade, rank within its kind
-- (scorecard.actor_faces, the one definition of the aggregation), and the change since the
-- previous period's run, split into its parts (docs/methodology.md, "Change"). Grain: run × actor.
-- $1 run id, $2 methodology definition (jsonb), $3 the previous period's run (or NULL),
-- $4 the previous period re-scored with this run's knowledge, $5 this period with only the previous
-- period's conduct (both NULL when there is no previous run, and for the split's own runs).
INSERT INTO scorecard.actor_scores (run_id, actor_id, actor_kind, positive, negative, combined, grade, rank_in_kind,
                                    evidence_count, events, group_id, previous_run_id, previous_combined, change,
                                    change_restated, change_time, change_conduct)
WITH scored AS (
    SELECT * FROM scorecard.actor_faces($1::bigint, scorecard.methodology_weights($2::jsonb), $2::jsonb)
),
previous AS (
    SELECT actor_id, combined FROM scorecard.actor_scores WHERE run_id = $3::bigint
),
previous_known AS (
    SELECT actor_id, combined FROM scorecard.actor_scores WHERE run_id = $4::bigint
),
aged AS (
    SELECT actor_id, combined FROM scorecard.actor_scores WHERE run_id = $5::bigint
)
SELECT $1::bigint, s.actor_id, s.actor_kind, s.positive, s.negative, s.combined, s.grade, s.rank_in_kind,
       s.evidence_count, s.events, s.group_id, $3::bigint, p.combined, s.combined - p.combined,
       -- Each part is a difference of two stored (rounded) figures, so the parts add up to the change exactly.
       k.combined - p.combined, a.combined - k.combined, s.combined - a.combined
FROM scored s
LEFT JOIN previous p ON p.actor_id = s.actor_id
LEFT JOIN previous_known k ON k.actor_id = s.actor_id
LEFT JOIN aged a ON a.actor_id = s.actor_id
