-- The methodology as JSON has one shape: snake_case, as in the methodology file
-- (restricted_evidence, minimum_evidence, applies_to, evidence_types, half_life_days,
-- window_days). Scoring receives it as its parameter and scorecard.methodologies.definition
-- stores it. Rows stored by scorecard 0.1.0 used camelCase keys; stored rows are immutable, so
-- every reader reads a definition through this function, which gives old rows the one shape.

CREATE FUNCTION scorecard.methodology_definition(definition jsonb)
    RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT CASE WHEN NOT definition ? 'restrictedEvidence' THEN definition
        ELSE (definition - 'restrictedEvidence' - 'minimumEvidence' - 'indicators')
             || jsonb_build_object(
                    'restricted_evidence', definition -> 'restrictedEvidence',
                    'minimum_evidence', definition -> 'minimumEvidence',
                    'indicators', coalesce((
                        SELECT jsonb_agg((i - 'appliesTo' - 'evidenceTypes' - 'halfLifeDays' - 'windowDays')
                                         || jsonb_build_object('applies_to', i -> 'appliesTo',
                                                               'evidence_types', i -> 'evidenceTypes',
                                                               'half_life_days', i -> 'halfLifeDays',
                                                               'window_days', i -> 'windowDays')
                                         ORDER BY n)
                        FROM jsonb_array_elements(definition -> 'indicators') WITH ORDINALITY AS x (i, n)), '[]'::jsonb))
        END
    $$;
COMMENT ON FUNCTION scorecard.methodology_definition(jsonb) IS
    'A stored methodology definition in its one JSON shape (snake_case keys, as in the methodology file), whichever version of scorecard stored it.';

CREATE FUNCTION scorecard.scores_restricted_evidence(definition jsonb)
    RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT coalesce(scorecard.methodology_definition(definition) ->> 'restricted_evidence', 'include') <> 'exclude' $$;
COMMENT ON FUNCTION scorecard.scores_restricted_evidence(jsonb) IS
    'True unless the methodology explicitly excludes restricted evidence (restricted_evidence: exclude): a missing value is never read as safe. Such runs are restricted as a whole and never published.';
