-- Keeps scorecard.evidence_source_facts equal to the dataset after a load (migration 0015 says why).
-- Grain: evidence record. Only what the load changed is recomputed: records inserted or changed in
-- the batch, and records citing a source inserted or changed in it; a record the load removed loses
-- its row. So a reload that changed 1% of the evidence recomputes about 1% of the rows.
-- $1 load batch id.
WITH removed AS (
    DELETE FROM scorecard.evidence_source_facts f
    USING scorecard.record_history h
    WHERE h.batch_id = $1::bigint AND h.table_name = 'evidence' AND h.change = 'deleted' AND f.evidence_id = h.record_key
),
changed_sources AS (
    SELECT coalesce(array_agg(s.id), '{}') AS ids FROM scorecard.sources s WHERE s.changed_batch_id = $1::bigint
),
refreshed AS (
    SELECT e.id, e.source_ids
    FROM scorecard.evidence e, changed_sources c
    WHERE e.changed_batch_id = $1::bigint OR (cardinality(c.ids) > 0 AND e.source_ids && c.ids)
)
INSERT INTO scorecard.evidence_source_facts (evidence_id, reliabilities, publishers)
SELECT r.id, array_agg(DISTINCT s.reliability::text ORDER BY s.reliability::text), array_agg(DISTINCT s.publisher ORDER BY s.publisher)
FROM refreshed r
CROSS JOIN LATERAL unnest(r.source_ids) AS u (source_id)
JOIN scorecard.sources s ON s.id = u.source_id
GROUP BY r.id
ON CONFLICT (evidence_id) DO UPDATE SET reliabilities = excluded.reliabilities, publishers = excluded.publishers
