-- Reader roles. Roles belong to the whole server, privileges to one database: `scorecard
-- grant-reader` (scorecard.grant_reader) creates the group roles when missing and grants them
-- this database; the migrator calls grant_reader_privileges() again each time it re-creates the
-- objects, so new and re-made views are readable at once.

CREATE FUNCTION scorecard.grant_reader_privileges() RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'scorecard_reader') THEN
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO scorecard_reader', current_database());
        GRANT USAGE ON SCHEMA scorecard TO scorecard_reader;
        GRANT SELECT ON ALL TABLES IN SCHEMA scorecard TO scorecard_reader;
    END IF;
END
$$;
COMMENT ON FUNCTION scorecard.grant_reader_privileges() IS
    'Grants the group role scorecard_reader, if it exists, CONNECT on this database, USAGE on schema scorecard and SELECT on every table and view in it (row-level security still hides restricted rows). Called by scorecard.grant_reader and by migrations that add objects.';
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
    refusal text;
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
        -- Refused before anything about the role changes: what it is, what it belongs to, owns or
        -- administers (scorecard.reader_escalation).
        refusal := scorecard.reader_escalation(role_name);
        IF refusal IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_grant_operation', MESSAGE = refusal;
        END IF;
        IF NOT reader_role.rolcanlogin THEN
            EXECUTE format('ALTER ROLE %I LOGIN', role_name);
        END IF;
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
    -- What it could still do with what is left: privileges granted to PUBLIC (roles it belongs to
    -- were checked above).
    IF pg_catalog.has_schema_privilege(role_name, 'scorecard', 'CREATE')
       OR EXISTS (SELECT 1 FROM pg_catalog.pg_class c
                  WHERE c.relnamespace = 'scorecard'::regnamespace AND c.relkind IN ('r', 'p')
                    AND pg_catalog.has_table_privilege(role_name, c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE')) THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_grant_operation',
            MESSAGE = format('role %s can write to the scorecard tables or create in the schema through privileges granted to PUBLIC; revoke those first', role_name);
    END IF;
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

