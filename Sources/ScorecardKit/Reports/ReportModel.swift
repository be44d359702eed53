import Foundation
import Postgres

/// Everything a report shows about one as-published score run, loaded once (in one snapshot of
/// the database) into plain values that every renderer reads.
///
/// Restricted evidence never enters the model: every query that touches `scorecard.evidence`
/// keeps `sensitivity = 'public'` rows only, responses to restricted evidence are left out, and
/// a run whose methodology scored restricted evidence (`restricted_evidence: include`) is refused,
/// because its scores, counts and contributions could reveal what is restricted.
///
/// Ordering is stable: kinds in `kindOrder`, then rank (unranked last), then actor id.
/// No wall-clock time is loaded (not even `score_runs.computed_at`), so the same run renders to
/// the same bytes in any database.
public struct ReportModel: Sendable, Equatable {
    public static let schemaVersion = "1.0"
    /// The methodology documentation, relative to the project root.
    public static let methodologyDocument = "docs/methodology.md"
    /// An indicator scored for fewer actors than this has thin evidence.
    public static let thinEvidenceThreshold = 3
    /// How many actors the trend follows (the top of the combined ranking) when no actor is chosen.
    public static let trendActorLimit = 5
    /// The order of the actor kinds in every report.
    public static let kindOrder = ["state", "organisation", "vendor", "investor"]

    public struct RunInfo: Sendable, Equatable {
        /// The run's inputs digest (score_runs.inputs_sha256): it names the run in every database
        /// alike, where the numeric id is local to one database and would make reports differ.
        public let id: String
        public let period: String
        public let periodStart: String
        public let periodEnd: String
        public let basis: String
        public let knowledgeCutoff: String
        public let provisional: Bool
        public let datasetSHA256: String
        public let previousPeriod: String?
        /// The previous period's run, by its inputs digest.
        public let previousRunID: String?
        public let sensitivity: SensitivityInfo?
        /// The actor the report was limited to (`--actor`), if any.
        public let actorFilter: String?
    }

    public struct SensitivityInfo: Sendable, Equatable {
        public let samples: Int
        public let seed: Int64
    }

    public struct MethodologyInfo: Sendable, Equatable {
        public let id: String
        public let version: String
        public let sha256: String
        public let title: String
        public let description: String?
        public let periodKind: String
        public let pillars: [Pillar]
        public let grades: [Grade]
        public let minimumEvidence: Int
        public let restrictedEvidence: String
        public let indicators: [IndicatorInfo]
        public let document: String
    }

    public struct Pillar: Sendable, Equatable { public let id, name: String; public let weight: ReportNumber }
    public struct Grade: Sendable, Equatable { public let grade: String; public let minimum: ReportNumber; public let label: String? }
    public struct IndicatorInfo: Sendable, Equatable {
        public let code, name, description, pillar, polarity, kind: String
        public let weight: ReportNumber
        public let appliesTo: [String]
    }

    public enum Direction: String, Sendable, Equatable {
        case up, down, unchanged
        /// No previous period, or the actor had no combined score in it.
        case none

        public var arrow: String {
            switch self {
            case .up: return "▲"
            case .down: return "▼"
            case .unchanged, .none: return "–"
            }
        }
    }

    /// The evidence record or commitment whose contribution changed most since the previous period.
    public struct Cause: Sendable, Equatable {
        /// `evidence` or `commitment`.
        public let type: String
        public let id: String
        public let description: String
        /// The change in its contributions, positive indicators counted up and negative ones down.
        public let points: ReportNumber
    }

    public struct Change: Sendable, Equatable {
        public let previousCombined: ReportNumber?
        public let change: ReportNumber?
        public let direction: Direction
        public let cause: Cause?
    }

    public struct RankInterval: Sendable, Equatable {
        public let median: ReportNumber
        public let p05: Int
        public let p95: Int
        public let gradeChangeShare: ReportNumber
    }

    public struct RankedActor: Sendable, Equatable {
        public let id, name, kind: String
        public let rank: Int?
        /// Actors of this kind with a rank.
        public let rankedInKind: Int
        public let positive, negative, combined: ReportNumber?
        public let grade: String?
        public let gradeLabel: String?
        /// Fewer evidence records than the methodology's minimum: no grade and no rank.
        public let insufficientEvidence: Bool
        /// Distinct public evidence records behind the actor's evidence and breach indicators.
        public let evidenceRecords: Int
        public let rankInterval: RankInterval?
        public let change: Change
    }

    public struct KindRanking: Sendable, Equatable {
        public let kind: String
        public let actors: [RankedActor]
    }

    public struct Source: Sendable, Equatable {
        public let id, publisher, url: String
        public let title: String?
        public let reliability: String
    }

    public struct IndicatorLine: Sendable, Equatable {
        public let code, name, pillar, polarity, kind: String
        /// `scored`, `no evidence` or `not applicable`; `value` is nil unless scored.
        public let state: String
        public let value: ReportNumber?
        /// Public evidence records (commitments, for commitment indicators) behind the value.
        public let records: Int
    }

    public struct CommitmentLine: Sendable, Equatable {
        public let id, instrumentID, instrumentTitle, kind, committedOn: String
        public let withdrawnOn: String?
        public let source: Source
    }

    public struct EvidenceContribution: Sendable, Equatable {
        public let indicator: String
        public let points: ReportNumber
    }

    public struct EvidenceLine: Sendable, Equatable {
        public let id, type, typeName: String
        /// `actor` (the actor did it) or `counterpart` (it was done to or with the actor).
        public let role: String
        public let occurredOn, publishedOn, certainty: String
        public let severity: Int
        public let summary: String
        public let contributions: [EvidenceContribution]
        public let sources: [Source]
    }

    public struct BreachLine: Sendable, Equatable {
        public let indicator, evidenceID, summary: String
        public let points: ReportNumber
    }

    public struct ResponseLine: Sendable, Equatable {
        public let id, evidenceID, respondedOn, summary: String
        public let source: Source
    }

    public struct RestatementLine: Sendable, Equatable {
        /// The restated run, by its inputs digest.
        public let restatedRunID: String
        public let originalPositive, originalNegative, originalCombined: ReportNumber?
        public let restatedPositive, restatedNegative, restatedCombined: ReportNumber?
        public let evidenceIDs: [String]
    }

    public struct ActorDetail: Sendable, Equatable {
        public let id, name, kind: String
        public let country, isoCode: String?
        public let commitments: [CommitmentLine]
        public let indicators: [IndicatorLine]
        public let evidence: [EvidenceLine]
        public let breaches: [BreachLine]
        public let responses: [ResponseLine]
        public let restatements: [RestatementLine]
    }

    public struct ActorRef: Sendable, Equatable { public let id, name, kind: String }

    public struct ThinIndicator: Sendable, Equatable {
        public let code, name: String
        public let scoredActors: Int
        public let applicableActors: Int
    }

    public struct Coverage: Sendable, Equatable {
        public let threshold: Int
        public let actorsWithoutEvidence: [ActorRef]
        public let thinIndicators: [ThinIndicator]
    }

    public struct TrendSeries: Sendable, Equatable {
        public let actorID, name: String
        /// One value per period of `Trend.periods`; nil where the actor had no combined score.
        public let combined: [ReportNumber?]
    }

    public struct Trend: Sendable, Equatable {
        public let periods: [String]
        public let series: [TrendSeries]
    }

    public let run: RunInfo
    public let methodology: MethodologyInfo
    public let rankings: [KindRanking]
    public let actors: [ActorDetail]
    public let coverage: Coverage
    public let trend: Trend

    /// The ranked row of an actor.
    public func ranked(_ actorID: String) -> RankedActor? {
        for ranking in rankings { if let actor = ranking.actors.first(where: { $0.id == actorID }) { return actor } }
        return nil
    }

    /// The file name of this report in a format: `scorecard-<methodology>-<period>[-<actor>].<ext>`.
    public func fileName(_ format: ReportFormat) -> String {
        var name = "scorecard-\(methodology.id)-\(run.period)"
        if let actor = run.actorFilter { name += "-\(actor)" }
        return name + "." + format.fileExtension
    }

    public static func kindTitle(_ kind: String) -> String {
        switch kind {
        case "state": return "States"
        case "organisation": return "Organisations"
        case "vendor": return "Vendors"
        case "investor": return "Investors"
        default: return kind.prefix(1).uppercased() + kind.dropFirst() + "s"
        }
    }
}

// MARK: - Loading

extension ReportModel {
    /// Loads the report of an as-published run, optionally limited to one actor's section.
    /// - Throws: `ReportError.restrictedEvidenceScored` (exit 78) for a run that scored restricted
    ///   evidence; `ScoringError.unknownActor` (exit 66) for an actor not in the run.
    public static func load(_ connection: Connection, run: ScoreRuns.Run, actorID: String? = nil) throws -> ReportModel {
        try connection.transaction(isolation: .repeatableRead) { connection in
            try Loader(connection: connection, run: run, actorFilter: actorID).load()
        }
    }

    /// Refuses a run whose stored methodology definition scored restricted evidence.
    public static func checkPublishable(_ connection: Connection, run: ScoreRuns.Run) throws {
        guard let row = try connection.query("""
            SELECT scorecard.scores_restricted_evidence(definition) AS restricted FROM scorecard.methodologies
            WHERE id = \(run.methodologyID) AND version = \(run.methodologyVersion)
            """).first else {
            throw ReportError.methodologyNotStored(methodologyID: run.methodologyID, version: run.methodologyVersion)
        }
        // Anything but an explicit exclude is refused: a missing key must not be read as safe.
        guard try !row.decode("restricted", as: Bool.self) else {
            throw ReportError.restrictedEvidenceScored(methodologyID: run.methodologyID, version: run.methodologyVersion, runID: run.id)
        }
    }
}

/// SQL that formats a partial date column as the dataset wrote it (2025, 2025-06, 2025-06-10).
private func partialDate(_ date: String, _ precision: String) -> SQL {
    SQL(unsafeTrusted: "to_char(\(date), CASE \(precision) WHEN 'day' THEN 'YYYY-MM-DD' WHEN 'month' THEN 'YYYY-MM' ELSE 'YYYY' END)")
}

private struct Loader {
    let connection: Connection
    let run: ScoreRuns.Run
    let actorFilter: String?

    func load() throws -> ReportModel {
        precondition(run.basis == "as_published", "a report shows an as-published run (ScoreRuns.published), not a \(run.basis) one")
        try ReportModel.checkPublishable(connection, run: run)
        let methodology = try loadMethodology()
        if let actorFilter {
            let present = try connection.query("""
                SELECT 1 FROM scorecard.actor_scores WHERE run_id = \(run.id) AND actor_id = \(actorFilter)
                """)
            if present.isEmpty { throw ScoringError.unknownActor(actorFilter) }
        }
        let runRow = try connection.query("""
            SELECT period_start, (SELECT max(previous_run_id) FROM scorecard.actor_scores WHERE run_id = \(run.id)) AS previous_run_id
            FROM scorecard.score_runs WHERE id = \(run.id)
            """).first!
        let previousRunID: Int64? = try runRow.decode("previous_run_id")
        var previousPeriod: String?
        var previousDigest: String?
        if let previousRunID, let previous = try connection.query("SELECT period, inputs_sha256 FROM scorecard.score_runs WHERE id = \(previousRunID)").first {
            previousPeriod = try previous.decode("period", as: String.self)
            previousDigest = try previous.decode("inputs_sha256", as: String.self)
        }
        let sensitivity = try connection.query("""
            SELECT samples, seed FROM scorecard.sensitivity_results WHERE run_id = \(run.id)
            ORDER BY samples DESC, seed DESC LIMIT 1
            """).first.map { SensitivityInfoRow(samples: try $0.decode("samples"), seed: try $0.decode("seed")) }

        let info = ReportModel.RunInfo(
            id: run.inputsSHA256, period: run.period, periodStart: try runRow.decode("period_start", as: CalendarDate.self).description,
            periodEnd: run.periodEnd.description, basis: run.basis, knowledgeCutoff: run.knowledgeCutoff.description,
            provisional: run.provisional, datasetSHA256: run.datasetSHA256, previousPeriod: previousPeriod,
            previousRunID: previousDigest,
            sensitivity: sensitivity.map { ReportModel.SensitivityInfo(samples: $0.samples, seed: $0.seed) },
            actorFilter: actorFilter)

        let rankings = try loadRankings(methodology: methodology, previousRunID: previousRunID, sensitivity: sensitivity)
        let ordered = rankings.flatMap(\.actors)
        let sectionActors = actorFilter.map { id in ordered.filter { $0.id == id } } ?? ordered
        let details = try loadDetails(for: sectionActors.map(\.id), methodology: methodology)
        let coverage = try loadCoverage(methodology: methodology)
        let trendActors: [ReportModel.RankedActor]
        if let actorFilter {
            trendActors = ordered.filter { $0.id == actorFilter }
        } else {
            trendActors = Array(ordered.filter { $0.combined != nil }.sorted { a, b in
                let (x, y) = (a.combined!.thousandths, b.combined!.thousandths)
                if (a.rank == nil) != (b.rank == nil) { return a.rank != nil }
                return x != y ? x > y : a.id < b.id
            }.prefix(ReportModel.trendActorLimit))
        }
        let trend = try loadTrend(actors: trendActors)
        return ReportModel(run: info, methodology: methodology, rankings: rankings, actors: details, coverage: coverage, trend: trend)
    }

    struct SensitivityInfoRow { let samples: Int; let seed: Int64 }

    func loadMethodology() throws -> ReportModel.MethodologyInfo {
        let row = try connection.query("""
            SELECT title, scorecard.methodology_definition(definition) AS definition FROM scorecard.methodologies WHERE id = \(run.methodologyID) AND version = \(run.methodologyVersion)
            """).first!
        let m = try row.decode("definition", as: JSONB.self).decode(Methodology.self)
        return ReportModel.MethodologyInfo(
            id: run.methodologyID, version: run.methodologyVersion, sha256: run.methodologySHA256, title: try row.decode("title"),
            description: m.description.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }, periodKind: m.period.rawValue,
            pillars: m.pillars.map { .init(id: $0.id, name: $0.name, weight: ReportNumber(parameter: $0.weight)) },
            grades: m.grades.map { .init(grade: $0.grade, minimum: ReportNumber(parameter: $0.minimum), label: $0.label) },
            minimumEvidence: m.minimumEvidence, restrictedEvidence: m.restrictedEvidence.rawValue,
            indicators: m.indicators.map {
                .init(code: $0.code, name: $0.name, description: $0.description, pillar: $0.pillar, polarity: $0.polarity.rawValue,
                      kind: $0.kind.rawValue, weight: ReportNumber(parameter: $0.weight), appliesTo: $0.appliesTo)
            },
            document: ReportModel.methodologyDocument)
    }

    // MARK: Rankings

    func loadRankings(methodology: ReportModel.MethodologyInfo, previousRunID: Int64?, sensitivity: SensitivityInfoRow?) throws
        -> [ReportModel.KindRanking]
    {
        let labels = Dictionary(methodology.grades.map { ($0.grade, $0.label) }, uniquingKeysWith: { a, _ in a })
        // Distinct public evidence records behind the evidence and breach indicators.
        var records: [String: Int] = [:]
        for row in try connection.query("""
            SELECT c.actor_id, count(DISTINCT c.evidence_id)::int AS records
            FROM scorecard.indicator_contributions c
            JOIN scorecard.indicator_values v USING (run_id, actor_id, indicator_code)
            JOIN scorecard.evidence e ON e.id = c.evidence_id AND e.sensitivity = 'public'
            WHERE c.run_id = \(run.id) AND v.kind <> 'commitment'
            GROUP BY c.actor_id
            """) {
            records[try row.decode("actor_id")] = try row.decode("records")
        }
        var intervals: [String: ReportModel.RankInterval] = [:]
        if let sensitivity {
            for row in try connection.query("""
                SELECT actor_id, median_rank, rank_p05, rank_p95, grade_change_share FROM scorecard.sensitivity_results
                WHERE run_id = \(run.id) AND samples = \(sensitivity.samples) AND seed = \(sensitivity.seed)
                """) {
                intervals[try row.decode("actor_id")] = ReportModel.RankInterval(
                    median: try row.decode("median_rank"), p05: try row.decode("rank_p05"), p95: try row.decode("rank_p95"),
                    gradeChangeShare: try row.decode("grade_change_share"))
            }
        }
        let causes = try previousRunID.map { try loadCauses(previousRunID: $0) } ?? [:]
        let rows = try connection.query("""
            SELECT s.actor_id, a.name, s.actor_kind, s.positive, s.negative, s.combined, s.grade, s.rank_in_kind,
                   s.evidence_count, s.previous_combined, s.change,
                   count(s.rank_in_kind) OVER (PARTITION BY s.actor_kind)::int AS ranked_in_kind
            FROM scorecard.actor_scores s JOIN scorecard.actors a ON a.id = s.actor_id
            WHERE s.run_id = \(run.id)
            ORDER BY s.actor_kind, s.rank_in_kind NULLS LAST, s.actor_id
            """)
        var byKind: [String: [ReportModel.RankedActor]] = [:]
        for row in rows {
            let id: String = try row.decode("actor_id")
            let kind: String = try row.decode("actor_kind")
            let combined: ReportNumber? = try row.decode("combined")
            let grade: String? = try row.decode("grade")
            let previous: ReportNumber? = try row.decode("previous_combined")
            let change: ReportNumber? = try row.decode("change")
            let direction: ReportModel.Direction
            if let change { direction = change.isZero ? .unchanged : (change.isNegative ? .down : .up) } else { direction = .none }
            let evidenceCount: Int = try row.decode("evidence_count")
            byKind[kind, default: []].append(ReportModel.RankedActor(
                id: id, name: try row.decode("name"), kind: kind, rank: try row.decode("rank_in_kind"),
                rankedInKind: try row.decode("ranked_in_kind"), positive: try row.decode("positive"), negative: try row.decode("negative"),
                combined: combined, grade: grade, gradeLabel: grade.flatMap { labels[$0] ?? nil },
                insufficientEvidence: combined != nil && evidenceCount < methodology.minimumEvidence,
                evidenceRecords: records[id] ?? 0, rankInterval: intervals[id],
                change: ReportModel.Change(previousCombined: previous, change: change, direction: direction,
                                           cause: change == nil || direction == .unchanged ? nil : causes[id])))
        }
        let kinds = byKind.keys.sorted { a, b in
            let (x, y) = (ReportModel.kindOrder.firstIndex(of: a) ?? Int.max, ReportModel.kindOrder.firstIndex(of: b) ?? Int.max)
            return x != y ? x < y : a < b
        }
        return kinds.map { ReportModel.KindRanking(kind: $0, actors: byKind[$0]!) }
    }

    /// Per actor, the record whose contribution changed most between the previous run and this one.
    func loadCauses(previousRunID: Int64) throws -> [String: ReportModel.Cause] {
        var causes: [String: ReportModel.Cause] = [:]
        for row in try connection.query("""
            WITH contributions AS (
                SELECT c.run_id, c.actor_id,
                       CASE WHEN c.evidence_id IS NULL THEN 'commitment' ELSE 'evidence' END AS record_type,
                       coalesce(c.evidence_id, c.commitment_id) AS record_id,
                       CASE v.polarity WHEN 'positive' THEN c.contribution ELSE -c.contribution END
                           * CASE WHEN c.run_id = \(run.id) THEN 1 ELSE -1 END AS points
                FROM scorecard.indicator_contributions c
                JOIN scorecard.indicator_values v USING (run_id, actor_id, indicator_code)
                WHERE c.run_id IN (\(run.id), \(previousRunID))
                  AND (c.evidence_id IS NULL
                       OR EXISTS (SELECT 1 FROM scorecard.evidence e WHERE e.id = c.evidence_id AND e.sensitivity = 'public'))
            ),
            deltas AS (
                SELECT actor_id, record_type, record_id, sum(points) AS points
                FROM contributions GROUP BY actor_id, record_type, record_id
            )
            SELECT DISTINCT ON (d.actor_id) d.actor_id, d.record_type, d.record_id, d.points,
                   coalesce(e.summary,
                            k.kind || ' ' || i.title || ' (' || k.instrument_id || ') on ' || \(partialDate("k.committed_on", "k.committed_precision"))
                                || CASE WHEN k.withdrawn_on IS NULL THEN ''
                                        ELSE ', withdrawn ' || \(partialDate("k.withdrawn_on", "k.withdrawn_precision")) END,
                            'no longer in the dataset') AS description
            FROM deltas d
            LEFT JOIN scorecard.evidence e ON d.record_type = 'evidence' AND e.id = d.record_id AND e.sensitivity = 'public'
            LEFT JOIN scorecard.commitments k ON d.record_type = 'commitment' AND k.id = d.record_id
            LEFT JOIN scorecard.instruments i ON i.id = k.instrument_id
            WHERE d.points <> 0
            ORDER BY d.actor_id, abs(d.points) DESC, d.record_type, d.record_id
            """) {
            causes[try row.decode("actor_id")] = ReportModel.Cause(
                type: try row.decode("record_type"), id: try row.decode("record_id"),
                description: try row.decode("description"), points: try row.decode("points"))
        }
        return causes
    }

    // MARK: Actor sections

    func loadDetails(for actorIDs: [String], methodology: ReportModel.MethodologyInfo) throws -> [ReportModel.ActorDetail] {
        guard !actorIDs.isEmpty else { return [] }
        let names = Dictionary(methodology.indicators.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let order = Dictionary(methodology.indicators.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })

        var actorRows: [String: (name: String, kind: String, country: String?, iso: String?)] = [:]
        for row in try connection.query("""
            SELECT id, name, kind, country, iso_code FROM scorecard.actors WHERE id = ANY(\(actorIDs))
            """) {
            actorRows[try row.decode("id")] = (try row.decode("name"), try row.decode("kind"), try row.decode("country"), try row.decode("iso_code"))
        }

        // Indicator values, with public evidence records (or commitments) behind each.
        var indicators: [String: [ReportModel.IndicatorLine]] = [:]
        for row in try connection.query("""
            SELECT v.actor_id, v.indicator_code, v.pillar, v.polarity, v.kind, v.state, v.value,
                   CASE WHEN v.kind = 'commitment' THEN v.evidence_count
                        ELSE (SELECT count(DISTINCT c.evidence_id)::int FROM scorecard.indicator_contributions c
                              JOIN scorecard.evidence e ON e.id = c.evidence_id AND e.sensitivity = 'public'
                              WHERE c.run_id = v.run_id AND c.actor_id = v.actor_id AND c.indicator_code = v.indicator_code)
                   END AS records
            FROM scorecard.indicator_values v
            WHERE v.run_id = \(run.id) AND v.actor_id = ANY(\(actorIDs))
            """) {
            let code: String = try row.decode("indicator_code")
            indicators[try row.decode("actor_id"), default: []].append(ReportModel.IndicatorLine(
                code: code, name: names[code] ?? code, pillar: try row.decode("pillar"), polarity: try row.decode("polarity"),
                kind: try row.decode("kind"), state: try row.decode("state"), value: try row.decode("value"), records: try row.decode("records")))
        }

        // Public evidence cited by this run's contributions, with each indicator's share.
        var contributions: [String: [String: [ReportModel.EvidenceContribution]]] = [:]
        var kindsOf: [String: String] = [:]
        for indicator in methodology.indicators { kindsOf[indicator.code] = indicator.kind }
        var breaches: [String: [ReportModel.BreachLine]] = [:]
        var evidenceRows: [String: [(id: String, type: String, typeName: String, role: String, occurred: String, published: String,
                                     certainty: String, severity: Int, summary: String)]] = [:]
        for row in try connection.query("""
            SELECT c.actor_id, c.indicator_code, c.evidence_id, c.contribution
            FROM scorecard.indicator_contributions c
            JOIN scorecard.evidence e ON e.id = c.evidence_id AND e.sensitivity = 'public'
            WHERE c.run_id = \(run.id) AND c.actor_id = ANY(\(actorIDs))
            ORDER BY c.actor_id, c.evidence_id, c.indicator_code
            """) {
            let actor: String = try row.decode("actor_id")
            let evidence: String = try row.decode("evidence_id")
            contributions[actor, default: [:]][evidence, default: []].append(ReportModel.EvidenceContribution(
                indicator: try row.decode("indicator_code"), points: try row.decode("contribution")))
        }
        let cited = Array(Set(contributions.values.flatMap(\.keys))).sorted()
        var summaries: [String: String] = [:]
        var evidenceFacts: [String: (type: String, typeName: String, actor: String, occurred: String, occurredSort: CalendarDate,
                                     published: String, certainty: String, severity: Int, summary: String)] = [:]
        for row in try connection.query("""
            SELECT e.id, e.actor_id, e.evidence_type, t.name AS type_name, e.occurred_on,
                   \(partialDate("e.occurred_on", "e.occurred_precision")) AS occurred,
                   \(partialDate("e.published_on", "e.published_precision")) AS published,
                   e.certainty, e.severity, e.summary
            FROM scorecard.evidence e JOIN scorecard.evidence_types t ON t.id = e.evidence_type
            WHERE e.id = ANY(\(cited)) AND e.sensitivity = 'public'
            """) {
            let id: String = try row.decode("id")
            let summary: String = try row.decode("summary")
            summaries[id] = summary
            evidenceFacts[id] = (try row.decode("evidence_type"), try row.decode("type_name"), try row.decode("actor_id"),
                                 try row.decode("occurred"), try row.decode("occurred_on"), try row.decode("published"),
                                 try row.decode("certainty"), try row.decode("severity"), summary)
        }
        var evidenceSources: [String: [ReportModel.Source]] = [:]
        for row in try connection.query("""
            SELECT e.id AS evidence_id, s.id, s.publisher, s.url, s.title, s.reliability
            FROM scorecard.evidence e
            CROSS JOIN LATERAL unnest(e.source_ids) WITH ORDINALITY AS es (source_id, position)
            JOIN scorecard.sources s ON s.id = es.source_id
            WHERE e.id = ANY(\(cited)) AND e.sensitivity = 'public'
            ORDER BY e.id, es.position
            """) {
            evidenceSources[try row.decode("evidence_id"), default: []].append(try source(row))
        }
        for (actor, byEvidence) in contributions {
            for (id, shares) in byEvidence {
                guard let facts = evidenceFacts[id] else { continue }
                evidenceRows[actor, default: []].append((id, facts.type, facts.typeName, facts.actor == actor ? "actor" : "counterpart",
                                                         facts.occurred, facts.published, facts.certainty, facts.severity, facts.summary))
                for share in shares where kindsOf[share.indicator] == "breach" {
                    breaches[actor, default: []].append(ReportModel.BreachLine(indicator: share.indicator, evidenceID: id,
                                                                              summary: facts.summary, points: share.points))
                }
            }
        }

        var commitments: [String: [ReportModel.CommitmentLine]] = [:]
        for row in try connection.query("""
            SELECT k.id AS commitment_id, k.actor_id, k.instrument_id, i.title AS instrument_title, k.kind,
                   \(partialDate("k.committed_on", "k.committed_precision")) AS committed,
                   CASE WHEN k.withdrawn_on IS NULL THEN NULL ELSE \(partialDate("k.withdrawn_on", "k.withdrawn_precision")) END AS withdrawn,
                   s.id, s.publisher, s.url, s.title, s.reliability
            FROM scorecard.commitments k
            JOIN scorecard.instruments i ON i.id = k.instrument_id
            JOIN scorecard.sources s ON s.id = k.source_id
            WHERE k.actor_id = ANY(\(actorIDs))
              AND scorecard.last_day(k.committed_on, k.committed_precision) <= least(\(run.periodEnd), \(run.knowledgeCutoff))
              AND (k.withdrawn_on IS NULL OR k.withdrawn_on > \(run.periodEnd))
            ORDER BY k.actor_id, k.committed_on, k.id
            """) {
            commitments[try row.decode("actor_id"), default: []].append(ReportModel.CommitmentLine(
                id: try row.decode("commitment_id"), instrumentID: try row.decode("instrument_id"),
                instrumentTitle: try row.decode("instrument_title"), kind: try row.decode("kind"), committedOn: try row.decode("committed"),
                withdrawnOn: try row.decode("withdrawn"), source: try source(row)))
        }

        // Right of reply: replies by the actor, or to public evidence about it, public by the cutoff.
        var responses: [String: [ReportModel.ResponseLine]] = [:]
        for row in try connection.query("""
            SELECT x.actor_id, r.id AS response_id, r.evidence_id, \(partialDate("r.responded_on", "r.responded_precision")) AS responded,
                   r.summary AS response_summary, s.id, s.publisher, s.url, s.title, s.reliability
            FROM scorecard.responses r
            JOIN scorecard.evidence e ON e.id = r.evidence_id AND e.sensitivity = 'public'
            JOIN scorecard.sources s ON s.id = r.source_id
            CROSS JOIN LATERAL (SELECT DISTINCT a.actor_id FROM unnest(ARRAY[r.actor_id, e.actor_id, e.counterpart_id]) AS a (actor_id)
                                WHERE a.actor_id IS NOT NULL) x
            WHERE x.actor_id = ANY(\(actorIDs))
              AND scorecard.last_day(r.responded_on, r.responded_precision) <= \(run.knowledgeCutoff)
            ORDER BY x.actor_id, r.responded_on, r.id
            """) {
            responses[try row.decode("actor_id"), default: []].append(ReportModel.ResponseLine(
                id: try row.decode("response_id"), evidenceID: try row.decode("evidence_id"), respondedOn: try row.decode("responded"),
                summary: try row.decode("response_summary"), source: try source(row)))
        }

        var restatements: [String: [ReportModel.RestatementLine]] = [:]
        for row in try connection.query("""
            SELECT r.actor_id, (SELECT x.inputs_sha256 FROM scorecard.score_runs x WHERE x.id = r.restated_run_id) AS restated_run, r.original_positive, r.original_negative, r.original_combined,
                   r.restated_positive, r.restated_negative, r.restated_combined,
                   coalesce((SELECT array_agg(e.id ORDER BY e.id) FROM scorecard.evidence e
                             WHERE e.id = ANY(r.evidence_ids) AND e.sensitivity = 'public'), '{}') AS evidence_ids
            FROM scorecard.restatements r
            WHERE r.run_id = \(run.id) AND r.actor_id = ANY(\(actorIDs))
            ORDER BY r.actor_id, r.restated_run_id
            """) {
            restatements[try row.decode("actor_id"), default: []].append(ReportModel.RestatementLine(
                restatedRunID: try row.decode("restated_run"),
                originalPositive: try row.decode("original_positive"), originalNegative: try row.decode("original_negative"),
                originalCombined: try row.decode("original_combined"), restatedPositive: try row.decode("restated_positive"),
                restatedNegative: try row.decode("restated_negative"), restatedCombined: try row.decode("restated_combined"),
                evidenceIDs: try row.decode("evidence_ids")))
        }

        return actorIDs.compactMap { id -> ReportModel.ActorDetail? in
            guard let actor = actorRows[id] else { return nil }
            let evidence = (evidenceRows[id] ?? []).sorted { a, b in
                let (x, y) = (evidenceFacts[a.id]!.occurredSort, evidenceFacts[b.id]!.occurredSort)
                return x != y ? x > y : a.id < b.id
            }.map { e in
                ReportModel.EvidenceLine(
                    id: e.id, type: e.type, typeName: e.typeName, role: e.role, occurredOn: e.occurred, publishedOn: e.published,
                    certainty: e.certainty, severity: e.severity, summary: e.summary,
                    contributions: (contributions[id]?[e.id] ?? []).sorted { (order[$0.indicator] ?? 0, $0.indicator) < (order[$1.indicator] ?? 0, $1.indicator) },
                    sources: evidenceSources[e.id] ?? [])
            }
            return ReportModel.ActorDetail(
                id: id, name: actor.name, kind: actor.kind, country: actor.country, isoCode: actor.iso,
                commitments: commitments[id] ?? [],
                indicators: (indicators[id] ?? []).sorted { (order[$0.code] ?? Int.max, $0.code) < (order[$1.code] ?? Int.max, $1.code) },
                evidence: evidence,
                breaches: (breaches[id] ?? []).sorted { ($0.indicator, $0.evidenceID) < ($1.indicator, $1.evidenceID) },
                responses: responses[id] ?? [], restatements: restatements[id] ?? [])
        }
    }

    func source(_ row: Row) throws -> ReportModel.Source {
        ReportModel.Source(id: try row.decode("id"), publisher: try row.decode("publisher"), url: try row.decode("url"),
                           title: try row.decode("title"), reliability: try row.decode("reliability"))
    }

    // MARK: Coverage and trend

    func loadCoverage(methodology: ReportModel.MethodologyInfo) throws -> ReportModel.Coverage {
        let without = try connection.query("""
            SELECT a.id, a.name, a.kind FROM scorecard.actor_scores s JOIN scorecard.actors a ON a.id = s.actor_id
            WHERE s.run_id = \(run.id)
              AND NOT EXISTS (SELECT 1 FROM scorecard.evidence e
                              WHERE (e.actor_id = a.id OR e.counterpart_id = a.id) AND e.sensitivity = 'public'
                                AND scorecard.last_day(e.published_on, e.published_precision) <= \(run.knowledgeCutoff))
            """).map { ReportModel.ActorRef(id: try $0.decode("id"), name: try $0.decode("name"), kind: try $0.decode("kind")) }
            .sorted { a, b in
                let (x, y) = (ReportModel.kindOrder.firstIndex(of: a.kind) ?? Int.max, ReportModel.kindOrder.firstIndex(of: b.kind) ?? Int.max)
                return x != y ? x < y : (a.kind, a.id) < (b.kind, b.id)
            }
        var counts: [String: (scored: Int, applicable: Int)] = [:]
        for row in try connection.query("""
            SELECT indicator_code, count(*) FILTER (WHERE state = 'scored')::int AS scored,
                   count(*) FILTER (WHERE state <> 'not applicable')::int AS applicable
            FROM scorecard.indicator_values WHERE run_id = \(run.id) AND kind <> 'commitment'
            GROUP BY indicator_code
            """) {
            counts[try row.decode("indicator_code")] = (try row.decode("scored"), try row.decode("applicable"))
        }
        // Commitment indicators are facts about every applicable actor, never thin evidence.
        let thin = methodology.indicators.compactMap { indicator -> ReportModel.ThinIndicator? in
            guard indicator.kind != "commitment" else { return nil }
            let count = counts[indicator.code] ?? (0, 0)
            guard count.scored < ReportModel.thinEvidenceThreshold else { return nil }
            return ReportModel.ThinIndicator(code: indicator.code, name: indicator.name, scoredActors: count.scored, applicableActors: count.applicable)
        }
        return ReportModel.Coverage(threshold: ReportModel.thinEvidenceThreshold, actorsWithoutEvidence: without, thinIndicators: thin)
    }

    /// The combined score of the chosen actors in the as-published run of each period up to this one
    /// (the latest such run of each earlier period) under the same methodology version.
    func loadTrend(actors: [ReportModel.RankedActor]) throws -> ReportModel.Trend {
        let rows = try connection.query("""
            WITH runs AS (
                SELECT \(run.id)::bigint AS id, \(run.period)::text AS period, \(run.periodEnd)::date AS period_end
                UNION ALL
                SELECT max(id), period, period_end FROM scorecard.score_runs
                WHERE methodology_id = \(run.methodologyID) AND methodology_version = \(run.methodologyVersion)
                  AND basis = 'as_published' AND period_end < \(run.periodEnd)
                GROUP BY period, period_end
            )
            SELECT r.period, r.period_end, s.actor_id, s.combined
            FROM runs r LEFT JOIN scorecard.actor_scores s ON s.run_id = r.id AND s.actor_id = ANY(\(actors.map(\.id)))
            ORDER BY r.period_end, s.actor_id
            """)
        var periods: [String] = []
        var values: [String: [String: ReportNumber]] = [:]
        for row in rows {
            let period: String = try row.decode("period")
            if periods.last != period { periods.append(period) }
            if let actor = try row.decode("actor_id", as: String?.self), let combined = try row.decode("combined", as: ReportNumber?.self) {
                values[actor, default: [:]][period] = combined
            }
        }
        let series = actors.map { actor in
            ReportModel.TrendSeries(actorID: actor.id, name: actor.name, combined: periods.map { values[actor.id]?[$0] })
        }
        return ReportModel.Trend(periods: periods, series: series)
    }
}
