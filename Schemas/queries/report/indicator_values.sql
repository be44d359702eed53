-- Each indicator's state and value for the report's actors, with the records behind it the
-- audience may see (commitments, for commitment indicators). Grain: actor × indicator.
-- $1 run id, $2 actor ids (text[]), $3 include restricted evidence (boolean).
SELECT v.actor_id, v.indicator_code, v.pillar, v.polarity, v.kind, v.state, v.value,
       CASE WHEN v.kind = 'commitment' THEN v.evidence_count
            ELSE (SELECT count(DISTINCT c.evidence_id)::int
                  FROM scorecard.indicator_contributions c
                  JOIN scorecard.evidence e ON e.id = c.evidence_id AND scorecard.counts_for(e.sensitivity, $3::boolean)
                  WHERE c.run_id = v.run_id AND c.actor_id = v.actor_id AND c.indicator_code = v.indicator_code)
       END AS records
FROM scorecard.indicator_values v
WHERE v.run_id = $1::bigint AND v.actor_id = ANY ($2::text[])
