-- Keeps one file of an edition, byte for byte: its content here, or NULL when it is stored in parts
-- (insert_file_part.sql, written first). Grain: edition × file.
-- $1 edition id, $2 file path, $3 SHA-256, $4 size in bytes, $5 content (NULL: in parts).
INSERT INTO scorecard.edition_files (edition_id, name, sha256, bytes, content)
VALUES ($1::bigint, $2::text, $3::text, $4::bigint, $5::text)
