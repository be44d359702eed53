CREATE VIEW scorecard.scheduled_runs WITH (security_invoker = true) AS
    SELECT l.id AS ledger_id, l.started_at, l.finished_at, l.finished_at - l.started_at AS duration,
           l.status, l.exit_code,
           CASE l.exit_code
               -- The meanings of ScorecardKit's ExitCode table, checked by ExitCodeTests.
               WHEN 0 THEN 'done' WHEN 64 THEN 'bad command line' WHEN 65 THEN 'bad data' WHEN 66 THEN 'missing input'
               WHEN 69 THEN 'database unavailable' WHEN 70 THEN 'internal error' WHEN 73 THEN 'output not writable' WHEN 74 THEN 'output failed'
               WHEN 75 THEN 'another run holds the lock' WHEN 78 THEN 'bad configuration'
               WHEN 124 THEN 'statement timed out' WHEN 130 THEN 'interrupted (SIGINT)' WHEN 143 THEN 'terminated (SIGTERM)'
           END AS exit_meaning,
           l.message, l.workspace, l.host, l.scorecard_version, l.load_batch_id,
           l.rows_inserted + l.rows_updated + l.rows_deleted AS rows_changed,
           l.periods_scored, l.score_runs_computed, l.editions_published, l.restatements,
           cardinality(l.files_written) AS files_written, l.files_unchanged
    FROM scorecard.run_ledger l;
COMMENT ON VIEW scorecard.scheduled_runs IS
    'The scheduled runs (scorecard run) from the run ledger, with their duration and what their exit code means. Grain: one run of the whole job.';
COMMENT ON COLUMN scorecard.scheduled_runs.ledger_id IS 'The run''s number (scorecard.run_ledger.id).';
COMMENT ON COLUMN scorecard.scheduled_runs.started_at IS 'When the run took the lock.';
COMMENT ON COLUMN scorecard.scheduled_runs.finished_at IS 'When it ended; NULL while running.';
COMMENT ON COLUMN scorecard.scheduled_runs.duration IS 'finished_at minus started_at; NULL while running or when abandoned.';
COMMENT ON COLUMN scorecard.scheduled_runs.status IS 'running, succeeded, failed, interrupted (stopped by SIGTERM or SIGINT, cleanly) or abandoned.';
COMMENT ON COLUMN scorecard.scheduled_runs.exit_code IS 'The process exit code (sysexits; 124 for a statement timeout, 130 and 143 for SIGINT and SIGTERM); NULL while running or when abandoned.';
COMMENT ON COLUMN scorecard.scheduled_runs.exit_meaning IS 'What the exit code means: done, bad command line, bad data, missing input, database unavailable, internal error, output not writable, output failed, another run holds the lock, bad configuration, statement timed out, interrupted (SIGINT), terminated (SIGTERM).';
COMMENT ON COLUMN scorecard.scheduled_runs.message IS 'The first line of the error when the run failed.';
COMMENT ON COLUMN scorecard.scheduled_runs.workspace IS 'The workspace folder, as an absolute path.';
COMMENT ON COLUMN scorecard.scheduled_runs.host IS 'Host name of the machine that ran it.';
COMMENT ON COLUMN scorecard.scheduled_runs.scorecard_version IS 'Version of the scorecard program.';
COMMENT ON COLUMN scorecard.scheduled_runs.load_batch_id IS 'The load batch the run wrote; NULL when the dataset was unchanged.';
COMMENT ON COLUMN scorecard.scheduled_runs.rows_changed IS 'Dataset rows inserted, updated or deleted by the run''s load.';
COMMENT ON COLUMN scorecard.scheduled_runs.periods_scored IS 'The periods whose scores were checked, in order.';
COMMENT ON COLUMN scorecard.scheduled_runs.score_runs_computed IS 'The score runs (scorecard.score_runs.id) the run computed.';
COMMENT ON COLUMN scorecard.scheduled_runs.editions_published IS 'The periods whose editions the run published.';
COMMENT ON COLUMN scorecard.scheduled_runs.restatements IS 'Actors the run restated in published editions.';
COMMENT ON COLUMN scorecard.scheduled_runs.files_written IS 'Number of report files written (created or changed).';
COMMENT ON COLUMN scorecard.scheduled_runs.files_unchanged IS 'Number of report files already up to date and left untouched.';

