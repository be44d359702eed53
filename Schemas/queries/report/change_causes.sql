-- Per actor, the record of this period's conduct that moved its figures most: the record whose
-- contribution differs most between the run and its aged run (the same period with only the previous
-- period's conduct), positive indicators counted up and negative ones down. Time (older evidence
-- weighing less) and restated records are parts of the change, never its cause (docs/methodology.md,
-- "Change"). Grain: actor (with a non-zero part of new conduct).
-- $1 run id, $2 its aged run id, $3 include restricted evidence (boolean).
WITH contributions AS (
    SELECT c.run_id, c.actor_id,
           CASE WHEN c.evidence_id IS NULL THEN 'commitment' ELSE 'evidence' END AS record_type,
           coalesce(c.evidence_id, c.commitment_id) AS record_id,
           CASE v.polarity WHEN 'positive' THEN c.contribution ELSE -c.contribution END
               * CASE WHEN c.run_id = $1::bigint THEN 1 ELSE -1 END AS points
    FROM scorecard.indicator_contributions c
    JOIN scorecard.indicator_values v USING (run_id, actor_id, indicator_code)
    WHERE c.run_id IN ($1::bigint, $2::bigint)
      AND (c.evidence_id IS NULL
           OR EXISTS (SELECT 1 FROM scorecard.evidence e
                      WHERE e.id = c.evidence_id AND scorecard.counts_for(e.sensitivity, $3::boolean)))
),
deltas AS (
    SELECT actor_id, record_type, record_id, sum(points) AS points
    FROM contributions
    GROUP BY actor_id, record_type, record_id
),
conduct AS (  -- only actors whose new conduct moved their combined score
    SELECT actor_id FROM scorecard.actor_scores WHERE run_id = $1::bigint AND change_conduct <> 0
)
SELECT DISTINCT ON (d.actor_id) d.actor_id, d.record_type, d.record_id, d.points,
       coalesce(e.summary,
                k.kind || ' ' || i.title || ' (' || k.instrument_id || ') on '
                    || scorecard.partial_date_text(k.committed_on, k.committed_precision)
                    || CASE WHEN k.withdrawn_on IS NULL THEN ''
                            ELSE ', withdrawn ' || scorecard.partial_date_text(k.withdrawn_on, k.withdrawn_precision) END,
                'no longer in the dataset') AS description
FROM deltas d
JOIN conduct USING (actor_id)
LEFT JOIN scorecard.evidence e
    ON d.record_type = 'evidence' AND e.id = d.record_id AND scorecard.counts_for(e.sensitivity, $3::boolean)
LEFT JOIN scorecard.commitments k ON d.record_type = 'commitment' AND k.id = d.record_id
LEFT JOIN scorecard.instruments i ON i.id = k.instrument_id
WHERE d.points <> 0
ORDER BY d.actor_id, abs(d.points) DESC, d.record_type, d.record_id
