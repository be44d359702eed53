-- Drops every view, function, row-level security policy and trigger of schema scorecard, so that
-- Schemas/objects/ can re-create exactly the objects its files define (a file removed leaves no
-- object behind). Tables, their constraints, indexes and the domain stay. Run by the migrator inside
-- the transaction that then re-creates the objects; a table that depended on one of these objects
-- (a DEFAULT or CHECK calling a function) makes this fail rather than lose the dependency.
DO $$
DECLARE
    target record;
    names text;
BEGIN
    FOR target IN
        SELECT p.polname, c.relname
        FROM pg_catalog.pg_policy p
        JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
        WHERE c.relnamespace = 'scorecard'::regnamespace
        ORDER BY c.relname, p.polname
    LOOP
        EXECUTE format('DROP POLICY %I ON scorecard.%I', target.polname, target.relname);
    END LOOP;
    FOR target IN
        SELECT t.tgname, c.relname
        FROM pg_catalog.pg_trigger t
        JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
        WHERE c.relnamespace = 'scorecard'::regnamespace AND NOT t.tgisinternal
        ORDER BY c.relname, t.tgname
    LOOP
        EXECUTE format('DROP TRIGGER %I ON scorecard.%I', target.tgname, target.relname);
    END LOOP;
    SELECT string_agg(format('scorecard.%I', c.relname), ', ' ORDER BY c.relname) INTO names
    FROM pg_catalog.pg_class c
    WHERE c.relnamespace = 'scorecard'::regnamespace AND c.relkind = 'v';
    IF names IS NOT NULL THEN
        EXECUTE 'DROP VIEW ' || names;
    END IF;
    SELECT string_agg(p.oid::regprocedure::text, ', ' ORDER BY p.oid::regprocedure::text) INTO names
    FROM pg_catalog.pg_proc p
    WHERE p.pronamespace = 'scorecard'::regnamespace AND p.prokind = 'a';
    IF names IS NOT NULL THEN
        EXECUTE 'DROP AGGREGATE ' || names;
    END IF;
    SELECT string_agg(p.oid::regprocedure::text, ', ' ORDER BY p.oid::regprocedure::text) INTO names
    FROM pg_catalog.pg_proc p
    WHERE p.pronamespace = 'scorecard'::regnamespace AND p.prokind IN ('f', 'p');
    IF names IS NOT NULL THEN
        EXECUTE 'DROP ROUTINE ' || names;
    END IF;
END
$$;
