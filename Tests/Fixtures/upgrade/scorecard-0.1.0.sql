--
-- PostgreSQL database dump
--

\restrict ssKnjMqnbnIldY0KbTlrf4LI8yOwoEq71ylZLkOAv75u5CQqljufDEmcs38bfY5

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: scorecard; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA scorecard;


--
-- Name: SCHEMA scorecard; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA scorecard IS 'Scorecard: commitments and evidence of state and vendor conduct on commercial cyber-intrusion capabilities, and the accountability scores computed from them. Documented in docs/analysts.md.';


--
-- Name: date_precision; Type: DOMAIN; Schema: scorecard; Owner: -
--

CREATE DOMAIN scorecard.date_precision AS text
	CONSTRAINT date_precision_check CHECK ((VALUE = ANY (ARRAY['day'::text, 'month'::text, 'year'::text])));


--
-- Name: DOMAIN date_precision; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON DOMAIN scorecard.date_precision IS 'How much of a date the source gave: day (YYYY-MM-DD), month (YYYY-MM, stored as the 1st) or year (YYYY, stored as 1 January).';


--
-- Name: check_evidence_references(); Type: FUNCTION; Schema: scorecard; Owner: -
--

CREATE FUNCTION scorecard.check_evidence_references() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    offending text;
BEGIN
    SELECT n.id INTO offending FROM new_rows n LEFT JOIN scorecard.actors a ON a.id = n.actor_id WHERE a.id IS NULL LIMIT 1;
    IF FOUND THEN RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', MESSAGE = format('evidence %s: actor_id is not in scorecard.actors', offending); END IF;
    SELECT n.id INTO offending FROM new_rows n LEFT JOIN scorecard.actors a ON a.id = n.counterpart_id WHERE n.counterpart_id IS NOT NULL AND a.id IS NULL LIMIT 1;
    IF FOUND THEN RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', MESSAGE = format('evidence %s: counterpart_id is not in scorecard.actors', offending); END IF;
    SELECT n.id INTO offending FROM new_rows n LEFT JOIN scorecard.evidence_types t ON t.id = n.evidence_type WHERE t.id IS NULL LIMIT 1;
    IF FOUND THEN RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', MESSAGE = format('evidence %s: evidence_type is not in scorecard.evidence_types', offending); END IF;
    SELECT n.id INTO offending FROM new_rows n LEFT JOIN scorecard.provisions p ON p.id = n.provision_id WHERE n.provision_id IS NOT NULL AND p.id IS NULL LIMIT 1;
    IF FOUND THEN RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', MESSAGE = format('evidence %s: provision_id is not in scorecard.provisions', offending); END IF;
    SELECT n.id INTO offending FROM new_rows n CROSS JOIN LATERAL unnest(n.source_ids) AS s (id)
        LEFT JOIN scorecard.sources x ON x.id = s.id WHERE x.id IS NULL LIMIT 1;
    IF FOUND THEN RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', MESSAGE = format('evidence %s: a source id is not in scorecard.sources', offending); END IF;
    RETURN NULL;
END
$$;


--
-- Name: FUNCTION check_evidence_references(); Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON FUNCTION scorecard.check_evidence_references() IS 'Trigger function: raises foreign_key_violation when an inserted or updated evidence row names an actor, counterpart, evidence type, provision or source that does not exist.';


--
-- Name: check_evidence_still_resolves(); Type: FUNCTION; Schema: scorecard; Owner: -
--

CREATE FUNCTION scorecard.check_evidence_still_resolves() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    offending text;
BEGIN
    IF TG_TABLE_NAME = 'actors' THEN
        SELECT e.id INTO offending FROM scorecard.evidence e JOIN old_rows o ON o.id = e.actor_id LIMIT 1;
        IF NOT FOUND THEN
            SELECT e.id INTO offending FROM scorecard.evidence e JOIN old_rows o ON o.id = e.counterpart_id LIMIT 1;
        END IF;
    ELSIF TG_TABLE_NAME = 'evidence_types' THEN
        SELECT e.id INTO offending FROM scorecard.evidence e JOIN old_rows o ON o.id = e.evidence_type LIMIT 1;
    ELSIF TG_TABLE_NAME = 'provisions' THEN
        SELECT e.id INTO offending FROM scorecard.evidence e JOIN old_rows o ON o.id = e.provision_id LIMIT 1;
    ELSIF TG_TABLE_NAME = 'sources' THEN
        SELECT e.id INTO offending FROM scorecard.evidence e
        WHERE e.source_ids && (SELECT array_agg(o.id) FROM old_rows o) LIMIT 1;
    END IF;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
            MESSAGE = format('cannot delete from %s: evidence %s still refers to a deleted row', TG_TABLE_NAME, offending);
    END IF;
    RETURN NULL;
END
$$;


--
-- Name: FUNCTION check_evidence_still_resolves(); Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON FUNCTION scorecard.check_evidence_still_resolves() IS 'Trigger function: raises foreign_key_violation when a deleted actor, evidence type, provision or source is still referred to by evidence.';


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: commitments; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.commitments (
    id text NOT NULL,
    actor_id text NOT NULL,
    instrument_id text NOT NULL,
    kind text NOT NULL,
    committed_on date NOT NULL,
    committed_precision scorecard.date_precision NOT NULL,
    withdrawn_on date,
    withdrawn_precision scorecard.date_precision,
    source_id text NOT NULL,
    note text,
    first_batch_id bigint NOT NULL,
    changed_batch_id bigint NOT NULL,
    CONSTRAINT commitments_check CHECK (((withdrawn_on IS NULL) OR (withdrawn_on >= committed_on))),
    CONSTRAINT commitments_kind_check CHECK ((kind = ANY (ARRAY['endorsed'::text, 'signed'::text, 'joined'::text, 'ratified'::text, 'adopted'::text])))
);


--
-- Name: TABLE commitments; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.commitments IS 'An actor endorsed, signed, joined, ratified or adopted an instrument on a date, and may have withdrawn. Grain: one commitment. In force on D when committed_on <= D and (withdrawn_on IS NULL OR withdrawn_on > D).';


--
-- Name: COLUMN commitments.id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments.id IS 'The commitment''s id, chosen by the monitor.';


--
-- Name: COLUMN commitments.actor_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments.actor_id IS 'The actor that committed (scorecard.actors.id).';


--
-- Name: COLUMN commitments.instrument_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments.instrument_id IS 'The instrument committed to (scorecard.instruments.id).';


--
-- Name: COLUMN commitments.kind; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments.kind IS 'endorsed, signed, joined, ratified, or adopted (the actor issued the instrument itself, e.g. a law or an executive order).';


--
-- Name: COLUMN commitments.committed_on; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments.committed_on IS 'First day of the period in which the actor committed; see committed_precision.';


--
-- Name: COLUMN commitments.committed_precision; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments.committed_precision IS 'Precision of committed_on (the date of the commitment): day, month or year.';


--
-- Name: COLUMN commitments.withdrawn_on; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments.withdrawn_on IS 'First day of the period in which the actor withdrew, on or after committed_on; NULL while not withdrawn; see withdrawn_precision.';


--
-- Name: COLUMN commitments.withdrawn_precision; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments.withdrawn_precision IS 'Precision of withdrawn_on (the date of withdrawal): day, month or year; NULL when withdrawn_on is.';


--
-- Name: COLUMN commitments.source_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments.source_id IS 'The source of the commitment (scorecard.sources.id).';


--
-- Name: COLUMN commitments.note; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments.note IS 'The monitor''s free-text note; optional.';


--
-- Name: COLUMN commitments.first_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments.first_batch_id IS 'The load_batches.id that first loaded the row.';


--
-- Name: COLUMN commitments.changed_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments.changed_batch_id IS 'The load_batches.id that last changed it.';


--
-- Name: commitments_in_force(date); Type: FUNCTION; Schema: scorecard; Owner: -
--

CREATE FUNCTION scorecard.commitments_in_force(on_date date) RETURNS SETOF scorecard.commitments
    LANGUAGE sql STABLE
    AS $$
        SELECT c.* FROM scorecard.commitments c
        WHERE c.committed_on <= on_date AND (c.withdrawn_on IS NULL OR c.withdrawn_on > on_date)
    $$;


--
-- Name: FUNCTION commitments_in_force(on_date date); Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON FUNCTION scorecard.commitments_in_force(on_date date) IS 'Who had committed to what on a date: commitments made on or before it and not withdrawn by then.';


--
-- Name: evidence_is_public(text); Type: FUNCTION; Schema: scorecard; Owner: -
--

CREATE FUNCTION scorecard.evidence_is_public(evidence_id text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
        SELECT coalesce(
            (SELECT e.sensitivity = 'public' FROM scorecard.evidence e WHERE e.id = evidence_id),
            (SELECT h.previous ->> 'sensitivity' = 'public' FROM scorecard.record_history h
             WHERE h.table_name = 'evidence' AND h.record_key = evidence_id
             ORDER BY h.batch_id DESC LIMIT 1),
            false)
    $$;


--
-- Name: FUNCTION evidence_is_public(evidence_id text); Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON FUNCTION scorecard.evidence_is_public(evidence_id text) IS 'True when the evidence record is public as it stands now (its current row, or the last version of a record that left the dataset); false when restricted or unknown. Used by the row-level security policies.';


--
-- Name: grant_reader(text, text, boolean); Type: FUNCTION; Schema: scorecard; Owner: -
--

CREATE FUNCTION scorecard.grant_reader(role_name text, password_verifier text, restricted boolean) RETURNS text
    LANGUAGE plpgsql
    AS $_$
DECLARE
    group_name text;
    reader_role pg_catalog.pg_roles%ROWTYPE;
    table_owner oid;
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
        SELECT c.relowner INTO table_owner FROM pg_catalog.pg_class c WHERE c.oid = 'scorecard.evidence'::regclass;
        IF reader_role.rolsuper OR reader_role.rolbypassrls THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_grant_operation',
                MESSAGE = format('role %s is a superuser or bypasses row-level security, so it would see restricted evidence; choose another role', role_name);
        END IF;
        IF pg_catalog.pg_has_role(reader_role.oid, table_owner, 'MEMBER') THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_grant_operation',
                MESSAGE = format('role %s owns the scorecard tables (or is a member of their owner), so row-level security does not apply to it; choose another role', role_name);
        END IF;
        EXECUTE format('ALTER ROLE %I LOGIN', role_name);
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
$_$;


--
-- Name: FUNCTION grant_reader(role_name text, password_verifier text, restricted boolean); Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON FUNCTION scorecard.grant_reader(role_name text, password_verifier text, restricted boolean) IS 'Creates or updates the login role role_name as a read-only analyst (member of scorecard_reader), with the SCRAM-SHA-256 password verifier given (NULL keeps the password it has, or none); restricted = true also makes it a member of scorecard_restricted_reader, false revokes that. Creates the group roles when missing. Returns created or updated. Used by scorecard grant-reader.';


--
-- Name: grant_reader_privileges(); Type: FUNCTION; Schema: scorecard; Owner: -
--

CREATE FUNCTION scorecard.grant_reader_privileges() RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'scorecard_reader') THEN
        GRANT USAGE ON SCHEMA scorecard TO scorecard_reader;
        GRANT SELECT ON ALL TABLES IN SCHEMA scorecard TO scorecard_reader;
    END IF;
END
$$;


--
-- Name: FUNCTION grant_reader_privileges(); Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON FUNCTION scorecard.grant_reader_privileges() IS 'Grants the group role scorecard_reader, if it exists, USAGE on schema scorecard and SELECT on every table and view in it (row-level security still hides restricted rows). Called by scorecard.grant_reader and by migrations that add objects.';


--
-- Name: is_direct_member(text, text); Type: FUNCTION; Schema: scorecard; Owner: -
--

CREATE FUNCTION scorecard.is_direct_member(member_name text, group_name text) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
        SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m
                       JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                       JOIN pg_catalog.pg_roles r ON r.oid = m.member
                       WHERE g.rolname = group_name AND r.rolname = member_name)
    $$;


--
-- Name: FUNCTION is_direct_member(member_name text, group_name text); Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON FUNCTION scorecard.is_direct_member(member_name text, group_name text) IS 'True when member_name was granted group_name directly (not through another role).';


--
-- Name: last_day(date, scorecard.date_precision); Type: FUNCTION; Schema: scorecard; Owner: -
--

CREATE FUNCTION scorecard.last_day(first_day date, known_to scorecard.date_precision) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT CASE known_to
            WHEN 'day' THEN first_day
            WHEN 'month' THEN (first_day + interval '1 month' - interval '1 day')::date
            ELSE (first_day + interval '1 year' - interval '1 day')::date
        END
    $$;


--
-- Name: FUNCTION last_day(first_day date, known_to scorecard.date_precision); Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON FUNCTION scorecard.last_day(first_day date, known_to scorecard.date_precision) IS 'The last day of a partial date''s interval: last_day(''2024-03-01'', ''month'') = 2024-03-31.';


--
-- Name: reads_restricted_evidence(); Type: FUNCTION; Schema: scorecard; Owner: -
--

CREATE FUNCTION scorecard.reads_restricted_evidence() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
        SELECT coalesce((SELECT pg_catalog.pg_has_role(r.oid, 'USAGE') FROM pg_catalog.pg_roles r
                         WHERE r.rolname = 'scorecard_restricted_reader'), false)
    $$;


--
-- Name: FUNCTION reads_restricted_evidence(); Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON FUNCTION scorecard.reads_restricted_evidence() IS 'True when the current role may see restricted evidence: it has the privileges of the group role scorecard_restricted_reader (or is a superuser). Used by the row-level security policies.';


--
-- Name: refuse_changing_score_runs(); Type: FUNCTION; Schema: scorecard; Owner: -
--

CREATE FUNCTION scorecard.refuse_changing_score_runs() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION USING
        ERRCODE = 'restrict_violation',
        MESSAGE = format('%s on scorecard.%s is refused: published score runs, their results and the methodology versions they used are immutable', TG_OP, TG_TABLE_NAME),
        HINT = 'A published run is never changed or removed. Correct the dataset, load it and score again: the new run stands beside the old one, and what changes for past periods is recorded in scorecard.restatements.';
END
$$;


--
-- Name: FUNCTION refuse_changing_score_runs(); Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON FUNCTION scorecard.refuse_changing_score_runs() IS 'Trigger function: raises restrict_violation on any UPDATE, DELETE or TRUNCATE of score runs, their results and the methodology versions they name, which are immutable once written.';


--
-- Name: actor_aliases; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.actor_aliases (
    actor_id text NOT NULL,
    alias text NOT NULL,
    alias_kind text NOT NULL,
    valid_from date,
    valid_from_precision scorecard.date_precision,
    valid_to date,
    valid_to_precision scorecard.date_precision,
    source_id text,
    first_batch_id bigint NOT NULL,
    changed_batch_id bigint NOT NULL,
    CONSTRAINT actor_aliases_alias_kind_check CHECK ((alias_kind = ANY (ARRAY['alias'::text, 'former_name'::text, 'brand'::text])))
);


--
-- Name: TABLE actor_aliases; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.actor_aliases IS 'Other names an actor is or was known by (vendors rebrand to escape scrutiny). Grain: one actor and one name.';


--
-- Name: COLUMN actor_aliases.actor_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_aliases.actor_id IS 'The actor known by the name (scorecard.actors.id).';


--
-- Name: COLUMN actor_aliases.alias; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_aliases.alias IS 'The other name, exactly as written.';


--
-- Name: COLUMN actor_aliases.alias_kind; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_aliases.alias_kind IS 'alias, former_name or brand.';


--
-- Name: COLUMN actor_aliases.valid_from; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_aliases.valid_from IS 'First day of the period from which the name was used; NULL when unknown; see valid_from_precision.';


--
-- Name: COLUMN actor_aliases.valid_from_precision; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_aliases.valid_from_precision IS 'Precision of valid_from (the date the name came into use): day, month or year; NULL when valid_from is.';


--
-- Name: COLUMN actor_aliases.valid_to; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_aliases.valid_to IS 'First day of the period until which the name was used; NULL when still used or unknown; see valid_to_precision.';


--
-- Name: COLUMN actor_aliases.valid_to_precision; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_aliases.valid_to_precision IS 'Precision of valid_to (the date the name went out of use): day, month or year; NULL when valid_to is.';


--
-- Name: COLUMN actor_aliases.source_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_aliases.source_id IS 'The source for the name (scorecard.sources.id); optional.';


--
-- Name: COLUMN actor_aliases.first_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_aliases.first_batch_id IS 'The load_batches.id that first loaded the row.';


--
-- Name: COLUMN actor_aliases.changed_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_aliases.changed_batch_id IS 'The load_batches.id that last changed it.';


--
-- Name: actor_relations; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.actor_relations (
    actor_id text NOT NULL,
    relation text NOT NULL,
    related_actor_id text NOT NULL,
    valid_from date,
    valid_from_precision scorecard.date_precision,
    valid_to date,
    valid_to_precision scorecard.date_precision,
    source_id text,
    first_batch_id bigint NOT NULL,
    changed_batch_id bigint NOT NULL,
    CONSTRAINT actor_relations_relation_check CHECK ((relation = ANY (ARRAY['parent_of'::text, 'subsidiary_of'::text, 'investor_in'::text, 'successor_of'::text])))
);


--
-- Name: TABLE actor_relations; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.actor_relations IS 'Relations between actors, read as "actor_id relation related_actor_id" (parent_of, subsidiary_of, investor_in, successor_of). Grain: one relation.';


--
-- Name: COLUMN actor_relations.actor_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_relations.actor_id IS 'The subject of the relation (scorecard.actors.id).';


--
-- Name: COLUMN actor_relations.relation; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_relations.relation IS 'parent_of, subsidiary_of, investor_in or successor_of, read as "actor_id relation related_actor_id".';


--
-- Name: COLUMN actor_relations.related_actor_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_relations.related_actor_id IS 'The object of the relation (scorecard.actors.id).';


--
-- Name: COLUMN actor_relations.valid_from; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_relations.valid_from IS 'First day of the period from which the relation held; NULL when unknown; see valid_from_precision.';


--
-- Name: COLUMN actor_relations.valid_from_precision; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_relations.valid_from_precision IS 'Precision of valid_from (the date the relation began): day, month or year; NULL when valid_from is.';


--
-- Name: COLUMN actor_relations.valid_to; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_relations.valid_to IS 'First day of the period until which the relation held; NULL when it still holds or is unknown; see valid_to_precision.';


--
-- Name: COLUMN actor_relations.valid_to_precision; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_relations.valid_to_precision IS 'Precision of valid_to (the date the relation ended): day, month or year; NULL when valid_to is.';


--
-- Name: COLUMN actor_relations.source_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_relations.source_id IS 'The source for the relation (scorecard.sources.id); optional.';


--
-- Name: COLUMN actor_relations.first_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_relations.first_batch_id IS 'The load_batches.id that first loaded the row.';


--
-- Name: COLUMN actor_relations.changed_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_relations.changed_batch_id IS 'The load_batches.id that last changed it.';


--
-- Name: actor_scores; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.actor_scores (
    run_id bigint NOT NULL,
    actor_id text NOT NULL,
    actor_kind text NOT NULL,
    positive numeric(7,3),
    negative numeric(7,3),
    combined numeric(7,3),
    grade text,
    rank_in_kind integer,
    evidence_count integer NOT NULL,
    previous_run_id bigint,
    previous_combined numeric(7,3),
    change numeric(7,3)
);


--
-- Name: TABLE actor_scores; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.actor_scores IS 'Each actor''s positive, negative and combined scores, grade and rank in a run. Grain: run × actor.';


--
-- Name: COLUMN actor_scores.run_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_scores.run_id IS 'The score run (scorecard.score_runs.id).';


--
-- Name: COLUMN actor_scores.actor_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_scores.actor_id IS 'The actor scored (scorecard.actors.id).';


--
-- Name: COLUMN actor_scores.actor_kind; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_scores.actor_kind IS 'The actor''s kind (state, vendor, organisation or investor), within which it is ranked.';


--
-- Name: COLUMN actor_scores.positive; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_scores.positive IS 'Positive accountability (commitments kept, responsible conduct, consequences imposed), 0–100; NULL when nothing positive was scored.';


--
-- Name: COLUMN actor_scores.negative; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_scores.negative IS 'Negative accountability (documented misuse, evasion, consequences received, promises broken), 0–100; NULL when nothing negative was scored.';


--
-- Name: COLUMN actor_scores.combined; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_scores.combined IS '(100 + positive − negative) / 2, a missing face taken as 0; NULL when neither face was scored.';


--
-- Name: COLUMN actor_scores.grade; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_scores.grade IS 'Grade band of the combined score; NULL with insufficient evidence.';


--
-- Name: COLUMN actor_scores.rank_in_kind; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_scores.rank_in_kind IS 'Rank by combined score among actors of the same kind, 1 = highest; equal scores share a rank.';


--
-- Name: COLUMN actor_scores.evidence_count; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_scores.evidence_count IS 'Evidence records behind the actor''s scored evidence and breach indicators.';


--
-- Name: COLUMN actor_scores.previous_run_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_scores.previous_run_id IS 'The as-published run of the previous period under the same methodology version.';


--
-- Name: COLUMN actor_scores.previous_combined; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_scores.previous_combined IS 'The combined score in previous_run_id; NULL when there is none.';


--
-- Name: COLUMN actor_scores.change; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actor_scores.change IS 'combined minus previous_combined.';


--
-- Name: actors; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.actors (
    id text NOT NULL,
    kind text NOT NULL,
    name text NOT NULL,
    iso_code text,
    country text,
    description text,
    url text,
    first_batch_id bigint NOT NULL,
    changed_batch_id bigint NOT NULL,
    CONSTRAINT actors_check CHECK (((kind <> 'state'::text) OR (iso_code IS NOT NULL))),
    CONSTRAINT actors_country_check CHECK ((country ~ '^[A-Z]{2,3}$'::text)),
    CONSTRAINT actors_iso_code_check CHECK ((iso_code ~ '^[A-Z]{2,3}$'::text)),
    CONSTRAINT actors_kind_check CHECK ((kind = ANY (ARRAY['state'::text, 'vendor'::text, 'organisation'::text, 'investor'::text])))
);


--
-- Name: TABLE actors; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.actors IS 'States, vendors, organisations and investors whose conduct is tracked. Grain: one actor.';


--
-- Name: COLUMN actors.id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actors.id IS 'The actor''s id, chosen by the monitor and stable over time, e.g. gb or nso-group.';


--
-- Name: COLUMN actors.kind; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actors.kind IS 'state, vendor, organisation or investor.';


--
-- Name: COLUMN actors.name; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actors.name IS 'The name the monitor publishes under.';


--
-- Name: COLUMN actors.iso_code; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actors.iso_code IS 'ISO 3166-1 alpha-2 or alpha-3 code, upper case; required for states.';


--
-- Name: COLUMN actors.country; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actors.country IS 'Headquarters of a vendor or investor, as an ISO 3166-1 alpha-2 or alpha-3 code.';


--
-- Name: COLUMN actors.description; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actors.description IS 'Free-text description; optional.';


--
-- Name: COLUMN actors.url; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actors.url IS 'The actor''s website, an absolute http or https URL.';


--
-- Name: COLUMN actors.first_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actors.first_batch_id IS 'The load_batches.id that first loaded the row.';


--
-- Name: COLUMN actors.changed_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.actors.changed_batch_id IS 'The load_batches.id that last changed it.';


--
-- Name: evidence; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.evidence (
    id text NOT NULL,
    actor_id text NOT NULL,
    evidence_type text NOT NULL,
    occurred_on date NOT NULL,
    occurred_precision scorecard.date_precision NOT NULL,
    published_on date NOT NULL,
    published_precision scorecard.date_precision NOT NULL,
    counterpart_id text,
    provision_id text,
    severity smallint NOT NULL,
    certainty text NOT NULL,
    sensitivity text NOT NULL,
    summary text NOT NULL,
    source_ids text[] NOT NULL,
    first_batch_id bigint NOT NULL,
    changed_batch_id bigint NOT NULL,
    CONSTRAINT evidence_certainty_check CHECK ((certainty = ANY (ARRAY['confirmed'::text, 'attributed'::text, 'reported'::text]))),
    CONSTRAINT evidence_sensitivity_check CHECK ((sensitivity = ANY (ARRAY['public'::text, 'restricted'::text]))),
    CONSTRAINT evidence_severity_check CHECK (((severity >= 1) AND (severity <= 5))),
    CONSTRAINT evidence_source_ids_check CHECK ((cardinality(source_ids) >= 1))
);


--
-- Name: TABLE evidence; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.evidence IS 'Dated records of conduct: an actor did something (occurred_on), it became public (published_on), with sources, certainty and sensitivity. Grain: one record. Restricted rows are hidden from reader roles. Its references (actor_id, counterpart_id, evidence_type, provision_id and every element of source_ids) are enforced by statement-level triggers, set-based, rather than FOREIGN KEY constraints, whose row-by-row checks would make a million-row load several times slower.';


--
-- Name: COLUMN evidence.id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence.id IS 'The record''s id, chosen by the monitor.';


--
-- Name: COLUMN evidence.actor_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence.actor_id IS 'Who acted (scorecard.actors.id): who imposed the sanction, who sold, who used.';


--
-- Name: COLUMN evidence.evidence_type; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence.evidence_type IS 'The kind of conduct (scorecard.evidence_types.id).';


--
-- Name: COLUMN evidence.occurred_on; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence.occurred_on IS 'First day of the period in which the conduct took place; see occurred_precision.';


--
-- Name: COLUMN evidence.occurred_precision; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence.occurred_precision IS 'Precision of occurred_on (the date of the conduct): day, month or year.';


--
-- Name: COLUMN evidence.published_on; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence.published_on IS 'First day of the period in which it became public; scores of a period use only evidence published by its end.';


--
-- Name: COLUMN evidence.published_precision; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence.published_precision IS 'Precision of published_on (the date the conduct became public): day, month or year.';


--
-- Name: COLUMN evidence.counterpart_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence.counterpart_id IS 'The other actor: the vendor sanctioned or bought from, the state supplied.';


--
-- Name: COLUMN evidence.provision_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence.provision_id IS 'The provision the conduct concerns (scorecard.provisions.id); optional.';


--
-- Name: COLUMN evidence.severity; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence.severity IS 'Severity from 1 (minor) to 5 (grave).';


--
-- Name: COLUMN evidence.certainty; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence.certainty IS 'confirmed (official act or consistent multi-source reporting), attributed (researchers attribute it; hedging kept in summary), reported (single secondary source).';


--
-- Name: COLUMN evidence.sensitivity; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence.sensitivity IS 'public, or restricted (e.g. a victim''s identity): restricted evidence never reaches a public report or an unprivileged analyst.';


--
-- Name: COLUMN evidence.summary; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence.summary IS 'Neutral one-sentence paraphrase, keeping the sources'' hedging.';


--
-- Name: COLUMN evidence.source_ids; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence.source_ids IS 'The sources (scorecard.sources ids), in the order the dataset lists them; one row each in the view evidence_sources.';


--
-- Name: COLUMN evidence.first_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence.first_batch_id IS 'The load_batches.id that first loaded the row.';


--
-- Name: COLUMN evidence.changed_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence.changed_batch_id IS 'The load_batches.id that last changed it.';


--
-- Name: indicator_contributions; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.indicator_contributions (
    run_id bigint NOT NULL,
    actor_id text NOT NULL,
    indicator_code text NOT NULL,
    evidence_id text,
    commitment_id text,
    weight numeric(12,6) NOT NULL,
    contribution numeric(7,3) NOT NULL,
    CONSTRAINT indicator_contributions_check CHECK (((evidence_id IS NULL) <> (commitment_id IS NULL)))
);


--
-- Name: TABLE indicator_contributions; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.indicator_contributions IS 'What each evidence record or commitment contributed to an indicator value. Grain: run × actor × indicator × evidence record (or commitment). Contributions of one value add up to it. (run_id, actor_id, indicator_code) always names a row of indicator_values, written in the same transaction; it carries no FOREIGN KEY because a row-by-row check would double the time of a million-record run.';


--
-- Name: COLUMN indicator_contributions.run_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_contributions.run_id IS 'The score run (scorecard.score_runs.id).';


--
-- Name: COLUMN indicator_contributions.actor_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_contributions.actor_id IS 'The actor scored (scorecard.actors.id).';


--
-- Name: COLUMN indicator_contributions.indicator_code; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_contributions.indicator_code IS 'The indicator''s code in the methodology.';


--
-- Name: COLUMN indicator_contributions.evidence_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_contributions.evidence_id IS 'The contributing evidence record (scorecard.evidence.id); NULL for a commitment.';


--
-- Name: COLUMN indicator_contributions.commitment_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_contributions.commitment_id IS 'The contributing commitment (scorecard.commitments.id); NULL for an evidence record.';


--
-- Name: COLUMN indicator_contributions.weight; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_contributions.weight IS 'The record''s weight: severity × certainty × reliability × decay (evidence), or the instrument''s weight (commitments).';


--
-- Name: COLUMN indicator_contributions.contribution; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_contributions.contribution IS 'Its share of the indicator value, in points.';


--
-- Name: indicator_values; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.indicator_values (
    run_id bigint NOT NULL,
    actor_id text NOT NULL,
    indicator_code text NOT NULL,
    pillar text NOT NULL,
    polarity text NOT NULL,
    kind text NOT NULL,
    state text NOT NULL,
    value numeric(7,3),
    evidence_count integer NOT NULL,
    CONSTRAINT indicator_values_check CHECK (((state = 'scored'::text) = (value IS NOT NULL))),
    CONSTRAINT indicator_values_kind_check CHECK ((kind = ANY (ARRAY['commitment'::text, 'evidence'::text, 'breach'::text]))),
    CONSTRAINT indicator_values_polarity_check CHECK ((polarity = ANY (ARRAY['positive'::text, 'negative'::text]))),
    CONSTRAINT indicator_values_state_check CHECK ((state = ANY (ARRAY['scored'::text, 'no evidence'::text, 'not applicable'::text]))),
    CONSTRAINT indicator_values_value_check CHECK (((value >= (0)::numeric) AND (value <= (100)::numeric)))
);


--
-- Name: TABLE indicator_values; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.indicator_values IS 'Each indicator''s value for each actor in a run. Grain: run × actor × indicator. value is NULL unless state = scored: no evidence is never a zero.';


--
-- Name: COLUMN indicator_values.run_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_values.run_id IS 'The score run (scorecard.score_runs.id).';


--
-- Name: COLUMN indicator_values.actor_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_values.actor_id IS 'The actor scored (scorecard.actors.id).';


--
-- Name: COLUMN indicator_values.indicator_code; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_values.indicator_code IS 'The indicator''s code in the methodology, e.g. S-C1.';


--
-- Name: COLUMN indicator_values.pillar; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_values.pillar IS 'The pillar the indicator belongs to (a pillar id of the methodology).';


--
-- Name: COLUMN indicator_values.polarity; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_values.polarity IS 'positive or negative: the face of accountability the indicator counts towards.';


--
-- Name: COLUMN indicator_values.kind; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_values.kind IS 'commitment (commitments in force), evidence (weighted, decayed evidence) or breach (conduct after a commitment against it).';


--
-- Name: COLUMN indicator_values.state; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_values.state IS 'scored; no evidence (nothing on record, not the same as good conduct); not applicable (the indicator does not concern this actor).';


--
-- Name: COLUMN indicator_values.value; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_values.value IS '0 to 100.';


--
-- Name: COLUMN indicator_values.evidence_count; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_values.evidence_count IS 'Evidence records (or, for commitment indicators, commitments in force) behind the value.';


--
-- Name: methodologies; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.methodologies (
    id text NOT NULL,
    version text NOT NULL,
    sha256 text NOT NULL,
    title text NOT NULL,
    source_text text NOT NULL,
    definition jsonb NOT NULL,
    stored_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT methodologies_sha256_check CHECK ((sha256 ~ '^[0-9a-f]{64}$'::text))
);


--
-- Name: TABLE methodologies; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.methodologies IS 'Every methodology version ever used to score, with its file verbatim. Grain: one methodology version. A version''s content never changes.';


--
-- Name: COLUMN methodologies.id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.methodologies.id IS 'The methodology''s id (from its file).';


--
-- Name: COLUMN methodologies.version; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.methodologies.version IS 'The methodology''s version (from its file).';


--
-- Name: COLUMN methodologies.sha256; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.methodologies.sha256 IS 'SHA-256 of the file as stored.';


--
-- Name: COLUMN methodologies.title; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.methodologies.title IS 'The methodology''s title.';


--
-- Name: COLUMN methodologies.source_text; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.methodologies.source_text IS 'The YAML file, verbatim.';


--
-- Name: COLUMN methodologies.definition; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.methodologies.definition IS 'The parsed methodology as JSON (pillars, weights, grades, indicators).';


--
-- Name: COLUMN methodologies.stored_at; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.methodologies.stored_at IS 'When this version was first used.';


--
-- Name: methodology_indicators; Type: VIEW; Schema: scorecard; Owner: -
--

CREATE VIEW scorecard.methodology_indicators WITH (security_invoker='true') AS
 SELECT m.id AS methodology_id,
    m.version AS methodology_version,
    (i.ordinality)::integer AS "position",
    (i.indicator ->> 'code'::text) AS indicator_code,
    (i.indicator ->> 'name'::text) AS indicator_name,
    (i.indicator ->> 'description'::text) AS description,
    (i.indicator ->> 'pillar'::text) AS pillar,
    (i.indicator ->> 'polarity'::text) AS polarity,
    (i.indicator ->> 'kind'::text) AS indicator_kind,
    ((i.indicator ->> 'weight'::text))::double precision AS weight,
    ARRAY( SELECT jsonb_array_elements_text((i.indicator -> 'appliesTo'::text)) AS jsonb_array_elements_text) AS applies_to,
    ARRAY( SELECT jsonb_array_elements_text((i.indicator -> 'evidenceTypes'::text)) AS jsonb_array_elements_text) AS evidence_types,
    (i.indicator ->> 'role'::text) AS role,
    (i.indicator -> 'instruments'::text) AS instruments
   FROM (scorecard.methodologies m
     CROSS JOIN LATERAL jsonb_array_elements((m.definition -> 'indicators'::text)) WITH ORDINALITY i(indicator, ordinality));


--
-- Name: VIEW methodology_indicators; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON VIEW scorecard.methodology_indicators IS 'The indicators of every methodology version used, from its stored definition. Grain: methodology version × indicator.';


--
-- Name: COLUMN methodology_indicators.methodology_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.methodology_indicators.methodology_id IS 'The methodology (scorecard.methodologies.id).';


--
-- Name: COLUMN methodology_indicators.methodology_version; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.methodology_indicators.methodology_version IS 'The methodology version (scorecard.methodologies.version).';


--
-- Name: COLUMN methodology_indicators."position"; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.methodology_indicators."position" IS 'The indicator''s position in the methodology file, from 1.';


--
-- Name: COLUMN methodology_indicators.indicator_code; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.methodology_indicators.indicator_code IS 'The indicator''s code, e.g. S-C1 (indicator_values.indicator_code).';


--
-- Name: COLUMN methodology_indicators.indicator_name; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.methodology_indicators.indicator_name IS 'The indicator''s display name.';


--
-- Name: COLUMN methodology_indicators.description; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.methodology_indicators.description IS 'What the indicator measures.';


--
-- Name: COLUMN methodology_indicators.pillar; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.methodology_indicators.pillar IS 'The pillar it belongs to (a pillar id of the methodology).';


--
-- Name: COLUMN methodology_indicators.polarity; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.methodology_indicators.polarity IS 'positive or negative.';


--
-- Name: COLUMN methodology_indicators.indicator_kind; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.methodology_indicators.indicator_kind IS 'commitment, evidence or breach.';


--
-- Name: COLUMN methodology_indicators.weight; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.methodology_indicators.weight IS 'Its weight within its pillar and polarity.';


--
-- Name: COLUMN methodology_indicators.applies_to; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.methodology_indicators.applies_to IS 'The actor kinds it applies to.';


--
-- Name: COLUMN methodology_indicators.evidence_types; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.methodology_indicators.evidence_types IS 'evidence and breach indicators: the evidence types that count; empty for commitment indicators.';


--
-- Name: COLUMN methodology_indicators.role; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.methodology_indicators.role IS 'evidence and breach indicators: whose conduct counts, the evidence''s actor or its counterpart.';


--
-- Name: COLUMN methodology_indicators.instruments; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.methodology_indicators.instruments IS 'commitment indicators: instrument id → weight; breach indicators: the instruments whose promises count; as JSON.';


--
-- Name: score_runs; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.score_runs (
    id bigint NOT NULL,
    methodology_id text NOT NULL,
    methodology_version text NOT NULL,
    methodology_sha256 text NOT NULL,
    period text NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    basis text NOT NULL,
    knowledge_cutoff date NOT NULL,
    load_batch_id bigint NOT NULL,
    dataset_sha256 text NOT NULL,
    engine_sha256 text NOT NULL,
    inputs_sha256 text NOT NULL,
    provisional boolean NOT NULL,
    computed_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT score_runs_basis_check CHECK ((basis = ANY (ARRAY['as_published'::text, 'restated'::text]))),
    CONSTRAINT score_runs_engine_sha256_check CHECK ((engine_sha256 ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT score_runs_inputs_sha256_check CHECK ((inputs_sha256 ~ '^[0-9a-f]{64}$'::text))
);


--
-- Name: TABLE score_runs; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.score_runs IS 'One computation of every actor''s scores for a period under one methodology version and one load batch. Grain: one run. Equal inputs give an equal inputs_sha256, so a run is never computed twice.';


--
-- Name: COLUMN score_runs.id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.score_runs.id IS 'Run number, increasing.';


--
-- Name: COLUMN score_runs.methodology_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.score_runs.methodology_id IS 'The methodology used (scorecard.methodologies.id).';


--
-- Name: COLUMN score_runs.methodology_version; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.score_runs.methodology_version IS 'The methodology version used (scorecard.methodologies.version).';


--
-- Name: COLUMN score_runs.methodology_sha256; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.score_runs.methodology_sha256 IS 'SHA-256 of the methodology file used (scorecard.methodologies.sha256).';


--
-- Name: COLUMN score_runs.period; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.score_runs.period IS 'The period scored: 2025-Q2 (quarter) or 2025 (year).';


--
-- Name: COLUMN score_runs.period_start; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.score_runs.period_start IS 'First day of the period.';


--
-- Name: COLUMN score_runs.period_end; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.score_runs.period_end IS 'Last day of the period.';


--
-- Name: COLUMN score_runs.basis; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.score_runs.basis IS 'as_published: only what was published by the end of the period (the published score); restated: everything known to the dataset, to find restatements.';


--
-- Name: COLUMN score_runs.knowledge_cutoff; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.score_runs.knowledge_cutoff IS 'Evidence and commitments published after this date were not used.';


--
-- Name: COLUMN score_runs.load_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.score_runs.load_batch_id IS 'The latest load batch when the run was computed (scorecard.load_batches.id).';


--
-- Name: COLUMN score_runs.dataset_sha256; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.score_runs.dataset_sha256 IS 'Digest of the dataset of that load batch.';


--
-- Name: COLUMN score_runs.engine_sha256; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.score_runs.engine_sha256 IS 'SHA-256 of the scoring queries (Schemas/queries/) that computed the run: a changed engine never reuses an old run.';


--
-- Name: COLUMN score_runs.inputs_sha256; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.score_runs.inputs_sha256 IS 'SHA-256 over the methodology digest, engine digest, period, basis, cutoff and dataset digest.';


--
-- Name: COLUMN score_runs.provisional; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.score_runs.provisional IS 'True when the period had not ended on the date of the data (later evidence may still count).';


--
-- Name: COLUMN score_runs.computed_at; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.score_runs.computed_at IS 'When the run was computed (the only wall-clock time a report shows).';


--
-- Name: sources; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.sources (
    id text NOT NULL,
    url text NOT NULL,
    publisher text NOT NULL,
    title text,
    published_on date,
    published_precision scorecard.date_precision,
    reliability character(1) NOT NULL,
    archive_url text,
    quote text,
    first_batch_id bigint NOT NULL,
    changed_batch_id bigint NOT NULL,
    CONSTRAINT sources_check CHECK (((published_on IS NULL) = (published_precision IS NULL))),
    CONSTRAINT sources_reliability_check CHECK ((reliability = ANY (ARRAY['A'::bpchar, 'B'::bpchar, 'C'::bpchar, 'D'::bpchar, 'E'::bpchar, 'F'::bpchar])))
);


--
-- Name: TABLE sources; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.sources IS 'Published sources of facts, with an Admiralty-style reliability grade A (completely reliable) to F (cannot be judged). Grain: one source.';


--
-- Name: COLUMN sources.id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.sources.id IS 'The source''s id, chosen by the monitor.';


--
-- Name: COLUMN sources.url; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.sources.url IS 'Where the source is published, an absolute http or https URL.';


--
-- Name: COLUMN sources.publisher; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.sources.publisher IS 'Who published the source.';


--
-- Name: COLUMN sources.title; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.sources.title IS 'The source''s title; optional.';


--
-- Name: COLUMN sources.published_on; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.sources.published_on IS 'First day of the period in which the source was published; NULL when unknown; see published_precision.';


--
-- Name: COLUMN sources.published_precision; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.sources.published_precision IS 'Precision of published_on (the date the source was published): day, month or year; NULL when published_on is.';


--
-- Name: COLUMN sources.reliability; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.sources.reliability IS 'Admiralty-style reliability grade: A completely reliable, B usually reliable, C fairly reliable, D not usually reliable, E unreliable, F cannot be judged.';


--
-- Name: COLUMN sources.archive_url; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.sources.archive_url IS 'An archived copy of the source, an absolute http or https URL.';


--
-- Name: COLUMN sources.quote; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.sources.quote IS 'A short verbatim quote from the source, for citation.';


--
-- Name: COLUMN sources.first_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.sources.first_batch_id IS 'The load_batches.id that first loaded the row.';


--
-- Name: COLUMN sources.changed_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.sources.changed_batch_id IS 'The load_batches.id that last changed it.';


--
-- Name: indicator_evidence; Type: VIEW; Schema: scorecard; Owner: -
--

CREATE VIEW scorecard.indicator_evidence WITH (security_invoker='true') AS
 SELECT c.run_id,
    r.methodology_id,
    r.methodology_version,
    r.period,
    r.basis,
    c.actor_id,
    a.name AS actor_name,
    a.kind AS actor_kind,
    c.indicator_code,
    mi.indicator_name,
    v.pillar,
    v.polarity,
    v.kind AS indicator_kind,
    v.value AS indicator_value,
        CASE
            WHEN (c.evidence_id IS NOT NULL) THEN 'evidence'::text
            ELSE 'commitment'::text
        END AS contributor_kind,
    c.evidence_id,
    c.commitment_id,
    c.weight,
    c.contribution,
    e.evidence_type,
    e.occurred_on,
    e.occurred_precision,
    e.published_on,
    e.published_precision,
    e.severity,
    e.certainty,
    e.sensitivity,
    e.summary,
    e.counterpart_id,
    cp.name AS counterpart_name,
    k.instrument_id,
    k.committed_on,
    k.withdrawn_on,
    src.source_ids,
    src.source_publishers,
    src.source_urls
   FROM ((((((((scorecard.indicator_contributions c
     JOIN scorecard.score_runs r ON ((r.id = c.run_id)))
     JOIN scorecard.indicator_values v ON (((v.run_id = c.run_id) AND (v.actor_id = c.actor_id) AND (v.indicator_code = c.indicator_code))))
     LEFT JOIN scorecard.methodology_indicators mi ON (((mi.methodology_id = r.methodology_id) AND (mi.methodology_version = r.methodology_version) AND (mi.indicator_code = c.indicator_code))))
     LEFT JOIN scorecard.actors a ON ((a.id = c.actor_id)))
     LEFT JOIN scorecard.evidence e ON ((e.id = c.evidence_id)))
     LEFT JOIN scorecard.actors cp ON ((cp.id = e.counterpart_id)))
     LEFT JOIN scorecard.commitments k ON ((k.id = c.commitment_id)))
     LEFT JOIN LATERAL ( SELECT array_agg(s.id ORDER BY x."position") AS source_ids,
            array_agg(s.publisher ORDER BY x."position") AS source_publishers,
            array_agg(s.url ORDER BY x."position") AS source_urls
           FROM (unnest(COALESCE(e.source_ids, ARRAY[k.source_id])) WITH ORDINALITY x(source_id, "position")
             JOIN scorecard.sources s ON ((s.id = x.source_id)))) src ON (true));


--
-- Name: VIEW indicator_evidence; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON VIEW scorecard.indicator_evidence IS 'Why an indicator has its value: each evidence record or commitment that contributed, with its summary, dates and sources. Grain: run × actor × indicator × contributing record (one row per indicator_contributions row). Contributions of one value add up to it.';


--
-- Name: COLUMN indicator_evidence.run_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.run_id IS 'The score run (scorecard.score_runs.id).';


--
-- Name: COLUMN indicator_evidence.methodology_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.methodology_id IS 'The methodology of the run.';


--
-- Name: COLUMN indicator_evidence.methodology_version; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.methodology_version IS 'The methodology version of the run.';


--
-- Name: COLUMN indicator_evidence.period; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.period IS 'The period of the run, e.g. 2025-Q2.';


--
-- Name: COLUMN indicator_evidence.basis; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.basis IS 'as_published (the published score) or restated (with everything known later).';


--
-- Name: COLUMN indicator_evidence.actor_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.actor_id IS 'The actor scored (scorecard.actors.id).';


--
-- Name: COLUMN indicator_evidence.actor_name; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.actor_name IS 'The actor''s name.';


--
-- Name: COLUMN indicator_evidence.actor_kind; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.actor_kind IS 'The actor''s kind.';


--
-- Name: COLUMN indicator_evidence.indicator_code; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.indicator_code IS 'The indicator''s code in the methodology.';


--
-- Name: COLUMN indicator_evidence.indicator_name; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.indicator_name IS 'The indicator''s display name.';


--
-- Name: COLUMN indicator_evidence.pillar; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.pillar IS 'The pillar the indicator belongs to.';


--
-- Name: COLUMN indicator_evidence.polarity; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.polarity IS 'positive or negative.';


--
-- Name: COLUMN indicator_evidence.indicator_kind; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.indicator_kind IS 'commitment, evidence or breach.';


--
-- Name: COLUMN indicator_evidence.indicator_value; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.indicator_value IS 'The indicator''s value, 0–100.';


--
-- Name: COLUMN indicator_evidence.contributor_kind; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.contributor_kind IS 'evidence (evidence_id is set) or commitment (commitment_id is set).';


--
-- Name: COLUMN indicator_evidence.evidence_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.evidence_id IS 'The contributing evidence record (scorecard.evidence.id); NULL for a commitment.';


--
-- Name: COLUMN indicator_evidence.commitment_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.commitment_id IS 'The contributing commitment (scorecard.commitments.id); NULL for an evidence record.';


--
-- Name: COLUMN indicator_evidence.weight; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.weight IS 'The record''s weight: severity × certainty × reliability × decay (evidence), or the instrument''s weight (commitments).';


--
-- Name: COLUMN indicator_evidence.contribution; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.contribution IS 'Its share of the indicator value, in points.';


--
-- Name: COLUMN indicator_evidence.evidence_type; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.evidence_type IS 'The kind of conduct; NULL for a commitment or a record that has since left the dataset (see record_history).';


--
-- Name: COLUMN indicator_evidence.occurred_on; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.occurred_on IS 'First day of the period in which the conduct took place.';


--
-- Name: COLUMN indicator_evidence.occurred_precision; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.occurred_precision IS 'Precision of occurred_on: day, month or year.';


--
-- Name: COLUMN indicator_evidence.published_on; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.published_on IS 'First day of the period in which it became public.';


--
-- Name: COLUMN indicator_evidence.published_precision; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.published_precision IS 'Precision of published_on: day, month or year.';


--
-- Name: COLUMN indicator_evidence.severity; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.severity IS 'Severity from 1 (minor) to 5 (grave).';


--
-- Name: COLUMN indicator_evidence.certainty; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.certainty IS 'confirmed, attributed or reported.';


--
-- Name: COLUMN indicator_evidence.sensitivity; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.sensitivity IS 'public or restricted.';


--
-- Name: COLUMN indicator_evidence.summary; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.summary IS 'The evidence record''s neutral one-sentence summary.';


--
-- Name: COLUMN indicator_evidence.counterpart_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.counterpart_id IS 'The other actor in the evidence (scorecard.actors.id).';


--
-- Name: COLUMN indicator_evidence.counterpart_name; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.counterpart_name IS 'The counterpart''s name.';


--
-- Name: COLUMN indicator_evidence.instrument_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.instrument_id IS 'For a commitment: the instrument committed to (scorecard.instruments.id).';


--
-- Name: COLUMN indicator_evidence.committed_on; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.committed_on IS 'For a commitment: first day of the period in which the actor committed.';


--
-- Name: COLUMN indicator_evidence.withdrawn_on; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.withdrawn_on IS 'For a commitment: first day of the period in which the actor withdrew; NULL while not withdrawn.';


--
-- Name: COLUMN indicator_evidence.source_ids; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.source_ids IS 'The sources of the evidence record or commitment (scorecard.sources.id), in the dataset''s order.';


--
-- Name: COLUMN indicator_evidence.source_publishers; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.source_publishers IS 'Their publishers, in the same order.';


--
-- Name: COLUMN indicator_evidence.source_urls; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.indicator_evidence.source_urls IS 'Their URLs, in the same order.';


--
-- Name: provisions; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.provisions (
    id text NOT NULL,
    instrument_id text NOT NULL,
    principle_id text NOT NULL,
    reference text,
    text text NOT NULL,
    source_id text,
    first_batch_id bigint NOT NULL,
    changed_batch_id bigint NOT NULL
);


--
-- Name: TABLE provisions; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.provisions IS 'Clauses of instruments, each tagged with the principle it serves. Grain: one clause.';


--
-- Name: COLUMN provisions.id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.provisions.id IS 'The provision''s id, unique across all instruments, e.g. pall-mall-code.oversight.';


--
-- Name: COLUMN provisions.instrument_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.provisions.instrument_id IS 'The instrument the clause belongs to (scorecard.instruments.id).';


--
-- Name: COLUMN provisions.principle_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.provisions.principle_id IS 'The principle the clause serves (scorecard.principles.id).';


--
-- Name: COLUMN provisions.reference; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.provisions.reference IS 'Clause or paragraph number, as the instrument numbers it; optional.';


--
-- Name: COLUMN provisions.text; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.provisions.text IS 'The clause, verbatim or closely paraphrased.';


--
-- Name: COLUMN provisions.source_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.provisions.source_id IS 'Where the clause is quoted (scorecard.sources.id), if not the instrument''s own source.';


--
-- Name: COLUMN provisions.first_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.provisions.first_batch_id IS 'The load_batches.id that first loaded the row.';


--
-- Name: COLUMN provisions.changed_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.provisions.changed_batch_id IS 'The load_batches.id that last changed it.';


--
-- Name: breaches; Type: VIEW; Schema: scorecard; Owner: -
--

CREATE VIEW scorecard.breaches WITH (security_invoker='true') AS
 SELECT ie.run_id,
    ie.methodology_id,
    ie.methodology_version,
    ie.period,
    ie.basis,
    ie.actor_id,
    ie.actor_name,
    ie.actor_kind,
    ie.indicator_code,
    ie.indicator_name,
    ie.pillar,
    ie.indicator_value,
    ie.evidence_id,
    ie.evidence_type,
    ie.occurred_on,
    ie.occurred_precision,
    ie.published_on,
    ie.severity,
    ie.certainty,
    ie.sensitivity,
    ie.summary,
    ie.counterpart_id,
    ie.counterpart_name,
    ARRAY( SELECT k.id
           FROM (((scorecard.commitments k
             JOIN scorecard.score_runs r ON ((r.id = ie.run_id)))
             LEFT JOIN scorecard.evidence e ON ((e.id = ie.evidence_id)))
             LEFT JOIN scorecard.provisions p ON ((p.id = e.provision_id)))
          WHERE ((k.actor_id = ie.actor_id) AND ((mi.instruments ? k.instrument_id) OR (k.instrument_id = p.instrument_id)) AND (scorecard.last_day(k.committed_on, k.committed_precision) < ie.occurred_on) AND (scorecard.last_day(k.committed_on, k.committed_precision) <= r.knowledge_cutoff) AND ((k.withdrawn_on IS NULL) OR (k.withdrawn_on > ie.occurred_on)))
          ORDER BY k.id) AS commitments_breached,
    ie.weight,
    ie.contribution,
    ie.source_ids,
    ie.source_publishers,
    ie.source_urls
   FROM (scorecard.indicator_evidence ie
     LEFT JOIN scorecard.methodology_indicators mi ON (((mi.methodology_id = ie.methodology_id) AND (mi.methodology_version = ie.methodology_version) AND (mi.indicator_code = ie.indicator_code))))
  WHERE (ie.indicator_kind = 'breach'::text);


--
-- Name: VIEW breaches; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON VIEW scorecard.breaches IS 'Promises broken: conduct counted by a breach indicator (negative conduct after the actor had committed to an instrument against it), with the evidence and the commitments it broke. Grain: run × actor × breach indicator × evidence record.';


--
-- Name: COLUMN breaches.run_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.run_id IS 'The score run (scorecard.score_runs.id).';


--
-- Name: COLUMN breaches.methodology_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.methodology_id IS 'The methodology of the run.';


--
-- Name: COLUMN breaches.methodology_version; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.methodology_version IS 'The methodology version of the run.';


--
-- Name: COLUMN breaches.period; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.period IS 'The period of the run.';


--
-- Name: COLUMN breaches.basis; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.basis IS 'as_published or restated.';


--
-- Name: COLUMN breaches.actor_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.actor_id IS 'The actor that broke its promise (scorecard.actors.id).';


--
-- Name: COLUMN breaches.actor_name; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.actor_name IS 'The actor''s name.';


--
-- Name: COLUMN breaches.actor_kind; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.actor_kind IS 'The actor''s kind.';


--
-- Name: COLUMN breaches.indicator_code; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.indicator_code IS 'The breach indicator''s code.';


--
-- Name: COLUMN breaches.indicator_name; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.indicator_name IS 'The breach indicator''s display name.';


--
-- Name: COLUMN breaches.pillar; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.pillar IS 'The pillar of the indicator.';


--
-- Name: COLUMN breaches.indicator_value; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.indicator_value IS 'The breach indicator''s value, 0–100.';


--
-- Name: COLUMN breaches.evidence_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.evidence_id IS 'The conduct (scorecard.evidence.id).';


--
-- Name: COLUMN breaches.evidence_type; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.evidence_type IS 'Its evidence type.';


--
-- Name: COLUMN breaches.occurred_on; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.occurred_on IS 'First day of the period in which the conduct took place.';


--
-- Name: COLUMN breaches.occurred_precision; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.occurred_precision IS 'Precision of occurred_on: day, month or year.';


--
-- Name: COLUMN breaches.published_on; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.published_on IS 'First day of the period in which it became public.';


--
-- Name: COLUMN breaches.severity; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.severity IS 'Severity from 1 (minor) to 5 (grave).';


--
-- Name: COLUMN breaches.certainty; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.certainty IS 'confirmed, attributed or reported.';


--
-- Name: COLUMN breaches.sensitivity; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.sensitivity IS 'public or restricted.';


--
-- Name: COLUMN breaches.summary; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.summary IS 'The evidence record''s summary.';


--
-- Name: COLUMN breaches.counterpart_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.counterpart_id IS 'The other actor in the evidence.';


--
-- Name: COLUMN breaches.counterpart_name; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.counterpart_name IS 'The counterpart''s name.';


--
-- Name: COLUMN breaches.commitments_breached; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.commitments_breached IS 'The actor''s commitments (scorecard.commitments.id) in force when the conduct occurred, to an instrument the indicator names or to the instrument of the provision the conduct concerns.';


--
-- Name: COLUMN breaches.weight; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.weight IS 'The record''s weight: severity × certainty × reliability × decay.';


--
-- Name: COLUMN breaches.contribution; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.contribution IS 'Its share of the indicator value, in points.';


--
-- Name: COLUMN breaches.source_ids; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.source_ids IS 'The evidence''s sources (scorecard.sources.id).';


--
-- Name: COLUMN breaches.source_publishers; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.source_publishers IS 'Their publishers, in the same order.';


--
-- Name: COLUMN breaches.source_urls; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.breaches.source_urls IS 'Their URLs, in the same order.';


--
-- Name: commitments_in_force_today; Type: VIEW; Schema: scorecard; Owner: -
--

CREATE VIEW scorecard.commitments_in_force_today WITH (security_invoker='true') AS
 SELECT c.id,
    c.actor_id,
    c.instrument_id,
    c.kind,
    c.committed_on,
    c.committed_precision,
    c.withdrawn_on,
    c.withdrawn_precision,
    c.source_id,
    c.note,
    c.first_batch_id,
    c.changed_batch_id
   FROM scorecard.commitments c
  WHERE ((c.committed_on <= CURRENT_DATE) AND ((c.withdrawn_on IS NULL) OR (c.withdrawn_on > CURRENT_DATE)));


--
-- Name: VIEW commitments_in_force_today; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON VIEW scorecard.commitments_in_force_today IS 'Commitments in force on the current date. For another date D use scorecard.commitments_in_force(D). Grain: one commitment.';


--
-- Name: COLUMN commitments_in_force_today.id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments_in_force_today.id IS 'The commitment''s id, chosen by the monitor.';


--
-- Name: COLUMN commitments_in_force_today.actor_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments_in_force_today.actor_id IS 'The actor that committed (scorecard.actors.id).';


--
-- Name: COLUMN commitments_in_force_today.instrument_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments_in_force_today.instrument_id IS 'The instrument committed to (scorecard.instruments.id).';


--
-- Name: COLUMN commitments_in_force_today.kind; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments_in_force_today.kind IS 'endorsed, signed, joined, ratified, or adopted (the actor issued the instrument itself, e.g. a law or an executive order).';


--
-- Name: COLUMN commitments_in_force_today.committed_on; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments_in_force_today.committed_on IS 'First day of the period in which the actor committed; see committed_precision.';


--
-- Name: COLUMN commitments_in_force_today.committed_precision; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments_in_force_today.committed_precision IS 'Precision of committed_on (the date of the commitment): day, month or year.';


--
-- Name: COLUMN commitments_in_force_today.withdrawn_on; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments_in_force_today.withdrawn_on IS 'First day of the period in which the actor withdrew, on or after committed_on; NULL while not withdrawn; see withdrawn_precision.';


--
-- Name: COLUMN commitments_in_force_today.withdrawn_precision; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments_in_force_today.withdrawn_precision IS 'Precision of withdrawn_on (the date of withdrawal): day, month or year; NULL when withdrawn_on is.';


--
-- Name: COLUMN commitments_in_force_today.source_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments_in_force_today.source_id IS 'The source of the commitment (scorecard.sources.id).';


--
-- Name: COLUMN commitments_in_force_today.note; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments_in_force_today.note IS 'The monitor''s free-text note; optional.';


--
-- Name: COLUMN commitments_in_force_today.first_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments_in_force_today.first_batch_id IS 'The load_batches.id that first loaded the row.';


--
-- Name: COLUMN commitments_in_force_today.changed_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.commitments_in_force_today.changed_batch_id IS 'The load_batches.id that last changed it.';


--
-- Name: evidence_types; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.evidence_types (
    id text NOT NULL,
    name text NOT NULL,
    description text,
    first_batch_id bigint NOT NULL,
    changed_batch_id bigint NOT NULL
);


--
-- Name: TABLE evidence_types; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.evidence_types IS 'The dataset''s vocabulary of conduct. Whether a type is positive or negative is the methodology''s reading. Grain: one type.';


--
-- Name: COLUMN evidence_types.id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_types.id IS 'The type''s id, e.g. sanction_imposed.';


--
-- Name: COLUMN evidence_types.name; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_types.name IS 'Display name.';


--
-- Name: COLUMN evidence_types.description; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_types.description IS 'What counts as this type and what does not; optional.';


--
-- Name: COLUMN evidence_types.first_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_types.first_batch_id IS 'The load_batches.id that first loaded the row.';


--
-- Name: COLUMN evidence_types.changed_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_types.changed_batch_id IS 'The load_batches.id that last changed it.';


--
-- Name: evidence_details; Type: VIEW; Schema: scorecard; Owner: -
--

CREATE VIEW scorecard.evidence_details WITH (security_invoker='true') AS
 SELECT e.id AS evidence_id,
    e.actor_id,
    a.name AS actor_name,
    a.kind AS actor_kind,
    e.evidence_type,
    t.name AS evidence_type_name,
    e.occurred_on,
    e.occurred_precision,
    e.published_on,
    e.published_precision,
    e.counterpart_id,
    cp.name AS counterpart_name,
    cp.kind AS counterpart_kind,
    e.provision_id,
    p.instrument_id,
    p.principle_id,
    e.severity,
    e.certainty,
    e.sensitivity,
    e.summary,
    src.source_ids,
    src.source_publishers,
    src.source_urls,
    src.best_reliability
   FROM (((((scorecard.evidence e
     LEFT JOIN scorecard.actors a ON ((a.id = e.actor_id)))
     LEFT JOIN scorecard.actors cp ON ((cp.id = e.counterpart_id)))
     LEFT JOIN scorecard.evidence_types t ON ((t.id = e.evidence_type)))
     LEFT JOIN scorecard.provisions p ON ((p.id = e.provision_id)))
     CROSS JOIN LATERAL ( SELECT array_agg(s.id ORDER BY x."position") AS source_ids,
            array_agg(s.publisher ORDER BY x."position") AS source_publishers,
            array_agg(s.url ORDER BY x."position") AS source_urls,
            (min(s.reliability))::text AS best_reliability
           FROM (unnest(e.source_ids) WITH ORDINALITY x(source_id, "position")
             JOIN scorecard.sources s ON ((s.id = x.source_id)))) src);


--
-- Name: VIEW evidence_details; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON VIEW scorecard.evidence_details IS 'Evidence records with the names of their actors, type and provision, and their sources. Grain: one evidence record. Restricted records appear only to members of scorecard_restricted_reader.';


--
-- Name: COLUMN evidence_details.evidence_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.evidence_id IS 'The record (scorecard.evidence.id).';


--
-- Name: COLUMN evidence_details.actor_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.actor_id IS 'Who acted (scorecard.actors.id).';


--
-- Name: COLUMN evidence_details.actor_name; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.actor_name IS 'The acting actor''s name.';


--
-- Name: COLUMN evidence_details.actor_kind; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.actor_kind IS 'The acting actor''s kind: state, vendor, organisation or investor.';


--
-- Name: COLUMN evidence_details.evidence_type; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.evidence_type IS 'The kind of conduct (scorecard.evidence_types.id).';


--
-- Name: COLUMN evidence_details.evidence_type_name; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.evidence_type_name IS 'The evidence type''s display name.';


--
-- Name: COLUMN evidence_details.occurred_on; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.occurred_on IS 'First day of the period in which the conduct took place; see occurred_precision.';


--
-- Name: COLUMN evidence_details.occurred_precision; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.occurred_precision IS 'Precision of occurred_on: day, month or year.';


--
-- Name: COLUMN evidence_details.published_on; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.published_on IS 'First day of the period in which it became public; see published_precision.';


--
-- Name: COLUMN evidence_details.published_precision; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.published_precision IS 'Precision of published_on: day, month or year.';


--
-- Name: COLUMN evidence_details.counterpart_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.counterpart_id IS 'The other actor (scorecard.actors.id): the vendor sanctioned or bought from, the state supplied; NULL when none.';


--
-- Name: COLUMN evidence_details.counterpart_name; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.counterpart_name IS 'The counterpart''s name.';


--
-- Name: COLUMN evidence_details.counterpart_kind; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.counterpart_kind IS 'The counterpart''s kind.';


--
-- Name: COLUMN evidence_details.provision_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.provision_id IS 'The provision the conduct concerns (scorecard.provisions.id); NULL when none.';


--
-- Name: COLUMN evidence_details.instrument_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.instrument_id IS 'The instrument of that provision (scorecard.instruments.id).';


--
-- Name: COLUMN evidence_details.principle_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.principle_id IS 'The principle that provision serves (scorecard.principles.id).';


--
-- Name: COLUMN evidence_details.severity; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.severity IS 'Severity from 1 (minor) to 5 (grave).';


--
-- Name: COLUMN evidence_details.certainty; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.certainty IS 'confirmed, attributed or reported.';


--
-- Name: COLUMN evidence_details.sensitivity; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.sensitivity IS 'public or restricted (restricted rows are visible only to members of scorecard_restricted_reader).';


--
-- Name: COLUMN evidence_details.summary; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.summary IS 'Neutral one-sentence paraphrase, keeping the sources'' hedging.';


--
-- Name: COLUMN evidence_details.source_ids; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.source_ids IS 'The sources (scorecard.sources.id), in the dataset''s order.';


--
-- Name: COLUMN evidence_details.source_publishers; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.source_publishers IS 'Their publishers, in the same order.';


--
-- Name: COLUMN evidence_details.source_urls; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.source_urls IS 'Their URLs, in the same order.';


--
-- Name: COLUMN evidence_details.best_reliability; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_details.best_reliability IS 'The best reliability grade among the sources (A is best): a record is as reliable as its most reliable source.';


--
-- Name: evidence_sources; Type: VIEW; Schema: scorecard; Owner: -
--

CREATE VIEW scorecard.evidence_sources WITH (security_invoker='true') AS
 SELECT e.id AS evidence_id,
    s.source_id,
    (s."position")::integer AS "position"
   FROM (scorecard.evidence e
     CROSS JOIN LATERAL unnest(e.source_ids) WITH ORDINALITY s(source_id, "position"));


--
-- Name: VIEW evidence_sources; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON VIEW scorecard.evidence_sources IS 'Which sources support which evidence. Grain: one evidence record and one of its sources.';


--
-- Name: COLUMN evidence_sources.evidence_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_sources.evidence_id IS 'The evidence record (scorecard.evidence.id).';


--
-- Name: COLUMN evidence_sources.source_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_sources.source_id IS 'One of its sources (scorecard.sources.id).';


--
-- Name: COLUMN evidence_sources."position"; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.evidence_sources."position" IS 'The source''s position in evidence.source_ids, from 1.';


--
-- Name: instruments; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.instruments (
    id text NOT NULL,
    kind text NOT NULL,
    title text NOT NULL,
    short_name text,
    issuer text NOT NULL,
    adopted_on date NOT NULL,
    adopted_precision scorecard.date_precision NOT NULL,
    url text,
    addresses text[] NOT NULL,
    binding boolean NOT NULL,
    source_id text NOT NULL,
    first_batch_id bigint NOT NULL,
    changed_batch_id bigint NOT NULL,
    CONSTRAINT instruments_kind_check CHECK ((kind = ANY (ARRAY['declaration'::text, 'code_of_practice'::text, 'joint_statement'::text, 'law'::text, 'regulation'::text, 'executive_order'::text, 'export_control'::text, 'standard'::text, 'industry_code'::text, 'guidance'::text])))
);


--
-- Name: TABLE instruments; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.instruments IS 'Texts actors can commit to: declarations, codes of practice, joint statements, laws, standards, industry codes. Grain: one instrument.';


--
-- Name: COLUMN instruments.id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.instruments.id IS 'The instrument''s id, chosen by the monitor, e.g. pall-mall-code.';


--
-- Name: COLUMN instruments.kind; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.instruments.kind IS 'declaration, code_of_practice, joint_statement, law, regulation, executive_order, export_control, standard, industry_code or guidance.';


--
-- Name: COLUMN instruments.title; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.instruments.title IS 'Full title.';


--
-- Name: COLUMN instruments.short_name; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.instruments.short_name IS 'Short name for display; optional.';


--
-- Name: COLUMN instruments.issuer; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.instruments.issuer IS 'Who issued it, as the source names them.';


--
-- Name: COLUMN instruments.adopted_on; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.instruments.adopted_on IS 'First day of the period in which the instrument was adopted; see adopted_precision.';


--
-- Name: COLUMN instruments.adopted_precision; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.instruments.adopted_precision IS 'Precision of adopted_on (the date the instrument was adopted): day, month or year.';


--
-- Name: COLUMN instruments.url; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.instruments.url IS 'The instrument''s text, an absolute http or https URL; optional.';


--
-- Name: COLUMN instruments.addresses; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.instruments.addresses IS 'The actor kinds the instrument asks something of.';


--
-- Name: COLUMN instruments.binding; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.instruments.binding IS 'True when legally binding, false when voluntary.';


--
-- Name: COLUMN instruments.source_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.instruments.source_id IS 'The source for the instrument (scorecard.sources.id).';


--
-- Name: COLUMN instruments.first_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.instruments.first_batch_id IS 'The load_batches.id that first loaded the row.';


--
-- Name: COLUMN instruments.changed_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.instruments.changed_batch_id IS 'The load_batches.id that last changed it.';


--
-- Name: latest_scores; Type: VIEW; Schema: scorecard; Owner: -
--

CREATE VIEW scorecard.latest_scores WITH (security_invoker='true') AS
 WITH latest_run AS (
         SELECT DISTINCT ON (r_1.methodology_id, r_1.methodology_version) r_1.id,
            r_1.methodology_id,
            r_1.methodology_version,
            r_1.methodology_sha256,
            r_1.period,
            r_1.period_start,
            r_1.period_end,
            r_1.basis,
            r_1.knowledge_cutoff,
            r_1.load_batch_id,
            r_1.dataset_sha256,
            r_1.engine_sha256,
            r_1.inputs_sha256,
            r_1.provisional,
            r_1.computed_at
           FROM scorecard.score_runs r_1
          WHERE (r_1.basis = 'as_published'::text)
          ORDER BY r_1.methodology_id, r_1.methodology_version, r_1.period_end DESC, r_1.id DESC
        )
 SELECT r.methodology_id,
    r.methodology_version,
    r.id AS run_id,
    r.period,
    r.period_start,
    r.period_end,
    r.provisional,
    r.computed_at,
    s.actor_id,
    a.name AS actor_name,
    s.actor_kind,
    s.positive,
    s.negative,
    s.combined,
    s.grade,
    s.rank_in_kind,
    s.evidence_count,
    s.previous_combined,
    s.change
   FROM ((latest_run r
     JOIN scorecard.actor_scores s ON ((s.run_id = r.id)))
     LEFT JOIN scorecard.actors a ON ((a.id = s.actor_id)));


--
-- Name: VIEW latest_scores; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON VIEW scorecard.latest_scores IS 'The latest published scores: for each methodology version, the as_published run of its latest period (the last computed, if scored more than once). Grain: methodology version × actor.';


--
-- Name: COLUMN latest_scores.methodology_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.latest_scores.methodology_id IS 'The methodology (scorecard.methodologies.id).';


--
-- Name: COLUMN latest_scores.methodology_version; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.latest_scores.methodology_version IS 'The methodology version; each version has its own latest scores.';


--
-- Name: COLUMN latest_scores.run_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.latest_scores.run_id IS 'The score run (scorecard.score_runs.id).';


--
-- Name: COLUMN latest_scores.period; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.latest_scores.period IS 'The period scored, e.g. 2025-Q2.';


--
-- Name: COLUMN latest_scores.period_start; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.latest_scores.period_start IS 'First day of the period.';


--
-- Name: COLUMN latest_scores.period_end; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.latest_scores.period_end IS 'Last day of the period.';


--
-- Name: COLUMN latest_scores.provisional; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.latest_scores.provisional IS 'True when the period had not ended on the date of the data (later evidence may still count).';


--
-- Name: COLUMN latest_scores.computed_at; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.latest_scores.computed_at IS 'When the run was computed.';


--
-- Name: COLUMN latest_scores.actor_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.latest_scores.actor_id IS 'The actor (scorecard.actors.id).';


--
-- Name: COLUMN latest_scores.actor_name; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.latest_scores.actor_name IS 'The actor''s name; NULL if it has since left the dataset.';


--
-- Name: COLUMN latest_scores.actor_kind; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.latest_scores.actor_kind IS 'state, vendor, organisation or investor; actors are ranked within their kind.';


--
-- Name: COLUMN latest_scores.positive; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.latest_scores.positive IS 'Positive accountability, 0–100; NULL when nothing positive was scored.';


--
-- Name: COLUMN latest_scores.negative; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.latest_scores.negative IS 'Negative accountability, 0–100; NULL when nothing negative was scored.';


--
-- Name: COLUMN latest_scores.combined; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.latest_scores.combined IS '(100 + positive − negative) / 2; NULL when neither face was scored.';


--
-- Name: COLUMN latest_scores.grade; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.latest_scores.grade IS 'Grade band of the combined score; NULL with insufficient evidence.';


--
-- Name: COLUMN latest_scores.rank_in_kind; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.latest_scores.rank_in_kind IS 'Rank by combined score among actors of the same kind, 1 = highest.';


--
-- Name: COLUMN latest_scores.evidence_count; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.latest_scores.evidence_count IS 'Evidence records behind the actor''s scored evidence and breach indicators.';


--
-- Name: COLUMN latest_scores.previous_combined; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.latest_scores.previous_combined IS 'The combined score of the previous period; NULL when there is none.';


--
-- Name: COLUMN latest_scores.change; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.latest_scores.change IS 'combined minus previous_combined.';


--
-- Name: load_batches; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.load_batches (
    id bigint NOT NULL,
    loaded_at timestamp with time zone DEFAULT now() NOT NULL,
    dataset_path text NOT NULL,
    dataset_sha256 text NOT NULL,
    files jsonb NOT NULL,
    counts jsonb DEFAULT '{}'::jsonb NOT NULL,
    scorecard_version text NOT NULL,
    CONSTRAINT load_batches_dataset_sha256_check CHECK ((dataset_sha256 ~ '^[0-9a-f]{64}$'::text))
);


--
-- Name: TABLE load_batches; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.load_batches IS 'One row per load that changed the database. Grain: one load. A load of an unchanged dataset writes nothing, so no batch.';


--
-- Name: COLUMN load_batches.id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.load_batches.id IS 'Batch number, increasing.';


--
-- Name: COLUMN load_batches.loaded_at; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.load_batches.loaded_at IS 'When the load transaction started.';


--
-- Name: COLUMN load_batches.dataset_path; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.load_batches.dataset_path IS 'The dataset folder as given to scorecard load.';


--
-- Name: COLUMN load_batches.dataset_sha256; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.load_batches.dataset_sha256 IS 'SHA-256 over the sorted list of (file name, file SHA-256): equal datasets have equal digests.';


--
-- Name: COLUMN load_batches.files; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.load_batches.files IS 'Array of {file, sha256, records} for every file loaded.';


--
-- Name: COLUMN load_batches.counts; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.load_batches.counts IS 'Per table: {inserted, updated, deleted, unchanged}.';


--
-- Name: COLUMN load_batches.scorecard_version; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.load_batches.scorecard_version IS 'Version of the scorecard program that loaded it.';


--
-- Name: load_batches_id_seq; Type: SEQUENCE; Schema: scorecard; Owner: -
--

ALTER TABLE scorecard.load_batches ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME scorecard.load_batches_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: pillar_scores; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.pillar_scores (
    run_id bigint NOT NULL,
    actor_id text NOT NULL,
    pillar text NOT NULL,
    positive numeric(7,3),
    negative numeric(7,3)
);


--
-- Name: TABLE pillar_scores; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.pillar_scores IS 'Positive and negative accountability per pillar. Grain: run × actor × pillar. NULL when no indicator of that polarity was scored.';


--
-- Name: COLUMN pillar_scores.run_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.pillar_scores.run_id IS 'The score run (scorecard.score_runs.id).';


--
-- Name: COLUMN pillar_scores.actor_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.pillar_scores.actor_id IS 'The actor scored (scorecard.actors.id).';


--
-- Name: COLUMN pillar_scores.pillar; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.pillar_scores.pillar IS 'The pillar (a pillar id of the methodology).';


--
-- Name: COLUMN pillar_scores.positive; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.pillar_scores.positive IS 'Weighted mean of the values of the pillar''s positive indicators that apply to the actor, 0–100; NULL when none was scored.';


--
-- Name: COLUMN pillar_scores.negative; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.pillar_scores.negative IS 'Weighted mean of the values of the pillar''s negative indicators that apply to the actor, 0–100; NULL when none was scored.';


--
-- Name: principles; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.principles (
    id text NOT NULL,
    name text NOT NULL,
    description text,
    first_batch_id bigint NOT NULL,
    changed_batch_id bigint NOT NULL
);


--
-- Name: TABLE principles; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.principles IS 'Principles (pillars) that provisions serve, e.g. the Pall Mall Process''s accountability, precision, oversight, transparency. Grain: one principle.';


--
-- Name: COLUMN principles.id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.principles.id IS 'The principle''s id, chosen by the monitor, e.g. accountability.';


--
-- Name: COLUMN principles.name; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.principles.name IS 'Display name.';


--
-- Name: COLUMN principles.description; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.principles.description IS 'What the principle asks for; optional.';


--
-- Name: COLUMN principles.first_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.principles.first_batch_id IS 'The load_batches.id that first loaded the row.';


--
-- Name: COLUMN principles.changed_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.principles.changed_batch_id IS 'The load_batches.id that last changed it.';


--
-- Name: record_history; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.record_history (
    batch_id bigint NOT NULL,
    table_name text NOT NULL,
    record_key text NOT NULL,
    change text NOT NULL,
    previous jsonb NOT NULL,
    CONSTRAINT record_history_change_check CHECK ((change = ANY (ARRAY['updated'::text, 'deleted'::text])))
);


--
-- Name: TABLE record_history; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.record_history IS 'The previous version of every row a load changed or removed. Grain: one row version superseded by one load. With the current tables it answers "who said what, as of which load".';


--
-- Name: COLUMN record_history.batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.record_history.batch_id IS 'The load that replaced or removed the row.';


--
-- Name: COLUMN record_history.table_name; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.record_history.table_name IS 'The table the row belonged to, e.g. evidence.';


--
-- Name: COLUMN record_history.record_key; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.record_history.record_key IS 'The row''s primary key; composite keys joined with a slash (actor_id/alias).';


--
-- Name: COLUMN record_history.change; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.record_history.change IS 'updated: a newer version is in the table; deleted: the row left the dataset.';


--
-- Name: COLUMN record_history.previous; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.record_history.previous IS 'The row as it was before this load, all columns, as JSON.';


--
-- Name: responses; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.responses (
    id text NOT NULL,
    evidence_id text NOT NULL,
    actor_id text NOT NULL,
    responded_on date NOT NULL,
    responded_precision scorecard.date_precision NOT NULL,
    summary text NOT NULL,
    source_id text NOT NULL,
    first_batch_id bigint NOT NULL,
    changed_batch_id bigint NOT NULL
);


--
-- Name: TABLE responses; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.responses IS 'An actor''s reply to a piece of evidence (right of reply). Grain: one reply.';


--
-- Name: COLUMN responses.id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.responses.id IS 'The reply''s id, chosen by the monitor.';


--
-- Name: COLUMN responses.evidence_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.responses.evidence_id IS 'The evidence replied to (scorecard.evidence.id).';


--
-- Name: COLUMN responses.actor_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.responses.actor_id IS 'Who replied (scorecard.actors.id).';


--
-- Name: COLUMN responses.responded_on; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.responses.responded_on IS 'First day of the period in which the actor replied; see responded_precision.';


--
-- Name: COLUMN responses.responded_precision; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.responses.responded_precision IS 'Precision of responded_on (the date of the reply): day, month or year.';


--
-- Name: COLUMN responses.summary; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.responses.summary IS 'Neutral summary of the reply.';


--
-- Name: COLUMN responses.source_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.responses.source_id IS 'The source of the reply (scorecard.sources.id).';


--
-- Name: COLUMN responses.first_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.responses.first_batch_id IS 'The load_batches.id that first loaded the row.';


--
-- Name: COLUMN responses.changed_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.responses.changed_batch_id IS 'The load_batches.id that last changed it.';


--
-- Name: restatements; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.restatements (
    run_id bigint NOT NULL,
    restated_run_id bigint NOT NULL,
    actor_id text NOT NULL,
    period text NOT NULL,
    original_positive numeric(7,3),
    original_negative numeric(7,3),
    original_combined numeric(7,3),
    restated_positive numeric(7,3),
    restated_negative numeric(7,3),
    restated_combined numeric(7,3),
    evidence_ids text[] NOT NULL
);


--
-- Name: TABLE restatements; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.restatements IS 'A published (as_published) score that evidence published later would change, with both figures and the evidence that causes the difference. Grain: published run × restated run × actor. The published figure is never edited.';


--
-- Name: COLUMN restatements.run_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restatements.run_id IS 'The published (as_published) run (scorecard.score_runs.id).';


--
-- Name: COLUMN restatements.restated_run_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restatements.restated_run_id IS 'The restated run of the same period, with everything known when it was computed (scorecard.score_runs.id).';


--
-- Name: COLUMN restatements.actor_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restatements.actor_id IS 'The actor whose figures differ (scorecard.actors.id).';


--
-- Name: COLUMN restatements.period; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restatements.period IS 'The period restated, e.g. 2025-Q2.';


--
-- Name: COLUMN restatements.original_positive; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restatements.original_positive IS 'Positive score as published, 0–100.';


--
-- Name: COLUMN restatements.original_negative; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restatements.original_negative IS 'Negative score as published, 0–100.';


--
-- Name: COLUMN restatements.original_combined; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restatements.original_combined IS 'Combined score as published, 0–100.';


--
-- Name: COLUMN restatements.restated_positive; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restatements.restated_positive IS 'Positive score with later evidence, 0–100.';


--
-- Name: COLUMN restatements.restated_negative; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restatements.restated_negative IS 'Negative score with later evidence, 0–100.';


--
-- Name: COLUMN restatements.restated_combined; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restatements.restated_combined IS 'Combined score with later evidence, 0–100.';


--
-- Name: COLUMN restatements.evidence_ids; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restatements.evidence_ids IS 'Evidence published after the period ended that contributes to the restated figure.';


--
-- Name: restated_scores; Type: VIEW; Schema: scorecard; Owner: -
--

CREATE VIEW scorecard.restated_scores WITH (security_invoker='true') AS
 SELECT x.period,
    p.methodology_id,
    p.methodology_version,
    x.run_id AS published_run_id,
    p.computed_at AS published_at,
    x.restated_run_id,
    q.knowledge_cutoff AS restated_knowledge_cutoff,
    q.computed_at AS restated_at,
    x.actor_id,
    a.name AS actor_name,
    a.kind AS actor_kind,
    x.original_positive,
    x.original_negative,
    x.original_combined,
    x.restated_positive,
    x.restated_negative,
    x.restated_combined,
    (x.restated_combined - x.original_combined) AS combined_difference,
    x.evidence_ids
   FROM (((scorecard.restatements x
     JOIN scorecard.score_runs p ON ((p.id = x.run_id)))
     JOIN scorecard.score_runs q ON ((q.id = x.restated_run_id)))
     LEFT JOIN scorecard.actors a ON ((a.id = x.actor_id)));


--
-- Name: VIEW restated_scores; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON VIEW scorecard.restated_scores IS 'Published scores that evidence published later would change, with both figures side by side. Grain: published run × restated run × actor. The published figures are never edited.';


--
-- Name: COLUMN restated_scores.period; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restated_scores.period IS 'The period restated, e.g. 2025-Q2.';


--
-- Name: COLUMN restated_scores.methodology_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restated_scores.methodology_id IS 'The methodology of both runs.';


--
-- Name: COLUMN restated_scores.methodology_version; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restated_scores.methodology_version IS 'The methodology version of both runs.';


--
-- Name: COLUMN restated_scores.published_run_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restated_scores.published_run_id IS 'The as_published run (scorecard.score_runs.id).';


--
-- Name: COLUMN restated_scores.published_at; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restated_scores.published_at IS 'When the published run was computed.';


--
-- Name: COLUMN restated_scores.restated_run_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restated_scores.restated_run_id IS 'The restated run of the same period (scorecard.score_runs.id).';


--
-- Name: COLUMN restated_scores.restated_knowledge_cutoff; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restated_scores.restated_knowledge_cutoff IS 'The restated run used evidence published up to this date.';


--
-- Name: COLUMN restated_scores.restated_at; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restated_scores.restated_at IS 'When the restated run was computed.';


--
-- Name: COLUMN restated_scores.actor_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restated_scores.actor_id IS 'The actor whose figures differ (scorecard.actors.id).';


--
-- Name: COLUMN restated_scores.actor_name; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restated_scores.actor_name IS 'The actor''s name.';


--
-- Name: COLUMN restated_scores.actor_kind; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restated_scores.actor_kind IS 'The actor''s kind.';


--
-- Name: COLUMN restated_scores.original_positive; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restated_scores.original_positive IS 'Positive score as published, 0–100.';


--
-- Name: COLUMN restated_scores.original_negative; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restated_scores.original_negative IS 'Negative score as published, 0–100.';


--
-- Name: COLUMN restated_scores.original_combined; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restated_scores.original_combined IS 'Combined score as published, 0–100.';


--
-- Name: COLUMN restated_scores.restated_positive; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restated_scores.restated_positive IS 'Positive score with later evidence, 0–100.';


--
-- Name: COLUMN restated_scores.restated_negative; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restated_scores.restated_negative IS 'Negative score with later evidence, 0–100.';


--
-- Name: COLUMN restated_scores.restated_combined; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restated_scores.restated_combined IS 'Combined score with later evidence, 0–100.';


--
-- Name: COLUMN restated_scores.combined_difference; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restated_scores.combined_difference IS 'restated_combined minus original_combined; NULL when either is.';


--
-- Name: COLUMN restated_scores.evidence_ids; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.restated_scores.evidence_ids IS 'Evidence published after the period ended that contributes to the restated figure (scorecard.evidence ids).';


--
-- Name: run_ledger; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.run_ledger (
    id bigint NOT NULL,
    started_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    finished_at timestamp with time zone,
    status text DEFAULT 'running'::text NOT NULL,
    exit_code integer,
    message text,
    workspace text NOT NULL,
    config_sha256 text NOT NULL,
    scorecard_version text NOT NULL,
    host text NOT NULL,
    load_batch_id bigint,
    rows_inserted integer DEFAULT 0 NOT NULL,
    rows_updated integer DEFAULT 0 NOT NULL,
    rows_deleted integer DEFAULT 0 NOT NULL,
    periods_scored text[] DEFAULT '{}'::text[] NOT NULL,
    score_runs_computed bigint[] DEFAULT '{}'::bigint[] NOT NULL,
    restatements integer DEFAULT 0 NOT NULL,
    sensitivity_run_id bigint,
    files_written text[] DEFAULT '{}'::text[] NOT NULL,
    files_unchanged integer DEFAULT 0 NOT NULL,
    CONSTRAINT run_ledger_check CHECK (((status = 'running'::text) = (finished_at IS NULL))),
    CONSTRAINT run_ledger_check1 CHECK (((status = ANY (ARRAY['running'::text, 'abandoned'::text])) = (exit_code IS NULL))),
    CONSTRAINT run_ledger_config_sha256_check CHECK ((config_sha256 ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT run_ledger_exit_code_check CHECK (((exit_code >= 0) AND (exit_code <= 255))),
    CONSTRAINT run_ledger_status_check CHECK ((status = ANY (ARRAY['running'::text, 'succeeded'::text, 'failed'::text, 'abandoned'::text])))
);


--
-- Name: TABLE run_ledger; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.run_ledger IS 'One row per scheduled run (scorecard run) that got the lock: when it ran, how it ended and what it changed. Grain: one run of the whole job. A run refused because another held the lock leaves no row.';


--
-- Name: COLUMN run_ledger.id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.run_ledger.id IS 'Run number, increasing.';


--
-- Name: COLUMN run_ledger.started_at; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.run_ledger.started_at IS 'When the run took the lock.';


--
-- Name: COLUMN run_ledger.finished_at; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.run_ledger.finished_at IS 'When it ended; NULL while running.';


--
-- Name: COLUMN run_ledger.status; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.run_ledger.status IS 'running; succeeded; failed (see exit_code and message); abandoned (the process or the server died; marked so by the next run).';


--
-- Name: COLUMN run_ledger.exit_code; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.run_ledger.exit_code IS 'The process exit code (sysexits): 0 done, 65 bad data, 66 missing input, 70 internal error, 73 output not writable, 78 bad configuration. NULL while running or when abandoned.';


--
-- Name: COLUMN run_ledger.message; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.run_ledger.message IS 'The first line of the error when the run failed; NULL otherwise.';


--
-- Name: COLUMN run_ledger.workspace; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.run_ledger.workspace IS 'The workspace folder, as an absolute path.';


--
-- Name: COLUMN run_ledger.config_sha256; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.run_ledger.config_sha256 IS 'SHA-256 of the workspace''s scorecard.yaml as read by the run.';


--
-- Name: COLUMN run_ledger.scorecard_version; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.run_ledger.scorecard_version IS 'Version of the scorecard program.';


--
-- Name: COLUMN run_ledger.host; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.run_ledger.host IS 'Host name of the machine that ran it.';


--
-- Name: COLUMN run_ledger.load_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.run_ledger.load_batch_id IS 'The load batch the run wrote (scorecard.load_batches.id); NULL when the dataset was unchanged.';


--
-- Name: COLUMN run_ledger.rows_inserted; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.run_ledger.rows_inserted IS 'Dataset rows the load inserted, over all tables.';


--
-- Name: COLUMN run_ledger.rows_updated; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.run_ledger.rows_updated IS 'Dataset rows the load changed.';


--
-- Name: COLUMN run_ledger.rows_deleted; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.run_ledger.rows_deleted IS 'Dataset rows the load removed (kept in scorecard.record_history).';


--
-- Name: COLUMN run_ledger.periods_scored; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.run_ledger.periods_scored IS 'The periods whose scores were checked, in order (computed or found unchanged).';


--
-- Name: COLUMN run_ledger.score_runs_computed; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.run_ledger.score_runs_computed IS 'The score runs (scorecard.score_runs.id) the run computed; empty when every period was unchanged.';


--
-- Name: COLUMN run_ledger.restatements; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.run_ledger.restatements IS 'Restatements recorded by the score runs computed.';


--
-- Name: COLUMN run_ledger.sensitivity_run_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.run_ledger.sensitivity_run_id IS 'The score run whose sensitivity analysis was computed or checked; NULL when not configured.';


--
-- Name: COLUMN run_ledger.files_written; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.run_ledger.files_written IS 'Report files written (created or changed), relative to the output folder.';


--
-- Name: COLUMN run_ledger.files_unchanged; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.run_ledger.files_unchanged IS 'Report files already up to date and left untouched.';


--
-- Name: run_ledger_id_seq; Type: SEQUENCE; Schema: scorecard; Owner: -
--

ALTER TABLE scorecard.run_ledger ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME scorecard.run_ledger_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: scheduled_runs; Type: VIEW; Schema: scorecard; Owner: -
--

CREATE VIEW scorecard.scheduled_runs WITH (security_invoker='true') AS
 SELECT l.id AS ledger_id,
    l.started_at,
    l.finished_at,
    (l.finished_at - l.started_at) AS duration,
    l.status,
    l.exit_code,
        CASE l.exit_code
            WHEN 0 THEN 'done'::text
            WHEN 65 THEN 'bad data'::text
            WHEN 66 THEN 'missing input'::text
            WHEN 69 THEN 'database unavailable'::text
            WHEN 70 THEN 'internal error'::text
            WHEN 73 THEN 'output not writable'::text
            WHEN 75 THEN 'another run holds the lock'::text
            WHEN 78 THEN 'bad configuration'::text
            ELSE NULL::text
        END AS exit_meaning,
    l.message,
    l.workspace,
    l.host,
    l.scorecard_version,
    l.load_batch_id,
    ((l.rows_inserted + l.rows_updated) + l.rows_deleted) AS rows_changed,
    l.periods_scored,
    l.score_runs_computed,
    l.restatements,
    cardinality(l.files_written) AS files_written,
    l.files_unchanged
   FROM scorecard.run_ledger l;


--
-- Name: VIEW scheduled_runs; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON VIEW scorecard.scheduled_runs IS 'The scheduled runs (scorecard run) from the run ledger, with their duration and what their exit code means. Grain: one run of the whole job.';


--
-- Name: COLUMN scheduled_runs.ledger_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scheduled_runs.ledger_id IS 'The run''s number (scorecard.run_ledger.id).';


--
-- Name: COLUMN scheduled_runs.started_at; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scheduled_runs.started_at IS 'When the run took the lock.';


--
-- Name: COLUMN scheduled_runs.finished_at; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scheduled_runs.finished_at IS 'When it ended; NULL while running.';


--
-- Name: COLUMN scheduled_runs.duration; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scheduled_runs.duration IS 'finished_at minus started_at; NULL while running or when abandoned.';


--
-- Name: COLUMN scheduled_runs.status; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scheduled_runs.status IS 'running, succeeded, failed or abandoned.';


--
-- Name: COLUMN scheduled_runs.exit_code; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scheduled_runs.exit_code IS 'The process exit code (sysexits); NULL while running or when abandoned.';


--
-- Name: COLUMN scheduled_runs.exit_meaning; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scheduled_runs.exit_meaning IS 'What the exit code means: done, bad data, missing input, database unavailable, internal error, output not writable, another run holds the lock, bad configuration.';


--
-- Name: COLUMN scheduled_runs.message; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scheduled_runs.message IS 'The first line of the error when the run failed.';


--
-- Name: COLUMN scheduled_runs.workspace; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scheduled_runs.workspace IS 'The workspace folder, as an absolute path.';


--
-- Name: COLUMN scheduled_runs.host; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scheduled_runs.host IS 'Host name of the machine that ran it.';


--
-- Name: COLUMN scheduled_runs.scorecard_version; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scheduled_runs.scorecard_version IS 'Version of the scorecard program.';


--
-- Name: COLUMN scheduled_runs.load_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scheduled_runs.load_batch_id IS 'The load batch the run wrote; NULL when the dataset was unchanged.';


--
-- Name: COLUMN scheduled_runs.rows_changed; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scheduled_runs.rows_changed IS 'Dataset rows inserted, updated or deleted by the run''s load.';


--
-- Name: COLUMN scheduled_runs.periods_scored; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scheduled_runs.periods_scored IS 'The periods whose scores were checked, in order.';


--
-- Name: COLUMN scheduled_runs.score_runs_computed; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scheduled_runs.score_runs_computed IS 'The score runs (scorecard.score_runs.id) the run computed.';


--
-- Name: COLUMN scheduled_runs.restatements; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scheduled_runs.restatements IS 'Restatements recorded by the score runs computed.';


--
-- Name: COLUMN scheduled_runs.files_written; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scheduled_runs.files_written IS 'Number of report files written (created or changed).';


--
-- Name: COLUMN scheduled_runs.files_unchanged; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scheduled_runs.files_unchanged IS 'Number of report files already up to date and left untouched.';


--
-- Name: schema_migrations; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.schema_migrations (
    version integer NOT NULL,
    name text NOT NULL,
    sha256 text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT schema_migrations_sha256_check CHECK ((sha256 ~ '^[0-9a-f]{64}$'::text))
);


--
-- Name: TABLE schema_migrations; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.schema_migrations IS 'One row per applied migration file (Schemas/NNNN_name.sql). A file whose SHA-256 no longer matches its row stops every command.';


--
-- Name: COLUMN schema_migrations.version; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.schema_migrations.version IS 'The number NNNN of the file.';


--
-- Name: COLUMN schema_migrations.name; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.schema_migrations.name IS 'The file name, e.g. 0001_bookkeeping.sql.';


--
-- Name: COLUMN schema_migrations.sha256; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.schema_migrations.sha256 IS 'SHA-256 of the file as applied, lower-case hex.';


--
-- Name: COLUMN schema_migrations.applied_at; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.schema_migrations.applied_at IS 'When the migration was applied.';


--
-- Name: score_runs_id_seq; Type: SEQUENCE; Schema: scorecard; Owner: -
--

ALTER TABLE scorecard.score_runs ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME scorecard.score_runs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: scores_over_time; Type: VIEW; Schema: scorecard; Owner: -
--

CREATE VIEW scorecard.scores_over_time WITH (security_invoker='true') AS
 SELECT r.methodology_id,
    r.methodology_version,
    r.period,
    r.period_start,
    r.period_end,
    r.id AS run_id,
    r.provisional,
    r.computed_at,
    r.load_batch_id,
    (latest.run_id IS NOT NULL) AS latest_for_period,
    s.actor_id,
    a.name AS actor_name,
    s.actor_kind,
    s.positive,
    s.negative,
    s.combined,
    s.grade,
    s.rank_in_kind,
    s.evidence_count,
    s.previous_run_id,
    s.previous_combined,
    s.change
   FROM (((scorecard.score_runs r
     JOIN scorecard.actor_scores s ON ((s.run_id = r.id)))
     LEFT JOIN scorecard.actors a ON ((a.id = s.actor_id)))
     LEFT JOIN ( SELECT max(l.id) AS run_id
           FROM scorecard.score_runs l
          WHERE (l.basis = 'as_published'::text)
          GROUP BY l.methodology_id, l.methodology_version, l.period) latest ON ((latest.run_id = r.id)))
  WHERE (r.basis = 'as_published'::text);


--
-- Name: VIEW scores_over_time; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON VIEW scorecard.scores_over_time IS 'Every published (as_published) score of every actor, period after period. Grain: as_published run × actor. A period scored again after a new load has several runs; latest_for_period marks the one a report shows.';


--
-- Name: COLUMN scores_over_time.methodology_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.methodology_id IS 'The methodology of the run (scorecard.methodologies.id).';


--
-- Name: COLUMN scores_over_time.methodology_version; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.methodology_version IS 'Its version: scores of different versions are not comparable.';


--
-- Name: COLUMN scores_over_time.period; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.period IS 'The period scored: 2025-Q2 (quarter) or 2025 (year).';


--
-- Name: COLUMN scores_over_time.period_start; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.period_start IS 'First day of the period.';


--
-- Name: COLUMN scores_over_time.period_end; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.period_end IS 'Last day of the period; order by it for a time series.';


--
-- Name: COLUMN scores_over_time.run_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.run_id IS 'The score run (scorecard.score_runs.id).';


--
-- Name: COLUMN scores_over_time.provisional; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.provisional IS 'True when the period had not ended on the date of the data.';


--
-- Name: COLUMN scores_over_time.computed_at; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.computed_at IS 'When the run was computed.';


--
-- Name: COLUMN scores_over_time.load_batch_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.load_batch_id IS 'The load batch the run used (scorecard.load_batches.id).';


--
-- Name: COLUMN scores_over_time.latest_for_period; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.latest_for_period IS 'True for the latest run of this period under this methodology version (the one a report shows).';


--
-- Name: COLUMN scores_over_time.actor_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.actor_id IS 'The actor (scorecard.actors.id).';


--
-- Name: COLUMN scores_over_time.actor_name; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.actor_name IS 'The actor''s name; NULL if it has since left the dataset.';


--
-- Name: COLUMN scores_over_time.actor_kind; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.actor_kind IS 'state, vendor, organisation or investor; actors are ranked within their kind.';


--
-- Name: COLUMN scores_over_time.positive; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.positive IS 'Positive accountability, 0–100; NULL when nothing positive was scored.';


--
-- Name: COLUMN scores_over_time.negative; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.negative IS 'Negative accountability, 0–100; NULL when nothing negative was scored.';


--
-- Name: COLUMN scores_over_time.combined; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.combined IS '(100 + positive − negative) / 2; NULL when neither face was scored.';


--
-- Name: COLUMN scores_over_time.grade; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.grade IS 'Grade band of the combined score; NULL with insufficient evidence.';


--
-- Name: COLUMN scores_over_time.rank_in_kind; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.rank_in_kind IS 'Rank by combined score among actors of the same kind, 1 = highest.';


--
-- Name: COLUMN scores_over_time.evidence_count; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.evidence_count IS 'Evidence records behind the actor''s scored evidence and breach indicators.';


--
-- Name: COLUMN scores_over_time.previous_run_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.previous_run_id IS 'The as_published run of the previous period under the same methodology version.';


--
-- Name: COLUMN scores_over_time.previous_combined; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.previous_combined IS 'The combined score in previous_run_id; NULL when there is none.';


--
-- Name: COLUMN scores_over_time.change; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.scores_over_time.change IS 'combined minus previous_combined.';


--
-- Name: sensitivity_results; Type: TABLE; Schema: scorecard; Owner: -
--

CREATE TABLE scorecard.sensitivity_results (
    run_id bigint NOT NULL,
    samples integer NOT NULL,
    seed bigint NOT NULL,
    actor_id text NOT NULL,
    median_rank numeric(8,1) NOT NULL,
    rank_p05 integer NOT NULL,
    rank_p95 integer NOT NULL,
    grade_change_share numeric(5,4) NOT NULL
);


--
-- Name: TABLE sensitivity_results; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON TABLE scorecard.sensitivity_results IS 'How stable each actor''s rank is when the weights are perturbed (docs/methodology.md, Uncertainty). Grain: run × analysis (samples, seed) × actor.';


--
-- Name: COLUMN sensitivity_results.run_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.sensitivity_results.run_id IS 'The run whose weights were perturbed (scorecard.score_runs.id).';


--
-- Name: COLUMN sensitivity_results.samples; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.sensitivity_results.samples IS 'Number of weight perturbations drawn (--samples).';


--
-- Name: COLUMN sensitivity_results.seed; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.sensitivity_results.seed IS 'Seed of the SplitMix64 generator (--seed): the same seed gives the same figures.';


--
-- Name: COLUMN sensitivity_results.actor_id; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.sensitivity_results.actor_id IS 'The actor (scorecard.actors.id).';


--
-- Name: COLUMN sensitivity_results.median_rank; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.sensitivity_results.median_rank IS 'Median rank within the actor''s kind over the samples.';


--
-- Name: COLUMN sensitivity_results.rank_p05; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.sensitivity_results.rank_p05 IS '5th percentile of the rank (the best plausible rank).';


--
-- Name: COLUMN sensitivity_results.rank_p95; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.sensitivity_results.rank_p95 IS '95th percentile of the rank (the worst plausible rank).';


--
-- Name: COLUMN sensitivity_results.grade_change_share; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON COLUMN scorecard.sensitivity_results.grade_change_share IS 'Share of samples in which the grade differs from the published one.';


--
-- Data for Name: actor_aliases; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.actor_aliases (actor_id, alias, alias_kind, valid_from, valid_from_precision, valid_to, valid_to_precision, source_id, first_batch_id, changed_batch_id) FROM stdin;
\.


--
-- Data for Name: actor_relations; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.actor_relations (actor_id, relation, related_actor_id, valid_from, valid_from_precision, valid_to, valid_to_precision, source_id, first_batch_id, changed_batch_id) FROM stdin;
\.


--
-- Data for Name: actor_scores; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.actor_scores (run_id, actor_id, actor_kind, positive, negative, combined, grade, rank_in_kind, evidence_count, previous_run_id, previous_combined, change) FROM stdin;
1	delta	state	0.000	0.000	50.000	\N	\N	0	\N	\N	\N
1	gamma	state	25.000	13.938	55.531	B	1	1	\N	\N	\N
1	beta	state	25.000	15.581	54.710	B	2	1	\N	\N	\N
1	epsilon	state	25.000	15.581	54.710	B	2	1	\N	\N	\N
1	alpha	state	29.304	50.594	39.355	C	4	3	\N	\N	\N
1	vend2	vendor	\N	0.000	50.000	\N	\N	0	\N	\N	\N
1	vend	vendor	\N	8.607	45.697	C	1	1	\N	\N	\N
2	delta	state	0.000	0.000	50.000	\N	\N	0	\N	\N	\N
2	beta	state	25.000	15.581	54.710	B	1	1	\N	\N	\N
2	epsilon	state	25.000	15.581	54.710	B	1	1	\N	\N	\N
2	alpha	state	29.304	50.594	39.355	C	3	3	\N	\N	\N
2	gamma	state	25.000	66.477	29.262	C	4	3	\N	\N	\N
2	vend2	vendor	\N	0.000	50.000	\N	\N	0	\N	\N	\N
2	vend	vendor	\N	8.607	45.697	C	1	1	\N	\N	\N
3	delta	state	0.000	0.000	50.000	\N	\N	0	1	50.000	0.000
3	beta	state	25.000	8.120	58.440	B	1	1	1	54.710	3.730
3	epsilon	state	25.000	8.120	58.440	B	1	1	1	54.710	3.730
3	alpha	state	27.200	29.710	48.745	C	3	3	1	39.355	9.390
3	gamma	state	25.000	42.292	41.354	C	4	3	1	55.531	-14.177
3	vend2	vendor	\N	0.000	50.000	\N	\N	0	1	50.000	0.000
3	vend	vendor	\N	4.400	47.800	C	1	1	1	45.697	2.103
4	delta	state	0.000	0.000	50.000	\N	\N	0	\N	\N	\N
4	gamma	state	25.000	13.938	55.531	B	1	1	\N	\N	\N
4	beta	state	25.000	15.581	54.710	B	2	1	\N	\N	\N
4	epsilon	state	25.000	15.581	54.710	B	2	1	\N	\N	\N
4	alpha	state	29.304	50.594	39.355	C	4	3	\N	\N	\N
4	vend2	vendor	\N	0.000	50.000	\N	\N	0	\N	\N	\N
4	vend	vendor	\N	8.607	45.697	C	1	1	\N	\N	\N
5	delta	state	0.000	0.000	50.000	\N	\N	0	\N	\N	\N
5	beta	state	25.000	15.581	54.710	B	1	1	\N	\N	\N
5	epsilon	state	25.000	15.581	54.710	B	1	1	\N	\N	\N
5	alpha	state	29.304	50.594	39.355	C	3	3	\N	\N	\N
5	gamma	state	25.000	66.477	29.262	C	4	3	\N	\N	\N
5	vend2	vendor	\N	0.000	50.000	\N	\N	0	\N	\N	\N
5	vend	vendor	\N	8.607	45.697	C	1	1	\N	\N	\N
6	delta	state	0.000	0.000	50.000	\N	\N	0	4	50.000	0.000
6	beta	state	25.000	8.120	58.440	B	1	1	4	54.710	3.730
6	epsilon	state	25.000	8.120	58.440	B	1	1	4	54.710	3.730
6	alpha	state	27.200	29.710	48.745	C	3	3	4	39.355	9.390
6	gamma	state	25.000	42.292	41.354	C	4	3	4	55.531	-14.177
6	vend2	vendor	\N	0.000	50.000	\N	\N	0	4	50.000	0.000
6	vend	vendor	\N	4.400	47.800	C	1	1	4	45.697	2.103
\.


--
-- Data for Name: actors; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.actors (id, kind, name, iso_code, country, description, url, first_batch_id, changed_batch_id) FROM stdin;
alpha	state	Alpha	AA	\N	\N	\N	1	1
beta	state	Beta	BB	\N	\N	\N	1	1
gamma	state	Gamma	GG	\N	\N	\N	1	1
delta	state	Delta	DD	\N	\N	\N	1	1
epsilon	state	Epsilon	EE	\N	\N	\N	1	1
vend	vendor	Vend Ltd	\N	AA	\N	\N	1	1
vend2	vendor	Vend Two	\N	BB	\N	\N	1	1
\.


--
-- Data for Name: commitments; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.commitments (id, actor_id, instrument_id, kind, committed_on, committed_precision, withdrawn_on, withdrawn_precision, source_id, note, first_batch_id, changed_batch_id) FROM stdin;
alpha-code	alpha	code	endorsed	2023-01-10	day	\N	\N	src-a	\N	1	1
beta-code	beta	code	endorsed	2024-03-01	month	2024-09-01	month	src-a	withdrawn before the end of 2024	1	1
beta-statement	beta	statement	endorsed	2022-01-01	year	\N	\N	src-a	\N	1	1
gamma-code	gamma	code	endorsed	2024-05-01	day	\N	\N	src-a	\N	1	1
epsilon-statement	epsilon	statement	endorsed	2022-01-01	year	\N	\N	src-a	\N	1	1
\.


--
-- Data for Name: evidence; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.evidence (id, actor_id, evidence_type, occurred_on, occurred_precision, published_on, published_precision, counterpart_id, provision_id, severity, certainty, sensitivity, summary, source_ids, first_batch_id, changed_batch_id) FROM stdin;
alpha-sanctions-vend	alpha	sanction_imposed	2024-12-31	day	2024-12-31	day	vend	\N	3	reported	public	Alpha reportedly sanctioned Vend.	{src-c}	1	1
beta-misuse	beta	misuse_documented	2024-01-01	month	2024-02-10	day	\N	\N	4	attributed	public	Researchers attribute misuse to Beta.	{src-b,src-c}	1	1
gamma-misuse-early	gamma	misuse_documented	2024-02-15	day	2024-03-01	day	\N	\N	3	confirmed	public	Gamma misused spyware before endorsing the Code.	{src-a}	1	1
gamma-misuse-late	gamma	misuse_documented	2024-11-01	month	2025-02-10	day	\N	\N	5	confirmed	public	Gamma misused spyware after endorsing the Code; published in 2025.	{src-a}	1	1
gamma-restricted	gamma	misuse_documented	2024-10-01	day	2024-10-02	day	\N	\N	5	confirmed	restricted	A named victim (restricted).	{src-a}	1	1
epsilon-misuse	epsilon	misuse_documented	2024-01-01	month	2024-02-10	day	\N	\N	4	attributed	public	Researchers attribute misuse to Epsilon.	{src-b,src-c}	1	1
alpha-misuse	alpha	misuse_documented	2024-06-30	day	2024-07-01	day	vend	\N	5	confirmed	public	Alpha misused Vend's spyware after endorsing the Code. (corrected)	{src-a}	1	2
\.


--
-- Data for Name: evidence_types; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.evidence_types (id, name, description, first_batch_id, changed_batch_id) FROM stdin;
misuse_documented	Misuse documented	\N	1	1
sanction_imposed	Sanction imposed	\N	1	1
\.


--
-- Data for Name: indicator_contributions; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.indicator_contributions (run_id, actor_id, indicator_code, evidence_id, commitment_id, weight, contribution) FROM stdin;
1	gamma	MISUSE	gamma-misuse-early	\N	0.326764	27.875
1	alpha	SANCTIONS	alpha-sanctions-vend	\N	0.090000	8.607
1	vend	SANCTIONED	alpha-sanctions-vend	\N	0.090000	8.607
1	beta	MISUSE	beta-misuse	\N	0.169380	15.581
1	epsilon	MISUSE	epsilon-misuse	\N	0.169380	15.581
1	alpha	MISUSE	alpha-misuse	\N	0.705095	50.594
1	alpha	BREACH	alpha-misuse	\N	0.705095	50.594
1	alpha	COMMIT	\N	alpha-code	1.000000	50.000
1	beta	COMMIT	\N	beta-statement	1.000000	50.000
1	gamma	COMMIT	\N	gamma-code	1.000000	50.000
1	epsilon	COMMIT	\N	epsilon-statement	1.000000	50.000
2	gamma	MISUSE	gamma-misuse-early	\N	0.326764	18.507
2	alpha	SANCTIONS	alpha-sanctions-vend	\N	0.090000	8.607
2	vend	SANCTIONED	alpha-sanctions-vend	\N	0.090000	8.607
2	beta	MISUSE	beta-misuse	\N	0.169380	15.581
2	epsilon	MISUSE	epsilon-misuse	\N	0.169380	15.581
2	alpha	MISUSE	alpha-misuse	\N	0.705095	50.594
2	alpha	BREACH	alpha-misuse	\N	0.705095	50.594
2	gamma	MISUSE	gamma-misuse-late	\N	0.942829	53.398
2	gamma	BREACH	gamma-misuse-late	\N	0.942829	61.048
2	alpha	COMMIT	\N	alpha-code	1.000000	50.000
2	beta	COMMIT	\N	beta-statement	1.000000	50.000
2	gamma	COMMIT	\N	gamma-code	1.000000	50.000
2	epsilon	COMMIT	\N	epsilon-statement	1.000000	50.000
3	gamma	MISUSE	gamma-misuse-early	\N	0.163382	12.096
3	alpha	SANCTIONS	alpha-sanctions-vend	\N	0.045000	4.400
3	vend	SANCTIONED	alpha-sanctions-vend	\N	0.045000	4.400
3	beta	MISUSE	beta-misuse	\N	0.084690	8.120
3	epsilon	MISUSE	epsilon-misuse	\N	0.084690	8.120
3	alpha	MISUSE	alpha-misuse	\N	0.352548	29.710
3	alpha	BREACH	alpha-misuse	\N	0.352548	29.710
3	gamma	MISUSE	gamma-misuse-late	\N	0.471415	34.900
3	gamma	BREACH	gamma-misuse-late	\N	0.471415	37.588
3	alpha	COMMIT	\N	alpha-code	1.000000	50.000
3	beta	COMMIT	\N	beta-statement	1.000000	50.000
3	gamma	COMMIT	\N	gamma-code	1.000000	50.000
3	epsilon	COMMIT	\N	epsilon-statement	1.000000	50.000
4	gamma	MISUSE	gamma-misuse-early	\N	0.326764	27.875
4	alpha	SANCTIONS	alpha-sanctions-vend	\N	0.090000	8.607
4	vend	SANCTIONED	alpha-sanctions-vend	\N	0.090000	8.607
4	beta	MISUSE	beta-misuse	\N	0.169380	15.581
4	epsilon	MISUSE	epsilon-misuse	\N	0.169380	15.581
4	alpha	MISUSE	alpha-misuse	\N	0.705095	50.594
4	alpha	BREACH	alpha-misuse	\N	0.705095	50.594
4	alpha	COMMIT	\N	alpha-code	1.000000	50.000
4	beta	COMMIT	\N	beta-statement	1.000000	50.000
4	gamma	COMMIT	\N	gamma-code	1.000000	50.000
4	epsilon	COMMIT	\N	epsilon-statement	1.000000	50.000
5	gamma	MISUSE	gamma-misuse-early	\N	0.326764	18.507
5	alpha	SANCTIONS	alpha-sanctions-vend	\N	0.090000	8.607
5	vend	SANCTIONED	alpha-sanctions-vend	\N	0.090000	8.607
5	beta	MISUSE	beta-misuse	\N	0.169380	15.581
5	epsilon	MISUSE	epsilon-misuse	\N	0.169380	15.581
5	gamma	MISUSE	gamma-misuse-late	\N	0.942829	53.398
5	gamma	BREACH	gamma-misuse-late	\N	0.942829	61.048
5	alpha	MISUSE	alpha-misuse	\N	0.705095	50.594
5	alpha	BREACH	alpha-misuse	\N	0.705095	50.594
5	alpha	COMMIT	\N	alpha-code	1.000000	50.000
5	beta	COMMIT	\N	beta-statement	1.000000	50.000
5	gamma	COMMIT	\N	gamma-code	1.000000	50.000
5	epsilon	COMMIT	\N	epsilon-statement	1.000000	50.000
6	gamma	MISUSE	gamma-misuse-early	\N	0.163382	12.096
6	alpha	SANCTIONS	alpha-sanctions-vend	\N	0.045000	4.400
6	vend	SANCTIONED	alpha-sanctions-vend	\N	0.045000	4.400
6	beta	MISUSE	beta-misuse	\N	0.084690	8.120
6	epsilon	MISUSE	epsilon-misuse	\N	0.084690	8.120
6	gamma	MISUSE	gamma-misuse-late	\N	0.471415	34.900
6	gamma	BREACH	gamma-misuse-late	\N	0.471415	37.588
6	alpha	MISUSE	alpha-misuse	\N	0.352548	29.710
6	alpha	BREACH	alpha-misuse	\N	0.352548	29.710
6	alpha	COMMIT	\N	alpha-code	1.000000	50.000
6	beta	COMMIT	\N	beta-statement	1.000000	50.000
6	gamma	COMMIT	\N	gamma-code	1.000000	50.000
6	epsilon	COMMIT	\N	epsilon-statement	1.000000	50.000
\.


--
-- Data for Name: indicator_values; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.indicator_values (run_id, actor_id, indicator_code, pillar, polarity, kind, state, value, evidence_count) FROM stdin;
1	alpha	COMMIT	accountability	positive	commitment	scored	50.000	1
1	beta	COMMIT	accountability	positive	commitment	scored	50.000	1
1	gamma	COMMIT	accountability	positive	commitment	scored	50.000	1
1	delta	COMMIT	accountability	positive	commitment	scored	0.000	0
1	epsilon	COMMIT	accountability	positive	commitment	scored	50.000	1
1	vend	COMMIT	accountability	positive	commitment	not applicable	\N	0
1	vend2	COMMIT	accountability	positive	commitment	not applicable	\N	0
1	alpha	SANCTIONS	oversight	positive	evidence	scored	8.607	1
1	beta	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
1	gamma	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
1	delta	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
1	epsilon	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
1	vend	SANCTIONS	oversight	positive	evidence	not applicable	\N	0
1	vend2	SANCTIONS	oversight	positive	evidence	not applicable	\N	0
1	alpha	MISUSE	accountability	negative	evidence	scored	50.594	1
1	beta	MISUSE	accountability	negative	evidence	scored	15.581	1
1	gamma	MISUSE	accountability	negative	evidence	scored	27.875	1
1	delta	MISUSE	accountability	negative	evidence	no evidence	\N	0
1	epsilon	MISUSE	accountability	negative	evidence	scored	15.581	1
1	vend	MISUSE	accountability	negative	evidence	not applicable	\N	0
1	vend2	MISUSE	accountability	negative	evidence	not applicable	\N	0
1	alpha	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
1	beta	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
1	gamma	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
1	delta	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
1	epsilon	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
1	vend	SANCTIONED	oversight	negative	evidence	scored	8.607	1
1	vend2	SANCTIONED	oversight	negative	evidence	no evidence	\N	0
1	alpha	BREACH	accountability	negative	breach	scored	50.594	1
1	beta	BREACH	accountability	negative	breach	not applicable	\N	0
1	gamma	BREACH	accountability	negative	breach	no evidence	\N	0
1	delta	BREACH	accountability	negative	breach	not applicable	\N	0
1	epsilon	BREACH	accountability	negative	breach	not applicable	\N	0
1	vend	BREACH	accountability	negative	breach	not applicable	\N	0
1	vend2	BREACH	accountability	negative	breach	not applicable	\N	0
2	alpha	COMMIT	accountability	positive	commitment	scored	50.000	1
2	beta	COMMIT	accountability	positive	commitment	scored	50.000	1
2	gamma	COMMIT	accountability	positive	commitment	scored	50.000	1
2	delta	COMMIT	accountability	positive	commitment	scored	0.000	0
2	epsilon	COMMIT	accountability	positive	commitment	scored	50.000	1
2	vend	COMMIT	accountability	positive	commitment	not applicable	\N	0
2	vend2	COMMIT	accountability	positive	commitment	not applicable	\N	0
2	alpha	SANCTIONS	oversight	positive	evidence	scored	8.607	1
2	beta	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
2	gamma	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
2	delta	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
2	epsilon	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
2	vend	SANCTIONS	oversight	positive	evidence	not applicable	\N	0
2	vend2	SANCTIONS	oversight	positive	evidence	not applicable	\N	0
2	alpha	MISUSE	accountability	negative	evidence	scored	50.594	1
2	beta	MISUSE	accountability	negative	evidence	scored	15.581	1
2	gamma	MISUSE	accountability	negative	evidence	scored	71.905	2
2	delta	MISUSE	accountability	negative	evidence	no evidence	\N	0
2	epsilon	MISUSE	accountability	negative	evidence	scored	15.581	1
2	vend	MISUSE	accountability	negative	evidence	not applicable	\N	0
2	vend2	MISUSE	accountability	negative	evidence	not applicable	\N	0
2	alpha	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
2	beta	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
2	gamma	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
2	delta	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
2	epsilon	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
2	vend	SANCTIONED	oversight	negative	evidence	scored	8.607	1
2	vend2	SANCTIONED	oversight	negative	evidence	no evidence	\N	0
2	alpha	BREACH	accountability	negative	breach	scored	50.594	1
2	beta	BREACH	accountability	negative	breach	not applicable	\N	0
2	gamma	BREACH	accountability	negative	breach	scored	61.048	1
2	delta	BREACH	accountability	negative	breach	not applicable	\N	0
2	epsilon	BREACH	accountability	negative	breach	not applicable	\N	0
2	vend	BREACH	accountability	negative	breach	not applicable	\N	0
2	vend2	BREACH	accountability	negative	breach	not applicable	\N	0
3	alpha	COMMIT	accountability	positive	commitment	scored	50.000	1
3	beta	COMMIT	accountability	positive	commitment	scored	50.000	1
3	gamma	COMMIT	accountability	positive	commitment	scored	50.000	1
3	delta	COMMIT	accountability	positive	commitment	scored	0.000	0
3	epsilon	COMMIT	accountability	positive	commitment	scored	50.000	1
3	vend	COMMIT	accountability	positive	commitment	not applicable	\N	0
3	vend2	COMMIT	accountability	positive	commitment	not applicable	\N	0
3	alpha	SANCTIONS	oversight	positive	evidence	scored	4.400	1
3	beta	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
3	gamma	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
3	delta	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
3	epsilon	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
3	vend	SANCTIONS	oversight	positive	evidence	not applicable	\N	0
3	vend2	SANCTIONS	oversight	positive	evidence	not applicable	\N	0
3	alpha	MISUSE	accountability	negative	evidence	scored	29.710	1
3	beta	MISUSE	accountability	negative	evidence	scored	8.120	1
3	gamma	MISUSE	accountability	negative	evidence	scored	46.996	2
3	delta	MISUSE	accountability	negative	evidence	no evidence	\N	0
3	epsilon	MISUSE	accountability	negative	evidence	scored	8.120	1
3	vend	MISUSE	accountability	negative	evidence	not applicable	\N	0
3	vend2	MISUSE	accountability	negative	evidence	not applicable	\N	0
3	alpha	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
3	beta	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
3	gamma	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
3	delta	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
3	epsilon	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
3	vend	SANCTIONED	oversight	negative	evidence	scored	4.400	1
3	vend2	SANCTIONED	oversight	negative	evidence	no evidence	\N	0
3	alpha	BREACH	accountability	negative	breach	scored	29.710	1
3	beta	BREACH	accountability	negative	breach	not applicable	\N	0
3	gamma	BREACH	accountability	negative	breach	scored	37.588	1
3	delta	BREACH	accountability	negative	breach	not applicable	\N	0
3	epsilon	BREACH	accountability	negative	breach	not applicable	\N	0
3	vend	BREACH	accountability	negative	breach	not applicable	\N	0
3	vend2	BREACH	accountability	negative	breach	not applicable	\N	0
4	alpha	COMMIT	accountability	positive	commitment	scored	50.000	1
4	beta	COMMIT	accountability	positive	commitment	scored	50.000	1
4	gamma	COMMIT	accountability	positive	commitment	scored	50.000	1
4	delta	COMMIT	accountability	positive	commitment	scored	0.000	0
4	epsilon	COMMIT	accountability	positive	commitment	scored	50.000	1
4	vend	COMMIT	accountability	positive	commitment	not applicable	\N	0
4	vend2	COMMIT	accountability	positive	commitment	not applicable	\N	0
4	alpha	SANCTIONS	oversight	positive	evidence	scored	8.607	1
4	beta	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
4	gamma	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
4	delta	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
4	epsilon	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
4	vend	SANCTIONS	oversight	positive	evidence	not applicable	\N	0
4	vend2	SANCTIONS	oversight	positive	evidence	not applicable	\N	0
4	alpha	MISUSE	accountability	negative	evidence	scored	50.594	1
4	beta	MISUSE	accountability	negative	evidence	scored	15.581	1
4	gamma	MISUSE	accountability	negative	evidence	scored	27.875	1
4	delta	MISUSE	accountability	negative	evidence	no evidence	\N	0
4	epsilon	MISUSE	accountability	negative	evidence	scored	15.581	1
4	vend	MISUSE	accountability	negative	evidence	not applicable	\N	0
4	vend2	MISUSE	accountability	negative	evidence	not applicable	\N	0
4	alpha	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
4	beta	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
4	gamma	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
4	delta	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
4	epsilon	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
4	vend	SANCTIONED	oversight	negative	evidence	scored	8.607	1
4	vend2	SANCTIONED	oversight	negative	evidence	no evidence	\N	0
4	alpha	BREACH	accountability	negative	breach	scored	50.594	1
4	beta	BREACH	accountability	negative	breach	not applicable	\N	0
4	gamma	BREACH	accountability	negative	breach	no evidence	\N	0
4	delta	BREACH	accountability	negative	breach	not applicable	\N	0
4	epsilon	BREACH	accountability	negative	breach	not applicable	\N	0
4	vend	BREACH	accountability	negative	breach	not applicable	\N	0
4	vend2	BREACH	accountability	negative	breach	not applicable	\N	0
5	alpha	COMMIT	accountability	positive	commitment	scored	50.000	1
5	beta	COMMIT	accountability	positive	commitment	scored	50.000	1
5	gamma	COMMIT	accountability	positive	commitment	scored	50.000	1
5	delta	COMMIT	accountability	positive	commitment	scored	0.000	0
5	epsilon	COMMIT	accountability	positive	commitment	scored	50.000	1
5	vend	COMMIT	accountability	positive	commitment	not applicable	\N	0
5	vend2	COMMIT	accountability	positive	commitment	not applicable	\N	0
5	alpha	SANCTIONS	oversight	positive	evidence	scored	8.607	1
5	beta	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
5	gamma	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
5	delta	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
5	epsilon	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
5	vend	SANCTIONS	oversight	positive	evidence	not applicable	\N	0
5	vend2	SANCTIONS	oversight	positive	evidence	not applicable	\N	0
5	alpha	MISUSE	accountability	negative	evidence	scored	50.594	1
5	beta	MISUSE	accountability	negative	evidence	scored	15.581	1
5	gamma	MISUSE	accountability	negative	evidence	scored	71.905	2
5	delta	MISUSE	accountability	negative	evidence	no evidence	\N	0
5	epsilon	MISUSE	accountability	negative	evidence	scored	15.581	1
5	vend	MISUSE	accountability	negative	evidence	not applicable	\N	0
5	vend2	MISUSE	accountability	negative	evidence	not applicable	\N	0
5	alpha	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
5	beta	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
5	gamma	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
5	delta	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
5	epsilon	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
5	vend	SANCTIONED	oversight	negative	evidence	scored	8.607	1
5	vend2	SANCTIONED	oversight	negative	evidence	no evidence	\N	0
5	alpha	BREACH	accountability	negative	breach	scored	50.594	1
5	beta	BREACH	accountability	negative	breach	not applicable	\N	0
5	gamma	BREACH	accountability	negative	breach	scored	61.048	1
5	delta	BREACH	accountability	negative	breach	not applicable	\N	0
5	epsilon	BREACH	accountability	negative	breach	not applicable	\N	0
5	vend	BREACH	accountability	negative	breach	not applicable	\N	0
5	vend2	BREACH	accountability	negative	breach	not applicable	\N	0
6	alpha	COMMIT	accountability	positive	commitment	scored	50.000	1
6	beta	COMMIT	accountability	positive	commitment	scored	50.000	1
6	gamma	COMMIT	accountability	positive	commitment	scored	50.000	1
6	delta	COMMIT	accountability	positive	commitment	scored	0.000	0
6	epsilon	COMMIT	accountability	positive	commitment	scored	50.000	1
6	vend	COMMIT	accountability	positive	commitment	not applicable	\N	0
6	vend2	COMMIT	accountability	positive	commitment	not applicable	\N	0
6	alpha	SANCTIONS	oversight	positive	evidence	scored	4.400	1
6	beta	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
6	gamma	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
6	delta	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
6	epsilon	SANCTIONS	oversight	positive	evidence	no evidence	\N	0
6	vend	SANCTIONS	oversight	positive	evidence	not applicable	\N	0
6	vend2	SANCTIONS	oversight	positive	evidence	not applicable	\N	0
6	alpha	MISUSE	accountability	negative	evidence	scored	29.710	1
6	beta	MISUSE	accountability	negative	evidence	scored	8.120	1
6	gamma	MISUSE	accountability	negative	evidence	scored	46.996	2
6	delta	MISUSE	accountability	negative	evidence	no evidence	\N	0
6	epsilon	MISUSE	accountability	negative	evidence	scored	8.120	1
6	vend	MISUSE	accountability	negative	evidence	not applicable	\N	0
6	vend2	MISUSE	accountability	negative	evidence	not applicable	\N	0
6	alpha	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
6	beta	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
6	gamma	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
6	delta	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
6	epsilon	SANCTIONED	oversight	negative	evidence	not applicable	\N	0
6	vend	SANCTIONED	oversight	negative	evidence	scored	4.400	1
6	vend2	SANCTIONED	oversight	negative	evidence	no evidence	\N	0
6	alpha	BREACH	accountability	negative	breach	scored	29.710	1
6	beta	BREACH	accountability	negative	breach	not applicable	\N	0
6	gamma	BREACH	accountability	negative	breach	scored	37.588	1
6	delta	BREACH	accountability	negative	breach	not applicable	\N	0
6	epsilon	BREACH	accountability	negative	breach	not applicable	\N	0
6	vend	BREACH	accountability	negative	breach	not applicable	\N	0
6	vend2	BREACH	accountability	negative	breach	not applicable	\N	0
\.


--
-- Data for Name: instruments; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.instruments (id, kind, title, short_name, issuer, adopted_on, adopted_precision, url, addresses, binding, source_id, first_batch_id, changed_batch_id) FROM stdin;
code	code_of_practice	Code	\N	Process	2022-06-01	month	\N	{state}	f	src-a	1	1
statement	joint_statement	Statement	\N	Governments	2021-01-01	year	\N	{state}	f	src-a	1	1
\.


--
-- Data for Name: load_batches; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.load_batches (id, loaded_at, dataset_path, dataset_sha256, files, counts, scorecard_version) FROM stdin;
1	2026-12-01 22:23:16.614141+00	/tmp/upg/ws/data	5f2bc4dd161f8bcd7cfa443fbbc2059fc86585f7b3ea9bb15aa5a90b93a0ee41	[{"file": "principles.csv", "sha256": "b3485a2b0e6f48b2472b4e8e4e36f4cf3a98c1a8ed1669c5fc33bf8f0d6ccbba", "records": 2}, {"file": "actors.csv", "sha256": "8df380e366b68b59e97bbea0618d462d3773e1c0a8a92dcd6903ec89941e1188", "records": 7}, {"file": "sources.csv", "sha256": "6d0a24caca9a4f169ced749a68b8e79c8bf8d7da243ad084e630060ecd4c32ab", "records": 3}, {"file": "actor_aliases.csv", "sha256": "3e5efd4df8548a74df05816021eae0665247dfd85faa9e86cf6b14f4335b8bd0", "records": 0}, {"file": "actor_relations.csv", "sha256": "6c8e3f7c0e4288963a1b141c5d77bddfff99ad6cd21c11a3aabbad505d6647d4", "records": 0}, {"file": "instruments.csv", "sha256": "1586d15f86f632b18e73b3b4bb44e8f4450ba7daeb412fedf78826a336be0b2f", "records": 2}, {"file": "provisions.csv", "sha256": "6385f6374853da6c0595e5332f0ede79453cac24a78c7541e7f109c7e80822f0", "records": 1}, {"file": "commitments.csv", "sha256": "db2ded5c534bbb37ca17e5f1e6156254e3cdb3ec9cd020a5b60769372c272eef", "records": 5}, {"file": "evidence_types.csv", "sha256": "67dd06014bb45154f357d1692dc9ed87cd7853b535016385e523e482fe15c225", "records": 2}, {"file": "evidence.csv", "sha256": "d2b0db62164bbc99425dd46b3a0a7dd3a732acc44debcf97fc3b08bb378ac71d", "records": 7}, {"file": "responses.csv", "sha256": "d38c52c278322625d28d1fd2a5cc494afd245ec3fe59fc69b81f7ad073fbba2e", "records": 1}]	{"actors": {"deleted": 0, "updated": 0, "inserted": 7, "unchanged": 0}, "sources": {"deleted": 0, "updated": 0, "inserted": 3, "unchanged": 0}, "evidence": {"deleted": 0, "updated": 0, "inserted": 7, "unchanged": 0}, "responses": {"deleted": 0, "updated": 0, "inserted": 1, "unchanged": 0}, "principles": {"deleted": 0, "updated": 0, "inserted": 2, "unchanged": 0}, "provisions": {"deleted": 0, "updated": 0, "inserted": 1, "unchanged": 0}, "commitments": {"deleted": 0, "updated": 0, "inserted": 5, "unchanged": 0}, "instruments": {"deleted": 0, "updated": 0, "inserted": 2, "unchanged": 0}, "actor_aliases": {"deleted": 0, "updated": 0, "inserted": 0, "unchanged": 0}, "evidence_types": {"deleted": 0, "updated": 0, "inserted": 2, "unchanged": 0}, "actor_relations": {"deleted": 0, "updated": 0, "inserted": 0, "unchanged": 0}}	0.1.0
2	2026-12-01 22:23:24.874777+00	/tmp/upg/ws/data	2907b1e890b4ac0fd0d03fe95c0fde0c3cf2c7493667282c656935910ebeef09	[{"file": "principles.csv", "sha256": "b3485a2b0e6f48b2472b4e8e4e36f4cf3a98c1a8ed1669c5fc33bf8f0d6ccbba", "records": 2}, {"file": "actors.csv", "sha256": "8df380e366b68b59e97bbea0618d462d3773e1c0a8a92dcd6903ec89941e1188", "records": 7}, {"file": "sources.csv", "sha256": "6d0a24caca9a4f169ced749a68b8e79c8bf8d7da243ad084e630060ecd4c32ab", "records": 3}, {"file": "actor_aliases.csv", "sha256": "3e5efd4df8548a74df05816021eae0665247dfd85faa9e86cf6b14f4335b8bd0", "records": 0}, {"file": "actor_relations.csv", "sha256": "6c8e3f7c0e4288963a1b141c5d77bddfff99ad6cd21c11a3aabbad505d6647d4", "records": 0}, {"file": "instruments.csv", "sha256": "1586d15f86f632b18e73b3b4bb44e8f4450ba7daeb412fedf78826a336be0b2f", "records": 2}, {"file": "provisions.csv", "sha256": "6385f6374853da6c0595e5332f0ede79453cac24a78c7541e7f109c7e80822f0", "records": 1}, {"file": "commitments.csv", "sha256": "db2ded5c534bbb37ca17e5f1e6156254e3cdb3ec9cd020a5b60769372c272eef", "records": 5}, {"file": "evidence_types.csv", "sha256": "67dd06014bb45154f357d1692dc9ed87cd7853b535016385e523e482fe15c225", "records": 2}, {"file": "evidence.csv", "sha256": "aabc6d064b11ff4a5d346ad686619716381ea45632ec05d18977d9ae39944bbd", "records": 7}, {"file": "responses.csv", "sha256": "d38c52c278322625d28d1fd2a5cc494afd245ec3fe59fc69b81f7ad073fbba2e", "records": 1}]	{"actors": {"deleted": 0, "updated": 0, "inserted": 0, "unchanged": 7}, "sources": {"deleted": 0, "updated": 0, "inserted": 0, "unchanged": 3}, "evidence": {"deleted": 0, "updated": 1, "inserted": 0, "unchanged": 6}, "responses": {"deleted": 0, "updated": 0, "inserted": 0, "unchanged": 1}, "principles": {"deleted": 0, "updated": 0, "inserted": 0, "unchanged": 2}, "provisions": {"deleted": 0, "updated": 0, "inserted": 0, "unchanged": 1}, "commitments": {"deleted": 0, "updated": 0, "inserted": 0, "unchanged": 5}, "instruments": {"deleted": 0, "updated": 0, "inserted": 0, "unchanged": 2}, "actor_aliases": {"deleted": 0, "updated": 0, "inserted": 0, "unchanged": 0}, "evidence_types": {"deleted": 0, "updated": 0, "inserted": 0, "unchanged": 2}, "actor_relations": {"deleted": 0, "updated": 0, "inserted": 0, "unchanged": 0}}	0.1.0
\.


--
-- Data for Name: methodologies; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.methodologies (id, version, sha256, title, source_text, definition, stored_at) FROM stdin;
scoring-fixture	1	73f208fa72f3c0d03a178b3e14747c72ff70d758fc167a92ecee68acfa72efe5	Scoring fixture	# A small methodology with round numbers, for tests whose expectations are computed by hand.\nid: scoring-fixture\nversion: "1"\ntitle: Scoring fixture\nperiod: year\npillars:\n  - {id: accountability, name: Accountability, weight: 0.5}\n  - {id: oversight, name: Oversight, weight: 0.5}\nweights:\n  certainty: {confirmed: 1.0, attributed: 0.5, reported: 0.25}\n  reliability: {A: 1.0, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.5}\n  severity: {1: 0.2, 2: 0.4, 3: 0.6, 4: 0.8, 5: 1.0}\nrestricted_evidence: exclude\nminimum_evidence: 1\ngrades:\n  - {grade: A, minimum: 75}\n  - {grade: B, minimum: 50}\n  - {grade: C, minimum: 25}\n  - {grade: D, minimum: 0}\nindicators:\n  - code: COMMIT\n    name: Commitments\n    description: Had endorsed the Code and the Statement.\n    applies_to: [state]\n    polarity: positive\n    pillar: accountability\n    weight: 1\n    kind: commitment\n    instruments: {code: 1, statement: 1}\n  - code: SANCTIONS\n    name: Sanctions imposed\n    description: Sanctions the state imposed.\n    applies_to: [state]\n    polarity: positive\n    pillar: oversight\n    weight: 1\n    kind: evidence\n    evidence_types: [sanction_imposed]\n    role: actor\n    half_life_days: 365\n    window_days: 3650\n    saturation: 1\n  - code: MISUSE\n    name: Misuse\n    description: Misuse attributed to the state.\n    applies_to: [state]\n    polarity: negative\n    pillar: accountability\n    weight: 1\n    kind: evidence\n    evidence_types: [misuse_documented]\n    role: actor\n    half_life_days: 365\n    window_days: 730\n    saturation: 1\n  - code: SANCTIONED\n    name: Sanctioned\n    description: Sanctions the vendor received.\n    applies_to: [vendor]\n    polarity: negative\n    pillar: oversight\n    weight: 1\n    kind: evidence\n    evidence_types: [sanction_imposed]\n    role: counterpart\n    half_life_days: 365\n    window_days: 3650\n    saturation: 1\n  - code: BREACH\n    name: Promise broken\n    description: Misuse after endorsing the Code.\n    applies_to: [state]\n    polarity: negative\n    pillar: accountability\n    weight: 1\n    kind: breach\n    evidence_types: [misuse_documented]\n    instruments: {code: 1}\n    half_life_days: 365\n    window_days: 730\n    saturation: 1\n	{"id": "scoring-fixture", "title": "Scoring fixture", "grades": [{"grade": "A", "minimum": 75}, {"grade": "B", "minimum": 50}, {"grade": "C", "minimum": 25}, {"grade": "D", "minimum": 0}], "period": "year", "pillars": [{"id": "accountability", "name": "Accountability", "weight": 0.5}, {"id": "oversight", "name": "Oversight", "weight": 0.5}], "version": "1", "weights": {"severity": {"1": 0.2, "2": 0.4, "3": 0.6, "4": 0.8, "5": 1}, "certainty": {"reported": 0.25, "confirmed": 1, "attributed": 0.5}, "reliability": {"A": 1, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.2, "F": 0.5}}, "indicators": [{"code": "COMMIT", "kind": "commitment", "name": "Commitments", "role": "actor", "pillar": "accountability", "weight": 1, "polarity": "positive", "appliesTo": ["state"], "saturation": 0, "windowDays": 0, "description": "Had endorsed the Code and the Statement.", "instruments": {"code": 1, "statement": 1}, "halfLifeDays": 0, "evidenceTypes": []}, {"code": "SANCTIONS", "kind": "evidence", "name": "Sanctions imposed", "role": "actor", "pillar": "oversight", "weight": 1, "polarity": "positive", "appliesTo": ["state"], "saturation": 1, "windowDays": 3650, "description": "Sanctions the state imposed.", "instruments": {}, "halfLifeDays": 365, "evidenceTypes": ["sanction_imposed"]}, {"code": "MISUSE", "kind": "evidence", "name": "Misuse", "role": "actor", "pillar": "accountability", "weight": 1, "polarity": "negative", "appliesTo": ["state"], "saturation": 1, "windowDays": 730, "description": "Misuse attributed to the state.", "instruments": {}, "halfLifeDays": 365, "evidenceTypes": ["misuse_documented"]}, {"code": "SANCTIONED", "kind": "evidence", "name": "Sanctioned", "role": "counterpart", "pillar": "oversight", "weight": 1, "polarity": "negative", "appliesTo": ["vendor"], "saturation": 1, "windowDays": 3650, "description": "Sanctions the vendor received.", "instruments": {}, "halfLifeDays": 365, "evidenceTypes": ["sanction_imposed"]}, {"code": "BREACH", "kind": "breach", "name": "Promise broken", "role": "actor", "pillar": "accountability", "weight": 1, "polarity": "negative", "appliesTo": ["state"], "saturation": 1, "windowDays": 730, "description": "Misuse after endorsing the Code.", "instruments": {"code": 1}, "halfLifeDays": 365, "evidenceTypes": ["misuse_documented"]}], "minimumEvidence": 1, "restrictedEvidence": "exclude"}	2026-12-01 22:23:16.929166+00
\.


--
-- Data for Name: pillar_scores; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.pillar_scores (run_id, actor_id, pillar, positive, negative) FROM stdin;
1	vend	oversight	\N	8.607
1	alpha	oversight	8.607	\N
1	alpha	accountability	50.000	50.594
1	gamma	accountability	50.000	13.938
1	vend2	accountability	\N	\N
1	vend2	oversight	\N	0.000
1	delta	accountability	0.000	0.000
1	beta	accountability	50.000	15.581
1	vend	accountability	\N	\N
1	beta	oversight	0.000	\N
1	epsilon	accountability	50.000	15.581
1	epsilon	oversight	0.000	\N
1	delta	oversight	0.000	\N
1	gamma	oversight	0.000	\N
2	vend	oversight	\N	8.607
2	alpha	oversight	8.607	\N
2	alpha	accountability	50.000	50.594
2	gamma	accountability	50.000	66.477
2	vend2	accountability	\N	\N
2	vend2	oversight	\N	0.000
2	delta	accountability	0.000	0.000
2	beta	accountability	50.000	15.581
2	vend	accountability	\N	\N
2	beta	oversight	0.000	\N
2	epsilon	accountability	50.000	15.581
2	epsilon	oversight	0.000	\N
2	delta	oversight	0.000	\N
2	gamma	oversight	0.000	\N
3	vend	oversight	\N	4.400
3	alpha	oversight	4.400	\N
3	alpha	accountability	50.000	29.710
3	gamma	accountability	50.000	42.292
3	vend2	accountability	\N	\N
3	vend2	oversight	\N	0.000
3	delta	accountability	0.000	0.000
3	beta	accountability	50.000	8.120
3	vend	accountability	\N	\N
3	beta	oversight	0.000	\N
3	epsilon	accountability	50.000	8.120
3	epsilon	oversight	0.000	\N
3	delta	oversight	0.000	\N
3	gamma	oversight	0.000	\N
4	vend	oversight	\N	8.607
4	alpha	oversight	8.607	\N
4	alpha	accountability	50.000	50.594
4	gamma	accountability	50.000	13.938
4	vend2	accountability	\N	\N
4	vend2	oversight	\N	0.000
4	delta	accountability	0.000	0.000
4	beta	accountability	50.000	15.581
4	vend	accountability	\N	\N
4	beta	oversight	0.000	\N
4	epsilon	accountability	50.000	15.581
4	epsilon	oversight	0.000	\N
4	delta	oversight	0.000	\N
4	gamma	oversight	0.000	\N
5	vend	oversight	\N	8.607
5	alpha	oversight	8.607	\N
5	alpha	accountability	50.000	50.594
5	gamma	accountability	50.000	66.477
5	vend2	accountability	\N	\N
5	vend2	oversight	\N	0.000
5	delta	accountability	0.000	0.000
5	beta	accountability	50.000	15.581
5	vend	accountability	\N	\N
5	beta	oversight	0.000	\N
5	epsilon	accountability	50.000	15.581
5	epsilon	oversight	0.000	\N
5	delta	oversight	0.000	\N
5	gamma	oversight	0.000	\N
6	vend	oversight	\N	4.400
6	alpha	oversight	4.400	\N
6	alpha	accountability	50.000	29.710
6	gamma	accountability	50.000	42.292
6	vend2	accountability	\N	\N
6	vend2	oversight	\N	0.000
6	delta	accountability	0.000	0.000
6	beta	accountability	50.000	8.120
6	vend	accountability	\N	\N
6	beta	oversight	0.000	\N
6	epsilon	accountability	50.000	8.120
6	epsilon	oversight	0.000	\N
6	delta	oversight	0.000	\N
6	gamma	oversight	0.000	\N
\.


--
-- Data for Name: principles; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.principles (id, name, description, first_batch_id, changed_batch_id) FROM stdin;
accountability	Accountability	\N	1	1
oversight	Oversight	\N	1	1
\.


--
-- Data for Name: provisions; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.provisions (id, instrument_id, principle_id, reference, text, source_id, first_batch_id, changed_batch_id) FROM stdin;
code.use	code	accountability	1	Do not misuse.	\N	1	1
\.


--
-- Data for Name: record_history; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.record_history (batch_id, table_name, record_key, change, previous) FROM stdin;
2	evidence	alpha-misuse	updated	{"id": "alpha-misuse", "summary": "Alpha misused Vend's spyware after endorsing the Code.", "actor_id": "alpha", "severity": 5, "certainty": "confirmed", "source_ids": ["src-a"], "occurred_on": "2024-06-30", "sensitivity": "public", "provision_id": null, "published_on": "2024-07-01", "evidence_type": "misuse_documented", "counterpart_id": "vend", "first_batch_id": 1, "changed_batch_id": 1, "occurred_precision": "day", "published_precision": "day"}
\.


--
-- Data for Name: responses; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.responses (id, evidence_id, actor_id, responded_on, responded_precision, summary, source_id, first_batch_id, changed_batch_id) FROM stdin;
alpha-reply	alpha-misuse	alpha	2024-08-01	day	Alpha denies any misuse.	src-c	1	1
\.


--
-- Data for Name: restatements; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.restatements (run_id, restated_run_id, actor_id, period, original_positive, original_negative, original_combined, restated_positive, restated_negative, restated_combined, evidence_ids) FROM stdin;
1	2	gamma	2024	25.000	13.938	55.531	25.000	66.477	29.262	{gamma-misuse-late}
4	5	gamma	2024	25.000	13.938	55.531	25.000	66.477	29.262	{gamma-misuse-late}
\.


--
-- Data for Name: run_ledger; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.run_ledger (id, started_at, finished_at, status, exit_code, message, workspace, config_sha256, scorecard_version, host, load_batch_id, rows_inserted, rows_updated, rows_deleted, periods_scored, score_runs_computed, restatements, sensitivity_run_id, files_written, files_unchanged) FROM stdin;
\.


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.schema_migrations (version, name, sha256, applied_at) FROM stdin;
1	0001_bookkeeping.sql	6ad44691e8099343d59e82c750b0de420afec800ec370576f905c139bd225294	2026-12-01 22:23:16.290612+00
2	0002_dataset.sql	c6ba63b961e69e8c1c4655999c0a08b1383cdc8b521ee996b296a2d91113c173	2026-12-01 22:23:16.30794+00
3	0003_scoring.sql	a3f486839c10190a10d1ba1a56b0ede24d6968efcf8b87038f96df2e2872e9e8	2026-12-01 22:23:16.456056+00
4	0004_run_ledger.sql	0ca8b3fc4a5f957480235fe7fed73608762c42a6d5fe707aaf62466ae0a56dda	2026-12-01 22:23:16.543957+00
5	0005_analyst_access.sql	502741d57e6cf05b24a8751356a2384819a6a0be6e720b3702e88db431678132	2026-12-01 22:23:16.567789+00
\.


--
-- Data for Name: score_runs; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.score_runs (id, methodology_id, methodology_version, methodology_sha256, period, period_start, period_end, basis, knowledge_cutoff, load_batch_id, dataset_sha256, engine_sha256, inputs_sha256, provisional, computed_at) FROM stdin;
1	scoring-fixture	1	73f208fa72f3c0d03a178b3e14747c72ff70d758fc167a92ecee68acfa72efe5	2024	2024-01-01	2024-12-31	as_published	2024-12-31	1	5f2bc4dd161f8bcd7cfa443fbbc2059fc86585f7b3ea9bb15aa5a90b93a0ee41	0b624fee1cdb1e81a3d645750f07277a7f341777525488956162b81b182ec758	c9da3614ff8371f7389d9c3c12f10900b55c677f3493419d0647edbac43db465	f	2026-12-01 22:23:16.937428+00
2	scoring-fixture	1	73f208fa72f3c0d03a178b3e14747c72ff70d758fc167a92ecee68acfa72efe5	2024	2024-01-01	2024-12-31	restated	2025-02-10	1	5f2bc4dd161f8bcd7cfa443fbbc2059fc86585f7b3ea9bb15aa5a90b93a0ee41	0b624fee1cdb1e81a3d645750f07277a7f341777525488956162b81b182ec758	888820fbc074d7851b6e5f550b5eb1dfbbcfeb81b323e2a9a3277acc8237091f	f	2026-12-01 22:23:16.937428+00
3	scoring-fixture	1	73f208fa72f3c0d03a178b3e14747c72ff70d758fc167a92ecee68acfa72efe5	2025	2025-01-01	2025-12-31	as_published	2025-12-31	1	5f2bc4dd161f8bcd7cfa443fbbc2059fc86585f7b3ea9bb15aa5a90b93a0ee41	0b624fee1cdb1e81a3d645750f07277a7f341777525488956162b81b182ec758	8567203bd32230eb36c4c6c449a2a948b2f74fbee9a76880c246be1b1345be0c	f	2026-12-01 22:23:17.040063+00
4	scoring-fixture	1	73f208fa72f3c0d03a178b3e14747c72ff70d758fc167a92ecee68acfa72efe5	2024	2024-01-01	2024-12-31	as_published	2024-12-31	2	2907b1e890b4ac0fd0d03fe95c0fde0c3cf2c7493667282c656935910ebeef09	0b624fee1cdb1e81a3d645750f07277a7f341777525488956162b81b182ec758	626f885fb17992054407c34a34f99f65a11b3a25d8929224514a6be8ecc768f1	f	2026-12-01 22:23:25.069136+00
5	scoring-fixture	1	73f208fa72f3c0d03a178b3e14747c72ff70d758fc167a92ecee68acfa72efe5	2024	2024-01-01	2024-12-31	restated	2025-02-10	2	2907b1e890b4ac0fd0d03fe95c0fde0c3cf2c7493667282c656935910ebeef09	0b624fee1cdb1e81a3d645750f07277a7f341777525488956162b81b182ec758	e09df6da21670ae1ef56fbaca94500c9ab21452349e08363408619476963e544	f	2026-12-01 22:23:25.069136+00
6	scoring-fixture	1	73f208fa72f3c0d03a178b3e14747c72ff70d758fc167a92ecee68acfa72efe5	2025	2025-01-01	2025-12-31	as_published	2025-12-31	2	2907b1e890b4ac0fd0d03fe95c0fde0c3cf2c7493667282c656935910ebeef09	0b624fee1cdb1e81a3d645750f07277a7f341777525488956162b81b182ec758	bda333dfdfbde4509c27f487640ea7a67f68b49f5651c745764cb0111970e3c2	f	2026-12-01 22:23:25.132222+00
\.


--
-- Data for Name: sensitivity_results; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.sensitivity_results (run_id, samples, seed, actor_id, median_rank, rank_p05, rank_p95, grade_change_share) FROM stdin;
1	50	3	alpha	4.0	4	4	0.0000
1	50	3	beta	2.0	1	2	0.0200
1	50	3	epsilon	2.0	1	2	0.0200
1	50	3	gamma	1.0	1	3	0.0000
1	50	3	vend	1.0	1	1	0.0000
\.


--
-- Data for Name: sources; Type: TABLE DATA; Schema: scorecard; Owner: -
--

COPY scorecard.sources (id, url, publisher, title, published_on, published_precision, reliability, archive_url, quote, first_batch_id, changed_batch_id) FROM stdin;
src-a	https://gov.example.org/a	Official	\N	\N	\N	A	\N	\N	1	1
src-b	https://lab.example.org/b	Lab	\N	\N	\N	B	\N	\N	1	1
src-c	https://news.example.org/c	News	\N	\N	\N	C	\N	\N	1	1
\.


--
-- Name: load_batches_id_seq; Type: SEQUENCE SET; Schema: scorecard; Owner: -
--

SELECT pg_catalog.setval('scorecard.load_batches_id_seq', 2, true);


--
-- Name: run_ledger_id_seq; Type: SEQUENCE SET; Schema: scorecard; Owner: -
--

SELECT pg_catalog.setval('scorecard.run_ledger_id_seq', 1, false);


--
-- Name: score_runs_id_seq; Type: SEQUENCE SET; Schema: scorecard; Owner: -
--

SELECT pg_catalog.setval('scorecard.score_runs_id_seq', 6, true);


--
-- Name: actor_aliases actor_aliases_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.actor_aliases
    ADD CONSTRAINT actor_aliases_pkey PRIMARY KEY (actor_id, alias);


--
-- Name: actor_relations actor_relations_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.actor_relations
    ADD CONSTRAINT actor_relations_pkey PRIMARY KEY (actor_id, relation, related_actor_id);


--
-- Name: actor_scores actor_scores_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.actor_scores
    ADD CONSTRAINT actor_scores_pkey PRIMARY KEY (run_id, actor_id);


--
-- Name: actors actors_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.actors
    ADD CONSTRAINT actors_pkey PRIMARY KEY (id);


--
-- Name: commitments commitments_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.commitments
    ADD CONSTRAINT commitments_pkey PRIMARY KEY (id);


--
-- Name: evidence evidence_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.evidence
    ADD CONSTRAINT evidence_pkey PRIMARY KEY (id);


--
-- Name: evidence_types evidence_types_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.evidence_types
    ADD CONSTRAINT evidence_types_pkey PRIMARY KEY (id);


--
-- Name: indicator_values indicator_values_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.indicator_values
    ADD CONSTRAINT indicator_values_pkey PRIMARY KEY (run_id, actor_id, indicator_code);


--
-- Name: instruments instruments_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.instruments
    ADD CONSTRAINT instruments_pkey PRIMARY KEY (id);


--
-- Name: load_batches load_batches_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.load_batches
    ADD CONSTRAINT load_batches_pkey PRIMARY KEY (id);


--
-- Name: methodologies methodologies_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.methodologies
    ADD CONSTRAINT methodologies_pkey PRIMARY KEY (id, version);


--
-- Name: pillar_scores pillar_scores_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.pillar_scores
    ADD CONSTRAINT pillar_scores_pkey PRIMARY KEY (run_id, actor_id, pillar);


--
-- Name: principles principles_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.principles
    ADD CONSTRAINT principles_pkey PRIMARY KEY (id);


--
-- Name: provisions provisions_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.provisions
    ADD CONSTRAINT provisions_pkey PRIMARY KEY (id);


--
-- Name: record_history record_history_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.record_history
    ADD CONSTRAINT record_history_pkey PRIMARY KEY (table_name, record_key, batch_id);


--
-- Name: responses responses_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.responses
    ADD CONSTRAINT responses_pkey PRIMARY KEY (id);


--
-- Name: restatements restatements_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.restatements
    ADD CONSTRAINT restatements_pkey PRIMARY KEY (run_id, restated_run_id, actor_id);


--
-- Name: run_ledger run_ledger_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.run_ledger
    ADD CONSTRAINT run_ledger_pkey PRIMARY KEY (id);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);


--
-- Name: score_runs score_runs_inputs_sha256_key; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.score_runs
    ADD CONSTRAINT score_runs_inputs_sha256_key UNIQUE (inputs_sha256);


--
-- Name: score_runs score_runs_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.score_runs
    ADD CONSTRAINT score_runs_pkey PRIMARY KEY (id);


--
-- Name: sensitivity_results sensitivity_results_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.sensitivity_results
    ADD CONSTRAINT sensitivity_results_pkey PRIMARY KEY (run_id, samples, seed, actor_id);


--
-- Name: sources sources_pkey; Type: CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.sources
    ADD CONSTRAINT sources_pkey PRIMARY KEY (id);


--
-- Name: commitments_actor; Type: INDEX; Schema: scorecard; Owner: -
--

CREATE INDEX commitments_actor ON scorecard.commitments USING btree (actor_id, committed_on);


--
-- Name: evidence_actor; Type: INDEX; Schema: scorecard; Owner: -
--

CREATE INDEX evidence_actor ON scorecard.evidence USING btree (actor_id, published_on);


--
-- Name: evidence_counterpart; Type: INDEX; Schema: scorecard; Owner: -
--

CREATE INDEX evidence_counterpart ON scorecard.evidence USING btree (counterpart_id, published_on) WHERE (counterpart_id IS NOT NULL);


--
-- Name: indicator_contributions_evidence; Type: INDEX; Schema: scorecard; Owner: -
--

CREATE INDEX indicator_contributions_evidence ON scorecard.indicator_contributions USING btree (evidence_id) WHERE (evidence_id IS NOT NULL);


--
-- Name: indicator_contributions_run; Type: INDEX; Schema: scorecard; Owner: -
--

CREATE INDEX indicator_contributions_run ON scorecard.indicator_contributions USING btree (run_id, actor_id, indicator_code);


--
-- Name: run_ledger_started; Type: INDEX; Schema: scorecard; Owner: -
--

CREATE INDEX run_ledger_started ON scorecard.run_ledger USING btree (started_at);


--
-- Name: evidence evidence_references_on_insert; Type: TRIGGER; Schema: scorecard; Owner: -
--

CREATE TRIGGER evidence_references_on_insert AFTER INSERT ON scorecard.evidence REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION scorecard.check_evidence_references();


--
-- Name: evidence evidence_references_on_update; Type: TRIGGER; Schema: scorecard; Owner: -
--

CREATE TRIGGER evidence_references_on_update AFTER UPDATE ON scorecard.evidence REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION scorecard.check_evidence_references();


--
-- Name: actors evidence_still_resolves; Type: TRIGGER; Schema: scorecard; Owner: -
--

CREATE TRIGGER evidence_still_resolves AFTER DELETE ON scorecard.actors REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION scorecard.check_evidence_still_resolves();


--
-- Name: evidence_types evidence_still_resolves; Type: TRIGGER; Schema: scorecard; Owner: -
--

CREATE TRIGGER evidence_still_resolves AFTER DELETE ON scorecard.evidence_types REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION scorecard.check_evidence_still_resolves();


--
-- Name: provisions evidence_still_resolves; Type: TRIGGER; Schema: scorecard; Owner: -
--

CREATE TRIGGER evidence_still_resolves AFTER DELETE ON scorecard.provisions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION scorecard.check_evidence_still_resolves();


--
-- Name: sources evidence_still_resolves; Type: TRIGGER; Schema: scorecard; Owner: -
--

CREATE TRIGGER evidence_still_resolves AFTER DELETE ON scorecard.sources REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION scorecard.check_evidence_still_resolves();


--
-- Name: actor_scores score_runs_are_immutable; Type: TRIGGER; Schema: scorecard; Owner: -
--

CREATE TRIGGER score_runs_are_immutable BEFORE DELETE OR UPDATE OR TRUNCATE ON scorecard.actor_scores FOR EACH STATEMENT EXECUTE FUNCTION scorecard.refuse_changing_score_runs();


--
-- Name: indicator_contributions score_runs_are_immutable; Type: TRIGGER; Schema: scorecard; Owner: -
--

CREATE TRIGGER score_runs_are_immutable BEFORE DELETE OR UPDATE OR TRUNCATE ON scorecard.indicator_contributions FOR EACH STATEMENT EXECUTE FUNCTION scorecard.refuse_changing_score_runs();


--
-- Name: indicator_values score_runs_are_immutable; Type: TRIGGER; Schema: scorecard; Owner: -
--

CREATE TRIGGER score_runs_are_immutable BEFORE DELETE OR UPDATE OR TRUNCATE ON scorecard.indicator_values FOR EACH STATEMENT EXECUTE FUNCTION scorecard.refuse_changing_score_runs();


--
-- Name: methodologies score_runs_are_immutable; Type: TRIGGER; Schema: scorecard; Owner: -
--

CREATE TRIGGER score_runs_are_immutable BEFORE DELETE OR UPDATE OR TRUNCATE ON scorecard.methodologies FOR EACH STATEMENT EXECUTE FUNCTION scorecard.refuse_changing_score_runs();


--
-- Name: pillar_scores score_runs_are_immutable; Type: TRIGGER; Schema: scorecard; Owner: -
--

CREATE TRIGGER score_runs_are_immutable BEFORE DELETE OR UPDATE OR TRUNCATE ON scorecard.pillar_scores FOR EACH STATEMENT EXECUTE FUNCTION scorecard.refuse_changing_score_runs();


--
-- Name: restatements score_runs_are_immutable; Type: TRIGGER; Schema: scorecard; Owner: -
--

CREATE TRIGGER score_runs_are_immutable BEFORE DELETE OR UPDATE OR TRUNCATE ON scorecard.restatements FOR EACH STATEMENT EXECUTE FUNCTION scorecard.refuse_changing_score_runs();


--
-- Name: score_runs score_runs_are_immutable; Type: TRIGGER; Schema: scorecard; Owner: -
--

CREATE TRIGGER score_runs_are_immutable BEFORE DELETE OR UPDATE OR TRUNCATE ON scorecard.score_runs FOR EACH STATEMENT EXECUTE FUNCTION scorecard.refuse_changing_score_runs();


--
-- Name: sensitivity_results score_runs_are_immutable; Type: TRIGGER; Schema: scorecard; Owner: -
--

CREATE TRIGGER score_runs_are_immutable BEFORE DELETE OR UPDATE OR TRUNCATE ON scorecard.sensitivity_results FOR EACH STATEMENT EXECUTE FUNCTION scorecard.refuse_changing_score_runs();


--
-- Name: actor_aliases actor_aliases_actor_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.actor_aliases
    ADD CONSTRAINT actor_aliases_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES scorecard.actors(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: actor_aliases actor_aliases_source_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.actor_aliases
    ADD CONSTRAINT actor_aliases_source_id_fkey FOREIGN KEY (source_id) REFERENCES scorecard.sources(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: actor_relations actor_relations_actor_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.actor_relations
    ADD CONSTRAINT actor_relations_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES scorecard.actors(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: actor_relations actor_relations_related_actor_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.actor_relations
    ADD CONSTRAINT actor_relations_related_actor_id_fkey FOREIGN KEY (related_actor_id) REFERENCES scorecard.actors(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: actor_relations actor_relations_source_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.actor_relations
    ADD CONSTRAINT actor_relations_source_id_fkey FOREIGN KEY (source_id) REFERENCES scorecard.sources(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: actor_scores actor_scores_previous_run_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.actor_scores
    ADD CONSTRAINT actor_scores_previous_run_id_fkey FOREIGN KEY (previous_run_id) REFERENCES scorecard.score_runs(id);


--
-- Name: actor_scores actor_scores_run_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.actor_scores
    ADD CONSTRAINT actor_scores_run_id_fkey FOREIGN KEY (run_id) REFERENCES scorecard.score_runs(id);


--
-- Name: commitments commitments_actor_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.commitments
    ADD CONSTRAINT commitments_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES scorecard.actors(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: commitments commitments_instrument_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.commitments
    ADD CONSTRAINT commitments_instrument_id_fkey FOREIGN KEY (instrument_id) REFERENCES scorecard.instruments(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: commitments commitments_source_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.commitments
    ADD CONSTRAINT commitments_source_id_fkey FOREIGN KEY (source_id) REFERENCES scorecard.sources(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: indicator_values indicator_values_run_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.indicator_values
    ADD CONSTRAINT indicator_values_run_id_fkey FOREIGN KEY (run_id) REFERENCES scorecard.score_runs(id);


--
-- Name: instruments instruments_source_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.instruments
    ADD CONSTRAINT instruments_source_id_fkey FOREIGN KEY (source_id) REFERENCES scorecard.sources(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: pillar_scores pillar_scores_run_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.pillar_scores
    ADD CONSTRAINT pillar_scores_run_id_fkey FOREIGN KEY (run_id) REFERENCES scorecard.score_runs(id);


--
-- Name: provisions provisions_instrument_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.provisions
    ADD CONSTRAINT provisions_instrument_id_fkey FOREIGN KEY (instrument_id) REFERENCES scorecard.instruments(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisions provisions_principle_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.provisions
    ADD CONSTRAINT provisions_principle_id_fkey FOREIGN KEY (principle_id) REFERENCES scorecard.principles(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: provisions provisions_source_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.provisions
    ADD CONSTRAINT provisions_source_id_fkey FOREIGN KEY (source_id) REFERENCES scorecard.sources(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responses responses_actor_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.responses
    ADD CONSTRAINT responses_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES scorecard.actors(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responses responses_evidence_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.responses
    ADD CONSTRAINT responses_evidence_id_fkey FOREIGN KEY (evidence_id) REFERENCES scorecard.evidence(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: responses responses_source_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.responses
    ADD CONSTRAINT responses_source_id_fkey FOREIGN KEY (source_id) REFERENCES scorecard.sources(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: restatements restatements_restated_run_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.restatements
    ADD CONSTRAINT restatements_restated_run_id_fkey FOREIGN KEY (restated_run_id) REFERENCES scorecard.score_runs(id);


--
-- Name: restatements restatements_run_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.restatements
    ADD CONSTRAINT restatements_run_id_fkey FOREIGN KEY (run_id) REFERENCES scorecard.score_runs(id);


--
-- Name: score_runs score_runs_methodology_id_methodology_version_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.score_runs
    ADD CONSTRAINT score_runs_methodology_id_methodology_version_fkey FOREIGN KEY (methodology_id, methodology_version) REFERENCES scorecard.methodologies(id, version);


--
-- Name: sensitivity_results sensitivity_results_run_id_fkey; Type: FK CONSTRAINT; Schema: scorecard; Owner: -
--

ALTER TABLE ONLY scorecard.sensitivity_results
    ADD CONSTRAINT sensitivity_results_run_id_fkey FOREIGN KEY (run_id) REFERENCES scorecard.score_runs(id);


--
-- Name: actor_scores; Type: ROW SECURITY; Schema: scorecard; Owner: -
--

ALTER TABLE scorecard.actor_scores ENABLE ROW LEVEL SECURITY;

--
-- Name: evidence; Type: ROW SECURITY; Schema: scorecard; Owner: -
--

ALTER TABLE scorecard.evidence ENABLE ROW LEVEL SECURITY;

--
-- Name: indicator_contributions; Type: ROW SECURITY; Schema: scorecard; Owner: -
--

ALTER TABLE scorecard.indicator_contributions ENABLE ROW LEVEL SECURITY;

--
-- Name: indicator_values; Type: ROW SECURITY; Schema: scorecard; Owner: -
--

ALTER TABLE scorecard.indicator_values ENABLE ROW LEVEL SECURITY;

--
-- Name: pillar_scores; Type: ROW SECURITY; Schema: scorecard; Owner: -
--

ALTER TABLE scorecard.pillar_scores ENABLE ROW LEVEL SECURITY;

--
-- Name: evidence public_unless_granted; Type: POLICY; Schema: scorecard; Owner: -
--

CREATE POLICY public_unless_granted ON scorecard.evidence FOR SELECT USING (((sensitivity = 'public'::text) OR ( SELECT scorecard.reads_restricted_evidence() AS reads_restricted_evidence)));


--
-- Name: POLICY public_unless_granted ON evidence; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON POLICY public_unless_granted ON scorecard.evidence IS 'Restricted evidence is visible only to members of scorecard_restricted_reader.';


--
-- Name: record_history public_unless_granted; Type: POLICY; Schema: scorecard; Owner: -
--

CREATE POLICY public_unless_granted ON scorecard.record_history FOR SELECT USING ((( SELECT scorecard.reads_restricted_evidence() AS reads_restricted_evidence) OR
CASE table_name
    WHEN 'evidence'::text THEN (((previous ->> 'sensitivity'::text) = 'public'::text) AND scorecard.evidence_is_public(record_key))
    WHEN 'responses'::text THEN scorecard.evidence_is_public((previous ->> 'evidence_id'::text))
    ELSE true
END));


--
-- Name: POLICY public_unless_granted ON record_history; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON POLICY public_unless_granted ON scorecard.record_history IS 'Past versions of restricted evidence, of evidence now restricted, and of replies to it, are visible only to members of scorecard_restricted_reader.';


--
-- Name: responses public_unless_granted; Type: POLICY; Schema: scorecard; Owner: -
--

CREATE POLICY public_unless_granted ON scorecard.responses FOR SELECT USING ((( SELECT scorecard.reads_restricted_evidence() AS reads_restricted_evidence) OR (EXISTS ( SELECT 1
   FROM scorecard.evidence e
  WHERE (e.id = responses.evidence_id)))));


--
-- Name: POLICY public_unless_granted ON responses; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON POLICY public_unless_granted ON scorecard.responses IS 'A reply to restricted evidence is visible only to members of scorecard_restricted_reader (the evidence it replies to must be visible).';


--
-- Name: score_runs public_unless_granted; Type: POLICY; Schema: scorecard; Owner: -
--

CREATE POLICY public_unless_granted ON scorecard.score_runs FOR SELECT USING ((( SELECT scorecard.reads_restricted_evidence() AS reads_restricted_evidence) OR (EXISTS ( SELECT 1
   FROM scorecard.methodologies m
  WHERE ((m.id = score_runs.methodology_id) AND (m.version = score_runs.methodology_version) AND ((m.definition ->> 'restrictedEvidence'::text) = 'exclude'::text))))));


--
-- Name: POLICY public_unless_granted ON score_runs; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON POLICY public_unless_granted ON scorecard.score_runs IS 'A run whose methodology scored restricted evidence (restricted_evidence: include) is visible only to members of scorecard_restricted_reader.';


--
-- Name: record_history; Type: ROW SECURITY; Schema: scorecard; Owner: -
--

ALTER TABLE scorecard.record_history ENABLE ROW LEVEL SECURITY;

--
-- Name: responses; Type: ROW SECURITY; Schema: scorecard; Owner: -
--

ALTER TABLE scorecard.responses ENABLE ROW LEVEL SECURITY;

--
-- Name: restatements; Type: ROW SECURITY; Schema: scorecard; Owner: -
--

ALTER TABLE scorecard.restatements ENABLE ROW LEVEL SECURITY;

--
-- Name: score_runs; Type: ROW SECURITY; Schema: scorecard; Owner: -
--

ALTER TABLE scorecard.score_runs ENABLE ROW LEVEL SECURITY;

--
-- Name: sensitivity_results; Type: ROW SECURITY; Schema: scorecard; Owner: -
--

ALTER TABLE scorecard.sensitivity_results ENABLE ROW LEVEL SECURITY;

--
-- Name: actor_scores visible_run; Type: POLICY; Schema: scorecard; Owner: -
--

CREATE POLICY visible_run ON scorecard.actor_scores FOR SELECT USING ((EXISTS ( SELECT 1
   FROM scorecard.score_runs r
  WHERE (r.id = actor_scores.run_id))));


--
-- Name: POLICY visible_run ON actor_scores; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON POLICY visible_run ON scorecard.actor_scores IS 'Visible when its score run is (see score_runs).';


--
-- Name: indicator_values visible_run; Type: POLICY; Schema: scorecard; Owner: -
--

CREATE POLICY visible_run ON scorecard.indicator_values FOR SELECT USING ((EXISTS ( SELECT 1
   FROM scorecard.score_runs r
  WHERE (r.id = indicator_values.run_id))));


--
-- Name: POLICY visible_run ON indicator_values; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON POLICY visible_run ON scorecard.indicator_values IS 'Visible when its score run is (see score_runs).';


--
-- Name: pillar_scores visible_run; Type: POLICY; Schema: scorecard; Owner: -
--

CREATE POLICY visible_run ON scorecard.pillar_scores FOR SELECT USING ((EXISTS ( SELECT 1
   FROM scorecard.score_runs r
  WHERE (r.id = pillar_scores.run_id))));


--
-- Name: POLICY visible_run ON pillar_scores; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON POLICY visible_run ON scorecard.pillar_scores IS 'Visible when its score run is (see score_runs).';


--
-- Name: sensitivity_results visible_run; Type: POLICY; Schema: scorecard; Owner: -
--

CREATE POLICY visible_run ON scorecard.sensitivity_results FOR SELECT USING ((EXISTS ( SELECT 1
   FROM scorecard.score_runs r
  WHERE (r.id = sensitivity_results.run_id))));


--
-- Name: POLICY visible_run ON sensitivity_results; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON POLICY visible_run ON scorecard.sensitivity_results IS 'Visible when its score run is (see score_runs).';


--
-- Name: indicator_contributions visible_run_and_evidence; Type: POLICY; Schema: scorecard; Owner: -
--

CREATE POLICY visible_run_and_evidence ON scorecard.indicator_contributions FOR SELECT USING (((EXISTS ( SELECT 1
   FROM scorecard.score_runs r
  WHERE (r.id = indicator_contributions.run_id))) AND ((evidence_id IS NULL) OR ( SELECT scorecard.reads_restricted_evidence() AS reads_restricted_evidence) OR (EXISTS ( SELECT 1
   FROM scorecard.evidence e
  WHERE (e.id = indicator_contributions.evidence_id))) OR scorecard.evidence_is_public(evidence_id))));


--
-- Name: POLICY visible_run_and_evidence ON indicator_contributions; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON POLICY visible_run_and_evidence ON scorecard.indicator_contributions IS 'Visible when its score run is, and its evidence record (if any) is public now or the caller is a member of scorecard_restricted_reader.';


--
-- Name: restatements visible_runs_and_evidence; Type: POLICY; Schema: scorecard; Owner: -
--

CREATE POLICY visible_runs_and_evidence ON scorecard.restatements FOR SELECT USING (((EXISTS ( SELECT 1
   FROM scorecard.score_runs r
  WHERE (r.id = restatements.run_id))) AND (EXISTS ( SELECT 1
   FROM scorecard.score_runs r
  WHERE (r.id = restatements.restated_run_id))) AND (( SELECT scorecard.reads_restricted_evidence() AS reads_restricted_evidence) OR (NOT (EXISTS ( SELECT 1
   FROM unnest(restatements.evidence_ids) cited(id)
  WHERE ((NOT (EXISTS ( SELECT 1
           FROM scorecard.evidence e
          WHERE (e.id = cited.id)))) AND (NOT scorecard.evidence_is_public(cited.id)))))))));


--
-- Name: POLICY visible_runs_and_evidence ON restatements; Type: COMMENT; Schema: scorecard; Owner: -
--

COMMENT ON POLICY visible_runs_and_evidence ON scorecard.restatements IS 'Visible when both runs are, and every evidence record it cites is public now or the caller is a member of scorecard_restricted_reader.';


--
-- PostgreSQL database dump complete
--

\unrestrict ssKnjMqnbnIldY0KbTlrf4LI8yOwoEq71ylZLkOAv75u5CQqljufDEmcs38bfY5

