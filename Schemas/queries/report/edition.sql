-- The edition a report is, or (for a report that is no edition: a provisional period, a period not
-- published yet) the latest edition of its methodology; and the window of revisions it shows: those
-- recorded after the edition published before it, up to its own publication (for no edition: all
-- those after the latest edition). Grain: one row. $1 edition id (NULL: no edition), $2 methodology id.
WITH this AS (
    SELECT e.* FROM scorecard.editions e WHERE e.id = $1::bigint
),
shown_before AS (  -- the revisions the editions published before it showed already
    SELECT coalesce(max(p.revisions_through), 0) AS revisions_through
    FROM scorecard.editions p
    WHERE p.methodology_id = $2::text AND ($1::bigint IS NULL OR p.id < $1::bigint)
)
SELECT t.id IS NOT NULL AS published, t.published_on, coalesce(t.backfill, false) AS backfill,
       p.period AS previous_period, p.published_on AS previous_published_on,
       p.methodology_version AS previous_methodology_version, p.backfill AS previous_backfill, p.inputs_sha256 AS previous_inputs_sha256, p.run_id AS previous_run_id,
       b.revisions_through AS revisions_after, t.revisions_through
FROM shown_before b
LEFT JOIN this t ON true
LEFT JOIN scorecard.editions p ON p.id = t.previous_edition_id
