-- 0009: runs stopped by a signal. A run stopped by SIGTERM or SIGINT cancels its statement, rolls
-- its transaction back, releases its lock and finishes its own ledger row as `interrupted`, with
-- exit code 143 or 130: neither a failure of the data or the server (`failed`) nor a run that died
-- without a word (`abandoned`).

ALTER TABLE scorecard.run_ledger DROP CONSTRAINT run_ledger_status_check;
ALTER TABLE scorecard.run_ledger ADD CONSTRAINT run_ledger_status_check
    CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted', 'abandoned'));
-- 128 + SIGINT, 128 + SIGTERM: the only signals a run stops for cleanly.
ALTER TABLE scorecard.run_ledger ADD CONSTRAINT run_ledger_interrupted_exit_code_check
    CHECK (status <> 'interrupted' OR exit_code IN (130, 143));

COMMENT ON COLUMN scorecard.run_ledger.status IS 'running; succeeded; failed (see exit_code and message); interrupted (stopped by SIGTERM or SIGINT: its statement cancelled, its transaction rolled back, exit_code 143 or 130); abandoned (the process or the server died, or a second signal ended it at once; marked so by the next run).';
COMMENT ON COLUMN scorecard.run_ledger.exit_code IS 'The process exit code: 0 done, 64 bad command line, 65 bad data, 66 missing input, 69 database unavailable, 70 internal error, 73 output not writable, 74 output failed, 75 another run holds the lock, 78 bad configuration (sysexits), 124 statement timed out, 130 interrupted (SIGINT), 143 terminated (SIGTERM); the view scheduled_runs says what each means. NULL while running or when abandoned.';
