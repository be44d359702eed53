-- The files an edition published: their paths, SHA-256 and sizes, and how many parts hold a large
-- one. Not their content: a file is read when it is written out (editions/file_content.sql,
-- editions/file_part.sql), so listing an edition of thousands of files holds none of them.
-- Grain: file. $1 edition id.
SELECT f.name, f.sha256, f.bytes,
       (SELECT count(*) FROM scorecard.edition_file_parts p WHERE p.edition_id = f.edition_id AND p.name = f.name)::int AS parts
FROM scorecard.edition_files f
WHERE f.edition_id = $1::bigint
ORDER BY f.name
