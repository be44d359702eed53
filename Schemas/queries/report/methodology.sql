-- The methodology version of a run, in its one JSON shape, and whether it scored restricted
-- evidence. Grain: one row (none when not stored). $1 methodology id, $2 version.
SELECT m.title, scorecard.methodology_definition(m.definition) AS definition,
       scorecard.scores_restricted_evidence(m.definition) AS scores_restricted
FROM scorecard.methodologies m
WHERE m.id = $1::text AND m.version = $2::text
