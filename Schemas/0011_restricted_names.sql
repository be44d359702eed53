-- 0011: actors and aliases may be marked restricted in the data (a victim recorded as an actor).
-- Which actors, aliases, relations and sources are restricted is otherwise derived from the records
-- that need them (scorecard.public_names, Schemas/objects/10_rules/07_public_names.sql); this
-- column is only the mark a monitor writes. Optional in the files: NULL (empty) reads as public,
-- so a dataset written without the column loads unchanged.

ALTER TABLE scorecard.actors
    ADD COLUMN sensitivity text CHECK (sensitivity IN ('public', 'restricted'));
COMMENT ON COLUMN scorecard.actors.sensitivity IS 'restricted: the actor (e.g. a victim recorded as a counterpart) is never shown to the public or to an analyst without scorecard_restricted_reader; public or NULL: public unless only restricted records name it (scorecard.public_names).';

ALTER TABLE scorecard.actor_aliases
    ADD COLUMN sensitivity text CHECK (sensitivity IN ('public', 'restricted'));
COMMENT ON COLUMN scorecard.actor_aliases.sensitivity IS 'restricted: the name is never shown to the public or to an analyst without scorecard_restricted_reader; public or NULL: public unless its actor is restricted (scorecard.public_names).';
