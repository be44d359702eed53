import Foundation
import Postgres

/// A published edition: one period's scorecard as published, never changed (`scorecard.editions`).
/// It pins the as-published run whose figures it showed and keeps its files byte for byte; what
/// later data or a later methodology would change is a restatement (`EditionRevisions`).
public struct Edition: Sendable, Equatable {
    public let id: Int64
    public let methodologyID: String
    public let methodologyVersion: String
    public let methodologySHA256: String
    public let period: String
    public let periodEnd: CalendarDate
    /// The as-published run whose figures the edition published.
    public let runID: Int64
    /// The run its figures are known from now: its last revision's, else the one known at publication.
    public let knownRunID: Int64
    /// The as-of date of the run that published it.
    public let publishedOn: CalendarDate
    /// Published with a history at once, not when it was due (a first run, a new series).
    public let backfill: Bool
    /// The last revision recorded when it was published (`edition_revisions.id`, 0 for none).
    public let revisionsThrough: Int64
    /// How many files it published (none for a back-fill edition outside the output's periods).
    public let files: Int
    /// Its folder in the output folder (`EditionLayout.folder`); nil for an edition published before
    /// editions were folders, whose files lie in the output folder itself.
    public let folder: String?

    /// Every edition of a methodology id (all its versions), oldest period first.
    public static func all(_ connection: Connection, methodologyID: String) throws -> [Edition] {
        try connection.query(QueryFiles.sql("editions/editions", [methodologyID])).map { row in
            Edition(id: try row.decode("id"), methodologyID: try row.decode("methodology_id"),
                    methodologyVersion: try row.decode("methodology_version"), methodologySHA256: try row.decode("methodology_sha256"),
                    period: try row.decode("period"), periodEnd: try row.decode("period_end"), runID: try row.decode("run_id"),
                    knownRunID: try row.decode("known_run_id"), publishedOn: try row.decode("published_on"),
                    backfill: try row.decode("backfill"), revisionsThrough: try row.decode("revisions_through"),
                    files: try row.decode("files"), folder: try row.decode("folder"))
        }
    }

    /// The files it published, as they were written (paths inside its folder). Each is read from the
    /// database only when it is written out (a file already on disk with its SHA-256 is not read at
    /// all), and a file kept in parts part by part: an edition is never held whole.
    public func files(_ connection: Connection) throws -> [ReportWriter.File] {
        let id = self.id, period = self.period
        // Edition files are immutable (the database refuses to change them), so a missing row is a
        // broken database, said as such rather than a crash.
        func stored(_ query: String, _ name: String, _ parameters: [(any PostgresEncodable)?]) throws -> String {
            guard let row = try connection.query(QueryFiles.sql(query, parameters)).first else {
                throw EditionError.storedFileMissing(period: period, file: name)
            }
            return try row.decode("content")
        }
        return try connection.query(QueryFiles.sql("editions/files", [id])).map { row in
            let name: String = try row.decode("name")
            let parts: Int = try row.decode("parts")
            return ReportWriter.File(name: name, sha256: try row.decode("sha256"), bytes: try row.decode("bytes")) { emit in
                if parts == 0 {
                    try emit(Data(try stored("editions/file_content", name, [id, name]).utf8))
                }
                for part in 0..<parts {
                    try emit(Data(try stored("editions/file_part", name, [id, name, Int32(part)]).utf8))
                }
            }
        }
    }

    /// The run whose figures it published.
    public func run(_ connection: Connection) throws -> ScoreRuns.Run {
        try ScoreRuns.run(connection, id: runID)
    }
}
