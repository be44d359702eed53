-- The first day any evidence speaks of (conduct or publication) and the last day by which all of
-- it was public: the span of periods that `--all-periods` and `latest` score. Grain: one row.
SELECT min(least(occurred_on, published_on)) AS first_day,
       max(scorecard.last_day(published_on, published_precision)) AS last_day
FROM scorecard.evidence
