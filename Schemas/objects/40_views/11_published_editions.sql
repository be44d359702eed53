CREATE VIEW scorecard.published_editions WITH (security_invoker = true) AS
    SELECT e.id AS edition_id, e.methodology_id, e.methodology_version, e.period, e.period_start, e.period_end,
           e.published_on, e.backfill, p.period AS previous_period, e.dataset_sha256, e.inputs_sha256,
           r.knowledge_cutoff,
           (SELECT count(*) FROM scorecard.edition_files f WHERE f.edition_id = e.id)::int AS files,
           (SELECT count(*) FROM scorecard.edition_restatements x
            JOIN scorecard.edition_revisions v ON v.id = x.revision_id WHERE v.edition_id = e.id)::int AS restatements
    FROM scorecard.editions e
    JOIN scorecard.score_runs r ON r.id = e.run_id
    LEFT JOIN scorecard.editions p ON p.id = e.previous_edition_id;
COMMENT ON VIEW scorecard.published_editions IS
    'Every published edition, with its files and how many times actors of it were restated since. Grain: edition. An edition never changes (docs/editions.md).';
COMMENT ON COLUMN scorecard.published_editions.edition_id IS 'The edition (scorecard.editions.id).';
COMMENT ON COLUMN scorecard.published_editions.methodology_id IS 'The methodology''s id.';
COMMENT ON COLUMN scorecard.published_editions.methodology_version IS 'The methodology version it was scored with.';
COMMENT ON COLUMN scorecard.published_editions.period IS 'The period published, e.g. 2025-Q4.';
COMMENT ON COLUMN scorecard.published_editions.period_start IS 'First day of the period.';
COMMENT ON COLUMN scorecard.published_editions.period_end IS 'Last day of the period.';
COMMENT ON COLUMN scorecard.published_editions.published_on IS 'The as-of date of the run that published it.';
COMMENT ON COLUMN scorecard.published_editions.backfill IS 'Published with a history at once rather than when it was due.';
COMMENT ON COLUMN scorecard.published_editions.previous_period IS 'The period of the previous edition, which changes were measured against as published.';
COMMENT ON COLUMN scorecard.published_editions.dataset_sha256 IS 'Digest of the dataset published.';
COMMENT ON COLUMN scorecard.published_editions.inputs_sha256 IS 'Inputs digest of the published run: the run id every report prints.';
COMMENT ON COLUMN scorecard.published_editions.knowledge_cutoff IS 'Evidence published after this date was not used by the published figures.';
COMMENT ON COLUMN scorecard.published_editions.files IS 'How many files it published (scorecard.edition_files).';
COMMENT ON COLUMN scorecard.published_editions.restatements IS 'How many actor restatements of it have been recorded since.';
