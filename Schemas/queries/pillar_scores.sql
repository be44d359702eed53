-- Positive and negative accountability per actor and pillar: weighted means of applicable indicators.
-- Grain: run × actor × pillar. $1 run id, $2 indicator weights (jsonb [{code, weight}]), $3 pillars (jsonb [{id}]).
INSERT INTO scorecard.pillar_scores (run_id, actor_id, pillar, positive, negative)
WITH indicator_weight AS (
    SELECT * FROM jsonb_to_recordset($2::jsonb) AS w (code text, weight float8)
),
pillar AS (
    SELECT * FROM jsonb_to_recordset($3::jsonb) AS p (id text)
),
scored AS (
    -- Every applicable indicator takes part. One with no evidence on record adds no points
    -- (its state stays "no evidence", never a zero value), so conduct on record can only
    -- raise the face it belongs to; indicators that do not apply take no part at all.
    SELECT v.actor_id, v.pillar, v.polarity, coalesce(v.value::float8, 0) AS value, w.weight
    FROM scorecard.indicator_values v
    JOIN indicator_weight w ON w.code = v.indicator_code
    WHERE v.run_id = $1::bigint AND v.state <> 'not applicable'
)
SELECT $1::bigint, a.id, p.id,
       round((sum(s.value * s.weight) FILTER (WHERE s.polarity = 'positive')
              / nullif(sum(s.weight) FILTER (WHERE s.polarity = 'positive'), 0))::numeric, 3),
       round((sum(s.value * s.weight) FILTER (WHERE s.polarity = 'negative')
              / nullif(sum(s.weight) FILTER (WHERE s.polarity = 'negative'), 0))::numeric, 3)
FROM scorecard.actors a
CROSS JOIN pillar p
LEFT JOIN scored s ON s.actor_id = a.id AND s.pillar = p.id
GROUP BY a.id, p.id
