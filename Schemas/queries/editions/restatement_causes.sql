-- Why each actor of a revision was restated: every record whose part in the actor's figures changed
-- between the run known before and the run known now (it appeared, left, or its weight changed),
-- classified by the two clocks against the load batch the earlier figures were known from; a source
-- corrected since, for a record that did not change itself; a methodology change; else "other".
-- A record's weight (severity × certainty × reliability × decay) does not depend on other records,
-- so a record whose share only moved because another record arrived is not named.
-- Grain: revision × actor × record (and one row per actor for a methodology change). $1 revision id.
INSERT INTO scorecard.restatement_causes (revision_id, actor_id, cause, record_table, record_id, points)
WITH revision AS (
    SELECT v.id, v.previous_known_run_id AS before_run, v.known_run_id AS now_run, v.methodology_changed,
           b.load_batch_id AS since_batch, ed.period_end
    FROM scorecard.edition_revisions v
    JOIN scorecard.score_runs b ON b.id = v.previous_known_run_id
    JOIN scorecard.editions ed ON ed.id = v.edition_id
    WHERE v.id = $1::bigint
),
restated AS (
    SELECT actor_id FROM scorecard.edition_restatements WHERE revision_id = $1::bigint
),
part AS (  -- per actor and record: its weight and points in each run
    SELECT c.actor_id,
           CASE WHEN c.evidence_id IS NOT NULL THEN 'evidence' ELSE 'commitments' END AS record_table,
           coalesce(c.evidence_id, c.commitment_id) AS record_id,
           sum(c.weight) FILTER (WHERE c.run_id = r.before_run) AS weight_before,
           sum(c.weight) FILTER (WHERE c.run_id = r.now_run) AS weight_now,
           coalesce(sum(c.contribution) FILTER (WHERE c.run_id = r.now_run), 0)
               - coalesce(sum(c.contribution) FILTER (WHERE c.run_id = r.before_run), 0) AS points
    FROM revision r
    JOIN scorecard.indicator_contributions c ON c.run_id IN (r.before_run, r.now_run)
    JOIN restated USING (actor_id)
    GROUP BY 1, 2, 3
),
moved AS (
    SELECT * FROM part WHERE weight_before IS DISTINCT FROM weight_now
),
record_clocks AS (  -- both clocks of each moved record that is still in the dataset
    SELECT m.actor_id, m.record_table, m.record_id, m.points,
           coalesce(e.first_batch_id, k.first_batch_id) AS first_batch_id,
           coalesce(e.changed_batch_id, k.changed_batch_id) AS changed_batch_id,
           CASE WHEN e.id IS NOT NULL THEN scorecard.known_by(e.published_on, e.published_precision, r.period_end)
                ELSE scorecard.known_by(k.committed_on, k.committed_precision, r.period_end) END AS public_by_period_end,
           e.source_ids
    FROM moved m
    CROSS JOIN revision r
    LEFT JOIN scorecard.evidence e ON m.record_table = 'evidence' AND e.id = m.record_id
    LEFT JOIN scorecard.commitments k ON m.record_table = 'commitments' AND k.id = m.record_id
),
record_causes AS (
    SELECT c.actor_id,
           CASE
               WHEN c.first_batch_id IS NULL THEN 'removed'
               WHEN c.first_batch_id > r.since_batch AND c.public_by_period_end THEN 'late_recorded'
               WHEN c.first_batch_id > r.since_batch THEN 'published_later'
               WHEN c.changed_batch_id > r.since_batch THEN 'corrected'
               WHEN r.methodology_changed THEN NULL  -- the methodology row says it
               ELSE 'other'
           END AS cause,
           c.record_table, c.record_id, c.points, c.source_ids
    FROM record_clocks c
    CROSS JOIN revision r
),
source_causes AS (  -- a record unchanged itself, whose weight moved because a source it cites was corrected
    SELECT DISTINCT c.actor_id, 'corrected' AS cause, 'sources' AS record_table, s.id AS record_id, NULL::numeric AS points
    FROM record_causes c
    CROSS JOIN revision r
    CROSS JOIN LATERAL unnest(c.source_ids) AS cited (source_id)
    JOIN scorecard.sources s ON s.id = cited.source_id AND s.changed_batch_id > r.since_batch
    WHERE c.record_table = 'evidence' AND (c.cause = 'other' OR c.cause IS NULL)
),
methodology_causes AS (
    SELECT x.actor_id, 'methodology' AS cause, NULL AS record_table, NULL AS record_id, NULL::numeric AS points
    FROM restated x
    CROSS JOIN revision r
    WHERE r.methodology_changed
),
named AS (
    SELECT actor_id, cause, record_table, record_id, points
    FROM record_causes
    WHERE cause IS NOT NULL
      AND NOT (cause = 'other' AND EXISTS (SELECT 1 FROM source_causes s WHERE s.actor_id = record_causes.actor_id))
    UNION ALL
    SELECT actor_id, cause, record_table, record_id, points FROM source_causes
    UNION ALL
    SELECT actor_id, cause, record_table, record_id, points FROM methodology_causes
)
SELECT $1::bigint, n.actor_id, n.cause, n.record_table, n.record_id, round(n.points, 3)
FROM named n
UNION ALL  -- an actor whose change no record explains (e.g. its kind changed) still gets a row
SELECT $1::bigint, x.actor_id, 'other', NULL, NULL, NULL
FROM restated x
WHERE NOT EXISTS (SELECT 1 FROM named n WHERE n.actor_id = x.actor_id)
