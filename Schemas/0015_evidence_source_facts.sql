-- 0015: what every score needs to know of a record's sources, kept beside the record instead of
-- recomputed by every score run (docs/performance.md). At a million records, joining each record's
-- source_ids to sources and grouping them again took most of a score's time; a score now reads these
-- two small arrays. They are facts of the dataset, not of a methodology: which reliability grades
-- and which publishers a record's sources have. What they weigh stays the methodology's
-- (Schemas/queries/scoring/scoring_evidence.sql). The loader keeps them equal to the dataset
-- (Schemas/queries/load/evidence_source_facts.sql); this migration fills them for data loaded before.

CREATE TABLE scorecard.evidence_source_facts (
    evidence_id   text   PRIMARY KEY,
    reliabilities text[] NOT NULL,
    publishers    text[] NOT NULL
);
COMMENT ON TABLE scorecard.evidence_source_facts IS
    'What the sources of each evidence record are: their distinct reliability grades and distinct publishers, kept by the loader from evidence.source_ids and sources so that scoring need not join them again. Grain: one evidence record with at least one source. Derived: never edited by hand.';
COMMENT ON COLUMN scorecard.evidence_source_facts.evidence_id IS 'The evidence record (evidence.id).';
COMMENT ON COLUMN scorecard.evidence_source_facts.reliabilities IS 'The distinct reliability grades (A–F) of its sources, in order: a record is as reliable as its most reliable source.';
COMMENT ON COLUMN scorecard.evidence_source_facts.publishers IS 'The distinct publishers of its sources, in order: independent sources raise an event''s certainty (scorecard.event_certainty).';

INSERT INTO scorecard.evidence_source_facts (evidence_id, reliabilities, publishers)
SELECT e.id, array_agg(DISTINCT s.reliability::text ORDER BY s.reliability::text), array_agg(DISTINCT s.publisher ORDER BY s.publisher)
FROM scorecard.evidence e
CROSS JOIN LATERAL unnest(e.source_ids) AS u (source_id)
JOIN scorecard.sources s ON s.id = u.source_id
GROUP BY e.id;

-- The planner's estimate of how many records were public by a cutoff (scorecard.known_by). Without
-- statistics on the expression it guesses a third of the table, and at a million records builds its
-- hash tables on the wrong side of the score's joins. The expression is scorecard.last_day's body
-- as the planner inlines it (a statistics object may not depend on that function, which the migrator
-- re-creates): should the two ever differ, only the estimate suffers, never a figure.
CREATE STATISTICS scorecard.evidence_published_last_day
    ON ((CASE published_precision WHEN 'day' THEN published_on
                                  WHEN 'month' THEN (published_on + interval '1 month' - interval '1 day')::date
                                  ELSE (published_on + interval '1 year' - interval '1 day')::date END))
    FROM scorecard.evidence;
-- Statistics at once for a database that holds data already; never for an empty one: an empty
-- table analyzed reads as known to be empty, and the first load's inserts then planned an anti-join
-- that scans the table once per row (a 100,000-record load took 197 s instead of 4).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM scorecard.evidence) THEN
        ANALYZE scorecard.evidence, scorecard.evidence_source_facts;
    END IF;
END
$$;
