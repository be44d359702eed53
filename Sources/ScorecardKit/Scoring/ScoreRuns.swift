import Postgres

/// Finding stored score runs.
public enum ScoreRuns {
    public struct Run: Sendable, Equatable {
        public let id: Int64
        public let methodologyID: String
        public let methodologyVersion: String
        public let methodologySHA256: String
        public let period: String
        public let periodEnd: CalendarDate
        public let basis: String
        public let knowledgeCutoff: CalendarDate
        public let loadBatchID: Int64
        public let datasetSHA256: String
        public let inputsSHA256: String
        public let provisional: Bool
    }

    /// The latest as-published run of a period (or of the latest scored period) under a methodology version.
    public static func published(_ connection: Connection, methodology: Methodology, period: String?) throws -> Run? {
        let periodFilter: SQL = period.map { "AND period = \($0)" } ?? ""
        let row = try connection.query("""
            SELECT id, methodology_id, methodology_version, methodology_sha256, period, period_end, basis, knowledge_cutoff,
                   load_batch_id, dataset_sha256, inputs_sha256, provisional
            FROM scorecard.score_runs
            WHERE methodology_id = \(methodology.id) AND methodology_version = \(methodology.version)
              AND basis = 'as_published' \(periodFilter)
            ORDER BY period_end DESC, id DESC
            LIMIT 1
            """).first
        return try row.map(decode)
    }

    static func decode(_ row: Row) throws -> Run {
        Run(id: try row.decode("id"), methodologyID: try row.decode("methodology_id"), methodologyVersion: try row.decode("methodology_version"),
            methodologySHA256: try row.decode("methodology_sha256"), period: try row.decode("period"), periodEnd: try row.decode("period_end"),
            basis: try row.decode("basis"), knowledgeCutoff: try row.decode("knowledge_cutoff"), loadBatchID: try row.decode("load_batch_id"),
            datasetSHA256: try row.decode("dataset_sha256"), inputsSHA256: try row.decode("inputs_sha256"), provisional: try row.decode("provisional"))
    }
}
