-- The sources of the evidence records a report cites, in the order the dataset lists them.
-- Grain: evidence record × source. $1 evidence ids (text[]), $2 include restricted evidence (boolean).
SELECT e.id AS evidence_id, s.id, s.publisher, s.url, s.title, s.reliability
FROM scorecard.evidence e
CROSS JOIN LATERAL unnest(e.source_ids) WITH ORDINALITY AS es (source_id, position)
JOIN scorecard.sources s ON s.id = es.source_id
WHERE e.id = ANY ($1::text[]) AND scorecard.counts_for(e.sensitivity, $2::boolean)
ORDER BY e.id, es.position
