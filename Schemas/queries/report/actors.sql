-- The actors of a report's sections. Grain: actor. $1 actor ids (text[]).
SELECT id, name, kind, country, iso_code FROM scorecard.actors WHERE id = ANY ($1::text[])
