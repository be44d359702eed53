-- The files an edition published, with their content when it is kept whole and how many parts hold
-- it otherwise. Grain: file. $1 edition id.
SELECT f.name, f.sha256, f.bytes, f.content,
       (SELECT count(*) FROM scorecard.edition_file_parts p WHERE p.edition_id = f.edition_id AND p.name = f.name)::int AS parts
FROM scorecard.edition_files f
WHERE f.edition_id = $1::bigint
ORDER BY f.name
