import Crypto
import Foundation
import Logging
import Postgres

/// Publishes editions and records their restatements (docs/editions.md).
///
/// 1. Every edition already published is compared with its period as known now (the run with
///    everything known, on the current dataset and methodology): where an actor's figures differ
///    from what was known before, a revision is recorded with each actor's figures as published,
///    as known before and as known now, and the records that caused it (`Schemas/queries/editions/`).
/// 2. Every complete period scored that has no edition yet is published: an edition pinning its
///    as-published run and, when it is to have files, every file rendered from it, in one
///    transaction, so a crash leaves a whole edition or none.
///
/// An edition's figures and files never change afterwards; the output folder is made equal to the
/// stored files (`Edition.files`), never rendered again.
public struct EditionPublisher {
    let connection: Connection
    let logger: Logger

    public init(connection: Connection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    public struct Revision: Sendable, Equatable {
        public let id: Int64
        public let period: String
        /// How many actors it restated.
        public let actors: Int
    }

    public struct Outcome: Sendable, Equatable {
        /// Editions published now, oldest period first.
        public var published: [Edition] = []
        /// Revisions recorded now, one per edition whose figures as known changed.
        public var revisions: [Revision] = []
        /// Actors restated, over every revision recorded now.
        public var restatements: Int { revisions.reduce(0) { $0 + $1.actors } }
    }

    /// What gets published, and how.
    public struct Options: Sendable {
        /// Only this period (`scorecard publish PERIOD`); nil: every complete period scored.
        public var period: String?
        /// The formats, language and look of an edition's files.
        public var edition: EditionOptions
        /// Editions of every period get files (output.periods: all), or only the latest complete one.
        public var filesForEveryPeriod: Bool
        /// The rank intervals an edition's files show (computed before it is rendered).
        public var sensitivity: WorkspaceConfig.Sensitivity?

        public init(period: String? = nil, edition: EditionOptions, filesForEveryPeriod: Bool, sensitivity: WorkspaceConfig.Sensitivity?) {
            self.period = period
            self.edition = edition
            self.filesForEveryPeriod = filesForEveryPeriod
            self.sensitivity = sensitivity
        }
    }

    /// Records the restatements of every published edition, then publishes the complete periods of
    /// `scored` that have no edition. `scored` is what `ScoringEngine.score` returned for this run.
    public func publish(_ file: MethodologyFile, scored: [ScoringEngine.RunSummary], asOf: CalendarDate, options: Options) throws -> Outcome {
        var outcome = Outcome()
        let existing = try Edition.all(connection, methodologyID: file.methodology.id)
        let known = try knownRuns(file, editions: existing, scored: scored, asOf: asOf)
        let batch = try ScoringEngine(connection: connection, logger: logger).latestBatch()
        outcome.revisions = try connection.transaction { connection in
            try lockEditions(connection)
            return try existing.compactMap { edition in
                guard let now = known[edition.period], now != edition.knownRunID else { return nil }
                return try recordRevision(edition, knownNow: now, batchID: batch.id, asOf: asOf)
            }
        }

        let published = Set(existing.map(\.period))
        let latestComplete = Period.latestComplete(asOf: asOf, kind: file.methodology.period)
        let due = scored.filter { !$0.provisional && !published.contains($0.period.description) }
            .filter { options.period == nil || $0.period.description == options.period }
            .sorted { $0.period < $1.period }
        for summary in due {
            let withFiles = options.filesForEveryPeriod || summary.period == latestComplete || options.period != nil
            if withFiles, let sensitivity = options.sensitivity {
                try SensitivityAnalysis(connection: connection).ensure(runID: summary.runID, methodology: file.methodology, sensitivity)
            }
            let edition = try connection.transaction { connection in
                try lockEditions(connection)
                let id: Int64 = try connection.query(QueryFiles.sql("editions/insert_edition", [
                    summary.runID, summary.knownRunID, summary.period.previous.description, asOf, summary.period < latestComplete,
                    EditionLayout.folder(methodologyID: file.methodology.id, period: summary.period.description),
                ])).first!.decode("id")
                if withFiles { try storeFiles(editionID: id, runID: summary.runID, options: options.edition) }
                Failpoint.publish.pause()
                return try Edition.all(connection, methodologyID: file.methodology.id).first { $0.id == id }!
            }
            logger.info("published the edition of \(edition.period)", metadata: ["edition": "\(edition.id)", "files": "\(edition.files)"])
            outcome.published.append(edition)
        }
        return outcome
    }

    /// Per edition period, the run with everything known now on the current inputs: from this run's
    /// scoring, else scored now (an edition of a period the workspace no longer scores each run).
    private func knownRuns(_ file: MethodologyFile, editions: [Edition], scored: [ScoringEngine.RunSummary],
                           asOf: CalendarDate) throws -> [String: Int64] {
        var known = Dictionary(scored.filter { !$0.provisional }.map { ($0.period.description, $0.knownRunID) }, uniquingKeysWith: { _, last in last })
        let missing = editions.map(\.period).filter { known[$0] == nil }
        if !missing.isEmpty {
            for summary in try ScoringEngine(connection: connection, logger: logger).score(file, periods: .list(missing), asOf: asOf) {
                known[summary.period.description] = summary.knownRunID
            }
        }
        return known
    }

    /// Two publishers take turns. A table lock a reader role, which may only SELECT, can neither
    /// take nor block.
    private func lockEditions(_ connection: Connection) throws {
        try connection.executeUnsafeTrustedScript("LOCK TABLE scorecard.editions IN SHARE ROW EXCLUSIVE MODE")
    }

    private func recordRevision(_ edition: Edition, knownNow: Int64, batchID: Int64, asOf: CalendarDate) throws -> Revision? {
        let rows = try connection.query(QueryFiles.sql("editions/record_revision", [edition.id, edition.knownRunID, knownNow, batchID, asOf]))
        guard let first = rows.first else { return nil }
        let id: Int64 = try first.decode("revision_id")
        try connection.execute(QueryFiles.sql("editions/restatement_causes", [id]))
        logger.info("restated the edition of \(edition.period)", metadata: ["revision": "\(id)", "actors": "\(rows.count)"])
        return Revision(id: id, period: edition.period, actors: rows.count)
    }

    /// Renders the edition folder and keeps its files in the database, file by file and actor by
    /// actor: they are what the output folder gets, now and after a crash.
    private func storeFiles(editionID: Int64, runID: Int64, options: EditionOptions) throws {
        let run = try ScoreRuns.run(connection, id: runID)
        Failpoint.report.pause()
        let snapshot = try ReportModel.snapshot(connection, run: run, edition: editionID, eventsPerIndicator: options.eventsPerIndicator)
        try EditionRenderer.emit(snapshot, connection: connection, run: run, options: options,
                                 into: EditionFileStore(connection: connection, editionID: editionID))
    }
}
