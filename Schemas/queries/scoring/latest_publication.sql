-- The last day by which all evidence a methodology may count was public: the knowledge cutoff of a
-- restated run. Grain: one row (NULL without evidence). $1 include restricted evidence (boolean).
SELECT max(scorecard.last_day(published_on, published_precision)) AS last_day
FROM scorecard.evidence
WHERE scorecard.counts_for(sensitivity, $1::boolean)
