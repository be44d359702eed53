-- The hand-written aggregation that `make bench` times against `scorecard score`: one query that
-- yields the same scored indicator values as Schemas/queries/scoring/ for Tests/Fixtures/bench/methodology.yaml,
-- with that methodology's constants written in. psql variables: :'period_end' (E = K).
-- Like the engine, it reads each record's source grades and publishers as the load keeps them
-- (scorecard.evidence_source_facts): what a record's sources are is precomputed outside its timing, as
-- a hand-written pass at the machine's limit would have it.
-- The rules of methodology v2 (docs/methodology.md), written out again: each event counts once per
-- actor, by its strongest record, its certainty raised a step by two publishers or more; a measure in
-- force does not age and does not leave the window, and counts no more once ended; a vendor's
-- conduct counts for the top of its group.
WITH RECURSIVE indicator (code, kind, types, role, half_life, window_days, saturation, applies_to) AS (
    VALUES ('S-CONSEQUENCES', 'evidence', ARRAY['sanction_imposed', 'entity_listing', 'court_ruling'], 'actor', 730.0, 1825, 2.0, ARRAY['state', 'organisation']),
           ('S-OVERSIGHT', 'evidence', ARRAY['oversight_body_created', 'export_rule_enacted'], 'actor', 1095.0, 3650, 2.0, ARRAY['state']),
           ('S-TRANSPARENCY', 'evidence', ARRAY['transparency_report'], 'actor', 365.0, 1095, 1.0, ARRAY['state', 'vendor']),
           ('S-MISUSE', 'evidence', ARRAY['misuse_documented', 'procurement_documented'], 'actor', 730.0, 1825, 2.0, ARRAY['state']),
           ('V-SALES', 'evidence', ARRAY['sale_to_abusive_customer', 'restructuring_to_evade_sanctions'], 'actor', 730.0, 1825, 2.0, ARRAY['vendor']),
           ('V-SANCTIONED', 'evidence', ARRAY['sanction_imposed', 'entity_listing', 'court_ruling'], 'counterpart', 730.0, 1825, 2.0, ARRAY['vendor', 'investor']),
           ('S-BREACH', 'breach', ARRAY['misuse_documented'], 'actor', 730.0, 1825, 1.0, ARRAY['state']),
           ('V-TRANSPARENCY-GAP', 'evidence', ARRAY['procurement_documented'], 'counterpart', 365.0, 1095, 2.0, ARRAY['vendor'])
),
edge AS (  -- entity -> the actor above it, both of one kind, on E
    SELECT CASE WHEN r.relation IN ('parent_of', 'successor_of') THEN r.related_actor_id ELSE r.actor_id END AS child,
           CASE WHEN r.relation IN ('parent_of', 'successor_of') THEN r.actor_id ELSE r.related_actor_id END AS parent
    FROM scorecard.actor_relations r
    JOIN scorecard.actors a ON a.id = r.actor_id
    JOIN scorecard.actors b ON b.id = r.related_actor_id AND b.kind = a.kind
    WHERE r.relation <> 'investor_in' AND r.actor_id <> r.related_actor_id
      AND (r.valid_from IS NULL OR scorecard.last_day(r.valid_from, r.valid_from_precision) <= :'period_end'::date)
      AND (r.valid_to IS NULL OR r.valid_to > :'period_end'::date)
),
climb (actor_id, group_id, path) AS (
    SELECT id, id, ARRAY[id] FROM scorecard.actors
    UNION ALL
    SELECT c.actor_id, e.parent, c.path || e.parent FROM climb c JOIN edge e ON e.child = c.group_id WHERE NOT e.parent = ANY (c.path)
),
grouped AS (  -- each actor and the top of its group (one parent each in generated data)
    SELECT c.actor_id, c.group_id FROM climb c
    WHERE NOT EXISTS (SELECT 1 FROM edge e WHERE e.child = c.group_id AND NOT e.parent = ANY (c.path))
),
known AS (
    SELECT e.* FROM scorecard.evidence e
    WHERE scorecard.last_day(e.published_on, e.published_precision) <= :'period_end'::date AND e.sensitivity = 'public'
),
lifted AS (  -- the earliest public record known by E that ends each measure
    SELECT x.ends AS id, min(x.occurred_on) AS lifted_on FROM known x WHERE x.ends IS NOT NULL GROUP BY x.ends
),
ended AS (  -- measures ended by E: their ends_on, or a public record that ends them, known by E
    SELECT m.id, least(m.ends_on, l.lifted_on) AS ended_on
    FROM scorecard.evidence m LEFT JOIN lifted l ON l.id = m.id
    WHERE m.evidence_type IN ('sanction_imposed', 'entity_listing')
),
evidence AS (
    SELECT e.id, coalesce(e.event_id, e.id) AS event_id, e.actor_id, e.counterpart_id, e.evidence_type, e.occurred_on, e.provision_id,
           e.certainty, e.source_ids, scorecard.last_day(e.occurred_on, e.occurred_precision) AS occurred_last,
           e.evidence_type IN ('sanction_imposed', 'entity_listing') AS measure, d.ended_on,
           (ARRAY[0.2, 0.4, 0.6, 0.8, 1.0]::float8[])[e.severity]
           * coalesce((SELECT max(CASE g WHEN 'A' THEN 1.0 WHEN 'B' THEN 0.9 WHEN 'C' THEN 0.75 WHEN 'D' THEN 0.5 WHEN 'E' THEN 0.25 ELSE 0.5 END::float8)
                       FROM unnest(f.reliabilities) AS g), 0) AS base_strength,
           f.publishers
    FROM known e LEFT JOIN ended d ON d.id = e.id
    LEFT JOIN scorecard.evidence_source_facts f ON f.evidence_id = e.id
    WHERE e.occurred_on <= :'period_end'::date
),
weighted AS (
    SELECT i.code, i.saturation, g.group_id AS actor_id, e.id, e.event_id, e.publishers,
           CASE e.certainty WHEN 'confirmed' THEN 3 WHEN 'attributed' THEN 2 ELSE 1 END AS certainty_rank,
           e.base_strength * CASE WHEN e.measure THEN 1 ELSE power(0.5, greatest(0, :'period_end'::date - e.occurred_last) / i.half_life::float8) END AS strength
    FROM indicator i
    JOIN evidence e ON e.evidence_type = ANY (i.types)
    JOIN grouped g ON g.actor_id = CASE i.role WHEN 'counterpart' THEN e.counterpart_id ELSE e.actor_id END
    WHERE CASE WHEN e.measure THEN e.occurred_last <= :'period_end'::date AND (e.ended_on IS NULL OR e.ended_on > :'period_end'::date)
               ELSE :'period_end'::date - e.occurred_last <= i.window_days END
      AND (i.kind = 'evidence' OR EXISTS (
            SELECT 1 FROM scorecard.commitments k
            WHERE k.actor_id IN (g.group_id, e.actor_id)
              AND (k.instrument_id IN ('instrument-0', 'instrument-1')
                   OR k.instrument_id = (SELECT p.instrument_id FROM scorecard.provisions p WHERE p.id = e.provision_id))
              AND scorecard.last_day(k.committed_on, k.committed_precision) < e.occurred_on
              AND (k.withdrawn_on IS NULL OR k.withdrawn_on > e.occurred_on)))
),
publishers AS (  -- independent sources of each event: the distinct publishers its records cite
    SELECT w.code, w.actor_id, w.event_id, count(DISTINCT p) AS n
    FROM weighted w CROSS JOIN LATERAL unnest(w.publishers) AS p
    GROUP BY w.code, w.actor_id, w.event_id
),
event AS (  -- each event once: its strongest record (then the first by id), weighed at the higher of its own and the
            -- event's certainty; not the heaviest at its own certainty, which let a second report lower an event
    SELECT w.code, w.saturation, w.actor_id, w.event_id, max(w.certainty_rank) AS best_rank,
           (array_agg(w.strength ORDER BY w.strength DESC, w.id))[1] AS strength,
           (array_agg(w.certainty_rank ORDER BY w.strength DESC, w.id))[1] AS own_rank
    FROM weighted w
    GROUP BY w.code, w.saturation, w.actor_id, w.event_id
),
event_weight AS (
    SELECT v.code, v.saturation, v.actor_id,
           v.strength * (ARRAY[0.5, 0.75, 1.0]::float8[])[greatest(v.own_rank, least(3, v.best_rank + CASE WHEN p.n >= 2 THEN 1 ELSE 0 END))] AS weight
    FROM event v LEFT JOIN publishers p USING (code, actor_id, event_id)
)
SELECT w.code, w.actor_id, round((100 * (1 - exp(-sum(w.weight) / min(w.saturation)::float8)))::numeric, 3) AS value
FROM event_weight w
JOIN scorecard.actors a ON a.id = w.actor_id
JOIN indicator i ON i.code = w.code AND a.kind = ANY (i.applies_to)
GROUP BY w.code, w.actor_id
