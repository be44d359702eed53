-- 0001: the schema and the migration ledger.
-- Every Scorecard object lives in the schema `scorecard`; analysts' tools can rely on it.
CREATE SCHEMA IF NOT EXISTS scorecard;

COMMENT ON SCHEMA scorecard IS
    'Scorecard: commitments and evidence of state and vendor conduct on commercial cyber-intrusion capabilities, and the accountability scores computed from them. Documented in docs/analysts.md.';

CREATE TABLE scorecard.schema_migrations (
    version     integer     PRIMARY KEY,
    name        text        NOT NULL,
    sha256      text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    applied_at  timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE scorecard.schema_migrations IS
    'One row per applied migration file (Schemas/NNNN_name.sql). A file whose SHA-256 no longer matches its row stops every command.';
COMMENT ON COLUMN scorecard.schema_migrations.version IS 'The number NNNN of the file.';
COMMENT ON COLUMN scorecard.schema_migrations.name IS 'The file name, e.g. 0001_bookkeeping.sql.';
COMMENT ON COLUMN scorecard.schema_migrations.sha256 IS 'SHA-256 of the file as applied, lower-case hex.';
COMMENT ON COLUMN scorecard.schema_migrations.applied_at IS 'When the migration was applied.';
