-- An edition is a folder (docs/reports.md, "The edition folder"): a summary, one card per actor, the
-- method, the data. Its files' names become paths inside the folder (actors/nso-group.html), and a
-- large file (data/contributions.csv at a million records) is stored in parts, so that neither
-- publishing nor writing it out holds it whole. Editions published before keep their flat files in
-- the output folder itself (folder NULL).

ALTER TABLE scorecard.editions ADD COLUMN folder text
    CHECK (folder ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$');
COMMENT ON COLUMN scorecard.editions.folder IS
    'The edition''s folder in the output folder (<methodology>-<period>, e.g. pall-mall-2025-Q4), holding its files; NULL for an edition published before editions were folders, whose files lie in the output folder itself.';

ALTER TABLE scorecard.edition_files DROP CONSTRAINT edition_files_name_check;
ALTER TABLE scorecard.edition_files ADD CONSTRAINT edition_files_name_is_a_path
    CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$');
ALTER TABLE scorecard.edition_files ALTER COLUMN content DROP NOT NULL;
COMMENT ON COLUMN scorecard.edition_files.name IS
    'The file''s path in the edition''s folder (index.html, actors/nso-group.json, data/actors.csv), or, for an edition without a folder, its name in the output folder. No segment starts with a dot: no path leaves the folder.';
COMMENT ON COLUMN scorecard.edition_files.content IS
    'The file (UTF-8 text); NULL when it is stored in parts (scorecard.edition_file_parts).';

CREATE TABLE scorecard.edition_file_parts (
    edition_id bigint  NOT NULL,
    name       text    NOT NULL,
    part       integer NOT NULL CHECK (part >= 0),
    content    text    NOT NULL,
    PRIMARY KEY (edition_id, name, part),
    -- The file's row is written once its parts are, with their SHA-256: checked at commit.
    FOREIGN KEY (edition_id, name) REFERENCES scorecard.edition_files (edition_id, name) DEFERRABLE INITIALLY DEFERRED
);
COMMENT ON TABLE scorecard.edition_file_parts IS
    'A large edition file in consecutive parts (about 1 MB each): the file is its parts'' content in part order. Grain: edition × file × part.';
COMMENT ON COLUMN scorecard.edition_file_parts.edition_id IS 'The edition (scorecard.editions.id).';
COMMENT ON COLUMN scorecard.edition_file_parts.name IS 'The file (scorecard.edition_files.name).';
COMMENT ON COLUMN scorecard.edition_file_parts.part IS 'Its position in the file, from 0.';
COMMENT ON COLUMN scorecard.edition_file_parts.content IS 'This part of the file (UTF-8 text, whole characters).';
