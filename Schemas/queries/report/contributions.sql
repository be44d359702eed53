-- What each evidence record (that the audience may see) and each commitment contributed to each
-- indicator value of the report's actors, with the event each record reports and whether it carries
-- it (the event's other records corroborate it, at 0). A card cites at most $4 events per indicator,
-- those that weigh most; `events` counts them all and `cited_events` those returned. A commitment is
-- its own event. Grain: actor × indicator × record.
-- $1 run id, $2 actor ids (text[]), $3 include restricted evidence (boolean), $4 most events cited per
-- indicator (NULL: all).
WITH visible AS (
    SELECT c.actor_id, c.indicator_code, c.evidence_id, c.commitment_id, c.event_id, coalesce(c.counts, true) AS counts,
           c.weight, c.contribution,
           coalesce(c.event_id, c.evidence_id, c.commitment_id) AS event_key
    FROM scorecard.indicator_contributions c
    LEFT JOIN scorecard.evidence e ON e.id = c.evidence_id
    WHERE c.run_id = $1::bigint AND c.actor_id = ANY ($2::text[])
      AND (c.commitment_id IS NOT NULL OR scorecard.counts_for(e.sensitivity, $3::boolean))
),
events AS (  -- each event's part in the value, heaviest first
    SELECT actor_id, indicator_code, event_key,
           row_number() OVER (PARTITION BY actor_id, indicator_code ORDER BY sum(contribution) DESC, event_key) AS position,
           count(*) OVER (PARTITION BY actor_id, indicator_code) AS events
    FROM visible
    GROUP BY actor_id, indicator_code, event_key
)
SELECT v.actor_id, v.indicator_code, v.evidence_id, v.commitment_id, v.event_id, v.counts, v.weight, v.contribution,
       x.events::int AS events,
       least(x.events, coalesce($4::integer, x.events))::int AS cited_events
FROM visible v
JOIN events x USING (actor_id, indicator_code, event_key)
WHERE $4::integer IS NULL OR x.position <= $4::integer
ORDER BY v.actor_id, coalesce(v.evidence_id, v.commitment_id), v.indicator_code
