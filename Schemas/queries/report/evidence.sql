-- The evidence records a report cites, as the dataset wrote them. Grain: evidence record.
-- $1 evidence ids (text[]), $2 include restricted evidence (boolean).
SELECT e.id, e.actor_id, e.evidence_type, t.name AS type_name, e.occurred_on,
       scorecard.partial_date_text(e.occurred_on, e.occurred_precision) AS occurred,
       scorecard.partial_date_text(e.published_on, e.published_precision) AS published,
       e.certainty, e.severity, e.summary
FROM scorecard.evidence e
JOIN scorecard.evidence_types t ON t.id = e.evidence_type
WHERE e.id = ANY ($1::text[]) AND scorecard.counts_for(e.sensitivity, $2::boolean)
