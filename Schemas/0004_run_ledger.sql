-- 0004: the run ledger. `scorecard run` (the scheduled job) records each run here: when it
-- started and ended, how it ended, and what it changed. Runs refused because another run held
-- the lock touch nothing, so they leave no row.

CREATE TABLE scorecard.run_ledger (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at         timestamptz,
    status              text        NOT NULL DEFAULT 'running'
                                    CHECK (status IN ('running', 'succeeded', 'failed', 'abandoned')),
    exit_code           integer     CHECK (exit_code BETWEEN 0 AND 255),
    message             text,
    workspace           text        NOT NULL,
    config_sha256       text        NOT NULL CHECK (config_sha256 ~ '^[0-9a-f]{64}$'),
    scorecard_version   text        NOT NULL,
    host                text        NOT NULL,
    load_batch_id       bigint,
    rows_inserted       integer     NOT NULL DEFAULT 0,
    rows_updated        integer     NOT NULL DEFAULT 0,
    rows_deleted        integer     NOT NULL DEFAULT 0,
    periods_scored      text[]      NOT NULL DEFAULT '{}',
    score_runs_computed bigint[]    NOT NULL DEFAULT '{}',
    restatements        integer     NOT NULL DEFAULT 0,
    sensitivity_run_id  bigint,
    files_written       text[]      NOT NULL DEFAULT '{}',
    files_unchanged     integer     NOT NULL DEFAULT 0,
    CHECK ((status = 'running') = (finished_at IS NULL)),
    CHECK ((status IN ('running', 'abandoned')) = (exit_code IS NULL))
);
COMMENT ON TABLE scorecard.run_ledger IS 'One row per scheduled run (scorecard run) that got the lock: when it ran, how it ended and what it changed. Grain: one run of the whole job. A run refused because another held the lock leaves no row.';
COMMENT ON COLUMN scorecard.run_ledger.id IS 'Run number, increasing.';
COMMENT ON COLUMN scorecard.run_ledger.started_at IS 'When the run took the lock.';
COMMENT ON COLUMN scorecard.run_ledger.finished_at IS 'When it ended; NULL while running.';
COMMENT ON COLUMN scorecard.run_ledger.status IS 'running; succeeded; failed (see exit_code and message); abandoned (the process or the server died; marked so by the next run).';
COMMENT ON COLUMN scorecard.run_ledger.exit_code IS 'The process exit code (sysexits): 0 done, 65 bad data, 66 missing input, 70 internal error, 73 output not writable, 78 bad configuration. NULL while running or when abandoned.';
COMMENT ON COLUMN scorecard.run_ledger.message IS 'The first line of the error when the run failed; NULL otherwise.';
COMMENT ON COLUMN scorecard.run_ledger.workspace IS 'The workspace folder, as an absolute path.';
COMMENT ON COLUMN scorecard.run_ledger.config_sha256 IS 'SHA-256 of the workspace''s scorecard.yaml as read by the run.';
COMMENT ON COLUMN scorecard.run_ledger.scorecard_version IS 'Version of the scorecard program.';
COMMENT ON COLUMN scorecard.run_ledger.host IS 'Host name of the machine that ran it.';
COMMENT ON COLUMN scorecard.run_ledger.load_batch_id IS 'The load batch the run wrote (scorecard.load_batches.id); NULL when the dataset was unchanged.';
COMMENT ON COLUMN scorecard.run_ledger.rows_inserted IS 'Dataset rows the load inserted, over all tables.';
COMMENT ON COLUMN scorecard.run_ledger.rows_updated IS 'Dataset rows the load changed.';
COMMENT ON COLUMN scorecard.run_ledger.rows_deleted IS 'Dataset rows the load removed (kept in scorecard.record_history).';
COMMENT ON COLUMN scorecard.run_ledger.periods_scored IS 'The periods whose scores were checked, in order (computed or found unchanged).';
COMMENT ON COLUMN scorecard.run_ledger.score_runs_computed IS 'The score runs (scorecard.score_runs.id) the run computed; empty when every period was unchanged.';
COMMENT ON COLUMN scorecard.run_ledger.restatements IS 'Restatements recorded by the score runs computed.';
COMMENT ON COLUMN scorecard.run_ledger.sensitivity_run_id IS 'The score run whose sensitivity analysis was computed or checked; NULL when not configured.';
COMMENT ON COLUMN scorecard.run_ledger.files_written IS 'Report files written (created or changed), relative to the output folder.';
COMMENT ON COLUMN scorecard.run_ledger.files_unchanged IS 'Report files already up to date and left untouched.';
CREATE INDEX run_ledger_started ON scorecard.run_ledger (started_at);
