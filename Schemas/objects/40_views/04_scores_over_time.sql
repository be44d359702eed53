CREATE VIEW scorecard.scores_over_time WITH (security_invoker = true) AS
    SELECT r.methodology_id, r.methodology_version, r.period, r.period_start, r.period_end,
           r.id AS run_id, r.provisional, r.computed_at, r.load_batch_id,
           r.id = scorecard.current_run(r.methodology_id, r.methodology_version, r.period) AS latest_for_period,
           s.actor_id, a.name AS actor_name, s.actor_kind,
           s.positive, s.negative, s.combined, s.grade, s.rank_in_kind, s.evidence_count,
           s.previous_run_id, s.previous_combined, s.change
    FROM scorecard.score_runs r
    JOIN scorecard.actor_scores s ON s.run_id = r.id
    LEFT JOIN scorecard.actors a ON a.id = s.actor_id
    WHERE r.basis = 'as_published';
COMMENT ON VIEW scorecard.scores_over_time IS
    'Every published (as_published) score of every actor, period after period. Grain: as_published run × actor. A period scored again after a new load has several runs; latest_for_period marks its current one (scorecard.current_run).';
COMMENT ON COLUMN scorecard.scores_over_time.methodology_id IS 'The methodology of the run (scorecard.methodologies.id).';
COMMENT ON COLUMN scorecard.scores_over_time.methodology_version IS 'Its version: scores of different versions are not comparable.';
COMMENT ON COLUMN scorecard.scores_over_time.period IS 'The period scored: 2025-Q2 (quarter) or 2025 (year).';
COMMENT ON COLUMN scorecard.scores_over_time.period_start IS 'First day of the period.';
COMMENT ON COLUMN scorecard.scores_over_time.period_end IS 'Last day of the period; order by it for a time series.';
COMMENT ON COLUMN scorecard.scores_over_time.run_id IS 'The score run (scorecard.score_runs.id).';
COMMENT ON COLUMN scorecard.scores_over_time.provisional IS 'True when the period was not complete at the as-of date of the run.';
COMMENT ON COLUMN scorecard.scores_over_time.computed_at IS 'When the run was computed.';
COMMENT ON COLUMN scorecard.scores_over_time.load_batch_id IS 'The load batch the run used (scorecard.load_batches.id).';
COMMENT ON COLUMN scorecard.scores_over_time.latest_for_period IS 'True for the current run of this period under this methodology version (scorecard.current_run: computed on the dataset of the latest load, the newest such).';
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

