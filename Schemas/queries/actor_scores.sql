-- Each actor's positive, negative and combined scores, grade, rank within its kind, and change.
-- Grain: run × actor. $1 run id, $2 pillars (jsonb [{id, weight}]), $3 grades (jsonb [{grade, minimum}]),
-- $4 minimum evidence for a grade, $5 the previous period's run (or NULL).
INSERT INTO scorecard.actor_scores (run_id, actor_id, actor_kind, positive, negative, combined, grade, rank_in_kind,
                                    evidence_count, previous_run_id, previous_combined, change)
WITH pillar_weight AS (
    SELECT * FROM jsonb_to_recordset($2::jsonb) AS p (id text, weight float8)
),
grade_band AS (
    SELECT * FROM jsonb_to_recordset($3::jsonb) AS g (grade text, minimum float8)
),
faces AS (  -- pillar-weighted means over the pillars that have a score, weights renormalised
    SELECT ps.actor_id,
           sum(ps.positive::float8 * pw.weight) / nullif(sum(pw.weight) FILTER (WHERE ps.positive IS NOT NULL), 0) AS positive,
           sum(ps.negative::float8 * pw.weight) / nullif(sum(pw.weight) FILTER (WHERE ps.negative IS NOT NULL), 0) AS negative
    FROM scorecard.pillar_scores ps
    JOIN pillar_weight pw ON pw.id = ps.pillar
    WHERE ps.run_id = $1::bigint
    GROUP BY ps.actor_id
),
evidence_behind AS (
    SELECT actor_id, coalesce(sum(evidence_count) FILTER (WHERE kind <> 'commitment' AND state = 'scored'), 0) AS records
    FROM scorecard.indicator_values
    WHERE run_id = $1::bigint
    GROUP BY actor_id
),
combined AS (
    SELECT a.id AS actor_id, a.kind AS actor_kind,
           round(f.positive::numeric, 3) AS positive, round(f.negative::numeric, 3) AS negative,
           CASE WHEN f.positive IS NULL AND f.negative IS NULL THEN NULL
                ELSE round(((100 + coalesce(f.positive, 0) - coalesce(f.negative, 0)) / 2)::numeric, 3)
           END AS combined,
           coalesce(e.records, 0)::integer AS evidence_count
    FROM scorecard.actors a
    LEFT JOIN faces f ON f.actor_id = a.id
    LEFT JOIN evidence_behind e ON e.actor_id = a.id
),
graded AS (
    SELECT c.*,
           CASE WHEN c.combined IS NULL OR c.evidence_count < $4::integer THEN NULL
                ELSE (SELECT g.grade FROM grade_band g WHERE c.combined >= g.minimum ORDER BY g.minimum DESC LIMIT 1)
           END AS grade,
           -- Only actors with enough evidence for a grade are ranked: a rank built on nothing would mislead.
           CASE WHEN c.combined IS NOT NULL AND c.evidence_count >= $4::integer
                THEN rank() OVER (PARTITION BY c.actor_kind, c.combined IS NOT NULL AND c.evidence_count >= $4::integer
                                  ORDER BY c.combined DESC)
           END AS rank_in_kind
    FROM combined c
),
previous AS (
    SELECT actor_id, combined FROM scorecard.actor_scores WHERE run_id = $5::bigint
)
SELECT $1::bigint, g.actor_id, g.actor_kind, g.positive, g.negative, g.combined, g.grade, g.rank_in_kind,
       g.evidence_count, $5::bigint, p.combined, g.combined - p.combined
FROM graded g
LEFT JOIN previous p ON p.actor_id = g.actor_id
