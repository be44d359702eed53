-- The edition's data/pillars.csv: each public actor's positive and negative score per pillar
-- (scorecard.pillar_scores), with the pillar's name from the run's methodology. Grain: actor × pillar.
-- Order: actor id (byte order), then the pillars in the methodology's order. $1 run id.
WITH public_actor AS (
    SELECT p.id FROM scorecard.public_actors() AS p (id)
),
pillar AS (
    SELECT x.pillar ->> 'id' AS id, x.pillar ->> 'name' AS name, x.position
    FROM scorecard.score_runs r
    JOIN scorecard.methodologies m ON m.id = r.methodology_id AND m.version = r.methodology_version
    CROSS JOIN jsonb_array_elements(scorecard.methodology_definition(m.definition) -> 'pillars') WITH ORDINALITY AS x (pillar, position)
    WHERE r.id = $1::bigint
)
SELECT s.actor_id, s.pillar AS pillar_id, l.name AS pillar_name, s.positive, s.negative
FROM scorecard.pillar_scores s
JOIN public_actor p ON p.id = s.actor_id
LEFT JOIN pillar l ON l.id = s.pillar
WHERE s.run_id = $1::bigint
ORDER BY s.actor_id COLLATE "C", l.position, s.pillar COLLATE "C"
