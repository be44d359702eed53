-- Keeps one part of a large edition file (its file row follows, in the same transaction).
-- Grain: edition × file × part. $1 edition id, $2 file path, $3 part number (from 0), $4 content.
INSERT INTO scorecard.edition_file_parts (edition_id, name, part, content)
VALUES ($1::bigint, $2::text, $3::integer, $4::text)
