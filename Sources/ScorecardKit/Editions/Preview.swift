import Foundation
import Postgres

/// What publishing now would do (`scorecard preview`): which editions would be published and which
/// actors they move against the previous edition, which published editions would be restated and
/// why, and which commitments the data adds or ends. Nothing is written.
public struct Preview: Sendable, Equatable {
    public let asOf: CalendarDate
    /// The dataset differs from what the database holds.
    public let datasetChanged: Bool
    public let rowsInserted, rowsUpdated, rowsDeleted: Int
    public let restatements: [ReportModel.RestatementLine]
    public let editions: [EditionPreview]
    public let commitments: [CommitmentChange]

    public struct EditionPreview: Sendable, Equatable {
        public let period: String
        public let backfill: Bool
        /// The edition changes are measured against, when there is one.
        public let previousPeriod: String?
        public let movers: [Mover]
    }

    /// An actor whose combined score, grade or rank differs from the previous edition's.
    public struct Mover: Sendable, Equatable {
        public let actorID, name, kind: String
        public let previous: Standing?
        public let now: Standing
        public let change: ReportNumber?
    }

    public struct Standing: Sendable, Equatable {
        public let combined: ReportNumber?
        public let grade: String?
        public let rank: Int?
    }

    public struct CommitmentChange: Sendable, Equatable {
        /// new, withdrawn or removed.
        public let change: String
        public let id, actorID, instrumentID, kind: String
        public let on: String?
    }
}

extension ScheduledRun {
    /// Rehearses the job (`scorecard run`, or `publish` in that mode) in one transaction that is
    /// always rolled back: the same migration, load, scoring, restatements and editions, so the
    /// preview cannot disagree with the run that follows on the same inputs and as-of date. No file
    /// is written and no ledger row is left; the run lock is not taken (the rehearsal's table locks
    /// make a concurrent run wait for it, or it for the run).
    public func preview() throws -> Preview {
        let methodology = try MethodologyFile.load(path: workspace.methodologyPath)
        _ = try DataPackage.read(directory: workspace.datasetDirectory)
        let selection = try periodSelection(methodology.methodology)
        let connection = try location.connect(logger: logger)
        return try connection.rehearsal { connection in
            try Migrator(logger: logger).migrate(connection)
            try WorkspaceClaim.check(connection, workspace: workspace, adopt: adoptDatabase)
            let revisionsBefore: Int64 = try connection.query(
                "SELECT coalesce(max(id), 0) AS id FROM scorecard.edition_revisions").first!.decode("id")
            let editionsBefore = try Edition.all(connection, methodologyID: methodology.methodology.id)
            var changes = Changes()
            let outcome = try steps(connection: connection, methodology: methodology, selection: selection, ledger: nil,
                                    changes: &changes, writeFiles: false)
            let restatements = try ReportModel.RestatementLine.load(
                connection, methodologyID: methodology.methodology.id, after: revisionsBefore, through: nil,
                includeRestricted: false, actorIDs: nil)
            let all = editionsBefore + outcome.editions.published
            let editions = try outcome.editions.published.map { edition in
                let previous = all.first { $0.period == Period.parse(edition.period, kind: methodology.methodology.period)?.previous.description }
                return Preview.EditionPreview(period: edition.period, backfill: edition.backfill, previousPeriod: previous?.period,
                                              movers: try movers(connection, run: edition.runID, previousRun: previous?.runID))
            }
            let commitments = try changes.loadBatchID.map { try commitmentChanges(connection, batch: $0) } ?? []
            return Preview(asOf: asOf, datasetChanged: changes.loadBatchID != nil, rowsInserted: changes.rowsInserted,
                           rowsUpdated: changes.rowsUpdated, rowsDeleted: changes.rowsDeleted, restatements: restatements,
                           editions: editions, commitments: commitments)
        }
    }

    private func movers(_ connection: Connection, run: Int64, previousRun: Int64?) throws -> [Preview.Mover] {
        try connection.query(QueryFiles.sql("editions/preview_movers", [run, previousRun])).map { row in
            let previousRank: Int? = try row.decode("previous_rank")
            let previousCombined: ReportNumber? = try row.decode("previous_combined")
            let previousGrade: String? = try row.decode("previous_grade")
            let hadPrevious = previousRun != nil && (previousCombined != nil || previousGrade != nil || previousRank != nil)
            return Preview.Mover(
                actorID: try row.decode("actor_id"), name: try row.decode("name"), kind: try row.decode("actor_kind"),
                previous: hadPrevious ? Preview.Standing(combined: previousCombined, grade: previousGrade, rank: previousRank) : nil,
                now: Preview.Standing(combined: try row.decode("combined"), grade: try row.decode("grade"), rank: try row.decode("rank")),
                change: try row.decode("change"))
        }
    }

    private func commitmentChanges(_ connection: Connection, batch: Int64) throws -> [Preview.CommitmentChange] {
        try connection.query(QueryFiles.sql("editions/preview_commitments", [batch])).map { row in
            Preview.CommitmentChange(change: try row.decode("change"), id: try row.decode("id"), actorID: try row.decode("actor_id"),
                                     instrumentID: try row.decode("instrument_id"), kind: try row.decode("kind"), on: try row.decode("on_date"))
        }
    }
}
