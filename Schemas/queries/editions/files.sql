-- The files an edition published. Grain: file. $1 edition id.
SELECT name, sha256, content FROM scorecard.edition_files WHERE edition_id = $1::bigint ORDER BY name
