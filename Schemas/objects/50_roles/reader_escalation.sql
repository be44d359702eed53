-- What a role could do beyond reading that scorecard.grant_reader cannot take away from it. A member
-- of a role can act as that role (SET ROLE) whether or not it inherits its privileges (NOINHERIT),
-- and through any chain of memberships, so each role it belongs to counts as its own. Privileges
-- granted to the role itself on the schema are not looked at here: grant_reader revokes them.

CREATE FUNCTION scorecard.reader_escalation(role_name text) RETURNS text
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    reader oid := (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = role_name);
    member_of record;
    subject text;
    remedy text;
    attributes text;
    administered text;
BEGIN
    IF reader IS NULL THEN
        RETURN NULL;
    END IF;
    -- The role itself first: its own attributes say most plainly what is wrong.
    FOR member_of IN
        SELECT r.oid, r.rolname, r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb, r.rolreplication
        FROM pg_catalog.pg_roles r
        WHERE pg_catalog.pg_has_role(reader, r.oid, 'MEMBER')
        ORDER BY r.oid <> reader, r.rolname
    LOOP
        IF member_of.oid = reader THEN
            subject := format('role %s', role_name);
            remedy := 'choose another role';
            IF member_of.rolsuper OR member_of.rolbypassrls THEN
                RETURN format('role %s is a superuser or bypasses row-level security, so it would see restricted evidence; choose another role', role_name);
            END IF;
            -- A role that can make roles could grant itself scorecard_restricted_reader; one that can
            -- make databases or replicate reads around the schema's rules.
            IF member_of.rolcreaterole OR member_of.rolcreatedb OR member_of.rolreplication THEN
                RETURN format('role %s has %s, so it is not read-only (it could grant itself restricted evidence or read around the schema''s rules); choose another role',
                              role_name, concat_ws(', ', CASE WHEN member_of.rolcreaterole THEN 'CREATEROLE' END,
                                                   CASE WHEN member_of.rolcreatedb THEN 'CREATEDB' END,
                                                   CASE WHEN member_of.rolreplication THEN 'REPLICATION' END));
            END IF;
        ELSE
            subject := format('role %s is a member of %s, which', role_name, member_of.rolname);
            remedy := 'a member can act as it (SET ROLE); revoke that membership first';
            attributes := concat_ws(', ', CASE WHEN member_of.rolsuper THEN 'SUPERUSER' END,
                                    CASE WHEN member_of.rolbypassrls THEN 'BYPASSRLS' END,
                                    CASE WHEN member_of.rolcreaterole THEN 'CREATEROLE' END,
                                    CASE WHEN member_of.rolcreatedb THEN 'CREATEDB' END,
                                    CASE WHEN member_of.rolreplication THEN 'REPLICATION' END);
            IF attributes <> '' THEN
                RETURN format('%s has %s, so %s would not be read-only (it could see restricted evidence or grant it to itself); %s',
                              subject, attributes, role_name, remedy);
            END IF;
            -- The server's roles that write every table, read or write its files (the data folder
            -- among them), run programs as its operating-system user, or cancel and end other
            -- sessions (a scheduled run's among them: a reader could stop publication).
            IF member_of.rolname IN ('pg_write_all_data', 'pg_read_server_files', 'pg_write_server_files', 'pg_execute_server_program',
                                     'pg_signal_backend') THEN
                RETURN format('%s %s, so %s would not be read-only; revoke that membership first',
                              subject, CASE member_of.rolname
                                           WHEN 'pg_write_all_data' THEN 'may write every table'
                                           WHEN 'pg_read_server_files' THEN 'may read any file the server can, its data folder included'
                                           WHEN 'pg_write_server_files' THEN 'may write any file the server can'
                                           WHEN 'pg_signal_backend' THEN 'may cancel or end other sessions, a scheduled run''s among them'
                                           ELSE 'may run programs on the server as its operating-system user' END,
                              role_name);
            END IF;
        END IF;
        -- Row-level security does not apply to an owner, who may also change what it owns.
        IF EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n WHERE n.nspname = 'scorecard' AND n.nspowner = member_of.oid)
           OR EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.relnamespace = 'scorecard'::regnamespace AND c.relowner = member_of.oid)
           OR EXISTS (SELECT 1 FROM pg_catalog.pg_proc p WHERE p.pronamespace = 'scorecard'::regnamespace AND p.proowner = member_of.oid) THEN
            RETURN format('%s owns the scorecard schema or objects in it (such as its tables), so row-level security does not apply to it; %s',
                          subject, remedy);
        END IF;
        IF member_of.oid <> reader
           AND (pg_catalog.has_schema_privilege(member_of.oid, 'scorecard', 'CREATE')
                OR EXISTS (SELECT 1 FROM pg_catalog.pg_class c
                           WHERE c.relnamespace = 'scorecard'::regnamespace
                             AND ((c.relkind IN ('r', 'p') AND pg_catalog.has_table_privilege(member_of.oid, c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER'))
                                  OR (c.relkind = 'S' AND pg_catalog.has_sequence_privilege(member_of.oid, c.oid, 'UPDATE'))))) THEN
            RETURN format('%s may write to the scorecard tables or create in the schema, so %s would not be read-only; %s',
                          subject, role_name, remedy);
        END IF;
        -- With ADMIN OPTION a role can grant the group to anyone, itself included: restricted
        -- evidence to a public reader, access to people the owner never chose. Refused for
        -- restricted readers too: a reader hands nothing out.
        SELECT string_agg(g.rolname, ' and ' ORDER BY g.rolname) INTO administered
        FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
        WHERE m.member = member_of.oid AND m.admin_option
          AND g.rolname IN ('scorecard_reader', 'scorecard_restricted_reader');
        IF administered IS NOT NULL THEN
            RETURN format('%s holds ADMIN OPTION on %s, so it could grant that access to any role, itself included; %s',
                          subject, administered, CASE WHEN member_of.oid = reader THEN 'revoke that first' ELSE remedy END);
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION scorecard.reader_escalation(text) IS
    'Why role_name could do more than read (NULL when it could not): it, or a role it is a member of directly or through others (a member can SET ROLE to it, NOINHERIT or not), is a superuser or has BYPASSRLS, CREATEROLE, CREATEDB or REPLICATION; is a member of pg_write_all_data, pg_read_server_files, pg_write_server_files, pg_execute_server_program or pg_signal_backend; owns the schema scorecard or an object in it; may create in the schema or write to its tables; or holds ADMIN OPTION on a reader group. Privileges granted to role_name itself are not counted: scorecard.grant_reader revokes them. Used by scorecard.grant_reader.';
REVOKE EXECUTE ON FUNCTION scorecard.reader_escalation(text) FROM PUBLIC;
