-- 0002: the dataset — actors, instruments, commitments, sources, evidence — and its load ledger.
-- Grain and meaning of every table are in COMMENT ON below and in docs/analysts.md.
-- Foreign keys are DEFERRABLE INITIALLY DEFERRED: a load replaces the whole dataset in one
-- transaction, and the references only have to hold when it commits.
-- Every dataset table has first_batch_id and changed_batch_id: the load_batches.id that
-- first loaded the row and the one that last changed it. They are written by the loader
-- only and carry no FOREIGN KEY: a row-by-row check against one batch row serialises a
-- million-row load on that row's lock.

CREATE DOMAIN scorecard.date_precision AS text
    CHECK (VALUE IN ('day', 'month', 'year'));
COMMENT ON DOMAIN scorecard.date_precision IS
    'How much of a date the source gave: day (YYYY-MM-DD), month (YYYY-MM, stored as the 1st) or year (YYYY, stored as 1 January).';

CREATE TABLE scorecard.load_batches (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    loaded_at        timestamptz NOT NULL DEFAULT now(),
    dataset_path     text        NOT NULL,
    dataset_sha256   text        NOT NULL CHECK (dataset_sha256 ~ '^[0-9a-f]{64}$'),
    files            jsonb       NOT NULL,
    counts           jsonb       NOT NULL DEFAULT '{}',
    scorecard_version text       NOT NULL
);
COMMENT ON TABLE scorecard.load_batches IS
    'One row per load that changed the database. Grain: one load. A load of an unchanged dataset writes nothing, so no batch.';
COMMENT ON COLUMN scorecard.load_batches.id IS 'Batch number, increasing.';
COMMENT ON COLUMN scorecard.load_batches.loaded_at IS 'When the load transaction started.';
COMMENT ON COLUMN scorecard.load_batches.dataset_path IS 'The dataset folder as given to scorecard load.';
COMMENT ON COLUMN scorecard.load_batches.dataset_sha256 IS 'SHA-256 over the sorted list of (file name, file SHA-256): equal datasets have equal digests.';
COMMENT ON COLUMN scorecard.load_batches.files IS 'Array of {file, sha256, records} for every file loaded.';
COMMENT ON COLUMN scorecard.load_batches.counts IS 'Per table: {inserted, updated, deleted, unchanged}.';
COMMENT ON COLUMN scorecard.load_batches.scorecard_version IS 'Version of the scorecard program that loaded it.';

CREATE TABLE scorecard.record_history (
    batch_id         bigint  NOT NULL,
    table_name       text    NOT NULL,
    record_key       text    NOT NULL,
    change           text    NOT NULL CHECK (change IN ('updated', 'deleted')),
    previous         jsonb   NOT NULL,
    PRIMARY KEY (table_name, record_key, batch_id)
);
COMMENT ON TABLE scorecard.record_history IS
    'The previous version of every row a load changed or removed. Grain: one row version superseded by one load. With the current tables it answers "who said what, as of which load".';
COMMENT ON COLUMN scorecard.record_history.batch_id IS 'The load that replaced or removed the row.';
COMMENT ON COLUMN scorecard.record_history.table_name IS 'The table the row belonged to, e.g. evidence.';
COMMENT ON COLUMN scorecard.record_history.record_key IS 'The row''s primary key; composite keys joined with a slash (actor_id/alias).';
COMMENT ON COLUMN scorecard.record_history.change IS 'updated: a newer version is in the table; deleted: the row left the dataset.';
COMMENT ON COLUMN scorecard.record_history.previous IS 'The row as it was before this load, all columns, as JSON.';

CREATE TABLE scorecard.principles (
    id                 text   PRIMARY KEY,
    name               text   NOT NULL,
    description        text,
    first_batch_id     bigint NOT NULL,
    changed_batch_id   bigint NOT NULL
);
COMMENT ON TABLE scorecard.principles IS 'Principles (pillars) that provisions serve, e.g. the Pall Mall Process''s accountability, precision, oversight, transparency. Grain: one principle.';
COMMENT ON COLUMN scorecard.principles.id IS 'The principle''s id, chosen by the monitor, e.g. accountability.';
COMMENT ON COLUMN scorecard.principles.name IS 'Display name.';
COMMENT ON COLUMN scorecard.principles.description IS 'What the principle asks for; optional.';
COMMENT ON COLUMN scorecard.principles.first_batch_id IS 'The load_batches.id that first loaded the row.';
COMMENT ON COLUMN scorecard.principles.changed_batch_id IS 'The load_batches.id that last changed it.';

CREATE TABLE scorecard.actors (
    id                 text   PRIMARY KEY,
    kind               text   NOT NULL CHECK (kind IN ('state', 'vendor', 'organisation', 'investor')),
    name               text   NOT NULL,
    iso_code           text   CHECK (iso_code ~ '^[A-Z]{2,3}$'),
    country            text   CHECK (country ~ '^[A-Z]{2,3}$'),
    description        text,
    url                text,
    first_batch_id     bigint NOT NULL,
    changed_batch_id   bigint NOT NULL,
    CHECK (kind <> 'state' OR iso_code IS NOT NULL)
);
COMMENT ON TABLE scorecard.actors IS 'States, vendors, organisations and investors whose conduct is tracked. Grain: one actor.';
COMMENT ON COLUMN scorecard.actors.id IS 'The actor''s id, chosen by the monitor and stable over time, e.g. gb or nso-group.';
COMMENT ON COLUMN scorecard.actors.kind IS 'state, vendor, organisation or investor.';
COMMENT ON COLUMN scorecard.actors.name IS 'The name the monitor publishes under.';
COMMENT ON COLUMN scorecard.actors.iso_code IS 'ISO 3166-1 alpha-2 or alpha-3 code, upper case; required for states.';
COMMENT ON COLUMN scorecard.actors.country IS 'Headquarters of a vendor or investor, as an ISO 3166-1 alpha-2 or alpha-3 code.';
COMMENT ON COLUMN scorecard.actors.description IS 'Free-text description; optional.';
COMMENT ON COLUMN scorecard.actors.url IS 'The actor''s website, an absolute http or https URL.';
COMMENT ON COLUMN scorecard.actors.first_batch_id IS 'The load_batches.id that first loaded the row.';
COMMENT ON COLUMN scorecard.actors.changed_batch_id IS 'The load_batches.id that last changed it.';

CREATE TABLE scorecard.sources (
    id                  text   PRIMARY KEY,
    url                 text   NOT NULL,
    publisher           text   NOT NULL,
    title               text,
    published_on        date,
    published_precision scorecard.date_precision,
    reliability         char(1) NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    archive_url         text,
    quote               text,
    first_batch_id      bigint NOT NULL,
    changed_batch_id    bigint NOT NULL,
    CHECK ((published_on IS NULL) = (published_precision IS NULL))
);
COMMENT ON TABLE scorecard.sources IS 'Published sources of facts, with an Admiralty-style reliability grade A (completely reliable) to F (cannot be judged). Grain: one source.';
COMMENT ON COLUMN scorecard.sources.id IS 'The source''s id, chosen by the monitor.';
COMMENT ON COLUMN scorecard.sources.url IS 'Where the source is published, an absolute http or https URL.';
COMMENT ON COLUMN scorecard.sources.publisher IS 'Who published the source.';
COMMENT ON COLUMN scorecard.sources.title IS 'The source''s title; optional.';
COMMENT ON COLUMN scorecard.sources.published_on IS 'First day of the period in which the source was published; NULL when unknown; see published_precision.';
COMMENT ON COLUMN scorecard.sources.published_precision IS 'Precision of published_on (the date the source was published): day, month or year; NULL when published_on is.';
COMMENT ON COLUMN scorecard.sources.reliability IS 'Admiralty-style reliability grade: A completely reliable, B usually reliable, C fairly reliable, D not usually reliable, E unreliable, F cannot be judged.';
COMMENT ON COLUMN scorecard.sources.archive_url IS 'An archived copy of the source, an absolute http or https URL.';
COMMENT ON COLUMN scorecard.sources.quote IS 'A short verbatim quote from the source, for citation.';
COMMENT ON COLUMN scorecard.sources.first_batch_id IS 'The load_batches.id that first loaded the row.';
COMMENT ON COLUMN scorecard.sources.changed_batch_id IS 'The load_batches.id that last changed it.';

CREATE TABLE scorecard.actor_aliases (
    actor_id             text NOT NULL REFERENCES scorecard.actors (id) DEFERRABLE INITIALLY DEFERRED,
    alias                text NOT NULL,
    alias_kind           text NOT NULL CHECK (alias_kind IN ('alias', 'former_name', 'brand')),
    valid_from           date,
    valid_from_precision scorecard.date_precision,
    valid_to             date,
    valid_to_precision   scorecard.date_precision,
    source_id            text REFERENCES scorecard.sources (id) DEFERRABLE INITIALLY DEFERRED,
    first_batch_id       bigint NOT NULL,
    changed_batch_id     bigint NOT NULL,
    PRIMARY KEY (actor_id, alias)
);
COMMENT ON TABLE scorecard.actor_aliases IS 'Other names an actor is or was known by (vendors rebrand to escape scrutiny). Grain: one actor and one name.';
COMMENT ON COLUMN scorecard.actor_aliases.actor_id IS 'The actor known by the name (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.actor_aliases.alias IS 'The other name, exactly as written.';
COMMENT ON COLUMN scorecard.actor_aliases.alias_kind IS 'alias, former_name or brand.';
COMMENT ON COLUMN scorecard.actor_aliases.valid_from IS 'First day of the period from which the name was used; NULL when unknown; see valid_from_precision.';
COMMENT ON COLUMN scorecard.actor_aliases.valid_from_precision IS 'Precision of valid_from (the date the name came into use): day, month or year; NULL when valid_from is.';
COMMENT ON COLUMN scorecard.actor_aliases.valid_to IS 'First day of the period until which the name was used; NULL when still used or unknown; see valid_to_precision.';
COMMENT ON COLUMN scorecard.actor_aliases.valid_to_precision IS 'Precision of valid_to (the date the name went out of use): day, month or year; NULL when valid_to is.';
COMMENT ON COLUMN scorecard.actor_aliases.source_id IS 'The source for the name (scorecard.sources.id); optional.';
COMMENT ON COLUMN scorecard.actor_aliases.first_batch_id IS 'The load_batches.id that first loaded the row.';
COMMENT ON COLUMN scorecard.actor_aliases.changed_batch_id IS 'The load_batches.id that last changed it.';

CREATE TABLE scorecard.actor_relations (
    actor_id             text NOT NULL REFERENCES scorecard.actors (id) DEFERRABLE INITIALLY DEFERRED,
    relation             text NOT NULL CHECK (relation IN ('parent_of', 'subsidiary_of', 'investor_in', 'successor_of')),
    related_actor_id     text NOT NULL REFERENCES scorecard.actors (id) DEFERRABLE INITIALLY DEFERRED,
    valid_from           date,
    valid_from_precision scorecard.date_precision,
    valid_to             date,
    valid_to_precision   scorecard.date_precision,
    source_id            text REFERENCES scorecard.sources (id) DEFERRABLE INITIALLY DEFERRED,
    first_batch_id       bigint NOT NULL,
    changed_batch_id     bigint NOT NULL,
    PRIMARY KEY (actor_id, relation, related_actor_id)
);
COMMENT ON TABLE scorecard.actor_relations IS 'Relations between actors, read as "actor_id relation related_actor_id" (parent_of, subsidiary_of, investor_in, successor_of). Grain: one relation.';
COMMENT ON COLUMN scorecard.actor_relations.actor_id IS 'The subject of the relation (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.actor_relations.relation IS 'parent_of, subsidiary_of, investor_in or successor_of, read as "actor_id relation related_actor_id".';
COMMENT ON COLUMN scorecard.actor_relations.related_actor_id IS 'The object of the relation (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.actor_relations.valid_from IS 'First day of the period from which the relation held; NULL when unknown; see valid_from_precision.';
COMMENT ON COLUMN scorecard.actor_relations.valid_from_precision IS 'Precision of valid_from (the date the relation began): day, month or year; NULL when valid_from is.';
COMMENT ON COLUMN scorecard.actor_relations.valid_to IS 'First day of the period until which the relation held; NULL when it still holds or is unknown; see valid_to_precision.';
COMMENT ON COLUMN scorecard.actor_relations.valid_to_precision IS 'Precision of valid_to (the date the relation ended): day, month or year; NULL when valid_to is.';
COMMENT ON COLUMN scorecard.actor_relations.source_id IS 'The source for the relation (scorecard.sources.id); optional.';
COMMENT ON COLUMN scorecard.actor_relations.first_batch_id IS 'The load_batches.id that first loaded the row.';
COMMENT ON COLUMN scorecard.actor_relations.changed_batch_id IS 'The load_batches.id that last changed it.';

CREATE TABLE scorecard.instruments (
    id                 text   PRIMARY KEY,
    kind               text   NOT NULL CHECK (kind IN ('declaration', 'code_of_practice', 'joint_statement', 'law', 'regulation', 'executive_order', 'export_control', 'standard', 'industry_code', 'guidance')),
    title              text   NOT NULL,
    short_name         text,
    issuer             text   NOT NULL,
    adopted_on         date   NOT NULL,
    adopted_precision  scorecard.date_precision NOT NULL,
    url                text,
    addresses          text[] NOT NULL,
    binding            boolean NOT NULL,
    source_id          text   NOT NULL REFERENCES scorecard.sources (id) DEFERRABLE INITIALLY DEFERRED,
    first_batch_id     bigint NOT NULL,
    changed_batch_id   bigint NOT NULL
);
COMMENT ON TABLE scorecard.instruments IS 'Texts actors can commit to: declarations, codes of practice, joint statements, laws, standards, industry codes. Grain: one instrument.';
COMMENT ON COLUMN scorecard.instruments.id IS 'The instrument''s id, chosen by the monitor, e.g. pall-mall-code.';
COMMENT ON COLUMN scorecard.instruments.kind IS 'declaration, code_of_practice, joint_statement, law, regulation, executive_order, export_control, standard, industry_code or guidance.';
COMMENT ON COLUMN scorecard.instruments.title IS 'Full title.';
COMMENT ON COLUMN scorecard.instruments.short_name IS 'Short name for display; optional.';
COMMENT ON COLUMN scorecard.instruments.issuer IS 'Who issued it, as the source names them.';
COMMENT ON COLUMN scorecard.instruments.adopted_on IS 'First day of the period in which the instrument was adopted; see adopted_precision.';
COMMENT ON COLUMN scorecard.instruments.adopted_precision IS 'Precision of adopted_on (the date the instrument was adopted): day, month or year.';
COMMENT ON COLUMN scorecard.instruments.url IS 'The instrument''s text, an absolute http or https URL; optional.';
COMMENT ON COLUMN scorecard.instruments.addresses IS 'The actor kinds the instrument asks something of.';
COMMENT ON COLUMN scorecard.instruments.binding IS 'True when legally binding, false when voluntary.';
COMMENT ON COLUMN scorecard.instruments.source_id IS 'The source for the instrument (scorecard.sources.id).';
COMMENT ON COLUMN scorecard.instruments.first_batch_id IS 'The load_batches.id that first loaded the row.';
COMMENT ON COLUMN scorecard.instruments.changed_batch_id IS 'The load_batches.id that last changed it.';

CREATE TABLE scorecard.provisions (
    id                 text   PRIMARY KEY,
    instrument_id      text   NOT NULL REFERENCES scorecard.instruments (id) DEFERRABLE INITIALLY DEFERRED,
    principle_id       text   NOT NULL REFERENCES scorecard.principles (id) DEFERRABLE INITIALLY DEFERRED,
    reference          text,
    text               text   NOT NULL,
    source_id          text   REFERENCES scorecard.sources (id) DEFERRABLE INITIALLY DEFERRED,
    first_batch_id     bigint NOT NULL,
    changed_batch_id   bigint NOT NULL
);
COMMENT ON TABLE scorecard.provisions IS 'Clauses of instruments, each tagged with the principle it serves. Grain: one clause.';
COMMENT ON COLUMN scorecard.provisions.id IS 'The provision''s id, unique across all instruments, e.g. pall-mall-code.oversight.';
COMMENT ON COLUMN scorecard.provisions.instrument_id IS 'The instrument the clause belongs to (scorecard.instruments.id).';
COMMENT ON COLUMN scorecard.provisions.principle_id IS 'The principle the clause serves (scorecard.principles.id).';
COMMENT ON COLUMN scorecard.provisions.reference IS 'Clause or paragraph number, as the instrument numbers it; optional.';
COMMENT ON COLUMN scorecard.provisions.text IS 'The clause, verbatim or closely paraphrased.';
COMMENT ON COLUMN scorecard.provisions.source_id IS 'Where the clause is quoted (scorecard.sources.id), if not the instrument''s own source.';
COMMENT ON COLUMN scorecard.provisions.first_batch_id IS 'The load_batches.id that first loaded the row.';
COMMENT ON COLUMN scorecard.provisions.changed_batch_id IS 'The load_batches.id that last changed it.';

CREATE TABLE scorecard.commitments (
    id                  text   PRIMARY KEY,
    actor_id            text   NOT NULL REFERENCES scorecard.actors (id) DEFERRABLE INITIALLY DEFERRED,
    instrument_id       text   NOT NULL REFERENCES scorecard.instruments (id) DEFERRABLE INITIALLY DEFERRED,
    kind                text   NOT NULL CHECK (kind IN ('endorsed', 'signed', 'joined', 'ratified', 'adopted')),
    committed_on        date   NOT NULL,
    committed_precision scorecard.date_precision NOT NULL,
    withdrawn_on        date,
    withdrawn_precision scorecard.date_precision,
    source_id           text   NOT NULL REFERENCES scorecard.sources (id) DEFERRABLE INITIALLY DEFERRED,
    note                text,
    first_batch_id      bigint NOT NULL,
    changed_batch_id    bigint NOT NULL,
    CHECK (withdrawn_on IS NULL OR withdrawn_on >= committed_on)
);
COMMENT ON TABLE scorecard.commitments IS 'An actor endorsed, signed, joined, ratified or adopted an instrument on a date, and may have withdrawn. Grain: one commitment. In force on D when committed_on <= D and (withdrawn_on IS NULL OR withdrawn_on > D).';
COMMENT ON COLUMN scorecard.commitments.id IS 'The commitment''s id, chosen by the monitor.';
COMMENT ON COLUMN scorecard.commitments.actor_id IS 'The actor that committed (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.commitments.instrument_id IS 'The instrument committed to (scorecard.instruments.id).';
COMMENT ON COLUMN scorecard.commitments.kind IS 'endorsed, signed, joined, ratified, or adopted (the actor issued the instrument itself, e.g. a law or an executive order).';
COMMENT ON COLUMN scorecard.commitments.committed_on IS 'First day of the period in which the actor committed; see committed_precision.';
COMMENT ON COLUMN scorecard.commitments.committed_precision IS 'Precision of committed_on (the date of the commitment): day, month or year.';
COMMENT ON COLUMN scorecard.commitments.withdrawn_on IS 'First day of the period in which the actor withdrew, on or after committed_on; NULL while not withdrawn; see withdrawn_precision.';
COMMENT ON COLUMN scorecard.commitments.withdrawn_precision IS 'Precision of withdrawn_on (the date of withdrawal): day, month or year; NULL when withdrawn_on is.';
COMMENT ON COLUMN scorecard.commitments.source_id IS 'The source of the commitment (scorecard.sources.id).';
COMMENT ON COLUMN scorecard.commitments.note IS 'The monitor''s free-text note; optional.';
COMMENT ON COLUMN scorecard.commitments.first_batch_id IS 'The load_batches.id that first loaded the row.';
COMMENT ON COLUMN scorecard.commitments.changed_batch_id IS 'The load_batches.id that last changed it.';
CREATE INDEX commitments_actor ON scorecard.commitments (actor_id, committed_on);

CREATE TABLE scorecard.evidence_types (
    id                 text   PRIMARY KEY,
    name               text   NOT NULL,
    description        text,
    first_batch_id     bigint NOT NULL,
    changed_batch_id   bigint NOT NULL
);
COMMENT ON TABLE scorecard.evidence_types IS 'The dataset''s vocabulary of conduct. Whether a type is positive or negative is the methodology''s reading. Grain: one type.';
COMMENT ON COLUMN scorecard.evidence_types.id IS 'The type''s id, e.g. sanction_imposed.';
COMMENT ON COLUMN scorecard.evidence_types.name IS 'Display name.';
COMMENT ON COLUMN scorecard.evidence_types.description IS 'What counts as this type and what does not; optional.';
COMMENT ON COLUMN scorecard.evidence_types.first_batch_id IS 'The load_batches.id that first loaded the row.';
COMMENT ON COLUMN scorecard.evidence_types.changed_batch_id IS 'The load_batches.id that last changed it.';

CREATE TABLE scorecard.evidence (
    id                  text     PRIMARY KEY,
    actor_id            text     NOT NULL,
    evidence_type       text     NOT NULL,
    occurred_on         date     NOT NULL,
    occurred_precision  scorecard.date_precision NOT NULL,
    published_on        date     NOT NULL,
    published_precision scorecard.date_precision NOT NULL,
    counterpart_id      text,
    provision_id        text,
    severity            smallint NOT NULL CHECK (severity BETWEEN 1 AND 5),
    certainty           text     NOT NULL CHECK (certainty IN ('confirmed', 'attributed', 'reported')),
    sensitivity         text     NOT NULL CHECK (sensitivity IN ('public', 'restricted')),
    summary             text     NOT NULL,
    source_ids          text[]   NOT NULL CHECK (cardinality(source_ids) >= 1),
    first_batch_id      bigint   NOT NULL,
    changed_batch_id    bigint   NOT NULL
);
COMMENT ON TABLE scorecard.evidence IS 'Dated records of conduct: an actor did something (occurred_on), it became public (published_on), with sources, certainty and sensitivity. Grain: one record. Restricted rows are hidden from reader roles. Its references (actor_id, counterpart_id, evidence_type, provision_id and every element of source_ids) are enforced by statement-level triggers, set-based, rather than FOREIGN KEY constraints, whose row-by-row checks would make a million-row load several times slower.';
COMMENT ON COLUMN scorecard.evidence.id IS 'The record''s id, chosen by the monitor.';
COMMENT ON COLUMN scorecard.evidence.actor_id IS 'Who acted (scorecard.actors.id): who imposed the sanction, who sold, who used.';
COMMENT ON COLUMN scorecard.evidence.evidence_type IS 'The kind of conduct (scorecard.evidence_types.id).';
COMMENT ON COLUMN scorecard.evidence.occurred_on IS 'First day of the period in which the conduct took place; see occurred_precision.';
COMMENT ON COLUMN scorecard.evidence.occurred_precision IS 'Precision of occurred_on (the date of the conduct): day, month or year.';
COMMENT ON COLUMN scorecard.evidence.published_on IS 'First day of the period in which it became public; scores of a period use only evidence published by its end.';
COMMENT ON COLUMN scorecard.evidence.published_precision IS 'Precision of published_on (the date the conduct became public): day, month or year.';
COMMENT ON COLUMN scorecard.evidence.counterpart_id IS 'The other actor: the vendor sanctioned or bought from, the state supplied.';
COMMENT ON COLUMN scorecard.evidence.provision_id IS 'The provision the conduct concerns (scorecard.provisions.id); optional.';
COMMENT ON COLUMN scorecard.evidence.severity IS 'Severity from 1 (minor) to 5 (grave).';
COMMENT ON COLUMN scorecard.evidence.certainty IS 'confirmed (official act or consistent multi-source reporting), attributed (researchers attribute it; hedging kept in summary), reported (single secondary source).';
COMMENT ON COLUMN scorecard.evidence.sensitivity IS 'public, or restricted (e.g. a victim''s identity): restricted evidence never reaches a public report or an unprivileged analyst.';
COMMENT ON COLUMN scorecard.evidence.summary IS 'Neutral one-sentence paraphrase, keeping the sources'' hedging.';
COMMENT ON COLUMN scorecard.evidence.source_ids IS 'The sources (scorecard.sources ids), in the order the dataset lists them; one row each in the view evidence_sources.';
COMMENT ON COLUMN scorecard.evidence.first_batch_id IS 'The load_batches.id that first loaded the row.';
COMMENT ON COLUMN scorecard.evidence.changed_batch_id IS 'The load_batches.id that last changed it.';
CREATE INDEX evidence_actor ON scorecard.evidence (actor_id, published_on);
CREATE INDEX evidence_counterpart ON scorecard.evidence (counterpart_id, published_on) WHERE counterpart_id IS NOT NULL;

-- Referential integrity of evidence, checked once per statement over all its rows.
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

CREATE VIEW scorecard.evidence_sources AS
    SELECT e.id AS evidence_id, s.source_id, s.position::int AS position
    FROM scorecard.evidence e
    CROSS JOIN LATERAL unnest(e.source_ids) WITH ORDINALITY AS s (source_id, position);
COMMENT ON VIEW scorecard.evidence_sources IS 'Which sources support which evidence. Grain: one evidence record and one of its sources.';
COMMENT ON COLUMN scorecard.evidence_sources.evidence_id IS 'The evidence record (scorecard.evidence.id).';
COMMENT ON COLUMN scorecard.evidence_sources.source_id IS 'One of its sources (scorecard.sources.id).';
COMMENT ON COLUMN scorecard.evidence_sources.position IS 'The source''s position in evidence.source_ids, from 1.';

CREATE TABLE scorecard.responses (
    id                  text   PRIMARY KEY,
    evidence_id         text   NOT NULL REFERENCES scorecard.evidence (id) DEFERRABLE INITIALLY DEFERRED,
    actor_id            text   NOT NULL REFERENCES scorecard.actors (id) DEFERRABLE INITIALLY DEFERRED,
    responded_on        date   NOT NULL,
    responded_precision scorecard.date_precision NOT NULL,
    summary             text   NOT NULL,
    source_id           text   NOT NULL REFERENCES scorecard.sources (id) DEFERRABLE INITIALLY DEFERRED,
    first_batch_id      bigint NOT NULL,
    changed_batch_id    bigint NOT NULL
);
COMMENT ON TABLE scorecard.responses IS 'An actor''s reply to a piece of evidence (right of reply). Grain: one reply.';
COMMENT ON COLUMN scorecard.responses.id IS 'The reply''s id, chosen by the monitor.';
COMMENT ON COLUMN scorecard.responses.evidence_id IS 'The evidence replied to (scorecard.evidence.id).';
COMMENT ON COLUMN scorecard.responses.actor_id IS 'Who replied (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.responses.responded_on IS 'First day of the period in which the actor replied; see responded_precision.';
COMMENT ON COLUMN scorecard.responses.responded_precision IS 'Precision of responded_on (the date of the reply): day, month or year.';
COMMENT ON COLUMN scorecard.responses.summary IS 'Neutral summary of the reply.';
COMMENT ON COLUMN scorecard.responses.source_id IS 'The source of the reply (scorecard.sources.id).';
COMMENT ON COLUMN scorecard.responses.first_batch_id IS 'The load_batches.id that first loaded the row.';
COMMENT ON COLUMN scorecard.responses.changed_batch_id IS 'The load_batches.id that last changed it.';

CREATE VIEW scorecard.commitments_in_force_today AS
    SELECT c.*
    FROM scorecard.commitments c
    WHERE c.committed_on <= current_date
      AND (c.withdrawn_on IS NULL OR c.withdrawn_on > current_date);
COMMENT ON VIEW scorecard.commitments_in_force_today IS 'Commitments in force on the current date. For another date D use scorecard.commitments_in_force(D). Grain: one commitment.';
COMMENT ON COLUMN scorecard.commitments_in_force_today.id IS 'The commitment''s id, chosen by the monitor.';
COMMENT ON COLUMN scorecard.commitments_in_force_today.actor_id IS 'The actor that committed (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.commitments_in_force_today.instrument_id IS 'The instrument committed to (scorecard.instruments.id).';
COMMENT ON COLUMN scorecard.commitments_in_force_today.kind IS 'endorsed, signed, joined, ratified, or adopted (the actor issued the instrument itself, e.g. a law or an executive order).';
COMMENT ON COLUMN scorecard.commitments_in_force_today.committed_on IS 'First day of the period in which the actor committed; see committed_precision.';
COMMENT ON COLUMN scorecard.commitments_in_force_today.committed_precision IS 'Precision of committed_on (the date of the commitment): day, month or year.';
COMMENT ON COLUMN scorecard.commitments_in_force_today.withdrawn_on IS 'First day of the period in which the actor withdrew, on or after committed_on; NULL while not withdrawn; see withdrawn_precision.';
COMMENT ON COLUMN scorecard.commitments_in_force_today.withdrawn_precision IS 'Precision of withdrawn_on (the date of withdrawal): day, month or year; NULL when withdrawn_on is.';
COMMENT ON COLUMN scorecard.commitments_in_force_today.source_id IS 'The source of the commitment (scorecard.sources.id).';
COMMENT ON COLUMN scorecard.commitments_in_force_today.note IS 'The monitor''s free-text note; optional.';
COMMENT ON COLUMN scorecard.commitments_in_force_today.first_batch_id IS 'The load_batches.id that first loaded the row.';
COMMENT ON COLUMN scorecard.commitments_in_force_today.changed_batch_id IS 'The load_batches.id that last changed it.';

CREATE FUNCTION scorecard.commitments_in_force(on_date date)
    RETURNS SETOF scorecard.commitments
    LANGUAGE sql STABLE
    AS $$
        SELECT c.* FROM scorecard.commitments c
        WHERE c.committed_on <= on_date AND (c.withdrawn_on IS NULL OR c.withdrawn_on > on_date)
    $$;
COMMENT ON FUNCTION scorecard.commitments_in_force(date) IS 'Who had committed to what on a date: commitments made on or before it and not withdrawn by then.';
