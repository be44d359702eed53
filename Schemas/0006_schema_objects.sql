-- 0006: the ledger of schema objects. Tables and their data live in these numbered, frozen
-- migrations; views, functions, row-level security policies and triggers live in Schemas/objects/,
-- one object or small family per file, and are re-created from those files whenever one of them
-- changes (docs/architecture.md, "Schema objects"). This table records which files, with which
-- content, the database's objects were last made from.

CREATE TABLE scorecard.schema_objects (
    file        text        PRIMARY KEY,
    sha256      text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    applied_at  timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE scorecard.schema_objects IS
    'One row per file of Schemas/objects/ (views, functions, policies, triggers) that the database''s schema objects were last re-created from. Grain: one file. Any difference from the files of the running scorecard re-creates every object, in the files'' order.';
COMMENT ON COLUMN scorecard.schema_objects.file IS 'The file, relative to Schemas/objects/, e.g. 10_rules/02_time_rules.sql.';
COMMENT ON COLUMN scorecard.schema_objects.sha256 IS 'SHA-256 of the file as applied, lower-case hex.';
COMMENT ON COLUMN scorecard.schema_objects.applied_at IS 'When the objects were last re-created from it.';
