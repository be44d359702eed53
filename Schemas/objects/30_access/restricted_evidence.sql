-- Who may see restricted evidence: members of the group role scorecard_restricted_reader (and
-- superusers). False when that role does not exist yet.
CREATE FUNCTION scorecard.reads_restricted_evidence() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
        SELECT coalesce((SELECT pg_catalog.pg_has_role(r.oid, 'USAGE') FROM pg_catalog.pg_roles r
                         WHERE r.rolname = 'scorecard_restricted_reader'), false)
    $$;
COMMENT ON FUNCTION scorecard.reads_restricted_evidence() IS
    'True when the current role may see restricted evidence: it has the privileges of the group role scorecard_restricted_reader (or is a superuser). Used by the row-level security policies.';

-- Whether an evidence record, as it stands now, is public: its current row, or for a record that
-- has left the dataset, its last version (in record_history). Unknown ids are not public, so the
-- answer tells a caller nothing it cannot already read: it is true exactly for the records a public
-- reader sees. SECURITY DEFINER: it must look at restricted rows to answer, which the policies
-- calling it (as the reader) cannot.
CREATE FUNCTION scorecard.evidence_is_public(evidence_id text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT coalesce(
            (SELECT scorecard.is_public(e.sensitivity) FROM scorecard.evidence e WHERE e.id = evidence_id),
            (SELECT scorecard.is_public(h.previous ->> 'sensitivity') FROM scorecard.record_history h
             WHERE h.table_name = 'evidence' AND h.record_key = evidence_id
             ORDER BY h.batch_id DESC LIMIT 1),
            false)
    $$;
COMMENT ON FUNCTION scorecard.evidence_is_public(text) IS
    'True when the evidence record is public as it stands now (its current row, or the last version of a record that left the dataset); false when restricted or unknown. Used by the row-level security policies.';

