-- Not a scoring rule (it is outside 10_rules/, so it is not in the engine digest: changing it re-scores nothing).
-- How many evidence records stand behind an actor's scores in a run, for an audience: the distinct
-- records that contributed to its evidence and breach indicators (a commitment indicator counts
-- commitments, not records), through scorecard.counts_for. The reports' rankings, the edition's
-- data/actors.csv and analysts ask this one function. It runs with the caller's rights: row-level
-- security still hides what a reader may not see.

CREATE FUNCTION scorecard.evidence_records(score_run bigint, include_restricted boolean)
    RETURNS TABLE (actor_id text, records integer) LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
    SELECT c.actor_id, count(DISTINCT c.evidence_id)::int
    FROM scorecard.indicator_contributions c
    JOIN scorecard.indicator_values v USING (run_id, actor_id, indicator_code)
    JOIN scorecard.evidence e ON e.id = c.evidence_id AND scorecard.counts_for(e.sensitivity, include_restricted)
    WHERE c.run_id = score_run AND v.kind <> 'commitment'
    GROUP BY c.actor_id
    $$;
COMMENT ON FUNCTION scorecard.evidence_records(bigint, boolean) IS
    'The distinct evidence records behind each actor''s evidence and breach indicators in a score run, counting restricted records or not. Grain: actor (only actors with at least one record).';
