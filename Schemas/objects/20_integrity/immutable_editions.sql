-- Published editions are immutable: their records, files, revisions, restatements and causes are
-- only ever inserted. A statement-level trigger refuses UPDATE, DELETE and TRUNCATE whoever runs
-- them (the owner can still drop the trigger, on purpose).
CREATE FUNCTION scorecard.refuse_changing_editions() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING
        ERRCODE = 'restrict_violation',
        MESSAGE = format('%s on scorecard.%s is refused: a published edition, its files and its restatements never change', TG_OP, TG_TABLE_NAME),
        HINT = 'Correct the dataset or the methodology and run again: what changes for a published edition is recorded as a restatement and shown in the next edition (docs/editions.md).';
END
$$;
COMMENT ON FUNCTION scorecard.refuse_changing_editions() IS
    'Trigger function: raises restrict_violation on any UPDATE, DELETE or TRUNCATE of editions, their files, revisions, restatements and causes, which are immutable once written.';

DO $$
DECLARE
    immutable_table text;
BEGIN
    FOREACH immutable_table IN ARRAY ARRAY['editions', 'edition_files', 'edition_revisions', 'edition_restatements',
                                           'restatement_causes'] LOOP
        EXECUTE format('CREATE TRIGGER editions_are_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON scorecard.%I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION scorecard.refuse_changing_editions()', immutable_table);
    END LOOP;
END
$$;
