-- 0013: what methodology v2 stores (docs/methodology.md). Events: a contribution names the event its
-- record reports and whether the record carries it (the event's other records corroborate, with no
-- share of their own); an actor's score says how many conduct events are behind it. Groups: an
-- entity's conduct counts for its group, so its own indicators are 'in group' and its score row
-- names the group. Rows stored before this migration keep their meaning (NULL in the new columns).

ALTER TABLE scorecard.indicator_values DROP CONSTRAINT indicator_values_state_check;
ALTER TABLE scorecard.indicator_values ADD CONSTRAINT indicator_values_state_check
    CHECK (state IN ('scored', 'no evidence', 'not applicable', 'in group'));
COMMENT ON COLUMN scorecard.indicator_values.state IS 'scored; no evidence (nothing on record, not the same as good conduct); not applicable (the indicator does not concern this actor); in group (the actor is an entity of a group, whose score covers its conduct: see actor_scores.group_id).';
COMMENT ON COLUMN scorecard.indicator_values.evidence_count IS 'Events behind the value, each counted once however many records report it (runs of methodology 1.x, scored before events existed: records); for commitment indicators, commitments in force.';

ALTER TABLE scorecard.indicator_contributions
    ADD COLUMN event_id text,
    ADD COLUMN counts boolean;
COMMENT ON COLUMN scorecard.indicator_contributions.event_id IS 'The event the record reports (scorecard.event_of: its event_id, or the record itself); NULL for a commitment and in rows stored before events existed.';
COMMENT ON COLUMN scorecard.indicator_contributions.counts IS 'true: this record carries its event (the strongest of its records), and its contribution is the event''s share; false: another record of the same event, shown with it, contributing 0. true for commitments; NULL in rows stored before events existed.';
COMMENT ON COLUMN scorecard.indicator_contributions.weight IS 'For the record that carries an event, the event''s weight: severity × certainty × reliability × decay of its strongest record, its certainty raised by independent sources (scorecard.event_certainty); for a corroborating record, its own weight; for a commitment, the instrument''s weight.';

ALTER TABLE scorecard.actor_scores
    ADD COLUMN events integer,
    ADD COLUMN group_id text;
COMMENT ON COLUMN scorecard.actor_scores.events IS 'Conduct events behind the scores (each act once, whatever indicators it feeds); the methodology''s minimum_evidence is counted in these. NULL in rows stored before events existed.';
COMMENT ON COLUMN scorecard.actor_scores.group_id IS 'For an entity of a corporate group on the period''s last day: the group (scorecard.actors.id) whose score covers its conduct; the entity itself has no scores, grade or rank. NULL otherwise.';
COMMENT ON COLUMN scorecard.actor_scores.evidence_count IS 'Evidence records of conduct behind the scores (commitments are not conduct).';
COMMENT ON COLUMN scorecard.actor_scores.combined IS '(100 + positive − negative) / 2, a missing face taken as 0; NULL when no conduct is on record (commitments alone are words) or neither face was scored.';

COMMENT ON COLUMN scorecard.edition_revisions.methodology_changed IS 'True when the method differs from the one the figures were known from: the methodology file (id, version, content) or the scoring engine''s rules (score_runs.engine_sha256), so a release that changes how figures are computed restates as a change of method, never as new data.';

-- Honest change. A period's change from the previous one is split into what a reader can defend:
-- records of the previous period known differently now (restated), the previous period's conduct
-- weighing less a period later (time: decay, the window, measures ended), and conduct of this period
-- (new conduct). Two runs make the split exact: the previous period re-scored with this period's
-- knowledge (basis restated), and this period scored with only the previous period's conduct
-- (basis aged, conduct_cutoff the previous period's end).
ALTER TABLE scorecard.score_runs DROP CONSTRAINT score_runs_basis_check;
ALTER TABLE scorecard.score_runs ADD CONSTRAINT score_runs_basis_check CHECK (basis IN ('as_published', 'restated', 'aged'));
ALTER TABLE scorecard.score_runs ADD COLUMN conduct_cutoff date;
ALTER TABLE scorecard.score_runs ADD CONSTRAINT score_runs_aged_conduct_cutoff_check
    CHECK ((basis = 'aged') = (conduct_cutoff IS NOT NULL));
COMMENT ON COLUMN scorecard.score_runs.basis IS 'as_published: only what was published by the end of the period (the published score); restated: with a later knowledge cutoff, to find restatements and to split a change; aged: only the conduct up to conduct_cutoff (the previous period''s end), with this period''s knowledge: what time alone made of the previous period''s record.';
COMMENT ON COLUMN scorecard.score_runs.conduct_cutoff IS 'For an aged run: conduct after this date does not count. NULL for every other run (conduct up to the period end counts).';

ALTER TABLE scorecard.actor_scores
    ADD COLUMN change_restated numeric(7, 3),
    ADD COLUMN change_time numeric(7, 3),
    ADD COLUMN change_conduct numeric(7, 3);
COMMENT ON COLUMN scorecard.actor_scores.change IS 'combined - previous_combined; NULL when either is NULL. Equals change_restated + change_time + change_conduct whenever those are known.';
COMMENT ON COLUMN scorecard.actor_scores.change_restated IS 'The part of the change that is the previous period known differently now: its combined score re-scored with this run''s knowledge, minus as it was published (records published late, corrected or removed).';
COMMENT ON COLUMN scorecard.actor_scores.change_time IS 'The part of the change that is time alone: the previous period''s conduct scored at this period''s end (older evidence weighing less, leaving the window, measures ended) minus the previous period as known now. Never the actor''s own doing.';
COMMENT ON COLUMN scorecard.actor_scores.change_conduct IS 'The part of the change that is this period''s conduct (new evidence, new commitments, measures imposed or ended in it): combined minus the aged figure.';

-- The runs a run's change was split against, named on the run itself (both NULL for a run without a
-- previous period's run, and for the split's own runs).
ALTER TABLE scorecard.score_runs
    ADD COLUMN previous_known_run_id bigint REFERENCES scorecard.score_runs (id),
    ADD COLUMN aged_run_id bigint REFERENCES scorecard.score_runs (id);
COMMENT ON COLUMN scorecard.score_runs.previous_known_run_id IS 'For an as-published run with a previous period''s run: the previous period re-scored with this run''s knowledge (actor_scores.change_restated, change_time).';
COMMENT ON COLUMN scorecard.score_runs.aged_run_id IS 'For an as-published run with a previous period''s run: this period scored with only the previous period''s conduct (actor_scores.change_time, change_conduct; the causes of change_conduct).';
