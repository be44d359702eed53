-- The as-published run a report, explain or the sensitivity analysis shows: the one computed from
-- exactly the current inputs (this methodology file, this engine, the dataset of the latest load),
-- for the period asked or for the latest period so scored that had begun by the as-of date (a period
-- scored as of a later date is not taken). Never merely the newest run: after a
-- dataset is reverted, the run of the restored data is current again. Grain: one row (none when the
-- period was not scored on these inputs).
-- $1 methodology id, $2 version, $3 methodology SHA-256, $4 engine SHA-256, $5 period (NULL: the latest),
-- $6 the as-of date (NULL: complete periods only, of any date).
SELECT r.id, r.methodology_id, r.methodology_version, r.methodology_sha256, r.period, r.period_end, r.basis,
       r.knowledge_cutoff, r.load_batch_id, r.dataset_sha256, r.inputs_sha256, r.provisional
FROM scorecard.score_runs r
WHERE r.methodology_id = $1::text AND r.methodology_version = $2::text
  AND r.methodology_sha256 = $3::text AND r.engine_sha256 = $4::text
  AND r.dataset_sha256 = scorecard.current_dataset_sha256()
  AND r.basis = 'as_published'
  -- A complete period knows what was published by its end; one not complete at the as-of date (a
  -- provisional run) what was published by the as-of date.
  AND r.knowledge_cutoff = CASE WHEN $6::date IS NOT NULL AND r.period_end >= $6::date THEN $6::date ELSE r.period_end END
  AND ($5::text IS NULL OR r.period = $5::text)
  AND ($6::date IS NULL OR r.period_start <= $6::date)
ORDER BY r.period_end DESC, r.id DESC
LIMIT 1
