-- The restatements of a methodology's editions recorded in a window of revisions, for the report's
-- actors, each with its causes; a cause that names evidence the audience may not see is left out.
-- Grain: revision × actor. $1 methodology id, $2 revisions after this id, $3 up to this id (NULL: no
-- bound), $4 include restricted evidence (boolean), $5 actor ids (text[]; NULL: every actor).
SELECT v.id AS revision_id, e.period, e.published_on, v.recorded_on, v.methodology_changed,
       x.actor_id, coalesce(a.name, x.actor_id) AS name,
       x.published_combined, x.published_grade, x.previous_combined, x.previous_grade,
       x.restated_positive, x.restated_negative, x.restated_combined, x.restated_grade,
       coalesce((
           SELECT jsonb_agg(jsonb_build_object('cause', c.cause, 'record_table', c.record_table, 'record_id', c.record_id,
                                               'points', c.points::text)
                            ORDER BY c.cause, c.record_table, c.record_id)
           FROM scorecard.restatement_causes c
           WHERE c.revision_id = x.revision_id AND c.actor_id = x.actor_id
             AND (c.record_table IS DISTINCT FROM 'evidence' OR $4::boolean OR scorecard.evidence_is_public(c.record_id))
       ), '[]'::jsonb) AS causes
FROM scorecard.edition_restatements x
JOIN scorecard.edition_revisions v ON v.id = x.revision_id
JOIN scorecard.editions e ON e.id = v.edition_id
LEFT JOIN scorecard.actors a ON a.id = x.actor_id
WHERE e.methodology_id = $1::text
  AND v.id > $2::bigint AND ($3::bigint IS NULL OR v.id <= $3::bigint)
  AND ($5::text[] IS NULL OR x.actor_id = ANY ($5::text[]))
ORDER BY e.period_end, x.actor_id, v.id
