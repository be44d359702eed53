CREATE VIEW scorecard.indicator_evidence WITH (security_invoker = true) AS
    SELECT c.run_id, r.methodology_id, r.methodology_version, r.period, r.basis,
           c.actor_id, a.name AS actor_name, a.kind AS actor_kind,
           c.indicator_code, mi.indicator_name, v.pillar, v.polarity, v.kind AS indicator_kind,
           v.value AS indicator_value,
           CASE WHEN c.evidence_id IS NOT NULL THEN 'evidence' ELSE 'commitment' END AS contributor_kind,
           c.evidence_id, c.commitment_id, c.weight, c.contribution,
           e.evidence_type, e.occurred_on, e.occurred_precision, e.published_on, e.published_precision,
           e.severity, e.certainty, e.sensitivity, e.summary,
           e.counterpart_id, cp.name AS counterpart_name,
           k.instrument_id, k.committed_on, k.withdrawn_on,
           src.source_ids, src.source_publishers, src.source_urls
    FROM scorecard.indicator_contributions c
    JOIN scorecard.score_runs r ON r.id = c.run_id
    JOIN scorecard.indicator_values v
        ON v.run_id = c.run_id AND v.actor_id = c.actor_id AND v.indicator_code = c.indicator_code
    LEFT JOIN scorecard.methodology_indicators mi
        ON mi.methodology_id = r.methodology_id AND mi.methodology_version = r.methodology_version
       AND mi.indicator_code = c.indicator_code
    LEFT JOIN scorecard.actors a ON a.id = c.actor_id
    LEFT JOIN scorecard.evidence e ON e.id = c.evidence_id
    LEFT JOIN scorecard.actors cp ON cp.id = e.counterpart_id
    LEFT JOIN scorecard.commitments k ON k.id = c.commitment_id
    LEFT JOIN LATERAL (
        SELECT array_agg(s.id ORDER BY x.position) AS source_ids,
               array_agg(s.publisher ORDER BY x.position) AS source_publishers,
               array_agg(s.url ORDER BY x.position) AS source_urls
        FROM unnest(coalesce(e.source_ids, ARRAY[k.source_id])) WITH ORDINALITY AS x (source_id, position)
        JOIN scorecard.sources s ON s.id = x.source_id
    ) src ON true;
COMMENT ON VIEW scorecard.indicator_evidence IS
    'Why an indicator has its value: each evidence record or commitment that contributed, with its summary, dates and sources. Grain: run × actor × indicator × contributing record (one row per indicator_contributions row). Contributions of one value add up to it.';
COMMENT ON COLUMN scorecard.indicator_evidence.run_id IS 'The score run (scorecard.score_runs.id).';
COMMENT ON COLUMN scorecard.indicator_evidence.methodology_id IS 'The methodology of the run.';
COMMENT ON COLUMN scorecard.indicator_evidence.methodology_version IS 'The methodology version of the run.';
COMMENT ON COLUMN scorecard.indicator_evidence.period IS 'The period of the run, e.g. 2025-Q2.';
COMMENT ON COLUMN scorecard.indicator_evidence.basis IS 'as_published (the published score) or restated (with everything known later).';
COMMENT ON COLUMN scorecard.indicator_evidence.actor_id IS 'The actor scored (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.indicator_evidence.actor_name IS 'The actor''s name.';
COMMENT ON COLUMN scorecard.indicator_evidence.actor_kind IS 'The actor''s kind.';
COMMENT ON COLUMN scorecard.indicator_evidence.indicator_code IS 'The indicator''s code in the methodology.';
COMMENT ON COLUMN scorecard.indicator_evidence.indicator_name IS 'The indicator''s display name.';
COMMENT ON COLUMN scorecard.indicator_evidence.pillar IS 'The pillar the indicator belongs to.';
COMMENT ON COLUMN scorecard.indicator_evidence.polarity IS 'positive or negative.';
COMMENT ON COLUMN scorecard.indicator_evidence.indicator_kind IS 'commitment, evidence or breach.';
COMMENT ON COLUMN scorecard.indicator_evidence.indicator_value IS 'The indicator''s value, 0–100.';
COMMENT ON COLUMN scorecard.indicator_evidence.contributor_kind IS 'evidence (evidence_id is set) or commitment (commitment_id is set).';
COMMENT ON COLUMN scorecard.indicator_evidence.evidence_id IS 'The contributing evidence record (scorecard.evidence.id); NULL for a commitment.';
COMMENT ON COLUMN scorecard.indicator_evidence.commitment_id IS 'The contributing commitment (scorecard.commitments.id); NULL for an evidence record.';
COMMENT ON COLUMN scorecard.indicator_evidence.weight IS 'The record''s weight: severity × certainty × reliability × decay (evidence), or the instrument''s weight (commitments).';
COMMENT ON COLUMN scorecard.indicator_evidence.contribution IS 'Its share of the indicator value, in points.';
COMMENT ON COLUMN scorecard.indicator_evidence.evidence_type IS 'The kind of conduct; NULL for a commitment or a record that has since left the dataset (see record_history).';
COMMENT ON COLUMN scorecard.indicator_evidence.occurred_on IS 'First day of the period in which the conduct took place.';
COMMENT ON COLUMN scorecard.indicator_evidence.occurred_precision IS 'Precision of occurred_on: day, month or year.';
COMMENT ON COLUMN scorecard.indicator_evidence.published_on IS 'First day of the period in which it became public.';
COMMENT ON COLUMN scorecard.indicator_evidence.published_precision IS 'Precision of published_on: day, month or year.';
COMMENT ON COLUMN scorecard.indicator_evidence.severity IS 'Severity from 1 (minor) to 5 (grave).';
COMMENT ON COLUMN scorecard.indicator_evidence.certainty IS 'confirmed, attributed or reported.';
COMMENT ON COLUMN scorecard.indicator_evidence.sensitivity IS 'public or restricted.';
COMMENT ON COLUMN scorecard.indicator_evidence.summary IS 'The evidence record''s neutral one-sentence summary.';
COMMENT ON COLUMN scorecard.indicator_evidence.counterpart_id IS 'The other actor in the evidence (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.indicator_evidence.counterpart_name IS 'The counterpart''s name.';
COMMENT ON COLUMN scorecard.indicator_evidence.instrument_id IS 'For a commitment: the instrument committed to (scorecard.instruments.id).';
COMMENT ON COLUMN scorecard.indicator_evidence.committed_on IS 'For a commitment: first day of the period in which the actor committed.';
COMMENT ON COLUMN scorecard.indicator_evidence.withdrawn_on IS 'For a commitment: first day of the period in which the actor withdrew; NULL while not withdrawn.';
COMMENT ON COLUMN scorecard.indicator_evidence.source_ids IS 'The sources of the evidence record or commitment (scorecard.sources.id), in the dataset''s order.';
COMMENT ON COLUMN scorecard.indicator_evidence.source_publishers IS 'Their publishers, in the same order.';
COMMENT ON COLUMN scorecard.indicator_evidence.source_urls IS 'Their URLs, in the same order.';

