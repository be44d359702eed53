-- Every indicator's value and state for every actor in a score run.
-- Grain: run × actor × indicator. Reads scoring_evidence (scoring_evidence.sql): each event counts
-- once, by the weight its carrying record gives it. An entity of a group has no values of its own
-- (state 'in group'): its conduct is its group's.
-- $1 run id, $2 period end (E), $3 knowledge cutoff (K), $4 methodology definition (jsonb).
INSERT INTO scorecard.indicator_values (run_id, actor_id, indicator_code, pillar, polarity, kind, state, value, evidence_count)
WITH indicator AS (
    SELECT *
    FROM jsonb_to_recordset($4::jsonb -> 'indicators') AS i (code text, kind text, polarity text, pillar text,
                                             applies_to text[], saturation float8, instruments jsonb)
),
grid AS (
    SELECT a.id AS actor_id, a.kind AS actor_kind, g.group_id <> a.id AS in_group, i.*
    FROM scorecard.actors a
    JOIN scorecard.actor_groups($2::date) g ON g.actor_id = a.id
    CROSS JOIN indicator i
    -- A run that excludes restricted evidence ranks only public actors (scorecard.public_actors).
    WHERE scorecard.scores_restricted_evidence($4::jsonb) OR a.id IN (SELECT p.id FROM scorecard.public_actors() AS p (id))
),
evidence_total AS (  -- per indicator and actor: the events' weights, and how many events
    SELECT indicator_code, actor_id, sum(event_weight) AS total, count(*) AS records
    FROM scoring_evidence
    WHERE counts
    GROUP BY indicator_code, actor_id
),
instrument_term AS (  -- the listed instruments that existed by the end of the period
    SELECT i.code, t.key AS instrument_id, t.value::float8 AS weight
    FROM indicator i
    CROSS JOIN LATERAL jsonb_each_text(i.instruments) AS t
    JOIN scorecard.instruments ins ON ins.id = t.key
    WHERE scorecard.in_force(ins.adopted_on, ins.adopted_precision, NULL, $2::date)
),
in_force AS (
    SELECT DISTINCT k.actor_id, k.instrument_id
    FROM scorecard.commitments k
    WHERE scorecard.in_force(k.committed_on, k.committed_precision, k.withdrawn_on, $2::date)
      AND scorecard.known_by(k.committed_on, k.committed_precision, $3::date)
),
commitment_total AS (
    SELECT g.code, g.actor_id, sum(t.weight) AS possible,
           coalesce(sum(t.weight) FILTER (WHERE f.actor_id IS NOT NULL), 0) AS kept,
           count(f.actor_id) AS commitments
    FROM grid g
    JOIN instrument_term t ON t.code = g.code
    LEFT JOIN in_force f ON f.actor_id = g.actor_id AND f.instrument_id = t.instrument_id
    GROUP BY g.code, g.actor_id
),
assessed AS (
    SELECT g.actor_id, g.code, g.pillar, g.polarity, g.kind,
           CASE
               WHEN NOT (g.actor_kind = ANY (g.applies_to)) THEN 'not applicable'
               WHEN g.in_group THEN 'in group'
               WHEN g.kind = 'commitment' THEN CASE WHEN ct.possible > 0 THEN 'scored' ELSE 'not applicable' END
               WHEN g.kind = 'breach' AND coalesce(ct.commitments, 0) = 0 THEN 'not applicable'
               WHEN et.records IS NULL THEN 'no evidence'
               ELSE 'scored'
           END AS state,
           CASE g.kind
               WHEN 'commitment' THEN 100 * ct.kept / nullif(ct.possible, 0)
               ELSE 100 * (1 - exp(-et.total / g.saturation))
           END AS value,
           CASE g.kind WHEN 'commitment' THEN coalesce(ct.commitments, 0) ELSE coalesce(et.records, 0) END AS evidence_count
    FROM grid g
    LEFT JOIN evidence_total et ON et.indicator_code = g.code AND et.actor_id = g.actor_id
    LEFT JOIN commitment_total ct ON ct.code = g.code AND ct.actor_id = g.actor_id
)
SELECT $1::bigint, actor_id, code, pillar, polarity, kind, state,
       CASE WHEN state = 'scored' THEN round(value::numeric, 3) END,
       CASE WHEN state IN ('not applicable', 'in group') THEN 0 ELSE evidence_count END
FROM assessed
