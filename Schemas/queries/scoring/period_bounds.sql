-- The first day any evidence (conduct or publication) or commitment speaks of: where `all` (and
-- `--all-periods`) starts. The last period comes from the calendar (the as-of date), not from the
-- data. Grain: one row (NULL when the dataset holds neither evidence nor commitments).
SELECT least((SELECT min(least(occurred_on, published_on)) FROM scorecard.evidence),
             (SELECT min(committed_on) FROM scorecard.commitments)) AS first_day
