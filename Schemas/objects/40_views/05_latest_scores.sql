CREATE VIEW scorecard.latest_scores WITH (security_invoker = true) AS
    WITH latest_run AS (  -- each version's latest period, and that period's current run
        SELECT DISTINCT ON (r.methodology_id, r.methodology_version) r.*
        FROM scorecard.score_runs r
        WHERE r.basis = 'as_published'
          AND r.id = scorecard.current_run(r.methodology_id, r.methodology_version, r.period)
        ORDER BY r.methodology_id, r.methodology_version, r.period_end DESC
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
    'The latest published scores: for each methodology version, the current run (scorecard.current_run: computed on the dataset of the latest load) of its latest period. Grain: methodology version × actor.';
COMMENT ON COLUMN scorecard.latest_scores.methodology_id IS 'The methodology (scorecard.methodologies.id).';
COMMENT ON COLUMN scorecard.latest_scores.methodology_version IS 'The methodology version; each version has its own latest scores.';
COMMENT ON COLUMN scorecard.latest_scores.run_id IS 'The score run (scorecard.score_runs.id).';
COMMENT ON COLUMN scorecard.latest_scores.period IS 'The period scored, e.g. 2025-Q2.';
COMMENT ON COLUMN scorecard.latest_scores.period_start IS 'First day of the period.';
COMMENT ON COLUMN scorecard.latest_scores.period_end IS 'Last day of the period.';
COMMENT ON COLUMN scorecard.latest_scores.provisional IS 'True when the period was not complete at the as-of date of the run (it counts what was published by that date; later evidence may still count).';
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

