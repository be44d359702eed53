-- Events and measures (docs/methodology.md, "Events" and "Measures").
--
-- An event is one act: records that report it share an event_id (a record without one is its own
-- event). An indicator counts an event once per actor, by its strongest record; further independent
-- sources raise the event's certainty, never its count.
--
-- A measure is a record whose evidence type is a status (a sanction, a listing): it holds from its
-- date until it ends, and while it holds it does not age. It ends on its ends_on, or on the date of a
-- record that ends it (ends = its id) and was public by the knowledge cutoff, whichever comes first;
-- like a withdrawal, an end dated to a month or a year takes effect from its first day.

CREATE FUNCTION scorecard.event_of(evidence_id text, event_id text)
    RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT coalesce(event_id, evidence_id) $$;
COMMENT ON FUNCTION scorecard.event_of(text, text) IS
    'The event a record reports: its event_id, or the record itself when it has none.';

CREATE FUNCTION scorecard.certainty_rank(certainty text)
    RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE certainty WHEN 'reported' THEN 1 WHEN 'attributed' THEN 2 WHEN 'confirmed' THEN 3 END $$;
COMMENT ON FUNCTION scorecard.certainty_rank(text) IS
    'reported 1, attributed 2, confirmed 3: the order in which certainty is raised.';

CREATE FUNCTION scorecard.event_certainty(best_rank integer, independent_sources bigint)
    RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT (ARRAY['reported', 'attributed', 'confirmed'])[least(3, best_rank + CASE WHEN independent_sources >= 2 THEN 1 ELSE 0 END)]
    $$;
COMMENT ON FUNCTION scorecard.event_certainty(integer, bigint) IS
    'The certainty of an event: the highest of its records'' (certainty_rank), raised one step (reported to attributed, attributed to confirmed) when its records cite at least two independent sources (sources of distinct publishers).';

CREATE FUNCTION scorecard.measure_ends(cutoff date, include_restricted boolean, conduct_cutoff date)
    RETURNS TABLE (measure_id text, ended_on date, ended_by text)
    LANGUAGE sql STABLE
    AS $$
        -- Set-based (hash joins), never one scan of the evidence per measure: at a million records
        -- a correlated form took minutes.
        WITH measures AS (
            SELECT m.id, m.ends_on
            FROM scorecard.evidence m
            JOIN scorecard.evidence_types t ON t.id = m.evidence_type AND t.measure
        ),
        ends AS (
            SELECT m.id AS measure_id, m.ends_on AS ended_on, NULL::text AS ended_by FROM measures m WHERE m.ends_on IS NOT NULL
            UNION ALL
            SELECT m.id, e.occurred_on, e.id
            FROM scorecard.evidence e
            JOIN measures m ON m.id = e.ends
            WHERE e.ends IS NOT NULL AND scorecard.known_by(e.published_on, e.published_precision, cutoff)
              AND scorecard.counts_for(e.sensitivity, include_restricted)
              AND e.occurred_on <= conduct_cutoff
        )
        SELECT DISTINCT ON (measure_id) measure_id, ended_on, ended_by
        FROM ends
        ORDER BY measure_id, ended_on, ended_by NULLS FIRST
    $$;
COMMENT ON FUNCTION scorecard.measure_ends(date, boolean, date) IS
    'Each measure that has ended as known at the cutoff, with the first day it no longer holds: its own ends_on or the date of the earliest record that ends it (ended_by; NULL for ends_on) and was public by the cutoff (restricted ones only when include_restricted) and occurred by the conduct cutoff (lifting a measure is conduct: an aged run, which keeps only an earlier period''s conduct, does not see it; an end date is time and it does). A measure not listed still holds.';
