-- Actors whose published (as_published) figures differ from the figures with everything known now,
-- with the later-published evidence behind the difference.
-- Grain: published run × restated run × actor. $1 published run, $2 restated run, $3 period label, $4 period end.
INSERT INTO scorecard.restatements (run_id, restated_run_id, actor_id, period, original_positive, original_negative,
                                    original_combined, restated_positive, restated_negative, restated_combined, evidence_ids)
WITH late_evidence AS (  -- contributions to the restated run from evidence published after the period
    SELECT c.actor_id, array_agg(DISTINCT c.evidence_id ORDER BY c.evidence_id) AS evidence_ids
    FROM scorecard.indicator_contributions c
    JOIN scorecard.evidence e ON e.id = c.evidence_id
    WHERE c.run_id = $2::bigint
      AND NOT scorecard.known_by(e.published_on, e.published_precision, $4::date)
    GROUP BY c.actor_id
)
SELECT $1::bigint, $2::bigint, o.actor_id, $3::text, o.positive, o.negative, o.combined,
       r.positive, r.negative, r.combined, coalesce(l.evidence_ids, '{}')
FROM scorecard.actor_scores o
JOIN scorecard.actor_scores r ON r.actor_id = o.actor_id AND r.run_id = $2::bigint
LEFT JOIN late_evidence l ON l.actor_id = o.actor_id
WHERE o.run_id = $1::bigint
  AND (o.positive, o.negative, o.combined) IS DISTINCT FROM (r.positive, r.negative, r.combined)
ON CONFLICT DO NOTHING
