CREATE VIEW scorecard.restated_scores WITH (security_invoker = true) AS
    SELECT x.period, p.methodology_id, p.methodology_version,
           x.run_id AS published_run_id, p.computed_at AS published_at,
           x.restated_run_id, q.knowledge_cutoff AS restated_knowledge_cutoff, q.computed_at AS restated_at,
           x.actor_id, a.name AS actor_name, a.kind AS actor_kind,
           x.original_positive, x.original_negative, x.original_combined,
           x.restated_positive, x.restated_negative, x.restated_combined,
           x.restated_combined - x.original_combined AS combined_difference,
           x.evidence_ids
    FROM scorecard.restatements x
    JOIN scorecard.score_runs p ON p.id = x.run_id
    JOIN scorecard.score_runs q ON q.id = x.restated_run_id
    LEFT JOIN scorecard.actors a ON a.id = x.actor_id;
COMMENT ON VIEW scorecard.restated_scores IS
    'Published scores that evidence published later would change, with both figures side by side. Grain: published run × restated run × actor. The published figures are never edited.';
COMMENT ON COLUMN scorecard.restated_scores.period IS 'The period restated, e.g. 2025-Q2.';
COMMENT ON COLUMN scorecard.restated_scores.methodology_id IS 'The methodology of both runs.';
COMMENT ON COLUMN scorecard.restated_scores.methodology_version IS 'The methodology version of both runs.';
COMMENT ON COLUMN scorecard.restated_scores.published_run_id IS 'The as_published run (scorecard.score_runs.id).';
COMMENT ON COLUMN scorecard.restated_scores.published_at IS 'When the published run was computed.';
COMMENT ON COLUMN scorecard.restated_scores.restated_run_id IS 'The restated run of the same period (scorecard.score_runs.id).';
COMMENT ON COLUMN scorecard.restated_scores.restated_knowledge_cutoff IS 'The restated run used evidence published up to this date.';
COMMENT ON COLUMN scorecard.restated_scores.restated_at IS 'When the restated run was computed.';
COMMENT ON COLUMN scorecard.restated_scores.actor_id IS 'The actor whose figures differ (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.restated_scores.actor_name IS 'The actor''s name.';
COMMENT ON COLUMN scorecard.restated_scores.actor_kind IS 'The actor''s kind.';
COMMENT ON COLUMN scorecard.restated_scores.original_positive IS 'Positive score as published, 0–100.';
COMMENT ON COLUMN scorecard.restated_scores.original_negative IS 'Negative score as published, 0–100.';
COMMENT ON COLUMN scorecard.restated_scores.original_combined IS 'Combined score as published, 0–100.';
COMMENT ON COLUMN scorecard.restated_scores.restated_positive IS 'Positive score with later evidence, 0–100.';
COMMENT ON COLUMN scorecard.restated_scores.restated_negative IS 'Negative score with later evidence, 0–100.';
COMMENT ON COLUMN scorecard.restated_scores.restated_combined IS 'Combined score with later evidence, 0–100.';
COMMENT ON COLUMN scorecard.restated_scores.combined_difference IS 'restated_combined minus original_combined; NULL when either is.';
COMMENT ON COLUMN scorecard.restated_scores.evidence_ids IS 'Evidence published after the period ended that contributes to the restated figure (scorecard.evidence ids).';

