-- What is published is immutable: score runs, their results and the methodology versions they used;
-- editions, their files and their restatements. Their rows are only ever inserted. A statement-level
-- trigger refuses UPDATE, DELETE and TRUNCATE whoever runs them (the owner can still drop a trigger,
-- on purpose). One function; each trigger passes what is refused and what to do instead.
CREATE FUNCTION scorecard.refuse_changing_published_rows() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING
        ERRCODE = 'restrict_violation',
        MESSAGE = format('%s on scorecard.%s is refused: %s', TG_OP, TG_TABLE_NAME, TG_ARGV[0]),
        HINT = TG_ARGV[1];
END
$$;
COMMENT ON FUNCTION scorecard.refuse_changing_published_rows() IS
    'Trigger function: raises restrict_violation on any UPDATE, DELETE or TRUNCATE of a table of published rows (score runs and their results, editions and their restatements). Arguments: why, and the hint.';

DO $$
DECLARE
    immutable_table text;
BEGIN
    FOREACH immutable_table IN ARRAY ARRAY['methodologies', 'score_runs', 'indicator_values', 'indicator_contributions',
                                           'pillar_scores', 'actor_scores', 'restatements', 'sensitivity_results'] LOOP
        EXECUTE format('CREATE TRIGGER score_runs_are_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON scorecard.%I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION scorecard.refuse_changing_published_rows(%L, %L)', immutable_table,
                       'published score runs, their results and the methodology versions they used are immutable',
                       'A published run is never changed or removed. Correct the dataset, load it and score again: the new run stands beside the old one, and what it changes for a published edition is recorded as a restatement.');
    END LOOP;
    FOREACH immutable_table IN ARRAY ARRAY['editions', 'edition_files', 'edition_file_parts', 'edition_revisions', 'edition_restatements',
                                           'restatement_causes'] LOOP
        EXECUTE format('CREATE TRIGGER editions_are_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON scorecard.%I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION scorecard.refuse_changing_published_rows(%L, %L)', immutable_table,
                       'a published edition, its files and its restatements never change',
                       'Correct the dataset or the methodology and run again: what changes for a published edition is recorded as a restatement and shown in the next edition (docs/editions.md).');
    END LOOP;
END
$$;
