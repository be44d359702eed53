-- Referential integrity of evidence, checked once per statement over all its rows (see the COMMENT on
-- scorecard.evidence for why triggers and not FOREIGN KEY constraints).
CREATE FUNCTION scorecard.check_evidence_references() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    offending text;
BEGIN
    SELECT n.id INTO offending FROM new_rows n LEFT JOIN scorecard.actors a ON a.id = n.actor_id WHERE a.id IS NULL LIMIT 1;
    IF FOUND THEN RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', MESSAGE = format('evidence %s: actor_id is not in scorecard.actors', offending); END IF;
    SELECT n.id INTO offending FROM new_rows n LEFT JOIN scorecard.actors a ON a.id = n.counterpart_id WHERE n.counterpart_id IS NOT NULL AND a.id IS NULL LIMIT 1;
    IF FOUND THEN RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', MESSAGE = format('evidence %s: counterpart_id is not in scorecard.actors', offending); END IF;
    SELECT n.id INTO offending FROM new_rows n LEFT JOIN scorecard.evidence_types t ON t.id = n.evidence_type WHERE t.id IS NULL LIMIT 1;
    IF FOUND THEN RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', MESSAGE = format('evidence %s: evidence_type is not in scorecard.evidence_types', offending); END IF;
    SELECT n.id INTO offending FROM new_rows n LEFT JOIN scorecard.provisions p ON p.id = n.provision_id WHERE n.provision_id IS NOT NULL AND p.id IS NULL LIMIT 1;
    IF FOUND THEN RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', MESSAGE = format('evidence %s: provision_id is not in scorecard.provisions', offending); END IF;
    SELECT n.id INTO offending FROM new_rows n CROSS JOIN LATERAL unnest(n.source_ids) AS s (id)
        LEFT JOIN scorecard.sources x ON x.id = s.id WHERE x.id IS NULL LIMIT 1;
    IF FOUND THEN RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', MESSAGE = format('evidence %s: a source id is not in scorecard.sources', offending); END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION scorecard.check_evidence_references() IS 'Trigger function: raises foreign_key_violation when an inserted or updated evidence row names an actor, counterpart, evidence type, provision or source that does not exist.';
CREATE TRIGGER evidence_references_on_insert AFTER INSERT ON scorecard.evidence
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION scorecard.check_evidence_references();
CREATE TRIGGER evidence_references_on_update AFTER UPDATE ON scorecard.evidence
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION scorecard.check_evidence_references();

-- The other side: rows that evidence refers to cannot be deleted while it does.
CREATE FUNCTION scorecard.check_evidence_still_resolves() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    offending text;
BEGIN
    IF TG_TABLE_NAME = 'actors' THEN
        SELECT e.id INTO offending FROM scorecard.evidence e JOIN old_rows o ON o.id = e.actor_id LIMIT 1;
        IF NOT FOUND THEN
            SELECT e.id INTO offending FROM scorecard.evidence e JOIN old_rows o ON o.id = e.counterpart_id LIMIT 1;
        END IF;
    ELSIF TG_TABLE_NAME = 'evidence_types' THEN
        SELECT e.id INTO offending FROM scorecard.evidence e JOIN old_rows o ON o.id = e.evidence_type LIMIT 1;
    ELSIF TG_TABLE_NAME = 'provisions' THEN
        SELECT e.id INTO offending FROM scorecard.evidence e JOIN old_rows o ON o.id = e.provision_id LIMIT 1;
    ELSIF TG_TABLE_NAME = 'sources' THEN
        SELECT e.id INTO offending FROM scorecard.evidence e
        WHERE e.source_ids && (SELECT array_agg(o.id) FROM old_rows o) LIMIT 1;
    END IF;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
            MESSAGE = format('cannot delete from %s: evidence %s still refers to a deleted row', TG_TABLE_NAME, offending);
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION scorecard.check_evidence_still_resolves() IS 'Trigger function: raises foreign_key_violation when a deleted actor, evidence type, provision or source is still referred to by evidence.';
CREATE TRIGGER evidence_still_resolves AFTER DELETE ON scorecard.actors
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION scorecard.check_evidence_still_resolves();
CREATE TRIGGER evidence_still_resolves AFTER DELETE ON scorecard.evidence_types
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION scorecard.check_evidence_still_resolves();
CREATE TRIGGER evidence_still_resolves AFTER DELETE ON scorecard.provisions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION scorecard.check_evidence_still_resolves();
CREATE TRIGGER evidence_still_resolves AFTER DELETE ON scorecard.sources
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION scorecard.check_evidence_still_resolves();
