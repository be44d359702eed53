-- Actors of a run with no evidence on record, as actor or counterpart, known by the run's cutoff
-- (no evidence is not good conduct). Grain: actor.
-- $1 run id, $2 knowledge cutoff, $3 include restricted evidence (boolean).
SELECT a.id, a.name, a.kind
FROM scorecard.actor_scores s
JOIN scorecard.actors a ON a.id = s.actor_id
WHERE s.run_id = $1::bigint
  AND NOT EXISTS (SELECT 1 FROM scorecard.evidence e
                  WHERE (e.actor_id = a.id OR e.counterpart_id = a.id)
                    AND scorecard.counts_for(e.sensitivity, $3::boolean)
                    AND scorecard.known_by(e.published_on, e.published_precision, $2::date))
