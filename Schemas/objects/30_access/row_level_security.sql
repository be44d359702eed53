-- Row-level security applies to every role except the owner of the tables (the role that runs the
-- migrations, the loader and the scorer), which keeps seeing everything: no table is FORCEd.
-- A row is restricted when it is, or names, a restricted evidence record:
--   evidence (sensitivity = 'restricted'), record_history (superseded versions of such records, and
--   of responses to them), responses to them, indicator_contributions of them, restatements citing
--   them; and every result of a score run whose methodology scored restricted evidence
--   (restricted_evidence: include), since its values and counts could reveal what is restricted.
-- Only members of scorecard_restricted_reader see restricted rows. Views are security_invoker, so
-- the caller's row-level security applies through them.
-- Evidence: restricted records only for those granted them.
ALTER TABLE scorecard.evidence ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_unless_granted ON scorecard.evidence FOR SELECT
    USING (scorecard.is_public(sensitivity) OR (SELECT scorecard.reads_restricted_evidence()));
COMMENT ON POLICY public_unless_granted ON scorecard.evidence IS
    'Restricted evidence is visible only to members of scorecard_restricted_reader.';

-- Responses to restricted evidence reveal it.
ALTER TABLE scorecard.responses ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_unless_granted ON scorecard.responses FOR SELECT
    USING ((SELECT scorecard.reads_restricted_evidence())
           OR EXISTS (SELECT 1 FROM scorecard.evidence e WHERE e.id = responses.evidence_id));
COMMENT ON POLICY public_unless_granted ON scorecard.responses IS
    'A reply to restricted evidence is visible only to members of scorecard_restricted_reader (the evidence it replies to must be visible).';

-- What a record's sources are (derived by the loader) is visible with the record.
ALTER TABLE scorecard.evidence_source_facts ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_unless_granted ON scorecard.evidence_source_facts FOR SELECT
    USING ((SELECT scorecard.reads_restricted_evidence())
           OR EXISTS (SELECT 1 FROM scorecard.evidence e WHERE e.id = evidence_source_facts.evidence_id));
COMMENT ON POLICY public_unless_granted ON scorecard.evidence_source_facts IS
    'The grades and publishers of a restricted record''s sources are visible only to members of scorecard_restricted_reader (the record must be visible).';

-- Superseded versions: a version of an evidence record is shown when that version was public and
-- the record is public now (a record re-marked restricted hides its past too); a version of a
-- response when the evidence it replied to is public now.
ALTER TABLE scorecard.record_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_unless_granted ON scorecard.record_history FOR SELECT
    USING ((SELECT scorecard.reads_restricted_evidence())
           OR CASE table_name
                  WHEN 'evidence' THEN scorecard.is_public(previous ->> 'sensitivity') AND scorecard.evidence_is_public(record_key)
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
                        AND NOT scorecard.scores_restricted_evidence(m.definition)));
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

-- Editions follow their runs: an edition of a run a reader may not see (its methodology scored
-- restricted evidence) is hidden with everything of it; a cause naming restricted evidence is
-- visible only to those granted it.
ALTER TABLE scorecard.editions ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible_run ON scorecard.editions FOR SELECT
    USING (EXISTS (SELECT 1 FROM scorecard.score_runs r WHERE r.id = editions.run_id));
COMMENT ON POLICY visible_run ON scorecard.editions IS 'Visible when its score run is (see score_runs).';

ALTER TABLE scorecard.edition_files ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible_edition ON scorecard.edition_files FOR SELECT
    USING (EXISTS (SELECT 1 FROM scorecard.editions e WHERE e.id = edition_files.edition_id));
COMMENT ON POLICY visible_edition ON scorecard.edition_files IS 'Visible when its edition is.';
ALTER TABLE scorecard.edition_file_parts ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible_edition ON scorecard.edition_file_parts FOR SELECT
    USING (EXISTS (SELECT 1 FROM scorecard.editions e WHERE e.id = edition_file_parts.edition_id));
COMMENT ON POLICY visible_edition ON scorecard.edition_file_parts IS 'Visible when its edition is.';

ALTER TABLE scorecard.edition_revisions ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible_edition_and_runs ON scorecard.edition_revisions FOR SELECT
    USING (EXISTS (SELECT 1 FROM scorecard.editions e WHERE e.id = edition_revisions.edition_id)
           AND EXISTS (SELECT 1 FROM scorecard.score_runs r WHERE r.id = edition_revisions.known_run_id)
           AND EXISTS (SELECT 1 FROM scorecard.score_runs r WHERE r.id = edition_revisions.previous_known_run_id));
COMMENT ON POLICY visible_edition_and_runs ON scorecard.edition_revisions IS 'Visible when its edition and both runs it compares are.';

ALTER TABLE scorecard.edition_restatements ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible_revision ON scorecard.edition_restatements FOR SELECT
    USING (EXISTS (SELECT 1 FROM scorecard.edition_revisions v WHERE v.id = edition_restatements.revision_id));
COMMENT ON POLICY visible_revision ON scorecard.edition_restatements IS 'Visible when its revision is.';

ALTER TABLE scorecard.restatement_causes ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible_revision_and_evidence ON scorecard.restatement_causes FOR SELECT
    USING (EXISTS (SELECT 1 FROM scorecard.edition_revisions v WHERE v.id = restatement_causes.revision_id)
           AND (restatement_causes.record_table IS DISTINCT FROM 'evidence'
                OR (SELECT scorecard.reads_restricted_evidence())
                OR scorecard.evidence_is_public(restatement_causes.record_id)));
COMMENT ON POLICY visible_revision_and_evidence ON scorecard.restatement_causes IS
    'Visible when its revision is, and the evidence record it names (if any) is public now or the caller is a member of scorecard_restricted_reader.';
