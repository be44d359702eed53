import Foundation
import Postgres

/// How stable the ranking is when the weights change: every indicator and pillar weight is
/// scaled by a factor drawn uniformly from [0.5, 1.5], scores and ranks are recomputed from
/// the run's stored indicator values exactly as scoring aggregates them (pillar_scores.sql,
/// actor_scores.sql), and each ranked actor's ranks and grades are summarised.
/// Seeded (SplitMix64): the same seed gives the same figures.
public struct SensitivityAnalysis {
    public struct ActorResult: Sendable, Equatable {
        public let actorID: String
        public let medianRank: Double
        public let rankP05: Int
        public let rankP95: Int
        public let gradeChangeShare: Double
    }

    let connection: Connection

    public init(connection: Connection) { self.connection = connection }

    public func run(runID: Int64, methodology m: Methodology, samples: Int, seed: UInt64) throws -> [ActorResult] {
        struct Actor { let id: String; let kind: String; let grade: String?; let evidence: Int; var values: [(indicator: Int, pillar: Int, positive: Bool, value: Double)] }
        let indicatorIndex = Dictionary(uniqueKeysWithValues: m.indicators.enumerated().map { ($1.code, $0) })
        let pillarIndex = Dictionary(uniqueKeysWithValues: m.pillars.enumerated().map { ($1.id, $0) })
        var actors: [Actor] = []
        var position: [String: Int] = [:]
        for row in try connection.query("""
            SELECT actor_id, actor_kind, grade, evidence_count FROM scorecard.actor_scores
            WHERE run_id = \(runID) AND rank_in_kind IS NOT NULL ORDER BY actor_id
            """) {
            position[try row.decode("actor_id")] = actors.count
            actors.append(Actor(id: try row.decode("actor_id"), kind: try row.decode("actor_kind"), grade: try row.decode("grade"),
                                evidence: try row.decode("evidence_count"), values: []))
        }
        for row in try connection.query("""
            SELECT actor_id, indicator_code, pillar, polarity, coalesce(value, 0)::float8 AS value FROM scorecard.indicator_values
            WHERE run_id = \(runID) AND state <> 'not applicable' ORDER BY actor_id, indicator_code
            """) {
            guard let index = position[try row.decode("actor_id")],
                  let indicator = indicatorIndex[try row.decode("indicator_code")],
                  let pillar = pillarIndex[try row.decode("pillar")] else { continue }
            actors[index].values.append((indicator, pillar, try row.decode("polarity", as: String.self) == "positive", try row.decode("value")))
        }
        guard !actors.isEmpty else { return [] }

        let kinds = Dictionary(grouping: actors.indices, by: { actors[$0].kind }).sorted { $0.key < $1.key }.map(\.value)
        var random = SplitMix64(seed: seed)
        var ranks = [[Int]](repeating: [], count: actors.count)
        var gradeChanges = [Int](repeating: 0, count: actors.count)
        let pillarCount = m.pillars.count
        var combined = [Double](repeating: 0, count: actors.count)
        for _ in 0..<samples {
            let indicatorWeights = m.indicators.map { $0.weight * (0.5 + random.unit()) }
            let pillarWeights = m.pillars.map { $0.weight * (0.5 + random.unit()) }
            for (a, actor) in actors.enumerated() {
                var sums = [Double](repeating: 0, count: pillarCount * 4)  // positive sum, weight, negative sum, weight
                for v in actor.values {
                    let w = indicatorWeights[v.indicator]
                    let base = v.pillar * 4 + (v.positive ? 0 : 2)
                    sums[base] += v.value * w
                    sums[base + 1] += w
                }
                var positive = 0.0, positiveWeight = 0.0, negative = 0.0, negativeWeight = 0.0
                for p in 0..<pillarCount {
                    if sums[p * 4 + 1] > 0 { positive += sums[p * 4] / sums[p * 4 + 1] * pillarWeights[p]; positiveWeight += pillarWeights[p] }
                    if sums[p * 4 + 3] > 0 { negative += sums[p * 4 + 2] / sums[p * 4 + 3] * pillarWeights[p]; negativeWeight += pillarWeights[p] }
                }
                let pos = positiveWeight > 0 ? positive / positiveWeight : 0
                let neg = negativeWeight > 0 ? negative / negativeWeight : 0
                combined[a] = (100 + pos - neg) / 2
                let grade = actor.evidence < m.minimumEvidence ? nil : m.grades.first { combined[a] >= $0.minimum }?.grade
                if grade != actor.grade { gradeChanges[a] += 1 }
            }
            // Competition ranking within each kind: 1 + the number of actors strictly ahead.
            for members in kinds {
                let order = members.sorted { combined[$0] > combined[$1] }
                var rank = 1
                for (position, a) in order.enumerated() {
                    if position > 0, combined[a] < combined[order[position - 1]] { rank = position + 1 }
                    ranks[a].append(rank)
                }
            }
        }
        return actors.enumerated().map { a, actor in
            let sorted = ranks[a].sorted()
            func percentile(_ p: Double) -> Int { sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))] }
            let mid = sorted.count / 2
            let median = sorted.count % 2 == 1 ? Double(sorted[mid]) : Double(sorted[mid - 1] + sorted[mid]) / 2
            return ActorResult(actorID: actor.id, medianRank: median, rankP05: percentile(0.05), rankP95: percentile(0.95),
                               gradeChangeShare: Double(gradeChanges[a]) / Double(samples))
        }
    }

    /// Runs the analysis and stores it (once per run, sample count and seed).
    public func runAndStore(runID: Int64, methodology: Methodology, samples: Int, seed: UInt64) throws -> [ActorResult] {
        let results = try run(runID: runID, methodology: methodology, samples: samples, seed: seed)
        try connection.transaction { connection in
            for result in results {
                try connection.execute("""
                    INSERT INTO scorecard.sensitivity_results (run_id, samples, seed, actor_id, median_rank, rank_p05, rank_p95, grade_change_share)
                    VALUES (\(runID), \(samples), \(Int64(bitPattern: seed)), \(result.actorID), \(result.medianRank), \(result.rankP05),
                            \(result.rankP95), \((result.gradeChangeShare * 10_000).rounded() / 10_000))
                    ON CONFLICT DO NOTHING
                    """)
            }
        }
        return results
    }
}
