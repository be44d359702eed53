-- Whether an actor is restricted (not among scorecard.public_actors): explain names it only when
-- asked to include restricted records. Grain: one row. $1 actor id.
SELECT NOT EXISTS (SELECT 1 FROM scorecard.public_actors() AS p (id) WHERE p.id = $1::text) AS restricted
