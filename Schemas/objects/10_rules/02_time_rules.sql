-- When a fact counts. Scoring, reports, explain and the analysts' views call these and nothing
-- else, so that all of them give the same answer about the same record on the same date
-- (docs/methodology.md, "Time").
--
-- A partial date is read cautiously at both ends: a fact dated 2024-03 or 2024 is known, and a
-- commitment so dated is in force, only once its whole interval has passed (its last day); an end
-- (a withdrawal) so dated takes effect from the first day of its interval. So nothing counts before
-- it surely happened, and nothing keeps counting after it may have ended.

CREATE FUNCTION scorecard.known_by(first_day date, known_to scorecard.date_precision, cutoff date)
    RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT scorecard.last_day(first_day, known_to) <= cutoff $$;
COMMENT ON FUNCTION scorecard.known_by(date, scorecard.date_precision, date) IS
    'True when a fact dated first_day at precision known_to (evidence by published_on, a response by responded_on, a commitment by committed_on) was public by the cutoff: the last day of its interval is on or before it.';

CREATE FUNCTION scorecard.in_force(started_on date, started_precision scorecard.date_precision, ended_on date, on_date date)
    RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT scorecard.last_day(started_on, started_precision) <= on_date
               AND (ended_on IS NULL OR ended_on > on_date)
    $$;
COMMENT ON FUNCTION scorecard.in_force(date, scorecard.date_precision, date, date) IS
    'True when something that started on started_on (at its precision) and ended on ended_on (NULL: not ended) was in force on on_date: from the last day of the start''s interval, until the first day of the end''s. Commitments (committed_on, withdrawn_on) and instruments (adopted_on) alike.';

CREATE FUNCTION scorecard.commitment_binds(committed_on date, committed_precision scorecard.date_precision,
                                           withdrawn_on date, conduct_on date)
    RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT scorecard.in_force(committed_on, committed_precision, withdrawn_on, conduct_on)
               AND scorecard.last_day(committed_on, committed_precision) < conduct_on
    $$;
COMMENT ON FUNCTION scorecard.commitment_binds(date, scorecard.date_precision, date, date) IS
    'True when conduct on conduct_on breaks a commitment: the commitment was in force that day and made before it (a breach is conduct after the promise, never on the day it was made).';
