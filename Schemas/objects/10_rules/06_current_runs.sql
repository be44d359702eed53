-- Which run of a period is current. A period can be scored many times (new loads, new methodology
-- versions, a dataset reverted to an earlier state); the newest run is not necessarily the one the
-- current data gives. The current run of a period is the as-published run computed from the dataset
-- of the latest load; among several (another engine, recomputed), the newest. A period never scored
-- on the current dataset falls back to its newest as-published run.
-- Reports, explain and sensitivity go further and accept only the run of exactly the current inputs
-- (Schemas/queries/report/current_run.sql).

CREATE FUNCTION scorecard.current_dataset_sha256()
    RETURNS text LANGUAGE sql STABLE
    AS $$ SELECT dataset_sha256 FROM scorecard.load_batches ORDER BY id DESC LIMIT 1 $$;
COMMENT ON FUNCTION scorecard.current_dataset_sha256() IS
    'The dataset digest of the latest load: the data the database holds now. NULL before the first load.';

CREATE FUNCTION scorecard.current_run(methodology_id text, methodology_version text, period text)
    RETURNS bigint LANGUAGE sql STABLE
    AS $$
        SELECT r.id
        FROM scorecard.score_runs r
        WHERE r.methodology_id = current_run.methodology_id AND r.methodology_version = current_run.methodology_version
          AND r.period = current_run.period AND r.basis = 'as_published'
        ORDER BY r.dataset_sha256 IS NOT DISTINCT FROM scorecard.current_dataset_sha256() DESC, r.id DESC
        LIMIT 1
    $$;
COMMENT ON FUNCTION scorecard.current_run(text, text, text) IS
    'The current as-published run of a period under a methodology version: the one computed on the dataset of the latest load (the newest such), else the newest. NULL when the period was never scored.';
