-- Positive and negative accountability per actor and pillar (scorecard.pillar_faces, the one
-- definition of the aggregation). Grain: run × actor × pillar. $1 run id, $2 methodology definition (jsonb).
INSERT INTO scorecard.pillar_scores (run_id, actor_id, pillar, positive, negative)
SELECT $1::bigint, f.actor_id, f.pillar, f.positive, f.negative
FROM scorecard.pillar_faces($1::bigint, scorecard.methodology_weights($2::jsonb)) f
