-- The content of an edition file kept whole (NULL when it is kept in parts). Grain: one row.
-- $1 edition id, $2 file path.
SELECT content FROM scorecard.edition_files WHERE edition_id = $1::bigint AND name = $2::text
