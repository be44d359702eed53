-- Evidence eligible for each evidence and breach indicator of a score run, with its weight, by event.
-- Grain: indicator × actor (the group the conduct counts for) × evidence record. Exactly one record of
-- each indicator × actor × event carries the event (counts, event_weight); the others corroborate it.
-- Written into the temporary table scoring_evidence.
-- $1 period end (E), $2 knowledge cutoff (K), $3 methodology definition (jsonb),
-- $4 conduct cutoff (C): conduct after it does not count (E, except for the change decomposition's
-- "aged" runs, which keep only the conduct of an earlier period). Formulas: docs/methodology.md.
INSERT INTO scoring_evidence (indicator_code, actor_id, evidence_id, event_id, weight, counts, event_weight)
WITH indicator AS (
    SELECT *
    FROM jsonb_to_recordset($3::jsonb -> 'indicators') AS i (code text, kind text, evidence_types text[], role text,
                                             half_life_days float8, window_days integer, instruments jsonb)
    WHERE i.kind IN ('evidence', 'breach')
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
known_evidence AS MATERIALIZED (  -- published by the cutoff: never counted before it could have been public
    SELECT e.id, e.actor_id, e.counterpart_id, e.evidence_type, e.provision_id, e.severity, e.certainty,
           e.source_ids, e.occurred_on, scorecard.last_day(e.occurred_on, e.occurred_precision) AS occurred_last,
           scorecard.event_of(e.id, e.event_id) AS event_id,
           coalesce(t.measure, false) AS measure,
           scorecard.in_force(e.occurred_on, e.occurred_precision, x.ended_on, $1::date) AS in_force
    FROM scorecard.evidence e
    JOIN scorecard.evidence_types t ON t.id = e.evidence_type
    LEFT JOIN ended x ON x.measure_id = e.id
    WHERE scorecard.known_by(e.published_on, e.published_precision, $2::date)
      AND scorecard.counts_for(e.sensitivity, (SELECT yes FROM include_restricted))
      AND e.occurred_on <= $4::date
),
record_source AS (
    SELECT e.id AS evidence_id, e.event_id, src.publisher, rw.weight
    FROM known_evidence e
    CROSS JOIN LATERAL unnest(e.source_ids) AS s (source_id)
    JOIN scorecard.sources src ON src.id = s.source_id
    JOIN reliability_weight rw ON rw.reliability = src.reliability
),
best_reliability AS (  -- a record is as reliable as its most reliable source
    SELECT evidence_id, max(weight) AS weight FROM record_source GROUP BY evidence_id
),
groups AS (
    SELECT * FROM scorecard.actor_groups($1::date)
),
candidate AS (  -- one row per indicator and the group whose conduct the record is, in the indicator's role
    SELECT i.code, i.kind, i.instruments, g.group_id AS actor_id,
           CASE i.role WHEN 'counterpart' THEN e.counterpart_id ELSE e.actor_id END AS entity_id,
           e.id AS evidence_id, e.event_id, e.occurred_on, e.provision_id, e.certainty,
           -- A measure in force does not age; every other record halves each half-life after its interval.
           sw.weight * coalesce(r.weight, 0)
               * CASE WHEN e.measure THEN 1 ELSE power(0.5, greatest(0, $1::date - e.occurred_last) / i.half_life_days) END AS strength
    FROM indicator i
    JOIN known_evidence e ON e.evidence_type = ANY (i.evidence_types)
    JOIN severity_weight sw ON sw.severity = e.severity
    LEFT JOIN best_reliability r ON r.evidence_id = e.id
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
weighed AS (
    SELECT q.*, cw.weight AS certainty_weight, q.strength * cw.weight AS weight
    FROM qualifying q
    JOIN certainty_weight cw ON cw.certainty = q.certainty
),
event_sources AS (  -- independent sources of each event: its records' sources, by publisher
    SELECT w.code, w.actor_id, w.event_id, count(DISTINCT s.publisher) AS independent
    FROM weighed w
    JOIN record_source s ON s.evidence_id = w.evidence_id
    GROUP BY w.code, w.actor_id, w.event_id
),
event AS (  -- per indicator, actor and event: its certainty (scorecard.event_certainty)
    SELECT w.code, w.actor_id, w.event_id,
           scorecard.event_certainty(max(scorecard.certainty_rank(w.certainty)), coalesce(max(es.independent), 0)) AS certainty
    FROM weighed w
    LEFT JOIN event_sources es USING (code, actor_id, event_id)
    GROUP BY w.code, w.actor_id, w.event_id
),
strongest AS (  -- the record that carries each event: the strongest (at the event's certainty, which is
                -- every record's), then the first by id; so another record of an event never lowers it
    SELECT DISTINCT ON (w.code, w.actor_id, w.event_id) w.code, w.actor_id, w.event_id, w.evidence_id,
           w.strength * greatest(w.certainty_weight, cw.weight) AS event_weight
    FROM weighed w
    JOIN event v USING (code, actor_id, event_id)
    JOIN certainty_weight cw ON cw.certainty = v.certainty
    ORDER BY w.code, w.actor_id, w.event_id, w.strength DESC, w.evidence_id
)
SELECT w.code, w.actor_id, w.evidence_id, w.event_id, w.weight, s.evidence_id IS NOT NULL, s.event_weight
FROM weighed w
LEFT JOIN strongest s USING (code, actor_id, event_id, evidence_id)
