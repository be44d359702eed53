-- 0005: analyst access. Documented views for analysts' common questions, reader roles that see
-- public evidence only (row-level security), and published score runs the database refuses to change.
-- docs/analysts.md describes every view, its grain, the roles and the stability promise: the views
-- and their columns only ever grow; changes come as new migrations.
--
-- Row-level security applies to every role except the owner of the tables (the role that runs the
-- migrations, the loader and the scorer), which keeps seeing everything: no table is FORCEd.
-- A row is restricted when it is, or names, a restricted evidence record:
--   evidence (sensitivity = 'restricted'), record_history (superseded versions of such records, and
--   of responses to them), responses to them, indicator_contributions of them, restatements citing
--   them; and every result of a score run whose methodology scored restricted evidence
--   (restricted_evidence: include), since its values and counts could reveal what is restricted.
-- Only members of scorecard_restricted_reader see restricted rows. Views are security_invoker, so
-- the caller's row-level security applies through them.

-- Who may see restricted evidence: members of the group role scorecard_restricted_reader (and
-- superusers). False when that role does not exist yet.
CREATE FUNCTION scorecard.reads_restricted_evidence() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
        SELECT coalesce((SELECT pg_catalog.pg_has_role(r.oid, 'USAGE') FROM pg_catalog.pg_roles r
                         WHERE r.rolname = 'scorecard_restricted_reader'), false)
    $$;
COMMENT ON FUNCTION scorecard.reads_restricted_evidence() IS
    'True when the current role may see restricted evidence: it has the privileges of the group role scorecard_restricted_reader (or is a superuser). Used by the row-level security policies.';

-- Whether an evidence record, as it stands now, is public: its current row, or for a record that
-- has left the dataset, its last version (in record_history). Unknown ids are not public, so the
-- answer tells a caller nothing it cannot already read: it is true exactly for the records a public
-- reader sees. SECURITY DEFINER: it must look at restricted rows to answer, which the policies
-- calling it (as the reader) cannot.
CREATE FUNCTION scorecard.evidence_is_public(evidence_id text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT coalesce(
            (SELECT e.sensitivity = 'public' FROM scorecard.evidence e WHERE e.id = evidence_id),
            (SELECT h.previous ->> 'sensitivity' = 'public' FROM scorecard.record_history h
             WHERE h.table_name = 'evidence' AND h.record_key = evidence_id
             ORDER BY h.batch_id DESC LIMIT 1),
            false)
    $$;
COMMENT ON FUNCTION scorecard.evidence_is_public(text) IS
    'True when the evidence record is public as it stands now (its current row, or the last version of a record that left the dataset); false when restricted or unknown. Used by the row-level security policies.';

-- Evidence: restricted records only for those granted them.
ALTER TABLE scorecard.evidence ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_unless_granted ON scorecard.evidence FOR SELECT
    USING (sensitivity = 'public' OR (SELECT scorecard.reads_restricted_evidence()));
COMMENT ON POLICY public_unless_granted ON scorecard.evidence IS
    'Restricted evidence is visible only to members of scorecard_restricted_reader.';

-- The view over evidence.source_ids must apply the caller's row-level security, not its owner's.
ALTER VIEW scorecard.evidence_sources SET (security_invoker = true);
ALTER VIEW scorecard.commitments_in_force_today SET (security_invoker = true);

-- Responses to restricted evidence reveal it.
ALTER TABLE scorecard.responses ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_unless_granted ON scorecard.responses FOR SELECT
    USING ((SELECT scorecard.reads_restricted_evidence())
           OR EXISTS (SELECT 1 FROM scorecard.evidence e WHERE e.id = responses.evidence_id));
COMMENT ON POLICY public_unless_granted ON scorecard.responses IS
    'A reply to restricted evidence is visible only to members of scorecard_restricted_reader (the evidence it replies to must be visible).';

-- Superseded versions: a version of an evidence record is shown when that version was public and
-- the record is public now (a record re-marked restricted hides its past too); a version of a
-- response when the evidence it replied to is public now.
ALTER TABLE scorecard.record_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_unless_granted ON scorecard.record_history FOR SELECT
    USING ((SELECT scorecard.reads_restricted_evidence())
           OR CASE table_name
                  WHEN 'evidence' THEN previous ->> 'sensitivity' = 'public' AND scorecard.evidence_is_public(record_key)
                  WHEN 'responses' THEN scorecard.evidence_is_public(previous ->> 'evidence_id')
                  ELSE true
              END);
COMMENT ON POLICY public_unless_granted ON scorecard.record_history IS
    'Past versions of restricted evidence, of evidence now restricted, and of replies to it, are visible only to members of scorecard_restricted_reader.';

-- Score runs whose methodology scored restricted evidence are restricted as a whole; so is every
-- result row of such a run.
ALTER TABLE scorecard.score_runs ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_unless_granted ON scorecard.score_runs FOR SELECT
    USING ((SELECT scorecard.reads_restricted_evidence())
           OR EXISTS (SELECT 1 FROM scorecard.methodologies m
                      WHERE m.id = score_runs.methodology_id AND m.version = score_runs.methodology_version
                        AND m.definition ->> 'restrictedEvidence' = 'exclude'));
COMMENT ON POLICY public_unless_granted ON scorecard.score_runs IS
    'A run whose methodology scored restricted evidence (restricted_evidence: include) is visible only to members of scorecard_restricted_reader.';

ALTER TABLE scorecard.indicator_values ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible_run ON scorecard.indicator_values FOR SELECT
    USING (EXISTS (SELECT 1 FROM scorecard.score_runs r WHERE r.id = indicator_values.run_id));
COMMENT ON POLICY visible_run ON scorecard.indicator_values IS 'Visible when its score run is (see score_runs).';

ALTER TABLE scorecard.pillar_scores ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible_run ON scorecard.pillar_scores FOR SELECT
    USING (EXISTS (SELECT 1 FROM scorecard.score_runs r WHERE r.id = pillar_scores.run_id));
COMMENT ON POLICY visible_run ON scorecard.pillar_scores IS 'Visible when its score run is (see score_runs).';

ALTER TABLE scorecard.actor_scores ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible_run ON scorecard.actor_scores FOR SELECT
    USING (EXISTS (SELECT 1 FROM scorecard.score_runs r WHERE r.id = actor_scores.run_id));
COMMENT ON POLICY visible_run ON scorecard.actor_scores IS 'Visible when its score run is (see score_runs).';

ALTER TABLE scorecard.sensitivity_results ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible_run ON scorecard.sensitivity_results FOR SELECT
    USING (EXISTS (SELECT 1 FROM scorecard.score_runs r WHERE r.id = sensitivity_results.run_id));
COMMENT ON POLICY visible_run ON scorecard.sensitivity_results IS 'Visible when its score run is (see score_runs).';

-- A contribution names its evidence record. The visible current rows are checked first (a join the
-- planner can hash); the function only answers for records that left the dataset.
ALTER TABLE scorecard.indicator_contributions ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible_run_and_evidence ON scorecard.indicator_contributions FOR SELECT
    USING (EXISTS (SELECT 1 FROM scorecard.score_runs r WHERE r.id = indicator_contributions.run_id)
           AND (indicator_contributions.evidence_id IS NULL
                OR (SELECT scorecard.reads_restricted_evidence())
                OR EXISTS (SELECT 1 FROM scorecard.evidence e WHERE e.id = indicator_contributions.evidence_id)
                OR scorecard.evidence_is_public(indicator_contributions.evidence_id)));
COMMENT ON POLICY visible_run_and_evidence ON scorecard.indicator_contributions IS
    'Visible when its score run is, and its evidence record (if any) is public now or the caller is a member of scorecard_restricted_reader.';

ALTER TABLE scorecard.restatements ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible_runs_and_evidence ON scorecard.restatements FOR SELECT
    USING (EXISTS (SELECT 1 FROM scorecard.score_runs r WHERE r.id = restatements.run_id)
           AND EXISTS (SELECT 1 FROM scorecard.score_runs r WHERE r.id = restatements.restated_run_id)
           AND ((SELECT scorecard.reads_restricted_evidence())
                OR NOT EXISTS (SELECT 1 FROM unnest(restatements.evidence_ids) AS cited (id)
                               WHERE NOT EXISTS (SELECT 1 FROM scorecard.evidence e WHERE e.id = cited.id)
                                 AND NOT scorecard.evidence_is_public(cited.id))));
COMMENT ON POLICY visible_runs_and_evidence ON scorecard.restatements IS
    'Visible when both runs are, and every evidence record it cites is public now or the caller is a member of scorecard_restricted_reader.';

-- Published score runs are immutable: their rows are only ever inserted. A statement-level trigger
-- refuses UPDATE, DELETE and TRUNCATE whoever runs them (the owner can still drop the trigger, on purpose).
CREATE FUNCTION scorecard.refuse_changing_score_runs() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING
        ERRCODE = 'restrict_violation',
        MESSAGE = format('%s on scorecard.%s is refused: published score runs, their results and the methodology versions they used are immutable', TG_OP, TG_TABLE_NAME),
        HINT = 'A published run is never changed or removed. Correct the dataset, load it and score again: the new run stands beside the old one, and what changes for past periods is recorded in scorecard.restatements.';
END
$$;
COMMENT ON FUNCTION scorecard.refuse_changing_score_runs() IS
    'Trigger function: raises restrict_violation on any UPDATE, DELETE or TRUNCATE of score runs, their results and the methodology versions they name, which are immutable once written.';

DO $$
DECLARE
    immutable_table text;
BEGIN
    FOREACH immutable_table IN ARRAY ARRAY['methodologies', 'score_runs', 'indicator_values', 'indicator_contributions',
                                           'pillar_scores', 'actor_scores', 'restatements', 'sensitivity_results'] LOOP
        EXECUTE format('CREATE TRIGGER score_runs_are_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON scorecard.%I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION scorecard.refuse_changing_score_runs()', immutable_table);
    END LOOP;
END
$$;

-- The views: the stable interface for analysts (docs/analysts.md).

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
           ARRAY(SELECT jsonb_array_elements_text(i.indicator -> 'appliesTo')) AS applies_to,
           ARRAY(SELECT jsonb_array_elements_text(i.indicator -> 'evidenceTypes')) AS evidence_types,
           i.indicator ->> 'role' AS role,
           i.indicator -> 'instruments' AS instruments
    FROM scorecard.methodologies m
    CROSS JOIN LATERAL jsonb_array_elements(m.definition -> 'indicators') WITH ORDINALITY AS i (indicator, ordinality);
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

CREATE VIEW scorecard.scores_over_time WITH (security_invoker = true) AS
    SELECT r.methodology_id, r.methodology_version, r.period, r.period_start, r.period_end,
           r.id AS run_id, r.provisional, r.computed_at, r.load_batch_id,
           latest.run_id IS NOT NULL AS latest_for_period,
           s.actor_id, a.name AS actor_name, s.actor_kind,
           s.positive, s.negative, s.combined, s.grade, s.rank_in_kind, s.evidence_count,
           s.previous_run_id, s.previous_combined, s.change
    FROM scorecard.score_runs r
    JOIN scorecard.actor_scores s ON s.run_id = r.id
    LEFT JOIN scorecard.actors a ON a.id = s.actor_id
    LEFT JOIN (SELECT max(l.id) AS run_id FROM scorecard.score_runs l WHERE l.basis = 'as_published'
               GROUP BY l.methodology_id, l.methodology_version, l.period) latest ON latest.run_id = r.id
    WHERE r.basis = 'as_published';
COMMENT ON VIEW scorecard.scores_over_time IS
    'Every published (as_published) score of every actor, period after period. Grain: as_published run × actor. A period scored again after a new load has several runs; latest_for_period marks the one a report shows.';
COMMENT ON COLUMN scorecard.scores_over_time.methodology_id IS 'The methodology of the run (scorecard.methodologies.id).';
COMMENT ON COLUMN scorecard.scores_over_time.methodology_version IS 'Its version: scores of different versions are not comparable.';
COMMENT ON COLUMN scorecard.scores_over_time.period IS 'The period scored: 2025-Q2 (quarter) or 2025 (year).';
COMMENT ON COLUMN scorecard.scores_over_time.period_start IS 'First day of the period.';
COMMENT ON COLUMN scorecard.scores_over_time.period_end IS 'Last day of the period; order by it for a time series.';
COMMENT ON COLUMN scorecard.scores_over_time.run_id IS 'The score run (scorecard.score_runs.id).';
COMMENT ON COLUMN scorecard.scores_over_time.provisional IS 'True when the period had not ended on the date of the data.';
COMMENT ON COLUMN scorecard.scores_over_time.computed_at IS 'When the run was computed.';
COMMENT ON COLUMN scorecard.scores_over_time.load_batch_id IS 'The load batch the run used (scorecard.load_batches.id).';
COMMENT ON COLUMN scorecard.scores_over_time.latest_for_period IS 'True for the latest run of this period under this methodology version (the one a report shows).';
COMMENT ON COLUMN scorecard.scores_over_time.actor_id IS 'The actor (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.scores_over_time.actor_name IS 'The actor''s name; NULL if it has since left the dataset.';
COMMENT ON COLUMN scorecard.scores_over_time.actor_kind IS 'state, vendor, organisation or investor; actors are ranked within their kind.';
COMMENT ON COLUMN scorecard.scores_over_time.positive IS 'Positive accountability, 0–100; NULL when nothing positive was scored.';
COMMENT ON COLUMN scorecard.scores_over_time.negative IS 'Negative accountability, 0–100; NULL when nothing negative was scored.';
COMMENT ON COLUMN scorecard.scores_over_time.combined IS '(100 + positive − negative) / 2; NULL when neither face was scored.';
COMMENT ON COLUMN scorecard.scores_over_time.grade IS 'Grade band of the combined score; NULL with insufficient evidence.';
COMMENT ON COLUMN scorecard.scores_over_time.rank_in_kind IS 'Rank by combined score among actors of the same kind, 1 = highest.';
COMMENT ON COLUMN scorecard.scores_over_time.evidence_count IS 'Evidence records behind the actor''s scored evidence and breach indicators.';
COMMENT ON COLUMN scorecard.scores_over_time.previous_run_id IS 'The as_published run of the previous period under the same methodology version.';
COMMENT ON COLUMN scorecard.scores_over_time.previous_combined IS 'The combined score in previous_run_id; NULL when there is none.';
COMMENT ON COLUMN scorecard.scores_over_time.change IS 'combined minus previous_combined.';

CREATE VIEW scorecard.latest_scores WITH (security_invoker = true) AS
    WITH latest_run AS (
        SELECT DISTINCT ON (r.methodology_id, r.methodology_version) r.*
        FROM scorecard.score_runs r
        WHERE r.basis = 'as_published'
        ORDER BY r.methodology_id, r.methodology_version, r.period_end DESC, r.id DESC
    )
    SELECT r.methodology_id, r.methodology_version, r.id AS run_id, r.period, r.period_start, r.period_end,
           r.provisional, r.computed_at,
           s.actor_id, a.name AS actor_name, s.actor_kind,
           s.positive, s.negative, s.combined, s.grade, s.rank_in_kind, s.evidence_count,
           s.previous_combined, s.change
    FROM latest_run r
    JOIN scorecard.actor_scores s ON s.run_id = r.id
    LEFT JOIN scorecard.actors a ON a.id = s.actor_id;
COMMENT ON VIEW scorecard.latest_scores IS
    'The latest published scores: for each methodology version, the as_published run of its latest period (the last computed, if scored more than once). Grain: methodology version × actor.';
COMMENT ON COLUMN scorecard.latest_scores.methodology_id IS 'The methodology (scorecard.methodologies.id).';
COMMENT ON COLUMN scorecard.latest_scores.methodology_version IS 'The methodology version; each version has its own latest scores.';
COMMENT ON COLUMN scorecard.latest_scores.run_id IS 'The score run (scorecard.score_runs.id).';
COMMENT ON COLUMN scorecard.latest_scores.period IS 'The period scored, e.g. 2025-Q2.';
COMMENT ON COLUMN scorecard.latest_scores.period_start IS 'First day of the period.';
COMMENT ON COLUMN scorecard.latest_scores.period_end IS 'Last day of the period.';
COMMENT ON COLUMN scorecard.latest_scores.provisional IS 'True when the period had not ended on the date of the data (later evidence may still count).';
COMMENT ON COLUMN scorecard.latest_scores.computed_at IS 'When the run was computed.';
COMMENT ON COLUMN scorecard.latest_scores.actor_id IS 'The actor (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.latest_scores.actor_name IS 'The actor''s name; NULL if it has since left the dataset.';
COMMENT ON COLUMN scorecard.latest_scores.actor_kind IS 'state, vendor, organisation or investor; actors are ranked within their kind.';
COMMENT ON COLUMN scorecard.latest_scores.positive IS 'Positive accountability, 0–100; NULL when nothing positive was scored.';
COMMENT ON COLUMN scorecard.latest_scores.negative IS 'Negative accountability, 0–100; NULL when nothing negative was scored.';
COMMENT ON COLUMN scorecard.latest_scores.combined IS '(100 + positive − negative) / 2; NULL when neither face was scored.';
COMMENT ON COLUMN scorecard.latest_scores.grade IS 'Grade band of the combined score; NULL with insufficient evidence.';
COMMENT ON COLUMN scorecard.latest_scores.rank_in_kind IS 'Rank by combined score among actors of the same kind, 1 = highest.';
COMMENT ON COLUMN scorecard.latest_scores.evidence_count IS 'Evidence records behind the actor''s scored evidence and breach indicators.';
COMMENT ON COLUMN scorecard.latest_scores.previous_combined IS 'The combined score of the previous period; NULL when there is none.';
COMMENT ON COLUMN scorecard.latest_scores.change IS 'combined minus previous_combined.';

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
                   AND scorecard.last_day(k.committed_on, k.committed_precision) < ie.occurred_on
                   AND scorecard.last_day(k.committed_on, k.committed_precision) <= r.knowledge_cutoff
                   AND (k.withdrawn_on IS NULL OR k.withdrawn_on > ie.occurred_on)
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

CREATE VIEW scorecard.restated_scores WITH (security_invoker = true) AS
    SELECT x.period, p.methodology_id, p.methodology_version,
           x.run_id AS published_run_id, p.computed_at AS published_at,
           x.restated_run_id, q.knowledge_cutoff AS restated_knowledge_cutoff, q.computed_at AS restated_at,
           x.actor_id, a.name AS actor_name, a.kind AS actor_kind,
           x.original_positive, x.original_negative, x.original_combined,
           x.restated_positive, x.restated_negative, x.restated_combined,
           x.restated_combined - x.original_combined AS combined_difference,
           x.evidence_ids
    FROM scorecard.restatements x
    JOIN scorecard.score_runs p ON p.id = x.run_id
    JOIN scorecard.score_runs q ON q.id = x.restated_run_id
    LEFT JOIN scorecard.actors a ON a.id = x.actor_id;
COMMENT ON VIEW scorecard.restated_scores IS
    'Published scores that evidence published later would change, with both figures side by side. Grain: published run × restated run × actor. The published figures are never edited.';
COMMENT ON COLUMN scorecard.restated_scores.period IS 'The period restated, e.g. 2025-Q2.';
COMMENT ON COLUMN scorecard.restated_scores.methodology_id IS 'The methodology of both runs.';
COMMENT ON COLUMN scorecard.restated_scores.methodology_version IS 'The methodology version of both runs.';
COMMENT ON COLUMN scorecard.restated_scores.published_run_id IS 'The as_published run (scorecard.score_runs.id).';
COMMENT ON COLUMN scorecard.restated_scores.published_at IS 'When the published run was computed.';
COMMENT ON COLUMN scorecard.restated_scores.restated_run_id IS 'The restated run of the same period (scorecard.score_runs.id).';
COMMENT ON COLUMN scorecard.restated_scores.restated_knowledge_cutoff IS 'The restated run used evidence published up to this date.';
COMMENT ON COLUMN scorecard.restated_scores.restated_at IS 'When the restated run was computed.';
COMMENT ON COLUMN scorecard.restated_scores.actor_id IS 'The actor whose figures differ (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.restated_scores.actor_name IS 'The actor''s name.';
COMMENT ON COLUMN scorecard.restated_scores.actor_kind IS 'The actor''s kind.';
COMMENT ON COLUMN scorecard.restated_scores.original_positive IS 'Positive score as published, 0–100.';
COMMENT ON COLUMN scorecard.restated_scores.original_negative IS 'Negative score as published, 0–100.';
COMMENT ON COLUMN scorecard.restated_scores.original_combined IS 'Combined score as published, 0–100.';
COMMENT ON COLUMN scorecard.restated_scores.restated_positive IS 'Positive score with later evidence, 0–100.';
COMMENT ON COLUMN scorecard.restated_scores.restated_negative IS 'Negative score with later evidence, 0–100.';
COMMENT ON COLUMN scorecard.restated_scores.restated_combined IS 'Combined score with later evidence, 0–100.';
COMMENT ON COLUMN scorecard.restated_scores.combined_difference IS 'restated_combined minus original_combined; NULL when either is.';
COMMENT ON COLUMN scorecard.restated_scores.evidence_ids IS 'Evidence published after the period ended that contributes to the restated figure (scorecard.evidence ids).';

CREATE VIEW scorecard.scheduled_runs WITH (security_invoker = true) AS
    SELECT l.id AS ledger_id, l.started_at, l.finished_at, l.finished_at - l.started_at AS duration,
           l.status, l.exit_code,
           CASE l.exit_code
               WHEN 0 THEN 'done' WHEN 65 THEN 'bad data' WHEN 66 THEN 'missing input'
               WHEN 69 THEN 'database unavailable' WHEN 70 THEN 'internal error' WHEN 73 THEN 'output not writable'
               WHEN 75 THEN 'another run holds the lock' WHEN 78 THEN 'bad configuration'
           END AS exit_meaning,
           l.message, l.workspace, l.host, l.scorecard_version, l.load_batch_id,
           l.rows_inserted + l.rows_updated + l.rows_deleted AS rows_changed,
           l.periods_scored, l.score_runs_computed, l.restatements,
           cardinality(l.files_written) AS files_written, l.files_unchanged
    FROM scorecard.run_ledger l;
COMMENT ON VIEW scorecard.scheduled_runs IS
    'The scheduled runs (scorecard run) from the run ledger, with their duration and what their exit code means. Grain: one run of the whole job.';
COMMENT ON COLUMN scorecard.scheduled_runs.ledger_id IS 'The run''s number (scorecard.run_ledger.id).';
COMMENT ON COLUMN scorecard.scheduled_runs.started_at IS 'When the run took the lock.';
COMMENT ON COLUMN scorecard.scheduled_runs.finished_at IS 'When it ended; NULL while running.';
COMMENT ON COLUMN scorecard.scheduled_runs.duration IS 'finished_at minus started_at; NULL while running or when abandoned.';
COMMENT ON COLUMN scorecard.scheduled_runs.status IS 'running, succeeded, failed or abandoned.';
COMMENT ON COLUMN scorecard.scheduled_runs.exit_code IS 'The process exit code (sysexits); NULL while running or when abandoned.';
COMMENT ON COLUMN scorecard.scheduled_runs.exit_meaning IS 'What the exit code means: done, bad data, missing input, database unavailable, internal error, output not writable, another run holds the lock, bad configuration.';
COMMENT ON COLUMN scorecard.scheduled_runs.message IS 'The first line of the error when the run failed.';
COMMENT ON COLUMN scorecard.scheduled_runs.workspace IS 'The workspace folder, as an absolute path.';
COMMENT ON COLUMN scorecard.scheduled_runs.host IS 'Host name of the machine that ran it.';
COMMENT ON COLUMN scorecard.scheduled_runs.scorecard_version IS 'Version of the scorecard program.';
COMMENT ON COLUMN scorecard.scheduled_runs.load_batch_id IS 'The load batch the run wrote; NULL when the dataset was unchanged.';
COMMENT ON COLUMN scorecard.scheduled_runs.rows_changed IS 'Dataset rows inserted, updated or deleted by the run''s load.';
COMMENT ON COLUMN scorecard.scheduled_runs.periods_scored IS 'The periods whose scores were checked, in order.';
COMMENT ON COLUMN scorecard.scheduled_runs.score_runs_computed IS 'The score runs (scorecard.score_runs.id) the run computed.';
COMMENT ON COLUMN scorecard.scheduled_runs.restatements IS 'Restatements recorded by the score runs computed.';
COMMENT ON COLUMN scorecard.scheduled_runs.files_written IS 'Number of report files written (created or changed).';
COMMENT ON COLUMN scorecard.scheduled_runs.files_unchanged IS 'Number of report files already up to date and left untouched.';

-- Reader roles. Roles belong to the whole server, privileges to one database: `scorecard
-- grant-reader` (scorecard.grant_reader) creates the group roles when missing and grants them
-- this database; each migration that adds objects calls grant_reader_privileges() again.

CREATE FUNCTION scorecard.grant_reader_privileges() RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'scorecard_reader') THEN
        GRANT USAGE ON SCHEMA scorecard TO scorecard_reader;
        GRANT SELECT ON ALL TABLES IN SCHEMA scorecard TO scorecard_reader;
    END IF;
END
$$;
COMMENT ON FUNCTION scorecard.grant_reader_privileges() IS
    'Grants the group role scorecard_reader, if it exists, USAGE on schema scorecard and SELECT on every table and view in it (row-level security still hides restricted rows). Called by scorecard.grant_reader and by migrations that add objects.';
REVOKE EXECUTE ON FUNCTION scorecard.grant_reader_privileges() FROM PUBLIC;

CREATE FUNCTION scorecard.is_direct_member(member_name text, group_name text) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
        SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m
                       JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                       JOIN pg_catalog.pg_roles r ON r.oid = m.member
                       WHERE g.rolname = group_name AND r.rolname = member_name)
    $$;
COMMENT ON FUNCTION scorecard.is_direct_member(text, text) IS
    'True when member_name was granted group_name directly (not through another role).';

CREATE FUNCTION scorecard.grant_reader(role_name text, password_verifier text, restricted boolean) RETURNS text
    LANGUAGE plpgsql AS $$
DECLARE
    group_name text;
    reader_role pg_catalog.pg_roles%ROWTYPE;
    table_owner oid;
    outcome text;
BEGIN
    IF role_name IS NULL OR role_name = '' OR octet_length(role_name) > 63 THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_name',
            MESSAGE = format('%L is not a valid role name (1 to 63 bytes)', role_name);
    END IF;
    IF role_name IN ('scorecard_reader', 'scorecard_restricted_reader', 'public', 'none')
       OR role_name LIKE 'pg\_%' OR role_name LIKE 'current\_%' OR role_name = 'session_user' THEN
        RAISE EXCEPTION USING ERRCODE = 'reserved_name',
            MESSAGE = format('role name %s is reserved; choose another name for the analyst', role_name);
    END IF;
    IF password_verifier IS NOT NULL AND password_verifier !~ '^SCRAM-SHA-256\$' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'the password must reach the server as a SCRAM-SHA-256 verifier computed by the client, never in plain text';
    END IF;

    -- One grant_reader at a time in this database: concurrent GRANTs on one object can collide.
    PERFORM pg_advisory_xact_lock(6633018041346752517);

    -- The group roles, shared by every database of the server; another database may be creating
    -- them at this very moment.
    FOREACH group_name IN ARRAY ARRAY['scorecard_reader', 'scorecard_restricted_reader'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = group_name) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', group_name);
                IF group_name = 'scorecard_reader' THEN
                    COMMENT ON ROLE scorecard_reader IS 'Scorecard analysts: read every table and view of schema scorecard; row-level security hides restricted evidence.';
                ELSE
                    GRANT scorecard_reader TO scorecard_restricted_reader;
                    COMMENT ON ROLE scorecard_restricted_reader IS 'Scorecard analysts who may also see restricted evidence (row-level security lets members of this role through).';
                END IF;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;  -- made meanwhile by another session
            END;
        END IF;
    END LOOP;
    PERFORM scorecard.grant_reader_privileges();

    SELECT * INTO reader_role FROM pg_catalog.pg_roles WHERE rolname = role_name;
    IF FOUND THEN
        SELECT c.relowner INTO table_owner FROM pg_catalog.pg_class c WHERE c.oid = 'scorecard.evidence'::regclass;
        IF reader_role.rolsuper OR reader_role.rolbypassrls THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_grant_operation',
                MESSAGE = format('role %s is a superuser or bypasses row-level security, so it would see restricted evidence; choose another role', role_name);
        END IF;
        IF pg_catalog.pg_has_role(reader_role.oid, table_owner, 'MEMBER') THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_grant_operation',
                MESSAGE = format('role %s owns the scorecard tables (or is a member of their owner), so row-level security does not apply to it; choose another role', role_name);
        END IF;
        EXECUTE format('ALTER ROLE %I LOGIN', role_name);
        outcome := 'updated';
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT', role_name);
        outcome := 'created';
    END IF;
    IF password_verifier IS NOT NULL THEN
        EXECUTE format('ALTER ROLE %I PASSWORD %L', role_name, password_verifier);
    END IF;

    -- Read only: whatever the role was granted directly on the schema goes; it reads through its group.
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA scorecard FROM %I', role_name);
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA scorecard FROM %I', role_name);
    EXECUTE format('REVOKE ALL ON SCHEMA scorecard FROM %I', role_name);
    IF NOT scorecard.is_direct_member(role_name, 'scorecard_reader') THEN
        EXECUTE format('GRANT scorecard_reader TO %I', role_name);
    END IF;
    IF restricted THEN
        IF NOT scorecard.is_direct_member(role_name, 'scorecard_restricted_reader') THEN
            EXECUTE format('GRANT scorecard_restricted_reader TO %I', role_name);
        END IF;
    ELSE
        IF scorecard.is_direct_member(role_name, 'scorecard_restricted_reader') THEN
            EXECUTE format('REVOKE scorecard_restricted_reader FROM %I', role_name);
        END IF;
        IF pg_catalog.pg_has_role(role_name, 'scorecard_restricted_reader', 'MEMBER') THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_grant_operation',
                MESSAGE = format('role %s would still see restricted evidence through another role it belongs to; revoke that membership first', role_name);
        END IF;
    END IF;
    RETURN outcome;
END
$$;
COMMENT ON FUNCTION scorecard.grant_reader(text, text, boolean) IS
    'Creates or updates the login role role_name as a read-only analyst (member of scorecard_reader), with the SCRAM-SHA-256 password verifier given (NULL keeps the password it has, or none); restricted = true also makes it a member of scorecard_restricted_reader, false revokes that. Creates the group roles when missing. Returns created or updated. Used by scorecard grant-reader.';
REVOKE EXECUTE ON FUNCTION scorecard.grant_reader(text, text, boolean) FROM PUBLIC;

-- Databases migrated after the group roles exist (they are server-wide) get their grants now.
DO $$ BEGIN PERFORM scorecard.grant_reader_privileges(); END $$;
