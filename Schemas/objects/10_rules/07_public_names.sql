-- Which actors, aliases, relations and sources are public: the one definition of the sensitivity
-- of everything that is not evidence. Evidence says its own (scorecard.is_public); an actor or an
-- alias may be marked restricted in the data; the rest is derived from the records that need it,
-- so that nothing only a restricted record needs is a second flag to forget:
--   an actor is public unless it is marked restricted, or restricted records name it (as actor or
--     counterpart of restricted evidence, or as the author of a reply to it) and no public record
--     does (public evidence as actor or counterpart, a commitment, a reply to public evidence). An
--     actor no record names (a state not yet scored on anything) is public: it is the monitor's list;
--   an alias is public when it is not marked restricted and its actor is public;
--   a relation is public when both its actors are;
--   a source is public when a public record cites it: public evidence, an instrument, a provision,
--     a commitment, a reply to public evidence, a public alias or relation. A source no public
--     record needs (cited only by restricted records, or by none) is restricted.
-- A public record may not name an actor marked restricted: validation refuses it (docs/data-format.md),
-- so the derivation never has to choose between a record and the actor it names.
-- Row-level security (30_access/restricted_names.sql), scoring (indicator_values: the actors a run
-- ranks) and the views all ask these two functions. SECURITY DEFINER: they must read restricted
-- rows to answer, which the policies calling them (as the reader) cannot; they return only what is
-- public, so calling them tells a reader nothing it may not read.

CREATE FUNCTION scorecard.public_actors() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
        WITH named_publicly AS (
            SELECT e.actor_id AS id FROM scorecard.evidence e WHERE scorecard.is_public(e.sensitivity)
            UNION SELECT e.counterpart_id FROM scorecard.evidence e WHERE scorecard.is_public(e.sensitivity)
            UNION SELECT k.actor_id FROM scorecard.commitments k
            UNION SELECT r.actor_id FROM scorecard.responses r
                  JOIN scorecard.evidence e ON e.id = r.evidence_id WHERE scorecard.is_public(e.sensitivity)
        ), named_in_restricted AS (
            SELECT e.actor_id AS id FROM scorecard.evidence e WHERE NOT scorecard.is_public(e.sensitivity)
            UNION SELECT e.counterpart_id FROM scorecard.evidence e WHERE NOT scorecard.is_public(e.sensitivity)
            UNION SELECT r.actor_id FROM scorecard.responses r
                  JOIN scorecard.evidence e ON e.id = r.evidence_id WHERE NOT scorecard.is_public(e.sensitivity)
        )
        SELECT a.id FROM scorecard.actors a
        WHERE scorecard.is_public(coalesce(a.sensitivity, 'public'))
          AND (a.id IN (SELECT n.id FROM named_publicly n WHERE n.id IS NOT NULL)
               OR a.id NOT IN (SELECT n.id FROM named_in_restricted n WHERE n.id IS NOT NULL))
    $$;
COMMENT ON FUNCTION scorecard.public_actors() IS
    'The ids of the public actors: not marked restricted, and named by a public record or by no restricted one. Used by row-level security, scoring (a run that excludes restricted evidence ranks only these) and scorecard.public_names.';

CREATE FUNCTION scorecard.public_names() RETURNS TABLE (table_name text, record_key text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
        WITH public_actor AS (
            SELECT id FROM scorecard.public_actors() AS p (id)
        ), public_alias AS (
            SELECT l.actor_id, l.alias, l.source_id FROM scorecard.actor_aliases l
            WHERE scorecard.is_public(coalesce(l.sensitivity, 'public')) AND l.actor_id IN (SELECT id FROM public_actor)
        ), public_relation AS (
            SELECT r.actor_id, r.relation, r.related_actor_id, r.source_id FROM scorecard.actor_relations r
            WHERE r.actor_id IN (SELECT id FROM public_actor) AND r.related_actor_id IN (SELECT id FROM public_actor)
        ), cited_publicly AS (
            SELECT unnest(e.source_ids) AS id FROM scorecard.evidence e WHERE scorecard.is_public(e.sensitivity)
            UNION SELECT i.source_id FROM scorecard.instruments i
            UNION SELECT p.source_id FROM scorecard.provisions p
            UNION SELECT k.source_id FROM scorecard.commitments k
            UNION SELECT r.source_id FROM scorecard.responses r
                  JOIN scorecard.evidence e ON e.id = r.evidence_id WHERE scorecard.is_public(e.sensitivity)
            UNION SELECT l.source_id FROM public_alias l
            UNION SELECT r.source_id FROM public_relation r
        )
        SELECT 'actors'::text, a.id FROM public_actor a
        UNION ALL SELECT 'actor_aliases', concat_ws('/', l.actor_id, l.alias) FROM public_alias l
        UNION ALL SELECT 'actor_relations', concat_ws('/', r.actor_id, r.relation, r.related_actor_id) FROM public_relation r
        UNION ALL SELECT 'sources', s.id FROM scorecard.sources s WHERE s.id IN (SELECT c.id FROM cited_publicly c WHERE c.id IS NOT NULL)
    $$;
COMMENT ON FUNCTION scorecard.public_names() IS
    'Every public actor, alias, relation and source now in the dataset, by table name and record key (as record_history keys them: composite keys joined with a slash). What is not listed is restricted (see the rules at the top of 10_rules/07_public_names.sql). Used by row-level security and the analysts'' views.';
