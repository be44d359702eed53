-- The commitments a load batch added, withdrew or removed. Grain: commitment. $1 load batch id.
SELECT 'new' AS change, k.id, k.actor_id, k.instrument_id, k.kind, scorecard.partial_date_text(k.committed_on, k.committed_precision) AS on_date
FROM scorecard.commitments k
WHERE k.first_batch_id = $1::bigint
UNION ALL
SELECT 'withdrawn', k.id, k.actor_id, k.instrument_id, k.kind, scorecard.partial_date_text(k.withdrawn_on, k.withdrawn_precision)
FROM scorecard.commitments k
JOIN scorecard.record_history h ON h.table_name = 'commitments' AND h.record_key = k.id AND h.batch_id = $1::bigint
WHERE k.withdrawn_on IS NOT NULL AND h.previous ->> 'withdrawn_on' IS NULL
UNION ALL
SELECT 'removed', h.record_key, h.previous ->> 'actor_id', h.previous ->> 'instrument_id', h.previous ->> 'kind', NULL
FROM scorecard.record_history h
WHERE h.table_name = 'commitments' AND h.batch_id = $1::bigint AND h.change = 'deleted'
ORDER BY 1, 2
