import Foundation
import Postgres

/// Why an actor has its scores in a run: every indicator with its state and value, the
/// evidence and sources behind it with their contributions, commitments in force, breaches,
/// responses on record and restatements.
public struct Explanation: Sendable {
    public struct Actor: Sendable { public let id, name, kind: String }
    public struct Scores: Sendable {
        public let positive, negative, combined, change: Decimal?
        public let grade: String?
        public let rank: Int?
        public let peers: Int
        public let evidenceCount: Int
    }
    public struct Contribution: Sendable {
        public let evidenceID: String?
        public let commitmentID: String?
        public let weight: Decimal
        public let contribution: Decimal
        public let description: String
        public let sources: [String]
    }
    public struct IndicatorLine: Sendable {
        public let code, name, pillar, polarity, kind, state: String
        public let value: Decimal?
        public let evidenceCount: Int
        public let contributions: [Contribution]
    }
    public struct Commitment: Sendable { public let id, instrument, kind, committedOn: String; public let withdrawnOn: String? }
    public struct Response: Sendable { public let id, evidenceID, respondedOn, summary: String }
    public struct Restatement: Sendable { public let originalCombined, restatedCombined: Decimal?; public let evidenceIDs: [String] }

    public let run: ScoreRuns.Run
    public let actor: Actor
    public let scores: Scores
    public let indicators: [IndicatorLine]
    public let commitments: [Commitment]
    public let responses: [Response]
    public let restatements: [Restatement]

    public static func load(_ connection: Connection, run: ScoreRuns.Run, actorID: String, methodology: Methodology) throws -> Explanation {
        guard let actorRow = try connection.query("SELECT id, name, kind FROM scorecard.actors WHERE id = \(actorID)").first else {
            throw ScoringError.unknownActor(actorID)
        }
        let actor = Actor(id: try actorRow.decode("id"), name: try actorRow.decode("name"), kind: try actorRow.decode("kind"))
        let s = try connection.query("""
            SELECT s.positive, s.negative, s.combined, s.change, s.grade, s.rank_in_kind, s.evidence_count,
                   (SELECT count(*) FROM scorecard.actor_scores p WHERE p.run_id = s.run_id AND p.actor_kind = s.actor_kind AND p.rank_in_kind IS NOT NULL) AS peers
            FROM scorecard.actor_scores s WHERE s.run_id = \(run.id) AND s.actor_id = \(actorID)
            """).first!
        let scores = Scores(positive: try s.decode("positive"), negative: try s.decode("negative"), combined: try s.decode("combined"),
                            change: try s.decode("change"), grade: try s.decode("grade"), rank: try s.decode("rank_in_kind"),
                            peers: try s.decode("peers"), evidenceCount: try s.decode("evidence_count"))
        var contributions: [String: [Contribution]] = [:]
        for row in try connection.query("""
            SELECT c.indicator_code, c.evidence_id, c.commitment_id, c.weight, c.contribution,
                   coalesce(e.evidence_type || ', ' || e.certainty || ', severity ' || e.severity || ', occurred '
                            || to_char(e.occurred_on, CASE e.occurred_precision WHEN 'day' THEN 'YYYY-MM-DD' WHEN 'month' THEN 'YYYY-MM' ELSE 'YYYY' END)
                            || ': ' || e.summary,
                            k.kind || ' ' || k.instrument_id || ' on '
                            || to_char(k.committed_on, CASE k.committed_precision WHEN 'day' THEN 'YYYY-MM-DD' WHEN 'month' THEN 'YYYY-MM' ELSE 'YYYY' END)) AS description,
                   coalesce((SELECT array_agg(src.id || ' (' || src.publisher || ', ' || src.reliability || ') ' || src.url ORDER BY s.position)
                             FROM unnest(coalesce(e.source_ids, ARRAY[k.source_id])) WITH ORDINALITY AS s (id, position)
                             JOIN scorecard.sources src ON src.id = s.id), '{}') AS sources
            FROM scorecard.indicator_contributions c
            LEFT JOIN scorecard.evidence e ON e.id = c.evidence_id
            LEFT JOIN scorecard.commitments k ON k.id = c.commitment_id
            WHERE c.run_id = \(run.id) AND c.actor_id = \(actorID)
            ORDER BY c.indicator_code, c.contribution DESC, coalesce(c.evidence_id, c.commitment_id)
            """) {
            contributions[try row.decode("indicator_code"), default: []].append(Contribution(
                evidenceID: try row.decode("evidence_id"), commitmentID: try row.decode("commitment_id"),
                weight: try row.decode("weight"), contribution: try row.decode("contribution"),
                description: try row.decode("description"), sources: try row.decode("sources")))
        }
        let names = Dictionary(uniqueKeysWithValues: methodology.indicators.map { ($0.code, $0.name) })
        let order = Dictionary(uniqueKeysWithValues: methodology.indicators.enumerated().map { ($1.code, $0) })
        let indicators = try connection.query("""
            SELECT indicator_code, pillar, polarity, kind, state, value, evidence_count FROM scorecard.indicator_values
            WHERE run_id = \(run.id) AND actor_id = \(actorID)
            """).map { row -> IndicatorLine in
            let code: String = try row.decode("indicator_code")
            return IndicatorLine(code: code, name: names[code] ?? code, pillar: try row.decode("pillar"), polarity: try row.decode("polarity"),
                                 kind: try row.decode("kind"), state: try row.decode("state"), value: try row.decode("value"),
                                 evidenceCount: try row.decode("evidence_count"), contributions: contributions[code] ?? [])
        }.sorted { (order[$0.code] ?? 0) < (order[$1.code] ?? 0) }
        let commitments = try connection.query("""
            SELECT k.id, k.instrument_id, k.kind, k.committed_on, k.committed_precision, k.withdrawn_on, k.withdrawn_precision
            FROM scorecard.commitments k
            WHERE k.actor_id = \(actorID) AND scorecard.last_day(k.committed_on, k.committed_precision) <= \(run.periodEnd)
              AND (k.withdrawn_on IS NULL OR k.withdrawn_on > \(run.periodEnd))
            ORDER BY k.committed_on, k.id
            """).map { row in
            Commitment(id: try row.decode("id"), instrument: try row.decode("instrument_id"), kind: try row.decode("kind"),
                       committedOn: try partial(row, "committed_on", "committed_precision")!, withdrawnOn: try partial(row, "withdrawn_on", "withdrawn_precision"))
        }
        let responses = try connection.query("""
            SELECT r.id, r.evidence_id, r.responded_on, r.responded_precision, r.summary
            FROM scorecard.responses r JOIN scorecard.evidence e ON e.id = r.evidence_id
            WHERE (r.actor_id = \(actorID) OR e.actor_id = \(actorID) OR e.counterpart_id = \(actorID))
              AND e.sensitivity = 'public' AND r.responded_on <= \(run.knowledgeCutoff)
            ORDER BY r.responded_on, r.id
            """).map { row in
            Response(id: try row.decode("id"), evidenceID: try row.decode("evidence_id"),
                     respondedOn: try partial(row, "responded_on", "responded_precision")!, summary: try row.decode("summary"))
        }
        let restatements = try connection.query("""
            SELECT original_combined, restated_combined, evidence_ids FROM scorecard.restatements
            WHERE run_id = \(run.id) AND actor_id = \(actorID) ORDER BY restated_run_id
            """).map { row in
            Restatement(originalCombined: try row.decode("original_combined"), restatedCombined: try row.decode("restated_combined"),
                        evidenceIDs: try row.decode("evidence_ids"))
        }
        return Explanation(run: run, actor: actor, scores: scores, indicators: indicators, commitments: commitments,
                           responses: responses, restatements: restatements)
    }

    /// A partial date as the dataset wrote it (2025, 2025-06, 2025-06-10).
    static func partial(_ row: Row, _ date: String, _ precision: String) throws -> String? {
        guard let day = try row.decode(date, as: CalendarDate?.self), let p = try row.decode(precision, as: String?.self),
              let precision = PartialDate.Precision(rawValue: p) else { return nil }
        return PartialDate(start: day, precision: precision).description
    }
}
