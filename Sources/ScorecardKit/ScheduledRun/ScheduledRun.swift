import Foundation
import Logging
import Postgres

/// The whole job of a workspace, as cron runs it (`scorecard run`): migrate, validate and load
/// the dataset, score every period due, record the restatements of published editions and publish
/// the editions due (`EditionPublisher`), run the sensitivity analysis if configured, and make the
/// output folder hold the editions' files as published — under the run lock, recorded in the run
/// ledger. `scorecard publish PERIOD` is the same job for one period (`Mode.publish`); `preview()`
/// rehearses it and writes nothing.
/// Everything that depends on the date uses the as-of date (`AsOf`), never the clock: the periods
/// due, which are provisional, and the load's "dated in the future" check.
///
/// Every step is idempotent: on unchanged inputs the load writes nothing, scoring reuses the
/// identical runs, nothing is restated or published, the sensitivity results exist already and no
/// report file is rewritten; the ledger row is then the only new row.
public struct ScheduledRun {
    public let workspace: Workspace
    /// The date taken for today.
    public let asOf: CalendarDate
    /// The periods it scores and publishes.
    public let mode: Mode
    /// Take over a database another workspace ran on (`--adopt-database`: the workspace moved).
    public let adoptDatabase: Bool
    let location: DatabaseLocation
    let logger: Logger
    let progress: LoadProgress?

    public enum Mode: Sendable, Equatable {
        /// `scorecard run`: the periods `scorecard.yaml` says are due.
        case scheduled
        /// `scorecard publish PERIOD`: that period only, which must be complete at the as-of date.
        case publish(String)
    }

    public init(workspace: Workspace, asOf: CalendarDate, location: DatabaseLocation, logger: Logger, progress: LoadProgress? = nil,
                mode: Mode = .scheduled, adoptDatabase: Bool = false) {
        self.workspace = workspace
        self.asOf = asOf
        self.location = location
        self.logger = logger
        self.progress = progress
        self.mode = mode
        self.adoptDatabase = adoptDatabase
    }

    /// What a run changed: the ledger's columns.
    public struct Changes: Sendable, Equatable {
        public var loadBatchID: Int64?
        public var rowsInserted = 0
        public var rowsUpdated = 0
        public var rowsDeleted = 0
        public var periodsScored: [String] = []
        public var scoreRunsComputed: [Int64] = []
        /// Actors restated in published editions (`EditionPublisher.Outcome.restatements`).
        public var restatements = 0
        /// The periods whose editions this run published.
        public var editionsPublished: [String] = []
        public var sensitivityRunID: Int64?
        public var filesWritten: [String] = []
        public var filesUnchanged = 0
    }

    public struct Outcome: Sendable {
        public let ledgerID: Int64
        public let changes: Changes
        public let load: DatasetLoader.LoadSummary
        public let scored: [ScoringEngine.RunSummary]
        /// The editions published and the restatements recorded; empty when nothing was scored.
        public let editions: EditionPublisher.Outcome
        /// True when the dataset holds no evidence and no commitments yet (a new workspace), or no
        /// period due has begun: nothing was scored or written.
        public let nothingToScore: Bool
    }

    /// Runs the job. Throws the first failure (after recording it in the ledger when the database
    /// is still there); `FailureClassification` maps it to the exit code.
    public func perform() throws -> Outcome {
        // Inputs first: a run with a missing or invalid methodology, dataset folder, logo or
        // stylesheet fails before it takes the lock or touches the database.
        let methodology = try MethodologyFile.load(path: workspace.methodologyPath)
        _ = try DataPackage.read(directory: workspace.datasetDirectory)
        _ = try workspace.editionOptions()
        let selection = try periodSelection(methodology.methodology)

        let lock = try RunLock(stateDirectory: workspace.stateDirectory)
        // Held until the very end, the ledger's last word included (ARC could end it at its last use).
        defer { withExtendedLifetime(lock) {} }
        let connection = try location.connect(logger: logger)
        try Migrator(logger: logger).migrate(connection)
        try lock.lockDatabase(location, logger: logger)
        try WorkspaceClaim.check(connection, workspace: workspace, adopt: adoptDatabase)
        let ledger = try RunLedger.start(connection, workspace: workspace)
        logger.info("run started", metadata: ["ledger": "\(ledger.id)", "workspace": "\(workspace.root.path)"])

        var changes = Changes()
        do {
            let outcome = try steps(connection: connection, methodology: methodology, selection: selection, ledger: ledger, changes: &changes)
            try ledger.finish(exitCode: .done, message: nil)
            return outcome
        } catch {
            let failure = FailureClassification(error)
            if connection.isHealthy {
                do {
                    try ledger.record(changes)
                    try ledger.finish(exitCode: failure.exitCode, message: String(failure.message.prefix { $0 != "\n" }))
                } catch {
                    logger.warning("could not record the failure in the run ledger: \(error)")
                }
            }
            throw error
        }
    }

    /// The job's steps. `ledger` nil and `writeFiles` false: a rehearsal (`preview`), which records
    /// and writes nothing.
    func steps(connection: Connection, methodology: MethodologyFile, selection: ScoringEngine.PeriodSelection,
               ledger: RunLedger?, changes: inout Changes, writeFiles: Bool = true) throws -> Outcome {
        let phases = progress as? PhaseProgress
        defer { phases?.phase(nil) }
        // Load: validation and load are one transaction; invalid data loads nothing (exit 65).
        phases?.phase("loading \(workspace.datasetDirectory.lastPathComponent)")
        let load = try DatasetLoader(directory: workspace.datasetDirectory, today: asOf, logger: logger, progress: progress).load(connection: connection)
        changes.loadBatchID = load.batchID
        if load.changed {
            changes.rowsInserted = load.counts.values.reduce(0) { $0 + $1.inserted }
            changes.rowsUpdated = load.counts.values.reduce(0) { $0 + $1.updated }
            changes.rowsDeleted = load.counts.values.reduce(0) { $0 + $1.deleted }
        }
        try ledger?.record(changes)

        // Score every period due.
        phases?.phase("scoring")
        let scored: [ScoringEngine.RunSummary]
        do {
            scored = try ScoringEngine(connection: connection, logger: logger, progress: phases)
                .score(methodology, periods: selection, asOf: asOf, currentPeriod: workspace.config.provisional)
        } catch ScoringError.noDataset, ScoringError.noEvidence {
            logger.notice("the dataset has no evidence and no commitments yet: nothing to score")
            return Outcome(ledgerID: ledger?.id ?? 0, changes: changes, load: load, scored: [], editions: .init(), nothingToScore: true)
        }
        guard !scored.isEmpty else {
            logger.notice("no period due as of \(asOf) (the dataset's first record is later): nothing to score")
            return Outcome(ledgerID: ledger?.id ?? 0, changes: changes, load: load, scored: [], editions: .init(), nothingToScore: true)
        }
        changes.periodsScored = scored.map(\.period.description)
        changes.scoreRunsComputed = scored.filter(\.computed).map(\.runID)
        try ledger?.record(changes)

        // Editions: restate the published ones where the data or methodology now says otherwise,
        // then publish the complete periods that have none (docs/editions.md).
        phases?.phase("restating and publishing editions")
        let editions = try EditionPublisher(connection: connection, logger: logger).publish(
            methodology, scored: scored, asOf: asOf,
            options: .init(period: publishedPeriod, edition: try workspace.editionOptions(),
                           filesForEveryPeriod: workspace.config.reportedPeriods == .all, sensitivity: workspace.config.sensitivity))
        changes.restatements = editions.restatements
        changes.editionsPublished = editions.published.map(\.period)
        try ledger?.record(changes)

        // The output folder: the editions' files as they were published (never rendered again), and
        // the report of the provisional current period, which is no edition.
        guard writeFiles else {
            return Outcome(ledgerID: 0, changes: changes, load: load, scored: scored, editions: editions, nothingToScore: false)
        }
        var folders = try editionFolders(connection, methodology: methodology)
        if let provisional = scored.last, provisional.provisional, publishedPeriod == nil {
            guard let run = try ScoreRuns.published(connection, methodology: methodology, period: provisional.period.description, asOf: asOf) else {
                throw ScoringError.noRun(period: provisional.period.description)
            }
            if let sensitivity = workspace.config.sensitivity {
                try SensitivityAnalysis(connection: connection).ensure(runID: run.id, methodology: methodology.methodology, sensitivity)
            }
            Failpoint.report.pause()
            // Staged on disk (not in memory) until written, below.
            let staging = try EditionFilesOnDisk()
            try EditionRenderer.render(connection, run: run, options: try workspace.editionOptions(), into: staging)
            folders.append((EditionLayout.folder(methodologyID: methodology.methodology.id, period: run.period),
                            staging.writerFiles))
        }
        changes.sensitivityRunID = workspace.config.sensitivity == nil ? nil : (scored.last?.runID)
        Failpoint.write.pause()
        phases?.phase("writing \(folders.reduce(0) { $0 + $1.files.count }) report files")
        var outcomes: [ReportWriter.Outcome] = []
        for (folder, files) in folders {
            outcomes += try EditionOutput.write(files, folder: folder, into: workspace.outputDirectory)
        }
        changes.filesWritten = outcomes.filter(\.written).map(\.name)
        changes.filesUnchanged = outcomes.filter { !$0.written }.count
        try ledger?.record(changes)
        return Outcome(ledgerID: ledger?.id ?? 0, changes: changes, load: load, scored: scored, editions: editions, nothingToScore: false)
    }

    /// The folders of the editions the output folder shows (the latest edition that has files, or
    /// every one with `output.periods: all`), each with its files byte for byte as published; an
    /// edition from before editions were folders has its files in the output folder itself (nil).
    private func editionFolders(_ connection: Connection, methodology: MethodologyFile) throws -> [(folder: String?, files: [ReportWriter.File])] {
        let withFiles = try Edition.all(connection, methodologyID: methodology.methodology.id).filter { $0.files > 0 }
        var shown = workspace.config.reportedPeriods == .all ? withFiles : Array(withFiles.suffix(1))
        if let publishedPeriod, !shown.contains(where: { $0.period == publishedPeriod }) {
            shown += withFiles.filter { $0.period == publishedPeriod }
        }
        return try shown.map { ($0.folder, try $0.files(connection)) }
    }

    /// The period `scorecard publish` was given; nil for a scheduled run.
    var publishedPeriod: String? {
        if case let .publish(period) = mode { return period }
        return nil
    }

    /// The configured periods, each checked against the methodology's kind of period (exit 78 if
    /// not); for `publish`, its period, which must be complete at the as-of date (exit 64 if not).
    func periodSelection(_ methodology: Methodology) throws -> ScoringEngine.PeriodSelection {
        if let publishedPeriod {
            guard let period = Period.parse(publishedPeriod, kind: methodology.period) else {
                throw ScoringError.badPeriod(publishedPeriod, methodology.period)
            }
            guard period.isComplete(asOf: asOf) else { throw EditionError.periodNotComplete(publishedPeriod, asOf: asOf) }
            return .period(publishedPeriod)
        }
        switch workspace.config.periods {
        case .all: return .all
        case .latest: return .latest
        case let .list(periods):
            let wrong = periods.filter { Period.parse($0, kind: methodology.period) == nil }
            guard wrong.isEmpty else {
                throw WorkspaceConfigInvalid(path: workspace.configPath, problems: wrong.map {
                    MethodologyProblem(file: workspace.configPath, line: nil,
                                       reason: "periods: '\($0)' is not a period of the methodology (its periods are \(methodology.period == .quarter ? "quarters, like 2025-Q2" : "years, like 2025"))")
                })
            }
            return .list(periods)
        }
    }
}
