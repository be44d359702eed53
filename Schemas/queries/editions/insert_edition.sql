-- Publishes an edition of a period: pins its as-published run and the run known at publication.
-- Its predecessor is the edition of the previous period under the same methodology id; it will show
-- the revisions recorded up to now. Grain: one row (the new edition's id).
-- $1 as-published run id, $2 run known now, $3 the previous period, $4 publication (as-of) date,
-- $5 back-fill (boolean), $6 its folder in the output folder.
INSERT INTO scorecard.editions (methodology_id, methodology_version, methodology_sha256, period, period_start, period_end,
                                run_id, known_run_id, load_batch_id, dataset_sha256, inputs_sha256, published_on, backfill,
                                previous_edition_id, revisions_through, folder)
SELECT r.methodology_id, r.methodology_version, r.methodology_sha256, r.period, r.period_start, r.period_end,
       r.id, $2::bigint, r.load_batch_id, r.dataset_sha256, r.inputs_sha256, $4::date, $5::boolean,
       (SELECT p.id FROM scorecard.editions p WHERE p.methodology_id = r.methodology_id AND p.period = $3::text),
       coalesce((SELECT max(v.id) FROM scorecard.edition_revisions v), 0), $6::text
FROM scorecard.score_runs r
WHERE r.id = $1::bigint
RETURNING id
