-- One score run by id, with the columns ScoreRuns.Run holds. Grain: one row. $1 run id.
SELECT r.id, r.methodology_id, r.methodology_version, r.methodology_sha256, r.period, r.period_end, r.basis,
       r.knowledge_cutoff, r.load_batch_id, r.dataset_sha256, r.inputs_sha256, r.provisional
FROM scorecard.score_runs r
WHERE r.id = $1::bigint
