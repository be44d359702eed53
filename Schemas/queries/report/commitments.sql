-- The commitments of the report's actors in force at the end of the period and known by the run's
-- cutoff (the rules scoring uses), with their sources. Grain: commitment.
-- $1 actor ids (text[]), $2 period end, $3 knowledge cutoff.
SELECT k.id AS commitment_id, k.actor_id, k.instrument_id, i.title AS instrument_title, k.kind,
       scorecard.partial_date_text(k.committed_on, k.committed_precision) AS committed,
       scorecard.partial_date_text(k.withdrawn_on, k.withdrawn_precision) AS withdrawn,
       s.id, s.publisher, s.url, s.title, s.reliability
FROM scorecard.commitments k
JOIN scorecard.instruments i ON i.id = k.instrument_id
JOIN scorecard.sources s ON s.id = k.source_id
WHERE k.actor_id = ANY ($1::text[])
  AND scorecard.in_force(k.committed_on, k.committed_precision, k.withdrawn_on, $2::date)
  AND scorecard.known_by(k.committed_on, k.committed_precision, $3::date)
ORDER BY k.actor_id, k.committed_on, k.id
