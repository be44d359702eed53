-- Which sources support which evidence, one row per element of evidence.source_ids.
CREATE VIEW scorecard.evidence_sources WITH (security_invoker = true) AS
    SELECT e.id AS evidence_id, s.source_id, s.position::int AS position
    FROM scorecard.evidence e
    CROSS JOIN LATERAL unnest(e.source_ids) WITH ORDINALITY AS s (source_id, position);
COMMENT ON VIEW scorecard.evidence_sources IS 'Which sources support which evidence. Grain: one evidence record and one of its sources.';
COMMENT ON COLUMN scorecard.evidence_sources.evidence_id IS 'The evidence record (scorecard.evidence.id).';
COMMENT ON COLUMN scorecard.evidence_sources.source_id IS 'One of its sources (scorecard.sources.id).';
COMMENT ON COLUMN scorecard.evidence_sources.position IS 'The source''s position in evidence.source_ids, from 1.';

