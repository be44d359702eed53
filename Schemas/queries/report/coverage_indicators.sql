-- For each evidence and breach indicator of a run, how many actors it was scored for and how many
-- it applies to. Grain: indicator. $1 run id.
SELECT indicator_code,
       count(*) FILTER (WHERE state = 'scored')::int AS scored,
       count(*) FILTER (WHERE state <> 'not applicable')::int AS applicable
FROM scorecard.indicator_values
WHERE run_id = $1::bigint AND kind <> 'commitment'
GROUP BY indicator_code
