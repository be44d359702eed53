-- Evidence eligible for each evidence and breach indicator of a score run, with its weight.
-- Grain: indicator × actor × evidence record. Written into the temporary table scoring_evidence.
-- $1 period end (E), $2 knowledge cutoff (K), $3 methodology definition (jsonb). Formulas: docs/methodology.md.
INSERT INTO scoring_evidence (indicator_code, actor_id, evidence_id, weight)
WITH indicator AS (
    SELECT *
    FROM jsonb_to_recordset($3::jsonb -> 'indicators') AS i (code text, kind text, evidence_types text[], role text,
                                             half_life_days float8, window_days integer, instruments jsonb)
    WHERE i.kind IN ('evidence', 'breach')
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
known_evidence AS MATERIALIZED (  -- published by the cutoff: never counted before it could have been public
    SELECT e.id, e.actor_id, e.counterpart_id, e.evidence_type, e.provision_id, e.severity, e.certainty,
           e.source_ids, e.occurred_on, scorecard.last_day(e.occurred_on, e.occurred_precision) AS occurred_last
    FROM scorecard.evidence e
    WHERE scorecard.known_by(e.published_on, e.published_precision, $2::date)
      AND scorecard.counts_for(e.sensitivity, scorecard.scores_restricted_evidence($3::jsonb))
),
best_reliability AS (  -- a record is as reliable as its most reliable source
    SELECT e.id AS evidence_id, max(rw.weight) AS weight
    FROM known_evidence e
    CROSS JOIN LATERAL unnest(e.source_ids) AS s (source_id)
    JOIN scorecard.sources src ON src.id = s.source_id
    JOIN reliability_weight rw ON rw.reliability = src.reliability
    GROUP BY e.id
),
candidate AS (  -- one row per indicator and the actor whose conduct the record is, in the indicator's role
    SELECT i.code, i.kind, i.instruments,
           CASE i.role WHEN 'counterpart' THEN e.counterpart_id ELSE e.actor_id END AS actor_id,
           e.id AS evidence_id, e.occurred_on, e.provision_id,
           sw.weight * cw.weight * coalesce(r.weight, 0)
               * power(0.5, greatest(0, $1::date - e.occurred_last) / i.half_life_days) AS weight
    FROM indicator i
    JOIN known_evidence e ON e.evidence_type = ANY (i.evidence_types)
    JOIN severity_weight sw ON sw.severity = e.severity
    JOIN certainty_weight cw ON cw.certainty = e.certainty
    LEFT JOIN best_reliability r ON r.evidence_id = e.id
    WHERE e.occurred_on <= $1::date  -- conduct after the period never counts for it, whatever is known later
      AND $1::date - e.occurred_last <= i.window_days
      AND (i.role <> 'counterpart' OR e.counterpart_id IS NOT NULL)
),
qualifying AS (  -- a breach is conduct after a promise that covered it, not withdrawn by then
    SELECT c.*
    FROM candidate c
    WHERE c.kind = 'evidence'
       OR EXISTS (
            SELECT 1
            FROM scorecard.commitments k
            LEFT JOIN scorecard.provisions p ON p.id = c.provision_id
            WHERE k.actor_id = c.actor_id
              AND (c.instruments ? k.instrument_id OR k.instrument_id = p.instrument_id)
              AND scorecard.commitment_binds(k.committed_on, k.committed_precision, k.withdrawn_on, c.occurred_on)
              AND scorecard.known_by(k.committed_on, k.committed_precision, $2::date))
)
SELECT q.code, q.actor_id, q.evidence_id, q.weight
FROM qualifying q
