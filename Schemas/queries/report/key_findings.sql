-- What happened in the run's period that a reader should see first, besides the movers (which come
-- from the rankings): breaches of commitments, commitments made and withdrawn, measures imposed and
-- ended (each act once). "In the period": the record's date (occurred, committed, withdrawn, ended) falls between the
-- period's start and end, and the record was known by the run's knowledge cutoff. Only what the
-- audience may see (scorecard.counts_for; actors by their public names). Grain: finding.
-- Order: kind (breach, commitment, withdrawal, measure, measureEnded), then weight, date, actor.
-- $1 run id, $2 include restricted evidence (boolean).
WITH run AS (
    SELECT r.id, r.period_start, r.period_end, r.knowledge_cutoff
    FROM scorecard.score_runs r WHERE r.id = $1::bigint
),
scored AS (SELECT s.actor_id FROM scorecard.actor_scores s WHERE s.run_id = $1::bigint),
breaches AS (
    SELECT 'breach'::text AS kind, 1 AS kind_order, c.actor_id, e.id AS record_id, e.occurred_on AS on_date,
           scorecard.partial_date_text(e.occurred_on, e.occurred_precision) AS on_text,
           t.name AS subject, c.contribution AS points
    FROM scorecard.indicator_contributions c
    JOIN scorecard.indicator_values v USING (run_id, actor_id, indicator_code)
    JOIN scorecard.evidence e ON e.id = c.evidence_id AND scorecard.counts_for(e.sensitivity, $2::boolean)
    JOIN scorecard.evidence_types t ON t.id = e.evidence_type
    CROSS JOIN run
    WHERE c.run_id = $1::bigint AND v.kind = 'breach' AND coalesce(c.counts, true)
      AND e.occurred_on BETWEEN run.period_start AND run.period_end
),
commitments AS (
    SELECT CASE WHEN k.withdrawn_on BETWEEN run.period_start AND run.period_end THEN 'withdrawal' ELSE 'commitment' END AS kind,
           CASE WHEN k.withdrawn_on BETWEEN run.period_start AND run.period_end THEN 3 ELSE 2 END AS kind_order,
           k.actor_id, k.id AS record_id,
           CASE WHEN k.withdrawn_on BETWEEN run.period_start AND run.period_end THEN k.withdrawn_on ELSE k.committed_on END AS on_date,
           CASE WHEN k.withdrawn_on BETWEEN run.period_start AND run.period_end
                THEN scorecard.partial_date_text(k.withdrawn_on, k.withdrawn_precision)
                ELSE scorecard.partial_date_text(k.committed_on, k.committed_precision) END AS on_text,
           coalesce(i.short_name, i.title) AS subject, NULL::numeric AS points
    FROM scorecard.commitments k
    JOIN scorecard.instruments i ON i.id = k.instrument_id
    JOIN scored ON scored.actor_id = k.actor_id
    CROSS JOIN run
    WHERE scorecard.known_by(k.committed_on, k.committed_precision, run.knowledge_cutoff)
      AND (k.committed_on BETWEEN run.period_start AND run.period_end
           OR k.withdrawn_on BETWEEN run.period_start AND run.period_end)
),
measures AS (  -- one row per act: a measure on several entities is one event
    SELECT 'measure'::text AS kind, 4 AS kind_order, e.actor_id, min(e.id) AS record_id, min(e.occurred_on) AS on_date,
           min(scorecard.partial_date_text(e.occurred_on, e.occurred_precision)) AS on_text,
           min(t.name) || coalesce(' → ' || string_agg(DISTINCT counterpart.name, ', ' ORDER BY counterpart.name), '') AS subject,
           NULL::numeric AS points
    FROM scorecard.evidence e
    JOIN scorecard.evidence_types t ON t.id = e.evidence_type AND t.measure
    JOIN scored ON scored.actor_id = e.actor_id
    LEFT JOIN scorecard.actors counterpart
        ON counterpart.id = e.counterpart_id AND counterpart.id IN (SELECT scorecard.public_actors())
    CROSS JOIN run
    WHERE scorecard.counts_for(e.sensitivity, $2::boolean)
      AND scorecard.known_by(e.published_on, e.published_precision, run.knowledge_cutoff)
      AND e.occurred_on BETWEEN run.period_start AND run.period_end
    GROUP BY e.actor_id, scorecard.event_of(e.id, e.event_id)
),
ended AS (  -- one row per act, as above
    SELECT 'measureEnded'::text AS kind, 5 AS kind_order, e.actor_id, min(e.id) AS record_id, min(m.ended_on) AS on_date,
           min(m.ended_on)::text AS on_text,
           min(t.name) || coalesce(' → ' || string_agg(DISTINCT counterpart.name, ', ' ORDER BY counterpart.name), '') AS subject,
           NULL::numeric AS points
    FROM run
    CROSS JOIN LATERAL scorecard.measure_ends(run.knowledge_cutoff, $2::boolean, run.period_end) m
    JOIN scorecard.evidence e ON e.id = m.measure_id AND scorecard.counts_for(e.sensitivity, $2::boolean)
    JOIN scorecard.evidence_types t ON t.id = e.evidence_type
    JOIN scored ON scored.actor_id = e.actor_id
    LEFT JOIN scorecard.actors counterpart
        ON counterpart.id = e.counterpart_id AND counterpart.id IN (SELECT scorecard.public_actors())
    WHERE m.ended_on BETWEEN run.period_start AND run.period_end
    GROUP BY e.actor_id, scorecard.event_of(e.id, e.event_id)
),
findings AS (
    SELECT * FROM breaches UNION ALL SELECT * FROM commitments UNION ALL SELECT * FROM measures UNION ALL SELECT * FROM ended
)
SELECT f.kind, f.actor_id, a.name, f.record_id, f.on_text, f.subject, f.points
FROM findings f
JOIN scorecard.actors a ON a.id = f.actor_id AND a.id IN (SELECT scorecard.public_actors())
ORDER BY f.kind_order, f.points DESC NULLS LAST, f.on_date, f.subject, a.name, f.record_id
