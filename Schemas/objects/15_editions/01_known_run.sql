-- Which run an edition's figures are known from now: its last revision's, else the run known when
-- it was published. Restatements are measured from it, and analysts compare with it.
CREATE FUNCTION scorecard.edition_known_run(edition_id bigint)
    RETURNS bigint LANGUAGE sql STABLE
    AS $$
        SELECT coalesce((SELECT v.known_run_id FROM scorecard.edition_revisions v
                         WHERE v.edition_id = edition_known_run.edition_id ORDER BY v.id DESC LIMIT 1),
                        (SELECT e.known_run_id FROM scorecard.editions e WHERE e.id = edition_known_run.edition_id))
    $$;
COMMENT ON FUNCTION scorecard.edition_known_run(bigint) IS
    'The score run an edition''s figures are known from now: its latest revision''s known_run_id, else the edition''s own (as known when it was published). NULL for an unknown edition.';
