-- What each evidence record (that the audience may see) and each commitment contributed to each
-- indicator value of the report's actors, with the event each record reports and whether it carries
-- it (the event's other records corroborate it, at 0). Grain: actor × indicator × record.
-- $1 run id, $2 actor ids (text[]), $3 include restricted evidence (boolean).
SELECT c.actor_id, c.indicator_code, c.evidence_id, c.commitment_id, c.event_id, coalesce(c.counts, true) AS counts,
       c.weight, c.contribution
FROM scorecard.indicator_contributions c
LEFT JOIN scorecard.evidence e ON e.id = c.evidence_id
WHERE c.run_id = $1::bigint AND c.actor_id = ANY ($2::text[])
  AND (c.commitment_id IS NOT NULL OR scorecard.counts_for(e.sensitivity, $3::boolean))
ORDER BY c.actor_id, coalesce(c.evidence_id, c.commitment_id), c.indicator_code
