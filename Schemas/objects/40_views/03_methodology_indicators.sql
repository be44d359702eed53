CREATE VIEW scorecard.methodology_indicators WITH (security_invoker = true) AS
    SELECT m.id AS methodology_id, m.version AS methodology_version,
           i.ordinality::int AS position,
           i.indicator ->> 'code' AS indicator_code,
           i.indicator ->> 'name' AS indicator_name,
           i.indicator ->> 'description' AS description,
           i.indicator ->> 'pillar' AS pillar,
           i.indicator ->> 'polarity' AS polarity,
           i.indicator ->> 'kind' AS indicator_kind,
           (i.indicator ->> 'weight')::float8 AS weight,
           ARRAY(SELECT jsonb_array_elements_text(i.indicator -> 'applies_to')) AS applies_to,
           ARRAY(SELECT jsonb_array_elements_text(i.indicator -> 'evidence_types')) AS evidence_types,
           i.indicator ->> 'role' AS role,
           i.indicator -> 'instruments' AS instruments
    FROM scorecard.methodologies m
    CROSS JOIN LATERAL jsonb_array_elements(scorecard.methodology_definition(m.definition) -> 'indicators') WITH ORDINALITY AS i (indicator, ordinality);
COMMENT ON VIEW scorecard.methodology_indicators IS
    'The indicators of every methodology version used, from its stored definition. Grain: methodology version × indicator.';
COMMENT ON COLUMN scorecard.methodology_indicators.methodology_id IS 'The methodology (scorecard.methodologies.id).';
COMMENT ON COLUMN scorecard.methodology_indicators.methodology_version IS 'The methodology version (scorecard.methodologies.version).';
COMMENT ON COLUMN scorecard.methodology_indicators.position IS 'The indicator''s position in the methodology file, from 1.';
COMMENT ON COLUMN scorecard.methodology_indicators.indicator_code IS 'The indicator''s code, e.g. S-C1 (indicator_values.indicator_code).';
COMMENT ON COLUMN scorecard.methodology_indicators.indicator_name IS 'The indicator''s display name.';
COMMENT ON COLUMN scorecard.methodology_indicators.description IS 'What the indicator measures.';
COMMENT ON COLUMN scorecard.methodology_indicators.pillar IS 'The pillar it belongs to (a pillar id of the methodology).';
COMMENT ON COLUMN scorecard.methodology_indicators.polarity IS 'positive or negative.';
COMMENT ON COLUMN scorecard.methodology_indicators.indicator_kind IS 'commitment, evidence or breach.';
COMMENT ON COLUMN scorecard.methodology_indicators.weight IS 'Its weight within its pillar and polarity.';
COMMENT ON COLUMN scorecard.methodology_indicators.applies_to IS 'The actor kinds it applies to.';
COMMENT ON COLUMN scorecard.methodology_indicators.evidence_types IS 'evidence and breach indicators: the evidence types that count; empty for commitment indicators.';
COMMENT ON COLUMN scorecard.methodology_indicators.role IS 'evidence and breach indicators: whose conduct counts, the evidence''s actor or its counterpart.';
COMMENT ON COLUMN scorecard.methodology_indicators.instruments IS 'commitment indicators: instrument id → weight; breach indicators: the instruments whose promises count; as JSON.';

