-- Evidence eligible for each evidence and breach indicator of a score run, with its weight, by event.
-- Grain: indicator × actor (the group the conduct counts for) × evidence record. Exactly one record of
-- each indicator × actor × event carries the event (counts, event_weight); the others corroborate it.
-- Written into the temporary table scoring_evidence.
-- $1 period end (E), $2 knowledge cutoff (K), $3 methodology definition (jsonb),
-- $4 conduct cutoff (C): conduct after it does not count (E, except for the change decomposition's
-- "aged" runs, which keep only the conduct of an earlier period). Formulas: docs/methodology.md.
-- Speed (docs/performance.md): what each record's sources are (their grades and publishers) is kept
-- by the loader (scorecard.evidence_source_facts), so no score joins the sources; the eligible records
-- are read once more (window functions give each event its record count, best certainty and carrier),
-- and only events of several records join their records' publishers together.
INSERT INTO scoring_evidence (indicator_code, actor_id, evidence_id, event_id, weight, counts, event_weight)
WITH indicator AS (
    SELECT *
    FROM jsonb_to_recordset($3::jsonb -> 'indicators') AS i (code text, kind text, evidence_types text[], role text,
                                             half_life_days float8, window_days integer, instruments jsonb)
    WHERE i.kind IN ('evidence', 'breach')
),
indicator_type AS (  -- each indicator once per evidence type it lists: a hash join, not a scan per indicator
    SELECT DISTINCT i.code, t.evidence_type FROM indicator i CROSS JOIN LATERAL unnest(i.evidence_types) AS t (evidence_type)
),
include_restricted AS (
    SELECT scorecard.scores_restricted_evidence($3::jsonb) AS yes
),
certainty_weight AS (
    SELECT key AS certainty, value::float8 AS weight FROM jsonb_each_text($3::jsonb -> 'weights' -> 'certainty')
),
severity_weight AS (
    SELECT key::smallint AS severity, value::float8 AS weight FROM jsonb_each_text($3::jsonb -> 'weights' -> 'severity')
),
reliability_weight AS (
    SELECT key AS reliability, value::float8 AS weight FROM jsonb_each_text($3::jsonb -> 'weights' -> 'reliability')
),
ended AS (
    SELECT * FROM scorecard.measure_ends($2::date, (SELECT yes FROM include_restricted), $4::date)
),
grade_set_weight AS MATERIALIZED (  -- a record is as reliable as its most reliable source: the best
                                    -- weight of each set of grades records have (a few dozen sets,
                                    -- whatever the number of records)
    SELECT g.reliabilities, max(rw.weight) AS reliability
    FROM (SELECT DISTINCT f.reliabilities FROM scorecard.evidence_source_facts f) g
    CROSS JOIN LATERAL unnest(g.reliabilities) AS u (grade)
    JOIN reliability_weight rw ON rw.reliability = u.grade
    GROUP BY g.reliabilities
),
known_evidence AS MATERIALIZED (  -- published by the cutoff: never counted before it could have been public
    SELECT e.id, e.actor_id, e.counterpart_id, e.evidence_type, e.provision_id, e.severity, e.certainty,
           e.occurred_on, scorecard.last_day(e.occurred_on, e.occurred_precision) AS occurred_last,
           scorecard.event_of(e.id, e.event_id) AS event_id,
           -- one of several records of an act, which the event's window below must see together; a
           -- record alone in its event (most) skips that sort
           (e.event_id IS NOT NULL OR e.id IN (SELECT n.event_id FROM scorecard.evidence n WHERE n.event_id IS NOT NULL)) AS shared_event,
           coalesce(t.measure, false) AS measure,
           scorecard.in_force(e.occurred_on, e.occurred_precision, x.ended_on, $1::date) AS in_force,
           -- what its sources are, kept by the loader (scorecard.evidence_source_facts): no score
           -- joins the sources again
           w.reliability, cardinality(f.publishers) AS publishers
    FROM scorecard.evidence e
    JOIN scorecard.evidence_types t ON t.id = e.evidence_type
    LEFT JOIN ended x ON x.measure_id = e.id
    LEFT JOIN scorecard.evidence_source_facts f ON f.evidence_id = e.id
    LEFT JOIN grade_set_weight w ON w.reliabilities = f.reliabilities
    WHERE scorecard.known_by(e.published_on, e.published_precision, $2::date)
      AND scorecard.counts_for(e.sensitivity, (SELECT yes FROM include_restricted))
      AND e.occurred_on <= $4::date
),
groups AS (
    SELECT * FROM scorecard.actor_groups($1::date)
),
candidate AS (  -- one row per indicator and the group whose conduct the record is, in the indicator's role
    SELECT i.code, i.kind, i.instruments, g.group_id AS actor_id,
           CASE i.role WHEN 'counterpart' THEN e.counterpart_id ELSE e.actor_id END AS entity_id,
           e.id AS evidence_id, e.event_id, e.shared_event, e.occurred_on, e.provision_id, e.certainty, e.publishers,
           -- A measure in force does not age; every other record halves each half-life after its interval.
           sw.weight * coalesce(e.reliability, 0)
               * CASE WHEN e.measure THEN 1 ELSE power(0.5, greatest(0, $1::date - e.occurred_last) / i.half_life_days) END AS strength
    FROM indicator i
    JOIN indicator_type it ON it.code = i.code
    JOIN known_evidence e ON e.evidence_type = it.evidence_type
    JOIN severity_weight sw ON sw.severity = e.severity
    JOIN groups g ON g.actor_id = CASE i.role WHEN 'counterpart' THEN e.counterpart_id ELSE e.actor_id END
    WHERE e.occurred_on <= $1::date  -- conduct after the period never counts for it, whatever is known later
      AND CASE WHEN e.measure THEN e.in_force  -- a measure counts while it holds, and not once it has ended
               ELSE $1::date - e.occurred_last <= i.window_days END
),
qualifying AS (  -- a breach is conduct after a promise that covered it, not withdrawn by then
    SELECT c.*
    FROM candidate c
    WHERE c.kind = 'evidence'
       OR EXISTS (
            SELECT 1
            FROM scorecard.commitments k
            LEFT JOIN scorecard.provisions p ON p.id = c.provision_id
            WHERE k.actor_id IN (c.actor_id, c.entity_id)
              AND (c.instruments ? k.instrument_id OR k.instrument_id = p.instrument_id)
              AND scorecard.commitment_binds(k.committed_on, k.committed_precision, k.withdrawn_on, c.occurred_on)
              AND scorecard.known_by(k.committed_on, k.committed_precision, $2::date))
),
ranked AS MATERIALIZED (  -- each record's weight, and its event's facts per indicator and actor: how many
                         -- records, the best certainty, and the carrier: the strongest (at the event's
                         -- certainty, which is every record's), then the first by id; so another record
                         -- of an event never lowers it
    SELECT q.code, q.actor_id, q.evidence_id, q.event_id, q.strength, q.publishers,
           cw.weight AS certainty_weight, q.strength * cw.weight AS weight,
           count(*) OVER event AS records,
           max(scorecard.certainty_rank(q.certainty)) OVER event AS best_rank,
           row_number() OVER (event ORDER BY q.strength DESC, q.evidence_id) = 1 AS strongest
    FROM qualifying q
    JOIN certainty_weight cw ON cw.certainty = q.certainty
    WHERE q.shared_event
    WINDOW event AS (PARTITION BY q.code, q.actor_id, q.event_id)
    UNION ALL  -- a record alone in its event is its event: one record, its own certainty, the carrier
    SELECT q.code, q.actor_id, q.evidence_id, q.event_id, q.strength, q.publishers,
           cw.weight, q.strength * cw.weight, 1::bigint, scorecard.certainty_rank(q.certainty), true
    FROM qualifying q
    JOIN certainty_weight cw ON cw.certainty = q.certainty
    WHERE NOT q.shared_event
),
shared_event_sources AS (  -- independent sources of an event of several records: its records' publishers
                           -- together (the few events of several records read their publishers again)
    SELECT r.code, r.actor_id, r.event_id, count(DISTINCT p.publisher) AS independent
    FROM ranked r
    JOIN scorecard.evidence_source_facts f ON f.evidence_id = r.evidence_id
    CROSS JOIN LATERAL unnest(f.publishers) AS p (publisher)
    WHERE r.records > 1
    GROUP BY r.code, r.actor_id, r.event_id
),
carried AS (  -- the carrier's event certainty (scorecard.event_certainty); a single record's event has its own publishers
    SELECT r.*, cw.weight AS event_certainty_weight
    FROM ranked r
    LEFT JOIN shared_event_sources s ON r.strongest AND r.records > 1
         AND s.code = r.code AND s.actor_id = r.actor_id AND s.event_id = r.event_id
    LEFT JOIN certainty_weight cw ON r.strongest
         AND cw.certainty = scorecard.event_certainty(r.best_rank,
                                CASE WHEN r.records > 1 THEN coalesce(s.independent, 0) ELSE coalesce(r.publishers, 0) END)
)
SELECT c.code, c.actor_id, c.evidence_id, c.event_id, c.weight, c.event_certainty_weight IS NOT NULL,
       CASE WHEN c.event_certainty_weight IS NOT NULL THEN c.strength * greatest(c.certainty_weight, c.event_certainty_weight) END
FROM carried c
