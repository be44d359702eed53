-- How stable each ranked actor's rank is when the weights change: the run's stored indicator values
-- re-aggregated under every weight sample by scorecard.actor_faces (the one definition scoring uses),
-- then each actor's ranks and grades summarised over the samples.
-- Grain: actor (of those ranked in the run). $1 run id, $2 weight samples (jsonb, samples 1…n),
-- $3 methodology definition (jsonb), $4 number of samples.
WITH published AS (
    SELECT actor_id, grade FROM scorecard.actor_scores WHERE run_id = $1::bigint AND rank_in_kind IS NOT NULL
),
sampled AS (
    SELECT f.sample, f.actor_id, f.grade, f.rank_in_kind
    FROM scorecard.actor_faces($1::bigint, $2::jsonb, $3::jsonb) f
    WHERE f.rank_in_kind IS NOT NULL
)
SELECT p.actor_id,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY s.rank_in_kind)::float8 AS median_rank,
       percentile_disc(0.05) WITHIN GROUP (ORDER BY s.rank_in_kind)::integer AS rank_p05,
       percentile_disc(0.95) WITHIN GROUP (ORDER BY s.rank_in_kind)::integer AS rank_p95,
       (count(*) FILTER (WHERE s.grade IS DISTINCT FROM p.grade))::float8 / $4::integer AS grade_change_share
FROM published p
JOIN sampled s ON s.actor_id = p.actor_id
GROUP BY p.actor_id
ORDER BY p.actor_id
