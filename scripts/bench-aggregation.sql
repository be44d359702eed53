-- The hand-written aggregation that `make bench` times against `scorecard score`: one query that
-- yields the same scored indicator values as Schemas/queries/scoring/ for Tests/Fixtures/bench/methodology.yaml,
-- with that methodology's constants written in. psql variables: :'period_end' (E = K).
WITH indicator (code, kind, types, role, half_life, window_days, saturation, applies_to) AS (
    VALUES ('S-CONSEQUENCES', 'evidence', ARRAY['sanction_imposed', 'entity_listing', 'court_ruling'], 'actor', 730.0, 1825, 2.0, ARRAY['state', 'organisation']),
           ('S-OVERSIGHT', 'evidence', ARRAY['oversight_body_created', 'export_rule_enacted'], 'actor', 1095.0, 3650, 2.0, ARRAY['state']),
           ('S-TRANSPARENCY', 'evidence', ARRAY['transparency_report'], 'actor', 365.0, 1095, 1.0, ARRAY['state', 'vendor']),
           ('S-MISUSE', 'evidence', ARRAY['misuse_documented', 'procurement_documented'], 'actor', 730.0, 1825, 2.0, ARRAY['state']),
           ('V-SALES', 'evidence', ARRAY['sale_to_abusive_customer', 'restructuring_to_evade_sanctions'], 'actor', 730.0, 1825, 2.0, ARRAY['vendor']),
           ('V-SANCTIONED', 'evidence', ARRAY['sanction_imposed', 'entity_listing', 'court_ruling'], 'counterpart', 730.0, 1825, 2.0, ARRAY['vendor', 'investor']),
           ('S-BREACH', 'breach', ARRAY['misuse_documented'], 'actor', 730.0, 1825, 1.0, ARRAY['state']),
           ('V-TRANSPARENCY-GAP', 'evidence', ARRAY['procurement_documented'], 'counterpart', 365.0, 1095, 2.0, ARRAY['vendor'])
),
evidence AS (
    SELECT e.id, e.actor_id, e.counterpart_id, e.evidence_type, e.occurred_on, e.provision_id,
           scorecard.last_day(e.occurred_on, e.occurred_precision) AS occurred_last,
           (ARRAY[0.2, 0.4, 0.6, 0.8, 1.0])[e.severity]
           * CASE e.certainty WHEN 'confirmed' THEN 1.0 WHEN 'attributed' THEN 0.75 ELSE 0.5 END
           * (SELECT max(CASE s.reliability WHEN 'A' THEN 1.0 WHEN 'B' THEN 0.9 WHEN 'C' THEN 0.75 WHEN 'D' THEN 0.5 WHEN 'E' THEN 0.25 ELSE 0.5 END)
              FROM unnest(e.source_ids) AS u (id) JOIN scorecard.sources s ON s.id = u.id) AS base_weight
    FROM scorecard.evidence e
    WHERE scorecard.last_day(e.published_on, e.published_precision) <= :'period_end'::date AND e.sensitivity = 'public'
),
weighted AS (
    SELECT i.code, i.saturation, CASE i.role WHEN 'counterpart' THEN e.counterpart_id ELSE e.actor_id END AS actor_id,
           e.base_weight * power(0.5, greatest(0, :'period_end'::date - e.occurred_last) / i.half_life) AS weight
    FROM indicator i JOIN evidence e ON e.evidence_type = ANY (i.types)
    WHERE e.occurred_on <= :'period_end'::date AND :'period_end'::date - e.occurred_last <= i.window_days
      AND (i.role = 'actor' OR e.counterpart_id IS NOT NULL)
      AND (i.kind = 'evidence' OR EXISTS (
            SELECT 1 FROM scorecard.commitments k
            WHERE k.actor_id = e.actor_id
              AND (k.instrument_id IN ('instrument-0', 'instrument-1')
                   OR k.instrument_id = (SELECT p.instrument_id FROM scorecard.provisions p WHERE p.id = e.provision_id))
              AND scorecard.last_day(k.committed_on, k.committed_precision) < e.occurred_on
              AND (k.withdrawn_on IS NULL OR k.withdrawn_on > e.occurred_on)))
)
SELECT w.code, w.actor_id, round((100 * (1 - exp(-sum(w.weight) / min(w.saturation))))::numeric, 3) AS value
FROM weighted w
JOIN scorecard.actors a ON a.id = w.actor_id
JOIN indicator i ON i.code = w.code AND a.kind = ANY (i.applies_to)
GROUP BY w.code, w.actor_id
