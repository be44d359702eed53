-- 0010: the dataset fields of methodology v2 (docs/data-format.md, docs/methodology.md).
-- Events: records of one act share an event_id, and an indicator counts the act once.
-- Measures: evidence types that are statuses (a sanction, a listing) hold until a record ends them
-- (ends) or their own end date (ends_on). Roles: an evidence type says which kinds of actor it may
-- name as actor and counterpart. Groups: member_of joins parent_of, subsidiary_of and successor_of.
-- Every new column is optional in the files, so a format-1 dataset loads unchanged.

ALTER TABLE scorecard.evidence
    ADD COLUMN event_id text,
    ADD COLUMN ends text,
    ADD COLUMN ends_on date,
    ADD COLUMN ends_precision scorecard.date_precision,
    ADD CONSTRAINT evidence_ends_precision_check CHECK ((ends_on IS NULL) = (ends_precision IS NULL));
COMMENT ON COLUMN scorecard.evidence.event_id IS 'The act the record reports: records of one act (one designation of seven entities, one case reported three times) share it, and an indicator counts the act once per actor. NULL: the record is its own event (scorecard.evidence_event gives the event of any record).';
COMMENT ON COLUMN scorecard.evidence.ends IS 'The id of the measure record (scorecard.evidence.id, of an evidence type that is a measure) that this record ends: a sanction lifted, a listing removed. NULL for most records.';
COMMENT ON COLUMN scorecard.evidence.ends_on IS 'For a measure: the first day of the period in which it ended or ends, when known without a record of its own; see ends_precision. NULL: in force until a record ends it.';
COMMENT ON COLUMN scorecard.evidence.ends_precision IS 'Precision of ends_on: day, month or year; NULL when ends_on is.';

ALTER TABLE scorecard.evidence_types
    ADD COLUMN measure boolean,
    ADD COLUMN actor_kinds text[],
    ADD COLUMN counterpart_kinds text[];
COMMENT ON COLUMN scorecard.evidence_types.measure IS 'true: a record of this type is a status that holds from its date until it is ended (a sanction, an entity listing, a visa restriction, a licence revoked, an injunction); NULL or false: an act, which weighs less as it ages.';
COMMENT ON COLUMN scorecard.evidence_types.actor_kinds IS 'The kinds of actor (state, vendor, organisation, investor) a record of this type may name as actor_id; NULL: any.';
COMMENT ON COLUMN scorecard.evidence_types.counterpart_kinds IS 'The kinds of actor a record of this type may name as counterpart_id; NULL: any.';

ALTER TABLE scorecard.actor_relations DROP CONSTRAINT actor_relations_relation_check;
ALTER TABLE scorecard.actor_relations ADD CONSTRAINT actor_relations_relation_check
    CHECK (relation IN ('parent_of', 'subsidiary_of', 'member_of', 'investor_in', 'successor_of'));
COMMENT ON COLUMN scorecard.actor_relations.relation IS 'parent_of, subsidiary_of, member_of (part of a consortium or alliance), investor_in or successor_of (renamed or refounded as), read as "actor_id relation related_actor_id". All but investor_in put two actors of one kind in one group, whose score covers its entities'' conduct.';
COMMENT ON TABLE scorecard.actor_relations IS 'Relations between actors, read as "actor_id relation related_actor_id" (parent_of, subsidiary_of, member_of, investor_in, successor_of). Grain: one relation.';
