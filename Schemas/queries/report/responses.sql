-- Right of reply: replies by each report actor, or to evidence about it that the audience may see,
-- known by the run's cutoff. Grain: actor × response.
-- $1 actor ids (text[]), $2 knowledge cutoff, $3 include restricted evidence (boolean).
SELECT x.actor_id, r.id AS response_id, r.evidence_id,
       scorecard.partial_date_text(r.responded_on, r.responded_precision) AS responded,
       r.summary AS response_summary, s.id, s.publisher, s.url, s.title, s.reliability
FROM scorecard.responses r
JOIN scorecard.evidence e ON e.id = r.evidence_id AND scorecard.counts_for(e.sensitivity, $3::boolean)
JOIN scorecard.sources s ON s.id = r.source_id
CROSS JOIN LATERAL (SELECT DISTINCT a.actor_id FROM unnest(ARRAY[r.actor_id, e.actor_id, e.counterpart_id]) AS a (actor_id)
                    WHERE a.actor_id IS NOT NULL) x
WHERE x.actor_id = ANY ($1::text[])
  AND scorecard.known_by(r.responded_on, r.responded_precision, $2::date)
ORDER BY x.actor_id, r.responded_on, r.id
