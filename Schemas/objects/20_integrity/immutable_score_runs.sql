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
