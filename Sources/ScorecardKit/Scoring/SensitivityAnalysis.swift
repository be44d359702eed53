import Foundation
import Postgres

/// How stable the ranking is when the weights change: every indicator and pillar weight is
/// scaled by a factor drawn uniformly from [0.5, 1.5], and the run's stored indicator values are
/// re-aggregated under each sample by the same SQL functions scoring uses (`scorecard.actor_faces`,
/// through `Schemas/queries/scoring/sensitivity.sql`), all samples in one set-based query; each
/// ranked actor's ranks and grades are then summarised. Seeded (SplitMix64): the same seed gives
/// the same samples, so the same figures.
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

    /// The weight samples, numbered from 1 (sample 0 is the methodology's own weights), in the
    /// shape `scorecard.pillar_faces` reads. Each sample draws the indicators' factors in the
    /// methodology's order, then the pillars'.
    static func weightSamples(_ m: Methodology, samples: Int, seed: UInt64) throws -> JSONB {
        var random = SplitMix64(seed: seed)
        var indicators: [[String: Any]] = []
        var pillars: [[String: Any]] = []
        for sample in stride(from: 1, through: samples, by: 1) {
            for indicator in m.indicators {
                indicators.append(["sample": sample, "code": indicator.code, "weight": indicator.weight * (0.5 + random.unit())])
            }
            for pillar in m.pillars {
                pillars.append(["sample": sample, "id": pillar.id, "weight": pillar.weight * (0.5 + random.unit())])
            }
        }
        let data = try JSONSerialization.data(withJSONObject: ["indicators": indicators, "pillars": pillars], options: [.sortedKeys])
        return JSONB(json: String(decoding: data, as: UTF8.self))
    }

    public func run(runID: Int64, methodology m: Methodology, samples: Int, seed: UInt64) throws -> [ActorResult] {
        guard samples > 0 else { return [] }
        let parameters: [(any PostgresEncodable)?] = [runID, try SensitivityAnalysis.weightSamples(m, samples: samples, seed: seed),
                                                     try JSONB(encoding: m), samples]
        return try connection.transaction { connection in
            // Every sample's indicator values at once: room to hash them rather than sort on disk.
            try connection.executeUnsafeTrustedScript("SET LOCAL work_mem = '256MB'")
            return try connection.query(QueryFiles.sql("scoring/sensitivity", parameters)).map { row in
                ActorResult(actorID: try row.decode("actor_id"), medianRank: try row.decode("median_rank"),
                            rankP05: try row.decode("rank_p05"), rankP95: try row.decode("rank_p95"),
                            gradeChangeShare: try row.decode("grade_change_share"))
            }
        }
    }

    /// Runs and stores the analysis unless the run has it already with these samples and seed.
    public func ensure(runID: Int64, methodology: Methodology, _ sensitivity: WorkspaceConfig.Sensitivity) throws {
        let stored = try !connection.query("""
            SELECT 1 FROM scorecard.sensitivity_results
            WHERE run_id = \(runID) AND samples = \(sensitivity.samples) AND seed = \(Int64(bitPattern: sensitivity.seed))
            LIMIT 1
            """).isEmpty
        if !stored { _ = try runAndStore(runID: runID, methodology: methodology, samples: sensitivity.samples, seed: sensitivity.seed) }
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
