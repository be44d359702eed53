-- The editions of a methodology (every version), oldest period first, each with the run its figures
-- are known from now: its last revision's, else the run known when it was published.
-- Grain: edition. $1 methodology id.
SELECT e.id, e.methodology_id, e.methodology_version, e.methodology_sha256, e.period, e.period_end, e.run_id,
       scorecard.edition_known_run(e.id) AS known_run_id,
       e.published_on, e.backfill, e.revisions_through, e.folder,
       (SELECT count(*) FROM scorecard.edition_files f WHERE f.edition_id = e.id)::int AS files
FROM scorecard.editions e
WHERE e.methodology_id = $1::text
ORDER BY e.period_end, e.id
