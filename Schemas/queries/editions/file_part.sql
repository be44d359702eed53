-- One part of a large edition file. Grain: one row. $1 edition id, $2 file path, $3 part number.
SELECT content FROM scorecard.edition_file_parts WHERE edition_id = $1::bigint AND name = $2::text AND part = $3::integer
