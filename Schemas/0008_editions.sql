-- 0008: editions and their restatements (docs/editions.md).
-- An edition is the act of publishing a period's scorecard: it pins the score run whose figures it
-- published and keeps every file it wrote, byte for byte. Nothing of it ever changes. What later data
-- or a later methodology would change in its figures is a restatement: recorded, with the records
-- that caused it, in a revision of the edition, and shown in the next edition.
-- The second clock: when this dataset first held a record. Each record carries first_batch_id
-- (0002); a load batch now also carries the date the load took for today (its as-of date).

ALTER TABLE scorecard.load_batches ADD COLUMN recorded_on date;
-- Batches loaded before 0008 knew no as-of date: their wall-clock day stands in for it.
UPDATE scorecard.load_batches SET recorded_on = (loaded_at AT TIME ZONE 'UTC')::date;
ALTER TABLE scorecard.load_batches ALTER COLUMN recorded_on SET NOT NULL;
COMMENT ON COLUMN scorecard.load_batches.recorded_on IS
    'The date the load took for today (its as-of date): the day this dataset first held the records the batch added (first_batch_id), or changed them (changed_batch_id). The second clock beside each record''s published_on.';

COMMENT ON TABLE scorecard.restatements IS
    'Written by scorecard before 0.3 only: published runs whose figures evidence published after the period would change. Since editions (0008) a restatement is of an edition: see scorecard.edition_restatements. Grain: published run × restated run × actor.';

CREATE TABLE scorecard.editions (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    methodology_id      text        NOT NULL,
    methodology_version text        NOT NULL,
    methodology_sha256  text        NOT NULL CHECK (methodology_sha256 ~ '^[0-9a-f]{64}$'),
    period              text        NOT NULL,
    period_start        date        NOT NULL,
    period_end          date        NOT NULL,
    run_id              bigint      NOT NULL REFERENCES scorecard.score_runs (id),
    known_run_id        bigint      NOT NULL REFERENCES scorecard.score_runs (id),
    load_batch_id       bigint      NOT NULL,
    dataset_sha256      text        NOT NULL CHECK (dataset_sha256 ~ '^[0-9a-f]{64}$'),
    inputs_sha256       text        NOT NULL CHECK (inputs_sha256 ~ '^[0-9a-f]{64}$'),
    published_on        date        NOT NULL,
    published_at        timestamptz NOT NULL DEFAULT now(),
    backfill            boolean     NOT NULL,
    previous_edition_id bigint      REFERENCES scorecard.editions (id),
    revisions_through   bigint      NOT NULL,
    UNIQUE (methodology_id, period),
    CHECK (period_end < published_on)
);
COMMENT ON TABLE scorecard.editions IS
    'Every published edition: one period''s scorecard as published, never changed. Grain: methodology id × period (a period is published once per methodology; a new methodology version restates it).';
COMMENT ON COLUMN scorecard.editions.id IS 'Edition number, increasing.';
COMMENT ON COLUMN scorecard.editions.methodology_id IS 'The methodology''s id.';
COMMENT ON COLUMN scorecard.editions.methodology_version IS 'The methodology version the edition was scored with.';
COMMENT ON COLUMN scorecard.editions.methodology_sha256 IS 'SHA-256 of that methodology file.';
COMMENT ON COLUMN scorecard.editions.period IS 'The period published, e.g. 2025-Q4.';
COMMENT ON COLUMN scorecard.editions.period_start IS 'First day of the period.';
COMMENT ON COLUMN scorecard.editions.period_end IS 'Last day of the period.';
COMMENT ON COLUMN scorecard.editions.run_id IS 'The as_published score run whose figures the edition published (scorecard.score_runs.id): what was published by the end of the period.';
COMMENT ON COLUMN scorecard.editions.known_run_id IS 'The run of the same period with everything known when the edition was published (the restated run; the same run when nothing was published later): the baseline later restatements are measured from.';
COMMENT ON COLUMN scorecard.editions.load_batch_id IS 'The load batch of the dataset published (scorecard.load_batches.id).';
COMMENT ON COLUMN scorecard.editions.dataset_sha256 IS 'Digest of that dataset.';
COMMENT ON COLUMN scorecard.editions.inputs_sha256 IS 'Inputs digest of the published run (methodology, engine, period, cutoff, dataset).';
COMMENT ON COLUMN scorecard.editions.published_on IS 'The date the publishing run took for today (its as-of date).';
COMMENT ON COLUMN scorecard.editions.published_at IS 'Wall-clock time of publication.';
COMMENT ON COLUMN scorecard.editions.backfill IS 'True when the period was not the latest complete one at publication: a history published at once (a first run, a new series), not an edition readers saw when it was due.';
COMMENT ON COLUMN scorecard.editions.previous_edition_id IS 'The edition of the previous period under the same methodology id, when there is one: changes are measured against it as published.';
COMMENT ON COLUMN scorecard.editions.revisions_through IS 'The last scorecard.edition_revisions.id recorded when the edition was published: it shows the restatements of revisions after its predecessor''s and up to this one.';

CREATE TABLE scorecard.edition_files (
    edition_id bigint NOT NULL REFERENCES scorecard.editions (id),
    name       text   NOT NULL CHECK (name !~ '[/\\]' AND name !~ '^\.'),
    sha256     text   NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    bytes      bigint NOT NULL,
    content    text   NOT NULL,
    PRIMARY KEY (edition_id, name)
);
COMMENT ON TABLE scorecard.edition_files IS
    'Every file an edition published, byte for byte: the output folder is made equal to these after a crash, and a published file is never rendered again. Grain: edition × file.';
COMMENT ON COLUMN scorecard.edition_files.edition_id IS 'The edition (scorecard.editions.id).';
COMMENT ON COLUMN scorecard.edition_files.name IS 'File name in the output folder, e.g. scorecard-pall-mall-2025-Q4.json.';
COMMENT ON COLUMN scorecard.edition_files.sha256 IS 'SHA-256 of the file, as in the folder''s SHA256SUMS.';
COMMENT ON COLUMN scorecard.edition_files.bytes IS 'Size of the file in bytes.';
COMMENT ON COLUMN scorecard.edition_files.content IS 'The file (UTF-8 text).';

CREATE TABLE scorecard.edition_revisions (
    id                    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    edition_id            bigint      NOT NULL REFERENCES scorecard.editions (id),
    previous_known_run_id bigint      NOT NULL REFERENCES scorecard.score_runs (id),
    known_run_id          bigint      NOT NULL REFERENCES scorecard.score_runs (id),
    load_batch_id         bigint      NOT NULL,
    recorded_on           date        NOT NULL,
    recorded_at           timestamptz NOT NULL DEFAULT now(),
    methodology_changed   boolean     NOT NULL,
    CHECK (previous_known_run_id <> known_run_id)
);
COMMENT ON TABLE scorecard.edition_revisions IS
    'Each time an edition''s figures as known changed (new or changed data, a new methodology version). Grain: one edition × one run that found the change.';
COMMENT ON COLUMN scorecard.edition_revisions.id IS 'Revision number, increasing across all editions.';
COMMENT ON COLUMN scorecard.edition_revisions.edition_id IS 'The edition restated (scorecard.editions.id).';
COMMENT ON COLUMN scorecard.edition_revisions.previous_known_run_id IS 'The run the figures were known from before (the edition''s known_run_id, or the previous revision''s known_run_id).';
COMMENT ON COLUMN scorecard.edition_revisions.known_run_id IS 'The run of the same period with everything known now (scorecard.score_runs.id).';
COMMENT ON COLUMN scorecard.edition_revisions.load_batch_id IS 'The load batch of the data now known.';
COMMENT ON COLUMN scorecard.edition_revisions.recorded_on IS 'The as-of date of the run that recorded it.';
COMMENT ON COLUMN scorecard.edition_revisions.recorded_at IS 'Wall-clock time it was recorded.';
COMMENT ON COLUMN scorecard.edition_revisions.methodology_changed IS 'True when the methodology version (or file) differs from the one the figures were known from.';

CREATE TABLE scorecard.edition_restatements (
    revision_id         bigint        NOT NULL REFERENCES scorecard.edition_revisions (id),
    actor_id            text          NOT NULL,
    published_positive  numeric(7, 3),
    published_negative  numeric(7, 3),
    published_combined  numeric(7, 3),
    published_grade     text,
    previous_combined   numeric(7, 3),
    previous_grade      text,
    restated_positive   numeric(7, 3),
    restated_negative   numeric(7, 3),
    restated_combined   numeric(7, 3),
    restated_grade      text,
    PRIMARY KEY (revision_id, actor_id)
);
COMMENT ON TABLE scorecard.edition_restatements IS
    'An actor whose figures in a published edition are now known differently. Grain: revision × actor. The edition itself is never edited; scorecard.restatement_causes says why.';
COMMENT ON COLUMN scorecard.edition_restatements.revision_id IS 'The revision (scorecard.edition_revisions.id).';
COMMENT ON COLUMN scorecard.edition_restatements.actor_id IS 'The actor restated (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.edition_restatements.published_positive IS 'Positive score as the edition published it, 0–100.';
COMMENT ON COLUMN scorecard.edition_restatements.published_negative IS 'Negative score as published, 0–100.';
COMMENT ON COLUMN scorecard.edition_restatements.published_combined IS 'Combined score as published, 0–100.';
COMMENT ON COLUMN scorecard.edition_restatements.published_grade IS 'Grade as published.';
COMMENT ON COLUMN scorecard.edition_restatements.previous_combined IS 'Combined score as known before this revision (at publication, or at the previous revision).';
COMMENT ON COLUMN scorecard.edition_restatements.previous_grade IS 'Grade as known before this revision.';
COMMENT ON COLUMN scorecard.edition_restatements.restated_positive IS 'Positive score as known now, 0–100.';
COMMENT ON COLUMN scorecard.edition_restatements.restated_negative IS 'Negative score as known now, 0–100.';
COMMENT ON COLUMN scorecard.edition_restatements.restated_combined IS 'Combined score as known now, 0–100.';
COMMENT ON COLUMN scorecard.edition_restatements.restated_grade IS 'Grade as known now.';

CREATE TABLE scorecard.restatement_causes (
    revision_id  bigint        NOT NULL,
    actor_id     text          NOT NULL,
    cause        text          NOT NULL CHECK (cause IN ('late_recorded', 'published_later', 'corrected', 'removed', 'methodology', 'other')),
    record_table text,
    record_id    text,
    points       numeric(8, 3),
    FOREIGN KEY (revision_id, actor_id) REFERENCES scorecard.edition_restatements (revision_id, actor_id),
    CHECK ((record_table IS NULL) = (record_id IS NULL))
);
COMMENT ON TABLE scorecard.restatement_causes IS
    'Why an actor''s figures in an edition changed: each record whose contribution changed, with the kind of cause. Grain: revision × actor × record (one row without a record for a methodology change).';
COMMENT ON COLUMN scorecard.restatement_causes.revision_id IS 'The revision (scorecard.edition_revisions.id).';
COMMENT ON COLUMN scorecard.restatement_causes.actor_id IS 'The actor restated.';
COMMENT ON COLUMN scorecard.restatement_causes.cause IS 'late_recorded: first held by the dataset after the figures were known, though published by the end of the period; published_later: published after the end of the period and first held since; corrected: changed since (the record, or a source it cites); removed: left the dataset since; methodology: another methodology version or file; other: a change the records do not explain alone.';
COMMENT ON COLUMN scorecard.restatement_causes.record_table IS 'evidence, commitments or sources; NULL for a methodology change.';
COMMENT ON COLUMN scorecard.restatement_causes.record_id IS 'The record''s id in that table (it may have left the dataset: see scorecard.record_history).';
COMMENT ON COLUMN scorecard.restatement_causes.points IS 'The change of its contribution to the actor''s indicators, in points (now minus before); NULL for a source or a methodology change.';
CREATE INDEX restatement_causes_revision ON scorecard.restatement_causes (revision_id, actor_id);

-- The run ledger says which editions a run published; its restatements are now those of editions.
ALTER TABLE scorecard.run_ledger ADD COLUMN editions_published text[] NOT NULL DEFAULT '{}';
COMMENT ON COLUMN scorecard.run_ledger.editions_published IS 'The periods whose editions the run published (scorecard.editions).';
COMMENT ON COLUMN scorecard.run_ledger.restatements IS 'Actors the run restated in published editions (scorecard.edition_restatements); before 0.3, restatements recorded by the score runs computed.';
