-- Corporate groups (docs/methodology.md, "Groups"). A vendor split into entities, or renamed, must
-- not score better than the one company it is: the conduct of every entity of a group counts for the
-- group, once per event, and the group is what is graded and ranked.
--
-- parent_of, subsidiary_of and member_of join an entity to the group above it; successor_of joins a
-- former company to the one it became (its record follows it). investor_in does not: an investor
-- answers for its own conduct (its own indicators), not for its portfolio's. Only actors of one kind
-- form a group: a holding that is an investor does not take a vendor's conduct off the vendors' table.
-- A relation counts on a date when it holds then (scorecard.in_force of valid_from, valid_to; an
-- unknown start counts as always). The group holds the entity's whole record, from before it joined
-- too: who buys a company buys its record.

CREATE FUNCTION scorecard.actor_groups(on_date date)
    RETURNS TABLE (actor_id text, group_id text)
    LANGUAGE sql STABLE
    AS $$
        WITH RECURSIVE edge AS (  -- child -> parent, both of one kind, holding on on_date
            SELECT CASE r.relation WHEN 'parent_of' THEN r.related_actor_id WHEN 'successor_of' THEN r.related_actor_id
                                   ELSE r.actor_id END AS child,
                   CASE r.relation WHEN 'parent_of' THEN r.actor_id WHEN 'successor_of' THEN r.actor_id
                                   ELSE r.related_actor_id END AS parent
            FROM scorecard.actor_relations r
            JOIN scorecard.actors a ON a.id = r.actor_id
            JOIN scorecard.actors b ON b.id = r.related_actor_id
            WHERE r.relation IN ('parent_of', 'subsidiary_of', 'member_of', 'successor_of')
              AND a.kind = b.kind AND r.actor_id <> r.related_actor_id
              AND (r.valid_from IS NULL OR scorecard.last_day(r.valid_from, r.valid_from_precision) <= on_date)
              AND (r.valid_to IS NULL OR r.valid_to > on_date)
        ),
        climb (actor_id, group_id, depth, path) AS (
            SELECT a.id, a.id, 0, ARRAY[a.id] FROM scorecard.actors a
            UNION ALL
            SELECT c.actor_id, e.parent, c.depth + 1, c.path || e.parent
            FROM climb c JOIN edge e ON e.child = c.group_id
            WHERE NOT e.parent = ANY (c.path)  -- a cycle in the data stops the climb where it closes
        )
        -- The top of the climb; with two parents (data the checks should refuse), the deepest, then
        -- the first by id, so the answer is the same on every run.
        SELECT DISTINCT ON (c.actor_id) c.actor_id, c.group_id
        FROM climb c
        WHERE NOT EXISTS (SELECT 1 FROM edge e WHERE e.child = c.group_id AND NOT e.parent = ANY (c.path))
        ORDER BY c.actor_id, c.depth DESC, c.group_id
    $$;
COMMENT ON FUNCTION scorecard.actor_groups(date) IS
    'Each actor and the group whose score covers its conduct on a date: the top of its parent_of / subsidiary_of / member_of / successor_of relations with actors of its own kind holding then; itself when it belongs to none. Scoring, reports and the views call it.';
