-- The actors an edition about to be published moves against the previous edition as published: a
-- combined score, grade or rank that differs, or an actor new to the edition. Largest change first.
-- Grain: actor. $1 the new edition's run id, $2 the previous edition's run id (NULL: none).
SELECT n.actor_id, coalesce(a.name, n.actor_id) AS name, n.actor_kind,
       p.combined AS previous_combined, p.grade AS previous_grade, p.rank_in_kind AS previous_rank,
       n.combined, n.grade, n.rank_in_kind AS rank, n.combined - p.combined AS change
FROM scorecard.actor_scores n
LEFT JOIN scorecard.actor_scores p ON p.run_id = $2::bigint AND p.actor_id = n.actor_id
LEFT JOIN scorecard.actors a ON a.id = n.actor_id
WHERE n.run_id = $1::bigint
  AND (p.actor_id IS NULL OR (p.combined, p.grade, p.rank_in_kind) IS DISTINCT FROM (n.combined, n.grade, n.rank_in_kind))
ORDER BY abs(n.combined - p.combined) DESC NULLS LAST, n.actor_kind, n.actor_id
