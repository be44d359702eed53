-- 0003: methodologies, score runs and their results, restatements, sensitivity analyses.
-- Every result row belongs to one score run, which names the methodology version and the
-- load batch it used, so every score is traceable to its method and its evidence.

CREATE FUNCTION scorecard.last_day(first_day date, known_to scorecard.date_precision)
    RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT CASE known_to
            WHEN 'day' THEN first_day
            WHEN 'month' THEN (first_day + interval '1 month' - interval '1 day')::date
            ELSE (first_day + interval '1 year' - interval '1 day')::date
        END
    $$;
COMMENT ON FUNCTION scorecard.last_day(date, scorecard.date_precision) IS
    'The last day of a partial date''s interval: last_day(''2024-03-01'', ''month'') = 2024-03-31.';

CREATE TABLE scorecard.methodologies (
    id          text        NOT NULL,
    version     text        NOT NULL,
    sha256      text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    title       text        NOT NULL,
    source_text text        NOT NULL,
    definition  jsonb       NOT NULL,
    stored_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, version)
);
COMMENT ON TABLE scorecard.methodologies IS 'Every methodology version ever used to score, with its file verbatim. Grain: one methodology version. A version''s content never changes.';
COMMENT ON COLUMN scorecard.methodologies.id IS 'The methodology''s id (from its file).';
COMMENT ON COLUMN scorecard.methodologies.version IS 'The methodology''s version (from its file).';
COMMENT ON COLUMN scorecard.methodologies.sha256 IS 'SHA-256 of the file as stored.';
COMMENT ON COLUMN scorecard.methodologies.title IS 'The methodology''s title.';
COMMENT ON COLUMN scorecard.methodologies.source_text IS 'The YAML file, verbatim.';
COMMENT ON COLUMN scorecard.methodologies.definition IS 'The parsed methodology as JSON (pillars, weights, grades, indicators).';
COMMENT ON COLUMN scorecard.methodologies.stored_at IS 'When this version was first used.';

CREATE TABLE scorecard.score_runs (
    id                   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    methodology_id       text        NOT NULL,
    methodology_version  text        NOT NULL,
    methodology_sha256   text        NOT NULL,
    period               text        NOT NULL,
    period_start         date        NOT NULL,
    period_end           date        NOT NULL,
    basis                text        NOT NULL CHECK (basis IN ('as_published', 'restated')),
    knowledge_cutoff     date        NOT NULL,
    load_batch_id        bigint      NOT NULL,
    dataset_sha256       text        NOT NULL,
    engine_sha256        text        NOT NULL CHECK (engine_sha256 ~ '^[0-9a-f]{64}$'),
    inputs_sha256        text        NOT NULL CHECK (inputs_sha256 ~ '^[0-9a-f]{64}$'),
    provisional          boolean     NOT NULL,
    computed_at          timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (methodology_id, methodology_version) REFERENCES scorecard.methodologies (id, version),
    UNIQUE (inputs_sha256)
);
COMMENT ON TABLE scorecard.score_runs IS 'One computation of every actor''s scores for a period under one methodology version and one load batch. Grain: one run. Equal inputs give an equal inputs_sha256, so a run is never computed twice.';
COMMENT ON COLUMN scorecard.score_runs.id IS 'Run number, increasing.';
COMMENT ON COLUMN scorecard.score_runs.methodology_id IS 'The methodology used (scorecard.methodologies.id).';
COMMENT ON COLUMN scorecard.score_runs.methodology_version IS 'The methodology version used (scorecard.methodologies.version).';
COMMENT ON COLUMN scorecard.score_runs.methodology_sha256 IS 'SHA-256 of the methodology file used (scorecard.methodologies.sha256).';
COMMENT ON COLUMN scorecard.score_runs.period IS 'The period scored: 2025-Q2 (quarter) or 2025 (year).';
COMMENT ON COLUMN scorecard.score_runs.period_start IS 'First day of the period.';
COMMENT ON COLUMN scorecard.score_runs.period_end IS 'Last day of the period.';
COMMENT ON COLUMN scorecard.score_runs.basis IS 'as_published: only what was published by the end of the period (the published score); restated: everything known to the dataset, to find restatements.';
COMMENT ON COLUMN scorecard.score_runs.knowledge_cutoff IS 'Evidence and commitments published after this date were not used.';
COMMENT ON COLUMN scorecard.score_runs.load_batch_id IS 'The latest load batch when the run was computed (scorecard.load_batches.id).';
COMMENT ON COLUMN scorecard.score_runs.dataset_sha256 IS 'Digest of the dataset of that load batch.';
COMMENT ON COLUMN scorecard.score_runs.engine_sha256 IS 'SHA-256 of the scoring queries (Schemas/queries/) that computed the run: a changed engine never reuses an old run.';
COMMENT ON COLUMN scorecard.score_runs.inputs_sha256 IS 'SHA-256 over the methodology digest, engine digest, period, basis, cutoff and dataset digest.';
COMMENT ON COLUMN scorecard.score_runs.provisional IS 'True when the period had not ended on the date of the data (later evidence may still count).';
COMMENT ON COLUMN scorecard.score_runs.computed_at IS 'When the run was computed (the only wall-clock time a report shows).';

CREATE TABLE scorecard.indicator_values (
    run_id          bigint  NOT NULL REFERENCES scorecard.score_runs (id),
    actor_id        text    NOT NULL,
    indicator_code  text    NOT NULL,
    pillar          text    NOT NULL,
    polarity        text    NOT NULL CHECK (polarity IN ('positive', 'negative')),
    kind            text    NOT NULL CHECK (kind IN ('commitment', 'evidence', 'breach')),
    state           text    NOT NULL CHECK (state IN ('scored', 'no evidence', 'not applicable')),
    value           numeric(7, 3) CHECK (value BETWEEN 0 AND 100),
    evidence_count  integer NOT NULL,
    PRIMARY KEY (run_id, actor_id, indicator_code),
    CHECK ((state = 'scored') = (value IS NOT NULL))
);
COMMENT ON TABLE scorecard.indicator_values IS 'Each indicator''s value for each actor in a run. Grain: run × actor × indicator. value is NULL unless state = scored: no evidence is never a zero.';
COMMENT ON COLUMN scorecard.indicator_values.run_id IS 'The score run (scorecard.score_runs.id).';
COMMENT ON COLUMN scorecard.indicator_values.actor_id IS 'The actor scored (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.indicator_values.indicator_code IS 'The indicator''s code in the methodology, e.g. S-C1.';
COMMENT ON COLUMN scorecard.indicator_values.pillar IS 'The pillar the indicator belongs to (a pillar id of the methodology).';
COMMENT ON COLUMN scorecard.indicator_values.polarity IS 'positive or negative: the face of accountability the indicator counts towards.';
COMMENT ON COLUMN scorecard.indicator_values.kind IS 'commitment (commitments in force), evidence (weighted, decayed evidence) or breach (conduct after a commitment against it).';
COMMENT ON COLUMN scorecard.indicator_values.state IS 'scored; no evidence (nothing on record, not the same as good conduct); not applicable (the indicator does not concern this actor).';
COMMENT ON COLUMN scorecard.indicator_values.value IS '0 to 100.';
COMMENT ON COLUMN scorecard.indicator_values.evidence_count IS 'Evidence records (or, for commitment indicators, commitments in force) behind the value.';

CREATE TABLE scorecard.indicator_contributions (
    run_id          bigint  NOT NULL,
    actor_id        text    NOT NULL,
    indicator_code  text    NOT NULL,
    evidence_id     text,
    commitment_id   text,
    weight          numeric(12, 6) NOT NULL,
    contribution    numeric(7, 3)  NOT NULL,
    CHECK ((evidence_id IS NULL) <> (commitment_id IS NULL))
);
COMMENT ON TABLE scorecard.indicator_contributions IS 'What each evidence record or commitment contributed to an indicator value. Grain: run × actor × indicator × evidence record (or commitment). Contributions of one value add up to it. (run_id, actor_id, indicator_code) always names a row of indicator_values, written in the same transaction; it carries no FOREIGN KEY because a row-by-row check would double the time of a million-record run.';
COMMENT ON COLUMN scorecard.indicator_contributions.run_id IS 'The score run (scorecard.score_runs.id).';
COMMENT ON COLUMN scorecard.indicator_contributions.actor_id IS 'The actor scored (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.indicator_contributions.indicator_code IS 'The indicator''s code in the methodology.';
COMMENT ON COLUMN scorecard.indicator_contributions.evidence_id IS 'The contributing evidence record (scorecard.evidence.id); NULL for a commitment.';
COMMENT ON COLUMN scorecard.indicator_contributions.commitment_id IS 'The contributing commitment (scorecard.commitments.id); NULL for an evidence record.';
COMMENT ON COLUMN scorecard.indicator_contributions.weight IS 'The record''s weight: severity × certainty × reliability × decay (evidence), or the instrument''s weight (commitments).';
COMMENT ON COLUMN scorecard.indicator_contributions.contribution IS 'Its share of the indicator value, in points.';
CREATE INDEX indicator_contributions_run ON scorecard.indicator_contributions (run_id, actor_id, indicator_code);
CREATE INDEX indicator_contributions_evidence ON scorecard.indicator_contributions (evidence_id) WHERE evidence_id IS NOT NULL;

CREATE TABLE scorecard.pillar_scores (
    run_id     bigint NOT NULL REFERENCES scorecard.score_runs (id),
    actor_id   text   NOT NULL,
    pillar     text   NOT NULL,
    positive   numeric(7, 3),
    negative   numeric(7, 3),
    PRIMARY KEY (run_id, actor_id, pillar)
);
COMMENT ON TABLE scorecard.pillar_scores IS 'Positive and negative accountability per pillar. Grain: run × actor × pillar. NULL when no indicator of that polarity was scored.';
COMMENT ON COLUMN scorecard.pillar_scores.run_id IS 'The score run (scorecard.score_runs.id).';
COMMENT ON COLUMN scorecard.pillar_scores.actor_id IS 'The actor scored (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.pillar_scores.pillar IS 'The pillar (a pillar id of the methodology).';
COMMENT ON COLUMN scorecard.pillar_scores.positive IS 'Weighted mean of the values of the pillar''s positive indicators that apply to the actor, 0–100; NULL when none was scored.';
COMMENT ON COLUMN scorecard.pillar_scores.negative IS 'Weighted mean of the values of the pillar''s negative indicators that apply to the actor, 0–100; NULL when none was scored.';

CREATE TABLE scorecard.actor_scores (
    run_id            bigint  NOT NULL REFERENCES scorecard.score_runs (id),
    actor_id          text    NOT NULL,
    actor_kind        text    NOT NULL,
    positive          numeric(7, 3),
    negative          numeric(7, 3),
    combined          numeric(7, 3),
    grade             text,
    rank_in_kind      integer,
    evidence_count    integer NOT NULL,
    previous_run_id   bigint  REFERENCES scorecard.score_runs (id),
    previous_combined numeric(7, 3),
    change            numeric(7, 3),
    PRIMARY KEY (run_id, actor_id)
);
COMMENT ON TABLE scorecard.actor_scores IS 'Each actor''s positive, negative and combined scores, grade and rank in a run. Grain: run × actor.';
COMMENT ON COLUMN scorecard.actor_scores.run_id IS 'The score run (scorecard.score_runs.id).';
COMMENT ON COLUMN scorecard.actor_scores.actor_id IS 'The actor scored (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.actor_scores.actor_kind IS 'The actor''s kind (state, vendor, organisation or investor), within which it is ranked.';
COMMENT ON COLUMN scorecard.actor_scores.positive IS 'Positive accountability (commitments kept, responsible conduct, consequences imposed), 0–100; NULL when nothing positive was scored.';
COMMENT ON COLUMN scorecard.actor_scores.negative IS 'Negative accountability (documented misuse, evasion, consequences received, promises broken), 0–100; NULL when nothing negative was scored.';
COMMENT ON COLUMN scorecard.actor_scores.combined IS '(100 + positive − negative) / 2, a missing face taken as 0; NULL when neither face was scored.';
COMMENT ON COLUMN scorecard.actor_scores.grade IS 'Grade band of the combined score; NULL with insufficient evidence.';
COMMENT ON COLUMN scorecard.actor_scores.rank_in_kind IS 'Rank by combined score among actors of the same kind, 1 = highest; equal scores share a rank.';
COMMENT ON COLUMN scorecard.actor_scores.evidence_count IS 'Evidence records behind the actor''s scored evidence and breach indicators.';
COMMENT ON COLUMN scorecard.actor_scores.previous_run_id IS 'The as-published run of the previous period under the same methodology version.';
COMMENT ON COLUMN scorecard.actor_scores.previous_combined IS 'The combined score in previous_run_id; NULL when there is none.';
COMMENT ON COLUMN scorecard.actor_scores.change IS 'combined minus previous_combined.';

CREATE TABLE scorecard.restatements (
    run_id              bigint  NOT NULL REFERENCES scorecard.score_runs (id),
    restated_run_id     bigint  NOT NULL REFERENCES scorecard.score_runs (id),
    actor_id            text    NOT NULL,
    period              text    NOT NULL,
    original_positive   numeric(7, 3),
    original_negative   numeric(7, 3),
    original_combined   numeric(7, 3),
    restated_positive   numeric(7, 3),
    restated_negative   numeric(7, 3),
    restated_combined   numeric(7, 3),
    evidence_ids        text[]  NOT NULL,
    PRIMARY KEY (run_id, restated_run_id, actor_id)
);
COMMENT ON TABLE scorecard.restatements IS 'A published (as_published) score that evidence published later would change, with both figures and the evidence that causes the difference. Grain: published run × restated run × actor. The published figure is never edited.';
COMMENT ON COLUMN scorecard.restatements.run_id IS 'The published (as_published) run (scorecard.score_runs.id).';
COMMENT ON COLUMN scorecard.restatements.restated_run_id IS 'The restated run of the same period, with everything known when it was computed (scorecard.score_runs.id).';
COMMENT ON COLUMN scorecard.restatements.actor_id IS 'The actor whose figures differ (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.restatements.period IS 'The period restated, e.g. 2025-Q2.';
COMMENT ON COLUMN scorecard.restatements.original_positive IS 'Positive score as published, 0–100.';
COMMENT ON COLUMN scorecard.restatements.original_negative IS 'Negative score as published, 0–100.';
COMMENT ON COLUMN scorecard.restatements.original_combined IS 'Combined score as published, 0–100.';
COMMENT ON COLUMN scorecard.restatements.restated_positive IS 'Positive score with later evidence, 0–100.';
COMMENT ON COLUMN scorecard.restatements.restated_negative IS 'Negative score with later evidence, 0–100.';
COMMENT ON COLUMN scorecard.restatements.restated_combined IS 'Combined score with later evidence, 0–100.';
COMMENT ON COLUMN scorecard.restatements.evidence_ids IS 'Evidence published after the period ended that contributes to the restated figure.';

CREATE TABLE scorecard.sensitivity_results (
    run_id             bigint  NOT NULL REFERENCES scorecard.score_runs (id),
    samples            integer NOT NULL,
    seed               bigint  NOT NULL,
    actor_id           text    NOT NULL,
    median_rank        numeric(8, 1) NOT NULL,
    rank_p05           integer NOT NULL,
    rank_p95           integer NOT NULL,
    grade_change_share numeric(5, 4) NOT NULL,
    PRIMARY KEY (run_id, samples, seed, actor_id)
);
COMMENT ON TABLE scorecard.sensitivity_results IS 'How stable each actor''s rank is when the weights are perturbed (docs/methodology.md, Uncertainty). Grain: run × analysis (samples, seed) × actor.';
COMMENT ON COLUMN scorecard.sensitivity_results.run_id IS 'The run whose weights were perturbed (scorecard.score_runs.id).';
COMMENT ON COLUMN scorecard.sensitivity_results.samples IS 'Number of weight perturbations drawn (--samples).';
COMMENT ON COLUMN scorecard.sensitivity_results.seed IS 'Seed of the SplitMix64 generator (--seed): the same seed gives the same figures.';
COMMENT ON COLUMN scorecard.sensitivity_results.actor_id IS 'The actor (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.sensitivity_results.median_rank IS 'Median rank within the actor''s kind over the samples.';
COMMENT ON COLUMN scorecard.sensitivity_results.rank_p05 IS '5th percentile of the rank (the best plausible rank).';
COMMENT ON COLUMN scorecard.sensitivity_results.rank_p95 IS '95th percentile of the rank (the worst plausible rank).';
COMMENT ON COLUMN scorecard.sensitivity_results.grade_change_share IS 'Share of samples in which the grade differs from the published one.';
