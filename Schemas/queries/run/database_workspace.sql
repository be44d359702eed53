-- The workspace a database holds: the one of its latest successful scheduled run. Grain: one row
-- (none before the first success). No parameters.
SELECT workspace FROM scorecard.run_ledger WHERE status = 'succeeded' ORDER BY id DESC LIMIT 1
