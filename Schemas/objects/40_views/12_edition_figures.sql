-- The one query for "this period as published and as known now".
CREATE VIEW scorecard.edition_figures WITH (security_invoker = true) AS
    WITH latest_known AS (
        SELECT e.id AS edition_id, scorecard.edition_known_run(e.id) AS known_run_id
        FROM scorecard.editions e
    )
    SELECT e.methodology_id, e.period, e.id AS edition_id, e.published_on,
           p.actor_id, a.name AS actor_name, p.actor_kind,
           p.positive AS published_positive, p.negative AS published_negative, p.combined AS published_combined,
           p.grade AS published_grade, p.rank_in_kind AS published_rank,
           k.positive AS known_positive, k.negative AS known_negative, k.combined AS known_combined,
           k.grade AS known_grade, k.rank_in_kind AS known_rank, kr.knowledge_cutoff AS known_cutoff,
           k.combined - p.combined AS combined_difference
    FROM scorecard.editions e
    JOIN latest_known l ON l.edition_id = e.id
    JOIN scorecard.score_runs kr ON kr.id = l.known_run_id
    JOIN scorecard.actor_scores p ON p.run_id = e.run_id
    LEFT JOIN scorecard.actor_scores k ON k.run_id = l.known_run_id AND k.actor_id = p.actor_id
    LEFT JOIN scorecard.actors a ON a.id = p.actor_id;
COMMENT ON VIEW scorecard.edition_figures IS
    'For every published period, each actor''s figures as the edition published them and as known at the last run (its last restatement, else as known when it was published). Grain: edition × actor. SELECT * FROM scorecard.edition_figures WHERE period = ''2025-Q4''.';
COMMENT ON COLUMN scorecard.edition_figures.methodology_id IS 'The methodology''s id.';
COMMENT ON COLUMN scorecard.edition_figures.period IS 'The period, e.g. 2025-Q4.';
COMMENT ON COLUMN scorecard.edition_figures.edition_id IS 'The edition (scorecard.editions.id).';
COMMENT ON COLUMN scorecard.edition_figures.published_on IS 'When the edition was published (as-of date).';
COMMENT ON COLUMN scorecard.edition_figures.actor_id IS 'The actor (scorecard.actors.id).';
COMMENT ON COLUMN scorecard.edition_figures.actor_name IS 'The actor''s name now.';
COMMENT ON COLUMN scorecard.edition_figures.actor_kind IS 'The actor''s kind in the edition.';
COMMENT ON COLUMN scorecard.edition_figures.published_positive IS 'Positive score as published, 0–100.';
COMMENT ON COLUMN scorecard.edition_figures.published_negative IS 'Negative score as published, 0–100.';
COMMENT ON COLUMN scorecard.edition_figures.published_combined IS 'Combined score as published, 0–100.';
COMMENT ON COLUMN scorecard.edition_figures.published_grade IS 'Grade as published.';
COMMENT ON COLUMN scorecard.edition_figures.published_rank IS 'Rank within the actor kind as published.';
COMMENT ON COLUMN scorecard.edition_figures.known_positive IS 'Positive score as known now, 0–100.';
COMMENT ON COLUMN scorecard.edition_figures.known_negative IS 'Negative score as known now, 0–100.';
COMMENT ON COLUMN scorecard.edition_figures.known_combined IS 'Combined score as known now, 0–100; NULL when the actor left the dataset.';
COMMENT ON COLUMN scorecard.edition_figures.known_grade IS 'Grade as known now.';
COMMENT ON COLUMN scorecard.edition_figures.known_rank IS 'Rank within the actor kind as known now.';
COMMENT ON COLUMN scorecard.edition_figures.known_cutoff IS 'The figures as known now use evidence published up to this date.';
COMMENT ON COLUMN scorecard.edition_figures.combined_difference IS 'known_combined minus published_combined.';
