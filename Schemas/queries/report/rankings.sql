-- Every actor's scores in a run, with the evidence records behind them that the audience may see,
-- the parts of its change, and the rank interval of the chosen sensitivity analysis. Grain: actor.
-- Order: by combined score, highest first (an actor with too few conduct events for a grade has no
-- rank, but stands where its score puts it: conduct that earns a rank must not lift an actor above a
-- better one with less on record); then the actors with no conduct on record, by name.
-- $1 run id, $2 include restricted evidence (boolean), $3 analysis samples, $4 analysis seed
-- (both NULL: none).
WITH records AS (  -- distinct evidence records behind the evidence and breach indicators (scorecard.evidence_records)
    SELECT actor_id, records FROM scorecard.evidence_records($1::bigint, $2::boolean)
),
interval AS (
    SELECT actor_id, median_rank, rank_p05, rank_p95, grade_change_share
    FROM scorecard.sensitivity_results
    WHERE run_id = $1::bigint AND samples = $3::integer AND seed = $4::bigint
)
SELECT s.actor_id, a.name, s.actor_kind, s.positive, s.negative, s.combined, s.grade, s.rank_in_kind,
       s.evidence_count, s.events, s.group_id, s.previous_combined, s.change,
       s.change_restated, s.change_time, s.change_conduct,
       count(s.rank_in_kind) OVER (PARTITION BY s.actor_kind)::int AS ranked_in_kind,
       coalesce(r.records, 0) AS records,
       i.median_rank, i.rank_p05, i.rank_p95, i.grade_change_share
FROM scorecard.actor_scores s
JOIN scorecard.actors a ON a.id = s.actor_id
LEFT JOIN records r ON r.actor_id = s.actor_id
LEFT JOIN interval i ON i.actor_id = s.actor_id
WHERE s.run_id = $1::bigint
ORDER BY s.actor_kind, s.combined DESC NULLS LAST, s.rank_in_kind NULLS LAST, a.name, s.actor_id
