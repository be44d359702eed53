-- Records a revision of an edition: the actors whose figures as known now (run $3) differ from the
-- figures known before (run $2: the edition's known run, or its last revision's), each with the
-- figures the edition published. Writes nothing when no actor's figures differ.
-- Grain: one row per actor restated, naming the new revision (none when nothing differs).
-- $1 edition id, $2 run known before, $3 run known now, $4 load batch of the data known now,
-- $5 the as-of date of the recording run.
WITH known_before AS (
    SELECT actor_id, positive, negative, combined, grade FROM scorecard.actor_scores WHERE run_id = $2::bigint
),
known_now AS (
    SELECT actor_id, positive, negative, combined, grade FROM scorecard.actor_scores WHERE run_id = $3::bigint
),
changed AS (  -- an actor that left the dataset, or joined it, differs too
    SELECT coalesce(n.actor_id, b.actor_id) AS actor_id, b.combined AS previous_combined, b.grade AS previous_grade,
           n.positive, n.negative, n.combined, n.grade
    FROM known_before b
    FULL JOIN known_now n ON n.actor_id = b.actor_id
    WHERE (b.positive, b.negative, b.combined, b.grade) IS DISTINCT FROM (n.positive, n.negative, n.combined, n.grade)
),
revision AS (
    INSERT INTO scorecard.edition_revisions (edition_id, previous_known_run_id, known_run_id, load_batch_id, recorded_on,
                                             methodology_changed)
    SELECT $1::bigint, $2::bigint, $3::bigint, $4::bigint, $5::date,
           -- The method is the methodology file and the engine's rules: a new engine (a release that
           -- changes how figures are computed) restates as a change of method, never as new data.
           (b.methodology_id, b.methodology_version, b.methodology_sha256, b.engine_sha256) IS DISTINCT FROM
           (n.methodology_id, n.methodology_version, n.methodology_sha256, n.engine_sha256)
    FROM scorecard.score_runs b, scorecard.score_runs n
    WHERE b.id = $2::bigint AND n.id = $3::bigint AND EXISTS (SELECT 1 FROM changed)
    RETURNING id
)
INSERT INTO scorecard.edition_restatements (revision_id, actor_id, published_positive, published_negative, published_combined,
                                            published_grade, previous_combined, previous_grade, restated_positive,
                                            restated_negative, restated_combined, restated_grade)
SELECT r.id, c.actor_id, p.positive, p.negative, p.combined, p.grade, c.previous_combined, c.previous_grade,
       c.positive, c.negative, c.combined, c.grade
FROM revision r
CROSS JOIN changed c
LEFT JOIN scorecard.actor_scores p ON p.actor_id = c.actor_id
                                  AND p.run_id = (SELECT run_id FROM scorecard.editions WHERE id = $1::bigint)
RETURNING revision_id
