-- The edition's data/indicators.csv: each public actor's state and value of every indicator of the
-- run, with the records behind it that a public reader may see (scorecard.counts_for; commitments,
-- for commitment indicators), as report/indicator_values.sql counts them. Grain: actor × indicator.
-- Order: actor id (byte order), then the indicators in the methodology's order. $1 run id.
WITH public_actor AS (
    SELECT p.id FROM scorecard.public_actors() AS p (id)
),
indicator AS (
    SELECT x.indicator ->> 'code' AS code, x.indicator ->> 'name' AS name, x.position
    FROM scorecard.score_runs r
    JOIN scorecard.methodologies m ON m.id = r.methodology_id AND m.version = r.methodology_version
    CROSS JOIN jsonb_array_elements(scorecard.methodology_definition(m.definition) -> 'indicators') WITH ORDINALITY AS x (indicator, position)
    WHERE r.id = $1::bigint
),
records AS (
    SELECT c.actor_id, c.indicator_code, count(DISTINCT c.evidence_id)::int AS records
    FROM scorecard.indicator_contributions c
    JOIN scorecard.evidence e ON e.id = c.evidence_id AND scorecard.counts_for(e.sensitivity, false)
    WHERE c.run_id = $1::bigint
    GROUP BY c.actor_id, c.indicator_code
)
SELECT v.actor_id, v.indicator_code, i.name AS indicator_name, v.pillar AS pillar_id, v.polarity, v.kind, v.state, v.value,
       CASE WHEN v.kind = 'commitment' THEN v.evidence_count ELSE coalesce(r.records, 0) END AS records
FROM scorecard.indicator_values v
JOIN public_actor p ON p.id = v.actor_id
LEFT JOIN indicator i ON i.code = v.indicator_code
LEFT JOIN records r ON r.actor_id = v.actor_id AND r.indicator_code = v.indicator_code
WHERE v.run_id = $1::bigint
ORDER BY v.actor_id COLLATE "C", i.position, v.indicator_code COLLATE "C"
