-- Who had committed to what, by the one rule of scorecard.in_force (10_rules/02_time_rules.sql),
-- which scoring and reports use too.
CREATE VIEW scorecard.commitments_in_force_today WITH (security_invoker = true) AS
    SELECT c.*
    FROM scorecard.commitments c
    WHERE scorecard.in_force(c.committed_on, c.committed_precision, c.withdrawn_on, current_date);
COMMENT ON VIEW scorecard.commitments_in_force_today IS 'Commitments in force on the current date. For another date D use scorecard.commitments_in_force(D). Grain: one commitment.';
COMMENT ON COLUMN scorecard.commitments_in_force_today.id IS 'The commitment''s id, chosen by the monitor.';
COMMENT ON COLUMN scorecard.commitments_in_force_today.actor_id IS 'The actor that committed (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.commitments_in_force_today.instrument_id IS 'The instrument committed to (scorecard.instruments.id).';
COMMENT ON COLUMN scorecard.commitments_in_force_today.kind IS 'endorsed, signed, joined, ratified, or adopted (the actor issued the instrument itself, e.g. a law or an executive order).';
COMMENT ON COLUMN scorecard.commitments_in_force_today.committed_on IS 'First day of the period in which the actor committed; see committed_precision.';
COMMENT ON COLUMN scorecard.commitments_in_force_today.committed_precision IS 'Precision of committed_on (the date of the commitment): day, month or year.';
COMMENT ON COLUMN scorecard.commitments_in_force_today.withdrawn_on IS 'First day of the period in which the actor withdrew, on or after committed_on; NULL while not withdrawn; see withdrawn_precision.';
COMMENT ON COLUMN scorecard.commitments_in_force_today.withdrawn_precision IS 'Precision of withdrawn_on (the date of withdrawal): day, month or year; NULL when withdrawn_on is.';
COMMENT ON COLUMN scorecard.commitments_in_force_today.source_id IS 'The source of the commitment (scorecard.sources.id).';
COMMENT ON COLUMN scorecard.commitments_in_force_today.note IS 'The monitor''s free-text note; optional.';
COMMENT ON COLUMN scorecard.commitments_in_force_today.first_batch_id IS 'The load_batches.id that first loaded the row.';
COMMENT ON COLUMN scorecard.commitments_in_force_today.changed_batch_id IS 'The load_batches.id that last changed it.';

CREATE FUNCTION scorecard.commitments_in_force(on_date date)
    RETURNS SETOF scorecard.commitments
    LANGUAGE sql STABLE
    AS $$
        SELECT c.* FROM scorecard.commitments c
        WHERE scorecard.in_force(c.committed_on, c.committed_precision, c.withdrawn_on, on_date)
    $$;
COMMENT ON FUNCTION scorecard.commitments_in_force(date) IS 'Who had committed to what on a date: commitments in force on it (scorecard.in_force: a commitment dated only by month or year counts from the last day of that month or year; a withdrawal from the first day of its own), as scoring counts them.';
