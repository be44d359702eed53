-- Partial dates. The dataset stores a date the source gave as a month or a year as the first day
-- of that interval plus its precision (docs/data-format.md). These two functions are the only
-- places that read a partial date as an interval or write it back as the dataset wrote it.

CREATE FUNCTION scorecard.last_day(first_day date, known_to scorecard.date_precision)
    RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT CASE known_to
            WHEN 'day' THEN first_day
            WHEN 'month' THEN (first_day + interval '1 month' - interval '1 day')::date
            ELSE (first_day + interval '1 year' - interval '1 day')::date
        END
    $$;
COMMENT ON FUNCTION scorecard.last_day(date, scorecard.date_precision) IS
    'The last day of a partial date''s interval: last_day(''2024-03-01'', ''month'') = 2024-03-31.';

CREATE FUNCTION scorecard.partial_date_text(first_day date, known_to scorecard.date_precision)
    RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT to_char(first_day, CASE known_to WHEN 'day' THEN 'YYYY-MM-DD' WHEN 'month' THEN 'YYYY-MM' ELSE 'YYYY' END)
    $$;
COMMENT ON FUNCTION scorecard.partial_date_text(date, scorecard.date_precision) IS
    'A partial date as the dataset wrote it: 2025, 2025-06 or 2025-06-10; NULL when first_day is NULL.';
