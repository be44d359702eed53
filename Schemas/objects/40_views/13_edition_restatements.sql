CREATE VIEW scorecard.restated_editions WITH (security_invoker = true) AS
    SELECT e.methodology_id, e.period, e.id AS edition_id, e.published_on, v.id AS revision_id, v.recorded_on,
           v.methodology_changed, x.actor_id, a.name AS actor_name,
           x.published_combined, x.published_grade, x.previous_combined, x.previous_grade,
           x.restated_combined, x.restated_grade,
           x.restated_combined - x.published_combined AS combined_difference,
           coalesce((SELECT array_agg(DISTINCT c.cause ORDER BY c.cause) FROM scorecard.restatement_causes c
                     WHERE c.revision_id = x.revision_id AND c.actor_id = x.actor_id), '{}') AS causes,
           coalesce((SELECT array_agg(c.record_table || ':' || c.record_id ORDER BY c.record_table, c.record_id)
                     FROM scorecard.restatement_causes c
                     WHERE c.revision_id = x.revision_id AND c.actor_id = x.actor_id AND c.record_id IS NOT NULL), '{}') AS records
    FROM scorecard.edition_restatements x
    JOIN scorecard.edition_revisions v ON v.id = x.revision_id
    JOIN scorecard.editions e ON e.id = v.edition_id
    LEFT JOIN scorecard.actors a ON a.id = x.actor_id;
COMMENT ON VIEW scorecard.restated_editions IS
    'Every restatement of a published edition: the actor''s figures as published, as known before and as known after, with the kinds of cause and the records behind them. Grain: revision × actor.';
COMMENT ON COLUMN scorecard.restated_editions.methodology_id IS 'The methodology''s id.';
COMMENT ON COLUMN scorecard.restated_editions.period IS 'The period of the edition restated.';
COMMENT ON COLUMN scorecard.restated_editions.edition_id IS 'The edition restated (scorecard.editions.id).';
COMMENT ON COLUMN scorecard.restated_editions.published_on IS 'When that edition was published.';
COMMENT ON COLUMN scorecard.restated_editions.revision_id IS 'The revision (scorecard.edition_revisions.id); later editions show the revisions recorded since their predecessor.';
COMMENT ON COLUMN scorecard.restated_editions.recorded_on IS 'The as-of date of the run that recorded it.';
COMMENT ON COLUMN scorecard.restated_editions.methodology_changed IS 'True when another methodology version or file is behind the new figures.';
COMMENT ON COLUMN scorecard.restated_editions.actor_id IS 'The actor restated.';
COMMENT ON COLUMN scorecard.restated_editions.actor_name IS 'The actor''s name now.';
COMMENT ON COLUMN scorecard.restated_editions.published_combined IS 'Combined score as published.';
COMMENT ON COLUMN scorecard.restated_editions.published_grade IS 'Grade as published.';
COMMENT ON COLUMN scorecard.restated_editions.previous_combined IS 'Combined score as known before this revision.';
COMMENT ON COLUMN scorecard.restated_editions.previous_grade IS 'Grade as known before this revision.';
COMMENT ON COLUMN scorecard.restated_editions.restated_combined IS 'Combined score as known after it.';
COMMENT ON COLUMN scorecard.restated_editions.restated_grade IS 'Grade as known after it.';
COMMENT ON COLUMN scorecard.restated_editions.combined_difference IS 'restated_combined minus published_combined.';
COMMENT ON COLUMN scorecard.restated_editions.causes IS 'The kinds of cause: late_recorded, published_later, corrected, removed, methodology, other.';
COMMENT ON COLUMN scorecard.restated_editions.records IS 'The records behind them, as table:id (evidence:…, commitments:…, sources:…), those the caller may see.';
