-- 0007: locks that only the owner can take. An advisory lock can be taken by any role that can
-- connect, so a read-only analyst holding scorecard's key could refuse every scheduled run (exit 75).
-- A row of this table is locked with SELECT ... FOR UPDATE, which needs the UPDATE privilege: reader
-- roles, which may only SELECT, can neither take nor block it.

CREATE TABLE scorecard.locks (
    name        text PRIMARY KEY,
    description text NOT NULL
);
COMMENT ON TABLE scorecard.locks IS
    'Named locks of scorecard''s jobs, one row each, held as a row lock (SELECT ... FOR UPDATE) for as long as the job runs, by a session of its own. Readers can see the rows but neither take nor block the locks. Grain: one lock.';
COMMENT ON COLUMN scorecard.locks.name IS 'The lock''s name, e.g. run.';
COMMENT ON COLUMN scorecard.locks.description IS 'What holding it means.';

INSERT INTO scorecard.locks (name, description) VALUES
    ('run', 'A scheduled run (scorecard run) is in progress on this database; another one exits 75 at once.');
