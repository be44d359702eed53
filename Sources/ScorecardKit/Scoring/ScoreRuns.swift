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

    /// The as-published run of a period (or of the latest period so scored) computed from exactly the
    /// current inputs: this methodology file, this engine, the dataset of the latest load
    /// (`Schemas/queries/report/current_run.sql`). Never merely the newest run: after a dataset is
    /// reverted, the run of the restored data is current again. Nil when the period was not scored on
    /// these inputs (run scorecard score). `latest` (period nil) is the latest such period that had begun
    /// by `asOf` (a complete period, or the provisional current one when it was scored).
    public static func published(_ connection: Connection, methodology file: MethodologyFile, period: String?,
                                 asOf: CalendarDate? = nil) throws -> Run? {
        let m = file.methodology
        let row = try connection.query(QueryFiles.sql("report/current_run", [m.id, m.version, file.sha256, QueryFiles.engineSHA256, period, asOf]))
            .first
        return try row.map(decode)
    }

    /// A stored run by its id (an edition's pinned run, whatever the current inputs).
    public static func run(_ connection: Connection, id: Int64) throws -> Run {
        guard let row = try connection.query(QueryFiles.sql("editions/score_run", [id])).first else {
            throw ScoringError.noRun(period: "run \(id)")
        }
        return try decode(row)
    }

    static func decode(_ row: Row) throws -> Run {
        Run(id: try row.decode("id"), methodologyID: try row.decode("methodology_id"), methodologyVersion: try row.decode("methodology_version"),
            methodologySHA256: try row.decode("methodology_sha256"), period: try row.decode("period"), periodEnd: try row.decode("period_end"),
            basis: try row.decode("basis"), knowledgeCutoff: try row.decode("knowledge_cutoff"), loadBatchID: try row.decode("load_batch_id"),
            datasetSHA256: try row.decode("dataset_sha256"), inputsSHA256: try row.decode("inputs_sha256"), provisional: try row.decode("provisional"))
    }
}
