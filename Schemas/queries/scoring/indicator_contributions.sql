-- What each evidence record and each commitment contributed to each scored indicator value.
-- Grain: run × actor × indicator × evidence record (or commitment). The record that carries an event
-- holds the event's share; the event's other records are listed with it, contributing 0 (counts false).
-- $1 run id, $2 period end (E), $3 knowledge cutoff (K), $4 methodology definition (jsonb).
INSERT INTO scorecard.indicator_contributions (run_id, actor_id, indicator_code, evidence_id, commitment_id, event_id, counts, weight, contribution)
WITH scored AS (
    SELECT actor_id, indicator_code, value
    FROM scorecard.indicator_values
    WHERE run_id = $1::bigint AND state = 'scored'
),
evidence_total AS (
    SELECT indicator_code, actor_id, sum(event_weight) AS total
    FROM scoring_evidence
    WHERE counts
    GROUP BY indicator_code, actor_id
),
evidence_share AS (  -- value × event weight / total: the events' shares add up to the value
    SELECT e.actor_id, e.indicator_code, e.evidence_id, e.event_id, e.counts,
           CASE WHEN e.counts THEN e.event_weight ELSE e.weight END AS weight,
           CASE WHEN e.counts THEN coalesce(s.value::float8 * e.event_weight / nullif(t.total, 0), 0) ELSE 0 END AS contribution
    FROM scoring_evidence e
    JOIN scored s ON s.actor_id = e.actor_id AND s.indicator_code = e.indicator_code
    JOIN evidence_total t ON t.actor_id = e.actor_id AND t.indicator_code = e.indicator_code
),
commitment_term AS (
    SELECT i.code, t.key AS instrument_id, t.value::float8 AS weight
    FROM jsonb_to_recordset($4::jsonb -> 'indicators') AS i (code text, kind text, instruments jsonb)
    CROSS JOIN LATERAL jsonb_each_text(i.instruments) AS t
    JOIN scorecard.instruments ins ON ins.id = t.key
    WHERE i.kind = 'commitment'
      AND scorecard.in_force(ins.adopted_on, ins.adopted_precision, NULL, $2::date)
),
possible AS (
    SELECT code, sum(weight) AS total FROM commitment_term GROUP BY code
),
in_force AS (  -- one commitment per actor and instrument: the earliest
    SELECT DISTINCT ON (k.actor_id, k.instrument_id) k.actor_id, k.instrument_id, k.id
    FROM scorecard.commitments k
    WHERE scorecard.in_force(k.committed_on, k.committed_precision, k.withdrawn_on, $2::date)
      AND scorecard.known_by(k.committed_on, k.committed_precision, $3::date)
    ORDER BY k.actor_id, k.instrument_id, k.committed_on, k.id
),
commitment_share AS (
    SELECT s.actor_id, s.indicator_code, f.id AS commitment_id, t.weight, 100 * t.weight / p.total AS contribution
    FROM scored s
    JOIN commitment_term t ON t.code = s.indicator_code
    JOIN possible p ON p.code = t.code
    JOIN in_force f ON f.actor_id = s.actor_id AND f.instrument_id = t.instrument_id
)
SELECT $1::bigint, actor_id, indicator_code, evidence_id, NULL, event_id, counts, round(weight::numeric, 6), round(contribution::numeric, 3)
FROM evidence_share
UNION ALL
SELECT $1::bigint, actor_id, indicator_code, NULL, commitment_id, NULL, true, round(weight::numeric, 6), round(contribution::numeric, 3)
FROM commitment_share
