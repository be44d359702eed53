-- What is public. Evidence is public when its sensitivity says so; everything that names a
-- restricted record (its responses, contributions, restatements, history) is restricted with it.
-- Row-level security (30_access/), scoring and reports all ask this one function.

CREATE FUNCTION scorecard.is_public(sensitivity text)
    RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT sensitivity = 'public' $$;
COMMENT ON FUNCTION scorecard.is_public(text) IS
    'True when an evidence record of this sensitivity may be shown to anyone (public); false for restricted (e.g. a victim''s identity).';

CREATE FUNCTION scorecard.counts_for(sensitivity text, include_restricted boolean)
    RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT include_restricted OR scorecard.is_public(sensitivity) $$;
COMMENT ON FUNCTION scorecard.counts_for(text, boolean) IS
    'True when an evidence record of this sensitivity is used by a computation that includes restricted evidence or not (a methodology''s restricted_evidence, a report''s audience).';
