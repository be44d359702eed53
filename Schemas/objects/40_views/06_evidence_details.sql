CREATE VIEW scorecard.evidence_details WITH (security_invoker = true) AS
    SELECT e.id AS evidence_id, e.actor_id, a.name AS actor_name, a.kind AS actor_kind,
           e.evidence_type, t.name AS evidence_type_name,
           e.occurred_on, e.occurred_precision, e.published_on, e.published_precision,
           e.counterpart_id, cp.name AS counterpart_name, cp.kind AS counterpart_kind,
           e.provision_id, p.instrument_id, p.principle_id,
           e.severity, e.certainty, e.sensitivity, e.summary,
           src.source_ids, src.source_publishers, src.source_urls, src.best_reliability
    FROM scorecard.evidence e
    LEFT JOIN scorecard.actors a ON a.id = e.actor_id
    LEFT JOIN scorecard.actors cp ON cp.id = e.counterpart_id
    LEFT JOIN scorecard.evidence_types t ON t.id = e.evidence_type
    LEFT JOIN scorecard.provisions p ON p.id = e.provision_id
    CROSS JOIN LATERAL (
        SELECT array_agg(s.id ORDER BY x.position) AS source_ids,
               array_agg(s.publisher ORDER BY x.position) AS source_publishers,
               array_agg(s.url ORDER BY x.position) AS source_urls,
               min(s.reliability)::text AS best_reliability
        FROM unnest(e.source_ids) WITH ORDINALITY AS x (source_id, position)
        JOIN scorecard.sources s ON s.id = x.source_id
    ) src;
COMMENT ON VIEW scorecard.evidence_details IS
    'Evidence records with the names of their actors, type and provision, and their sources. Grain: one evidence record. Restricted records appear only to members of scorecard_restricted_reader.';
COMMENT ON COLUMN scorecard.evidence_details.evidence_id IS 'The record (scorecard.evidence.id).';
COMMENT ON COLUMN scorecard.evidence_details.actor_id IS 'Who acted (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.evidence_details.actor_name IS 'The acting actor''s name.';
COMMENT ON COLUMN scorecard.evidence_details.actor_kind IS 'The acting actor''s kind: state, vendor, organisation or investor.';
COMMENT ON COLUMN scorecard.evidence_details.evidence_type IS 'The kind of conduct (scorecard.evidence_types.id).';
COMMENT ON COLUMN scorecard.evidence_details.evidence_type_name IS 'The evidence type''s display name.';
COMMENT ON COLUMN scorecard.evidence_details.occurred_on IS 'First day of the period in which the conduct took place; see occurred_precision.';
COMMENT ON COLUMN scorecard.evidence_details.occurred_precision IS 'Precision of occurred_on: day, month or year.';
COMMENT ON COLUMN scorecard.evidence_details.published_on IS 'First day of the period in which it became public; see published_precision.';
COMMENT ON COLUMN scorecard.evidence_details.published_precision IS 'Precision of published_on: day, month or year.';
COMMENT ON COLUMN scorecard.evidence_details.counterpart_id IS 'The other actor (scorecard.actors.id): the vendor sanctioned or bought from, the state supplied; NULL when none.';
COMMENT ON COLUMN scorecard.evidence_details.counterpart_name IS 'The counterpart''s name.';
COMMENT ON COLUMN scorecard.evidence_details.counterpart_kind IS 'The counterpart''s kind.';
COMMENT ON COLUMN scorecard.evidence_details.provision_id IS 'The provision the conduct concerns (scorecard.provisions.id); NULL when none.';
COMMENT ON COLUMN scorecard.evidence_details.instrument_id IS 'The instrument of that provision (scorecard.instruments.id).';
COMMENT ON COLUMN scorecard.evidence_details.principle_id IS 'The principle that provision serves (scorecard.principles.id).';
COMMENT ON COLUMN scorecard.evidence_details.severity IS 'Severity from 1 (minor) to 5 (grave).';
COMMENT ON COLUMN scorecard.evidence_details.certainty IS 'confirmed, attributed or reported.';
COMMENT ON COLUMN scorecard.evidence_details.sensitivity IS 'public or restricted (restricted rows are visible only to members of scorecard_restricted_reader).';
COMMENT ON COLUMN scorecard.evidence_details.summary IS 'Neutral one-sentence paraphrase, keeping the sources'' hedging.';
COMMENT ON COLUMN scorecard.evidence_details.source_ids IS 'The sources (scorecard.sources.id), in the dataset''s order.';
COMMENT ON COLUMN scorecard.evidence_details.source_publishers IS 'Their publishers, in the same order.';
COMMENT ON COLUMN scorecard.evidence_details.source_urls IS 'Their URLs, in the same order.';
COMMENT ON COLUMN scorecard.evidence_details.best_reliability IS 'The best reliability grade among the sources (A is best): a record is as reliable as its most reliable source.';

