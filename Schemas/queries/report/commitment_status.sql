-- Each actor's status under each of the methodology's status instruments that address its kind:
-- committed on a date, withdrawn on a date, or not committed, as known at the cutoff and in force at
-- the period end (scorecard.in_force, scorecard.known_by). Grain: actor × status instrument.
-- $1 actor ids (text[]), $2 status instrument ids in the methodology's order (text[]), $3 period end,
-- $4 knowledge cutoff.
WITH wanted AS (
    SELECT i.id, i.short_name, i.title, n AS position, i.addresses
    FROM unnest($2::text[]) WITH ORDINALITY AS w (id, n)
    JOIN scorecard.instruments i ON i.id = w.id
),
latest AS (  -- an actor's latest commitment to each instrument known by the cutoff
    SELECT DISTINCT ON (k.actor_id, k.instrument_id) k.actor_id, k.instrument_id, k.committed_on, k.committed_precision,
           k.withdrawn_on, k.withdrawn_precision
    FROM scorecard.commitments k
    WHERE k.actor_id = ANY ($1::text[]) AND k.instrument_id = ANY ($2::text[])
      AND scorecard.known_by(k.committed_on, k.committed_precision, $4::date)
      AND scorecard.last_day(k.committed_on, k.committed_precision) <= $3::date
    ORDER BY k.actor_id, k.instrument_id, k.committed_on DESC, k.id
)
SELECT a.id AS actor_id, w.id AS instrument_id, coalesce(w.short_name, w.title) AS instrument_name,
       CASE WHEN l.actor_id IS NULL THEN 'not committed'
            WHEN scorecard.in_force(l.committed_on, l.committed_precision, l.withdrawn_on, $3::date) THEN 'committed'
            ELSE 'withdrawn' END AS status,
       scorecard.partial_date_text(l.committed_on, l.committed_precision) AS committed,
       CASE WHEN l.withdrawn_on <= $3::date THEN scorecard.partial_date_text(l.withdrawn_on, l.withdrawn_precision) END AS withdrawn
FROM scorecard.actors a
CROSS JOIN wanted w
LEFT JOIN latest l ON l.actor_id = a.id AND l.instrument_id = w.id
WHERE a.id = ANY ($1::text[]) AND a.kind = ANY (w.addresses)
ORDER BY a.id, w.position
