CREATE VIEW scorecard.breaches WITH (security_invoker = true) AS
    SELECT ie.run_id, ie.methodology_id, ie.methodology_version, ie.period, ie.basis,
           ie.actor_id, ie.actor_name, ie.actor_kind, ie.indicator_code, ie.indicator_name, ie.pillar,
           ie.indicator_value, ie.evidence_id, ie.evidence_type, ie.occurred_on, ie.occurred_precision,
           ie.published_on, ie.severity, ie.certainty, ie.sensitivity, ie.summary,
           ie.counterpart_id, ie.counterpart_name,
           ARRAY(SELECT k.id
                 FROM scorecard.commitments k
                 JOIN scorecard.score_runs r ON r.id = ie.run_id
                 LEFT JOIN scorecard.evidence e ON e.id = ie.evidence_id
                 LEFT JOIN scorecard.provisions p ON p.id = e.provision_id
                 WHERE k.actor_id = ie.actor_id
                   AND (mi.instruments ? k.instrument_id OR k.instrument_id = p.instrument_id)
                   AND scorecard.commitment_binds(k.committed_on, k.committed_precision, k.withdrawn_on, ie.occurred_on)
                   AND scorecard.known_by(k.committed_on, k.committed_precision, r.knowledge_cutoff)
                 ORDER BY k.id) AS commitments_breached,
           ie.weight, ie.contribution, ie.source_ids, ie.source_publishers, ie.source_urls
    FROM scorecard.indicator_evidence ie
    LEFT JOIN scorecard.methodology_indicators mi
        ON mi.methodology_id = ie.methodology_id AND mi.methodology_version = ie.methodology_version
       AND mi.indicator_code = ie.indicator_code
    WHERE ie.indicator_kind = 'breach';
COMMENT ON VIEW scorecard.breaches IS
    'Promises broken: conduct counted by a breach indicator (negative conduct after the actor had committed to an instrument against it), with the evidence and the commitments it broke. Grain: run × actor × breach indicator × evidence record.';
COMMENT ON COLUMN scorecard.breaches.run_id IS 'The score run (scorecard.score_runs.id).';
COMMENT ON COLUMN scorecard.breaches.methodology_id IS 'The methodology of the run.';
COMMENT ON COLUMN scorecard.breaches.methodology_version IS 'The methodology version of the run.';
COMMENT ON COLUMN scorecard.breaches.period IS 'The period of the run.';
COMMENT ON COLUMN scorecard.breaches.basis IS 'as_published or restated.';
COMMENT ON COLUMN scorecard.breaches.actor_id IS 'The actor that broke its promise (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.breaches.actor_name IS 'The actor''s name.';
COMMENT ON COLUMN scorecard.breaches.actor_kind IS 'The actor''s kind.';
COMMENT ON COLUMN scorecard.breaches.indicator_code IS 'The breach indicator''s code.';
COMMENT ON COLUMN scorecard.breaches.indicator_name IS 'The breach indicator''s display name.';
COMMENT ON COLUMN scorecard.breaches.pillar IS 'The pillar of the indicator.';
COMMENT ON COLUMN scorecard.breaches.indicator_value IS 'The breach indicator''s value, 0–100.';
COMMENT ON COLUMN scorecard.breaches.evidence_id IS 'The conduct (scorecard.evidence.id).';
COMMENT ON COLUMN scorecard.breaches.evidence_type IS 'Its evidence type.';
COMMENT ON COLUMN scorecard.breaches.occurred_on IS 'First day of the period in which the conduct took place.';
COMMENT ON COLUMN scorecard.breaches.occurred_precision IS 'Precision of occurred_on: day, month or year.';
COMMENT ON COLUMN scorecard.breaches.published_on IS 'First day of the period in which it became public.';
COMMENT ON COLUMN scorecard.breaches.severity IS 'Severity from 1 (minor) to 5 (grave).';
COMMENT ON COLUMN scorecard.breaches.certainty IS 'confirmed, attributed or reported.';
COMMENT ON COLUMN scorecard.breaches.sensitivity IS 'public or restricted.';
COMMENT ON COLUMN scorecard.breaches.summary IS 'The evidence record''s summary.';
COMMENT ON COLUMN scorecard.breaches.counterpart_id IS 'The other actor in the evidence.';
COMMENT ON COLUMN scorecard.breaches.counterpart_name IS 'The counterpart''s name.';
COMMENT ON COLUMN scorecard.breaches.commitments_breached IS 'The actor''s commitments (scorecard.commitments.id) in force when the conduct occurred, to an instrument the indicator names or to the instrument of the provision the conduct concerns.';
COMMENT ON COLUMN scorecard.breaches.weight IS 'The record''s weight: severity × certainty × reliability × decay.';
COMMENT ON COLUMN scorecard.breaches.contribution IS 'Its share of the indicator value, in points.';
COMMENT ON COLUMN scorecard.breaches.source_ids IS 'The evidence''s sources (scorecard.sources.id).';
COMMENT ON COLUMN scorecard.breaches.source_publishers IS 'Their publishers, in the same order.';
COMMENT ON COLUMN scorecard.breaches.source_urls IS 'Their URLs, in the same order.';

