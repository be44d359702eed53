-- Row-level security for what names an actor, alias, relation or source: a reader without
-- scorecard_restricted_reader sees only the public ones (scorecard.public_names, 10_rules), in
-- their tables, in record_history, and in every result row of a score run that names an actor.
-- The function's set is computed once per query (an uncorrelated IN, hashed), not once per row.
-- With row-level security active on a table, pg_stats shows a reader none of its statistics
-- (PostgreSQL hides them when row_security_active), so its most common values leak nothing.
-- Policies on tables that row_level_security.sql already guards are RESTRICTIVE: they narrow what
-- that file's policy lets through, rather than adding to it.

ALTER TABLE scorecard.actors ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_unless_granted ON scorecard.actors FOR SELECT
    USING ((SELECT scorecard.reads_restricted_evidence())
           OR id IN (SELECT p.id FROM scorecard.public_actors() AS p (id)));
COMMENT ON POLICY public_unless_granted ON scorecard.actors IS
    'A restricted actor (marked so, or named only by restricted records: scorecard.public_actors) is visible only to members of scorecard_restricted_reader.';

ALTER TABLE scorecard.actor_aliases ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_unless_granted ON scorecard.actor_aliases FOR SELECT
    USING ((SELECT scorecard.reads_restricted_evidence())
           OR concat_ws('/', actor_id, alias) IN (SELECT n.record_key FROM scorecard.public_names() n WHERE n.table_name = 'actor_aliases'));
COMMENT ON POLICY public_unless_granted ON scorecard.actor_aliases IS
    'A restricted alias (marked so, or of a restricted actor: scorecard.public_names) is visible only to members of scorecard_restricted_reader.';

ALTER TABLE scorecard.actor_relations ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_unless_granted ON scorecard.actor_relations FOR SELECT
    USING ((SELECT scorecard.reads_restricted_evidence())
           OR (actor_id IN (SELECT p.id FROM scorecard.public_actors() AS p (id))
               AND related_actor_id IN (SELECT p.id FROM scorecard.public_actors() AS p (id))));
COMMENT ON POLICY public_unless_granted ON scorecard.actor_relations IS
    'A relation naming a restricted actor is visible only to members of scorecard_restricted_reader.';

ALTER TABLE scorecard.sources ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_unless_granted ON scorecard.sources FOR SELECT
    USING ((SELECT scorecard.reads_restricted_evidence())
           OR id IN (SELECT n.record_key FROM scorecard.public_names() n WHERE n.table_name = 'sources'));
COMMENT ON POLICY public_unless_granted ON scorecard.sources IS
    'A source no public record cites (scorecard.public_names) is visible only to members of scorecard_restricted_reader.';

-- A past version of an actor, alias, relation or source is shown when the record is public now; one
-- that left the dataset cannot be judged any more, so it is shown only to those granted restricted
-- records. A past version of any record that names an actor (actor_id, counterpart_id,
-- related_actor_id) is shown only when that actor is public now.
CREATE POLICY names_only_public ON scorecard.record_history AS RESTRICTIVE FOR SELECT
    USING ((SELECT scorecard.reads_restricted_evidence())
           OR ((table_name NOT IN ('actors', 'actor_aliases', 'actor_relations', 'sources')
                OR (table_name, record_key) IN (SELECT n.table_name, n.record_key FROM scorecard.public_names() n))
               AND (previous ->> 'actor_id' IS NULL OR previous ->> 'actor_id' IN (SELECT p.id FROM scorecard.public_actors() AS p (id)))
               AND (previous ->> 'counterpart_id' IS NULL OR previous ->> 'counterpart_id' IN (SELECT p.id FROM scorecard.public_actors() AS p (id)))
               AND (previous ->> 'related_actor_id' IS NULL OR previous ->> 'related_actor_id' IN (SELECT p.id FROM scorecard.public_actors() AS p (id)))));
COMMENT ON POLICY names_only_public ON scorecard.record_history IS
    'Past versions of restricted actors, aliases, relations and sources, of those that left the dataset, and of any record naming an actor restricted now, are visible only to members of scorecard_restricted_reader.';

-- Results name their actor: a run scored before an actor was marked restricted still holds it.
CREATE POLICY public_actor ON scorecard.indicator_values AS RESTRICTIVE FOR SELECT
    USING ((SELECT scorecard.reads_restricted_evidence()) OR actor_id IN (SELECT p.id FROM scorecard.public_actors() AS p (id)));
COMMENT ON POLICY public_actor ON scorecard.indicator_values IS 'Rows of a restricted actor are visible only to members of scorecard_restricted_reader.';
CREATE POLICY public_actor ON scorecard.indicator_contributions AS RESTRICTIVE FOR SELECT
    USING ((SELECT scorecard.reads_restricted_evidence()) OR actor_id IN (SELECT p.id FROM scorecard.public_actors() AS p (id)));
COMMENT ON POLICY public_actor ON scorecard.indicator_contributions IS 'Rows of a restricted actor are visible only to members of scorecard_restricted_reader.';
CREATE POLICY public_actor ON scorecard.pillar_scores AS RESTRICTIVE FOR SELECT
    USING ((SELECT scorecard.reads_restricted_evidence()) OR actor_id IN (SELECT p.id FROM scorecard.public_actors() AS p (id)));
COMMENT ON POLICY public_actor ON scorecard.pillar_scores IS 'Rows of a restricted actor are visible only to members of scorecard_restricted_reader.';
CREATE POLICY public_actor ON scorecard.actor_scores AS RESTRICTIVE FOR SELECT
    USING ((SELECT scorecard.reads_restricted_evidence()) OR actor_id IN (SELECT p.id FROM scorecard.public_actors() AS p (id)));
COMMENT ON POLICY public_actor ON scorecard.actor_scores IS 'Rows of a restricted actor are visible only to members of scorecard_restricted_reader.';
CREATE POLICY public_actor ON scorecard.sensitivity_results AS RESTRICTIVE FOR SELECT
    USING ((SELECT scorecard.reads_restricted_evidence()) OR actor_id IN (SELECT p.id FROM scorecard.public_actors() AS p (id)));
COMMENT ON POLICY public_actor ON scorecard.sensitivity_results IS 'Rows of a restricted actor are visible only to members of scorecard_restricted_reader.';
CREATE POLICY public_actor ON scorecard.restatements AS RESTRICTIVE FOR SELECT
    USING ((SELECT scorecard.reads_restricted_evidence()) OR actor_id IN (SELECT p.id FROM scorecard.public_actors() AS p (id)));
COMMENT ON POLICY public_actor ON scorecard.restatements IS 'Rows of a restricted actor are visible only to members of scorecard_restricted_reader.';
CREATE POLICY public_actor ON scorecard.edition_restatements AS RESTRICTIVE FOR SELECT
    USING ((SELECT scorecard.reads_restricted_evidence()) OR actor_id IN (SELECT p.id FROM scorecard.public_actors() AS p (id)));
COMMENT ON POLICY public_actor ON scorecard.edition_restatements IS 'Rows of a restricted actor are visible only to members of scorecard_restricted_reader.';
CREATE POLICY public_actor_and_source ON scorecard.restatement_causes AS RESTRICTIVE FOR SELECT
    USING ((SELECT scorecard.reads_restricted_evidence())
           OR (actor_id IN (SELECT p.id FROM scorecard.public_actors() AS p (id))
               AND (record_table IS DISTINCT FROM 'sources'
                    OR record_id IN (SELECT n.record_key FROM scorecard.public_names() n WHERE n.table_name = 'sources'))));
COMMENT ON POLICY public_actor_and_source ON scorecard.restatement_causes IS 'Rows of a restricted actor, or naming a restricted source, are visible only to members of scorecard_restricted_reader.';
