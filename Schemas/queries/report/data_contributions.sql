-- The edition's data/contributions.csv: what each evidence record a public reader may see
-- (scorecard.counts_for, as report/contributions.sql) and each commitment contributed to each
-- indicator value of each public actor, with the event the record reports and whether it carries
-- it (the event's other records corroborate it, at 0). Grain: actor × indicator × record.
-- Millions of rows at a million records: read through a cursor, never whole.
-- Order: actor id, indicator code, record type, record id (byte order). $1 run id.
WITH public_actor AS (
    SELECT p.id FROM scorecard.public_actors() AS p (id)
)
SELECT c.actor_id, c.indicator_code,
       CASE WHEN c.evidence_id IS NULL THEN 'commitment' ELSE 'evidence' END AS record_type,
       coalesce(c.evidence_id, c.commitment_id) AS record_id, c.event_id, coalesce(c.counts, true) AS counts,
       c.weight, c.contribution
FROM scorecard.indicator_contributions c
JOIN public_actor p ON p.id = c.actor_id
LEFT JOIN scorecard.evidence e ON e.id = c.evidence_id
WHERE c.run_id = $1::bigint
  AND (c.commitment_id IS NOT NULL OR scorecard.counts_for(e.sensitivity, false))
ORDER BY c.actor_id COLLATE "C", c.indicator_code COLLATE "C", record_type, coalesce(c.evidence_id, c.commitment_id) COLLATE "C"
