-- Where `all` (and `--all-periods`) starts: the first day any evidence speaks of (conduct or
-- publication); for a dataset of commitments only, the first commitment. Commitments made long
-- before any conduct is on record (the example's 2011 UN Guiding Principles) do not start the series:
-- years of figures resting on a commitment alone would show absence as a score. The last period comes
-- from the calendar (the as-of date), not from the data. Grain: one row (NULL when the dataset holds
-- neither evidence nor commitments).
SELECT coalesce((SELECT min(least(occurred_on, published_on)) FROM scorecard.evidence),
                (SELECT min(committed_on) FROM scorecard.commitments)) AS first_day
