-- The edition's data/actors.csv and data/actors.ndjson: every actor the run has a row for, ranked
-- or not, with its scores, the rank interval of the chosen sensitivity analysis, the evidence
-- records behind its scores that a public reader may see, and the parts of its change. Grain: actor.
-- Public only: an actor that is not public (scorecard.public_actors) is left out, its name and id
-- with it, and a group it would name is withheld; records are counted through scorecard.counts_for.
-- insufficient_evidence is ReportModel's: conduct on record but fewer conduct events than the
-- methodology's minimum_evidence (scorecard.actor_faces' rule for a grade and a rank).
-- Order: actor id, byte order. $1 run id, $2 analysis samples, $3 analysis seed (both NULL: none).
WITH public_actor AS (
    SELECT p.id FROM scorecard.public_actors() AS p (id)
),
minimum AS (
    SELECT (scorecard.methodology_definition(m.definition) ->> 'minimum_evidence')::integer AS events
    FROM scorecard.score_runs r
    JOIN scorecard.methodologies m ON m.id = r.methodology_id AND m.version = r.methodology_version
    WHERE r.id = $1::bigint
),
records AS (  -- distinct public evidence records behind the evidence and breach indicators (scorecard.evidence_records)
    SELECT actor_id, records FROM scorecard.evidence_records($1::bigint, false)
),
interval AS (
    SELECT actor_id, median_rank, rank_p05, rank_p95, grade_change_share
    FROM scorecard.sensitivity_results
    WHERE run_id = $1::bigint AND samples = $2::integer AND seed = $3::bigint
)
SELECT s.actor_id, a.name AS actor_name, s.actor_kind AS kind, a.country, a.iso_code,
       s.positive, s.negative, s.combined, s.grade, s.rank_in_kind AS rank,
       count(s.rank_in_kind) OVER (PARTITION BY s.actor_kind)::int AS ranked_in_kind,
       i.rank_p05, i.rank_p95, i.median_rank AS rank_median, i.grade_change_share,
       coalesce(s.events, 0) AS events, coalesce(r.records, 0) AS evidence_records,
       coalesce(s.events, 0) = 0 AS no_conduct,
       s.combined IS NOT NULL AND coalesce(s.events, 0) < m.events AS insufficient_evidence,
       CASE WHEN s.group_id IN (SELECT id FROM public_actor) THEN s.group_id END AS group_id,
       s.previous_combined, s.change, s.change_restated, s.change_time, s.change_conduct
FROM scorecard.actor_scores s
JOIN public_actor p ON p.id = s.actor_id
JOIN scorecard.actors a ON a.id = s.actor_id
CROSS JOIN minimum m
LEFT JOIN records r ON r.actor_id = s.actor_id
LEFT JOIN interval i ON i.actor_id = s.actor_id
WHERE s.run_id = $1::bigint
ORDER BY s.actor_id COLLATE "C"
