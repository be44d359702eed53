-- How indicator values become pillar and actor scores (docs/methodology.md, "Aggregation").
-- Scoring (Schemas/queries/scoring/pillar_scores.sql, actor_scores.sql) and the sensitivity
-- analysis (Schemas/queries/scoring/sensitivity.sql) both call these functions: the analysis
-- evaluates many weight samples at once, scoring evaluates sample 0, the methodology's own weights.
--
-- weights: {"indicators": [{"sample", "code", "weight"}], "pillars": [{"sample", "id", "weight"}]}.

CREATE FUNCTION scorecard.score_value(value float8)
    RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT round(value::numeric, 3) $$;
COMMENT ON FUNCTION scorecard.score_value(float8) IS
    'A score as stored and published: rounded to 3 decimals (numeric). Every pillar, face and combined score passes through it, so sums of rounded parts are what a reader can redo.';

CREATE FUNCTION scorecard.methodology_weights(definition jsonb)
    RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT jsonb_build_object(
            'indicators', (SELECT coalesce(jsonb_agg(jsonb_build_object('sample', 0, 'code', i ->> 'code', 'weight', i -> 'weight')), '[]')
                           FROM jsonb_array_elements(d -> 'indicators') AS i),
            'pillars', (SELECT coalesce(jsonb_agg(jsonb_build_object('sample', 0, 'id', p ->> 'id', 'weight', p -> 'weight')), '[]')
                        FROM jsonb_array_elements(d -> 'pillars') AS p))
        FROM (SELECT scorecard.methodology_definition(definition) AS d) m
    $$;
COMMENT ON FUNCTION scorecard.methodology_weights(jsonb) IS
    'The methodology''s own indicator and pillar weights, as sample 0 in the shape pillar_faces and actor_faces read.';

CREATE FUNCTION scorecard.pillar_faces(run bigint, weights jsonb)
    RETURNS TABLE (sample integer, actor_id text, pillar text, positive numeric, negative numeric)
    LANGUAGE sql STABLE
    AS $$
        WITH indicator_weight AS (
            SELECT * FROM jsonb_to_recordset(weights -> 'indicators') AS w (sample integer, code text, weight float8)
        ),
        pillar AS (
            SELECT * FROM jsonb_to_recordset(weights -> 'pillars') AS p (sample integer, id text)
        ),
        actor AS (
            SELECT DISTINCT v.actor_id FROM scorecard.indicator_values v WHERE v.run_id = run
        ),
        applicable AS MATERIALIZED (
            -- Every applicable indicator takes part. One with no evidence on record adds no points
            -- (its state stays "no evidence", never a zero value), so conduct on record can only
            -- raise the face it belongs to; indicators that do not apply take no part at all, nor
            -- do an entity's, whose conduct is its group's ('in group').
            SELECT v.actor_id, v.indicator_code, v.pillar, v.polarity = 'positive' AS positive,
                   coalesce(v.value::float8, 0) AS value,
                   v.kind <> 'commitment' AND v.state = 'scored' AS conduct
            FROM scorecard.indicator_values v
            WHERE v.run_id = run AND v.state NOT IN ('not applicable', 'in group')
        ),
        weighted AS (  -- one row per sample, actor and pillar that has an applicable indicator
            SELECT w.sample, v.actor_id, v.pillar,
                   sum(v.value * w.weight) FILTER (WHERE v.positive) AS positive_points,
                   sum(w.weight) FILTER (WHERE v.positive) AS positive_weight,
                   coalesce(bool_or(v.conduct) FILTER (WHERE v.positive), false) AS positive_conduct,
                   sum(v.value * w.weight) FILTER (WHERE NOT v.positive) AS negative_points,
                   sum(w.weight) FILTER (WHERE NOT v.positive) AS negative_weight,
                   coalesce(bool_or(v.conduct) FILTER (WHERE NOT v.positive), false) AS negative_conduct
            FROM applicable v
            JOIN indicator_weight w ON w.code = v.indicator_code
            GROUP BY w.sample, v.actor_id, v.pillar
        )
        -- A face needs conduct on record: with none (only "no evidence", or commitments alone, which
        -- are words), it is NULL, "no evidence", never a number that reads as balanced or as deeds.
        SELECT p.sample, a.actor_id, p.id,
               CASE WHEN s.positive_conduct THEN scorecard.score_value(s.positive_points / nullif(s.positive_weight, 0)) END,
               CASE WHEN s.negative_conduct THEN scorecard.score_value(s.negative_points / nullif(s.negative_weight, 0)) END
        FROM pillar p
        CROSS JOIN actor a
        LEFT JOIN weighted s ON s.sample = p.sample AND s.actor_id = a.actor_id AND s.pillar = p.id
    $$;
COMMENT ON FUNCTION scorecard.pillar_faces(bigint, jsonb) IS
    'Positive and negative accountability per actor and pillar of a run, for each weight sample: the weighted mean of the values of the pillar''s applicable indicators of that polarity (no evidence counts 0), rounded; NULL ("no evidence") when no conduct indicator of that polarity is scored, commitments alone being words, or when none applies.';

CREATE FUNCTION scorecard.actor_faces(run bigint, weights jsonb, definition jsonb)
    RETURNS TABLE (sample integer, actor_id text, actor_kind text, positive numeric, negative numeric, combined numeric,
                   grade text, rank_in_kind bigint, evidence_count integer, events integer, group_id text)
    LANGUAGE sql STABLE
    AS $$
        WITH method AS (
            SELECT scorecard.methodology_definition(definition) AS d
        ),
        pillar_weight AS (
            SELECT * FROM jsonb_to_recordset(weights -> 'pillars') AS p (sample integer, id text, weight float8)
        ),
        grade_band AS (
            SELECT g.* FROM method, jsonb_to_recordset(d -> 'grades') AS g (grade text, minimum float8, maximum_negative float8)
        ),
        minimum AS (
            SELECT (d ->> 'minimum_evidence')::integer AS events FROM method
        ),
        faces AS (  -- pillar-weighted means over the pillars that have a score, weights renormalised
            SELECT f.sample, f.actor_id,
                   sum(f.positive::float8 * pw.weight) / nullif(sum(pw.weight) FILTER (WHERE f.positive IS NOT NULL), 0) AS positive,
                   sum(f.negative::float8 * pw.weight) / nullif(sum(pw.weight) FILTER (WHERE f.negative IS NOT NULL), 0) AS negative
            FROM scorecard.pillar_faces(run, weights) f
            JOIN pillar_weight pw ON pw.sample = f.sample AND pw.id = f.pillar
            GROUP BY f.sample, f.actor_id
        ),
        conduct_behind AS (  -- conduct on record: its events (each once, whatever indicators it feeds) and records
            SELECT c.actor_id, count(DISTINCT c.event_id) FILTER (WHERE c.counts)::integer AS events,
                   count(DISTINCT c.evidence_id)::integer AS records
            FROM scorecard.indicator_contributions c
            JOIN scorecard.indicator_values v USING (run_id, actor_id, indicator_code)
            WHERE c.run_id = run AND c.evidence_id IS NOT NULL AND v.kind <> 'commitment'
            GROUP BY c.actor_id
        ),
        period_end AS (
            SELECT r.period_end FROM scorecard.score_runs r WHERE r.id = run
        ),
        combined AS (
            SELECT f.sample, f.actor_id, a.kind AS actor_kind,
                   scorecard.score_value(f.positive) AS positive, scorecard.score_value(f.negative) AS negative,
                   -- No conduct on record, no combined score: commitments alone are shown as commitments.
                   CASE WHEN coalesce(e.events, 0) = 0 OR (f.positive IS NULL AND f.negative IS NULL) THEN NULL
                        ELSE scorecard.score_value((100 + coalesce(f.positive, 0) - coalesce(f.negative, 0)) / 2)
                   END AS combined,
                   coalesce(e.records, 0) AS evidence_count, coalesce(e.events, 0) AS events,
                   nullif(g.group_id, f.actor_id) AS group_id
            FROM faces f
            JOIN scorecard.actors a ON a.id = f.actor_id
            LEFT JOIN conduct_behind e ON e.actor_id = f.actor_id
            LEFT JOIN scorecard.actor_groups((SELECT period_end FROM period_end)) g ON g.actor_id = f.actor_id
        ),
        graded AS (
            SELECT c.*, c.combined IS NOT NULL AND c.events >= m.events AS gradable
            FROM combined c CROSS JOIN minimum m
        )
        SELECT g.sample, g.actor_id, g.actor_kind, g.positive, g.negative, g.combined,
               CASE WHEN g.gradable
                    -- The highest band the combined score reaches whose cap on the negative face (if any) the actor keeps within.
                    THEN (SELECT b.grade FROM grade_band b
                          WHERE g.combined >= b.minimum AND (b.maximum_negative IS NULL OR coalesce(g.negative, 0) <= b.maximum_negative)
                          ORDER BY b.minimum DESC LIMIT 1)
               END,
               -- Only actors with enough conduct on record for a grade are ranked: a rank built on nothing would mislead.
               CASE WHEN g.gradable THEN rank() OVER (PARTITION BY g.sample, g.actor_kind, g.gradable ORDER BY g.combined DESC) END,
               g.evidence_count, g.events, g.group_id
        FROM graded g
    $$;
COMMENT ON FUNCTION scorecard.actor_faces(bigint, jsonb, jsonb) IS
    'Each actor''s positive, negative and combined scores, grade and rank within its kind in a run, for each weight sample: faces are pillar-weighted means of the pillar faces (pillars without a score leave the mean), combined = (100 + positive - negative) / 2 with a missing face taken as 0, and NULL without conduct on record; a grade (the highest band reached whose maximum_negative, if any, the negative face keeps within) and a rank only with the methodology''s minimum_evidence conduct events. An entity of a group (group_id) has no scores of its own.';
