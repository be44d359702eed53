import Crypto
import Foundation
import Logging
import Postgres

/// Validates a dataset folder and loads it into PostgreSQL in one transaction: the whole
/// dataset or nothing. `validate()` runs every check with no database (`DatasetScan`); a load runs
/// the same checks as it stages the files, then the checks across records once more in SQL
/// (`DatasetChecks`), so that a bug in either cannot let bad data in.
public struct DatasetLoader {
    public let directory: URL
    public let today: CalendarDate
    let logger: Logger
    let progress: LoadProgress?
    /// The phases a terminal shows (`TerminalProgress` is both).
    var phases: PhaseProgress? { progress as? PhaseProgress }

    /// - Parameter today: the date of the load (the as-of date, `AsOf`): no date may be after it.
    public init(directory: URL, today: CalendarDate, logger: Logger, progress: LoadProgress? = nil) {
        self.directory = directory
        self.today = today
        self.logger = logger
        self.progress = progress
    }

    public struct Validation: Sendable {
        public let files: [String: Int]
        public var records: Int { files.values.reduce(0, +) }
        /// What a valid dataset should still hear (states of the UN with no actor); for stderr,
        /// changing no exit code.
        public let warnings: [String]

        init(_ files: [DatasetScan.ScannedFile], warnings: [String]) {
            self.files = Dictionary(uniqueKeysWithValues: files.map { ($0.file, $0.records) })
            self.warnings = warnings
        }
    }

    public struct LoadSummary: Sendable {
        /// nil when the dataset equals what the database holds (nothing was written).
        public let batchID: Int64?
        public let datasetSHA256: String
        public let counts: [String: TableLoadCounts]
        /// As `Validation.warnings`.
        public var warnings: [String] = []
        public var changed: Bool { batchID != nil }
        public var records: Int { counts.values.reduce(0) { $0 + $1.inserted + $1.updated + $1.unchanged } }
    }

    /// Checks everything and writes nothing, with no database. Throws `DatasetInvalid` listing
    /// every problem.
    @discardableResult
    public func validate() throws -> Validation {
        let scan = DatasetScan(package: try DataPackage.read(directory: directory), today: today, logger: logger, progress: progress)
        let started = DispatchTime.now()
        try scan.readAll()
        logger.debug("read and checked every file", metadata: ["seconds": "\(Stopwatch.seconds(since: started))"])
        phases?.phase("checking keys and references across records")
        defer { phases?.phase(nil) }
        try Self.refuseIfInvalid(scan.allProblems())
        return Validation(scan.files, warnings: scan.crossRecord.warnings())
    }

    /// Checks everything as a load does, the checks across records in SQL as well, in `connection`'s
    /// temporary tables, and writes nothing. Throws `DatasetInvalid` listing every problem.
    @discardableResult
    public func validate(connection: Connection) throws -> Validation {
        let package = try DataPackage.read(directory: directory)
        struct Valid: Error { let files: [DatasetScan.ScannedFile]; let warnings: [String] }
        do {
            try connection.transaction { connection in
                let scan = try stageAndCheck(package, connection: connection)
                // Roll back: validation leaves no trace, not even temporary tables.
                throw Valid(files: scan.files, warnings: scan.crossRecord.warnings())
            }
        } catch let valid as Valid {
            return Validation(valid.files, warnings: valid.warnings)
        }
        fatalError("unreachable: the validation transaction always rolls back")
    }

    /// Validates, then makes the database equal to the dataset in one transaction.
    public func load(connection: Connection) throws -> LoadSummary {
        defer { phases?.phase(nil) }
        let package = try DataPackage.read(directory: directory)
        struct NothingChanged: Error { let digest: String; let counts: [String: TableLoadCounts]; let warnings: [String] }
        do {
            let summary = try connection.transaction { connection in
                // Two loads take turns. A table lock, not an advisory one: a reader role, which
                // may only SELECT, can neither take nor block it.
                try connection.executeUnsafeTrustedScript("LOCK TABLE scorecard.load_batches IN SHARE ROW EXCLUSIVE MODE")
                let scan = try stageAndCheck(package, connection: connection)
                let digest = DatasetLoader.datasetDigest(scan.files)
                let filesJSON = try JSONB(encoding: scan.files)
                let batch = try connection.query("""
                    INSERT INTO scorecard.load_batches (dataset_path, dataset_sha256, files, scorecard_version, recorded_on)
                    VALUES (\(directory.path), \(digest), \(filesJSON), \(ScorecardKit.version), \(today))
                    RETURNING id
                    """).first!.decode("id", as: Int64.self)
                let started = DispatchTime.now()
                phases?.phase("applying the changes")
                let counts = try DatasetApply.apply(connection: connection, batch: batch)
                logger.debug("applied the changes", metadata: ["seconds": "\(Stopwatch.seconds(since: started))"])
                if DatasetLoader.changesSourceFacts(counts) {
                    phases?.phase("keeping what each record's sources are")
                    let refreshed = DispatchTime.now()
                    try connection.execute(QueryFiles.sql("load/evidence_source_facts", [batch]))
                    logger.debug("kept what each record's sources are", metadata: ["seconds": "\(Stopwatch.seconds(since: refreshed))"])
                }
                guard counts.values.contains(where: { $0.changed > 0 }) else {
                    throw NothingChanged(digest: digest, counts: counts, warnings: scan.crossRecord.warnings())  // rolls the batch back
                }
                try connection.execute("UPDATE scorecard.load_batches SET counts = \(try JSONB(encoding: counts)) WHERE id = \(batch)")
                Failpoint.load.pause()
                return LoadSummary(batchID: batch, datasetSHA256: digest, counts: counts, warnings: scan.crossRecord.warnings())
            }
            try analyzeChangedTables(summary, connection: connection)
            return summary
        } catch let unchanged as NothingChanged {
            return LoadSummary(batchID: nil, datasetSHA256: unchanged.digest, counts: unchanged.counts, warnings: unchanged.warnings)
        }
    }

    /// Evidence or sources changed: `scorecard.evidence_source_facts` must follow
    /// (`Schemas/queries/load/evidence_source_facts.sql`).
    static func changesSourceFacts(_ counts: [String: TableLoadCounts]) -> Bool {
        (counts["evidence"]?.changed ?? 0) > 0 || (counts["sources"]?.changed ?? 0) > 0
    }

    /// Fresh planner statistics for the tables a load changed, at once: the next step (scoring, in
    /// `scorecard run`) would otherwise plan over a freshly filled table with none, and pick plans
    /// that take minutes instead of seconds, until autovacuum comes round.
    private func analyzeChangedTables(_ summary: LoadSummary, connection: Connection) throws {
        let changed = DatasetSchema.tables.filter { (summary.counts[$0.name]?.changed ?? 0) > 0 }
        guard !changed.isEmpty else { return }
        let started = DispatchTime.now()
        phases?.phase("analyzing the changed tables")
        defer { phases?.phase(nil) }
        // Table names come from DatasetSchema, not from input.
        let derived = DatasetLoader.changesSourceFacts(summary.counts) ? ["evidence_source_facts"] : []
        try connection.executeUnsafeTrustedScript("ANALYZE " + (changed.map(\.name) + derived).map { "scorecard.\($0)" }.joined(separator: ", "))
        logger.debug("analyzed the changed tables", metadata: ["seconds": "\(Stopwatch.seconds(since: started))"])
    }

    /// Stages every file, checking it as `validate()` does, then runs the checks across records
    /// again in SQL; refuses the dataset with every problem either found.
    private func stageAndCheck(_ package: DataPackage, connection: Connection) throws -> DatasetScan {
        let checked = try stageAndCheckTwice(package, connection: connection)
        let crossRecord = Self.crossRecordProblems(inSwift: checked.inSwift, inSQL: checked.inSQL, logger: logger)
        try Self.refuseIfInvalid(checked.scan.allProblems(acrossRecords: crossRecord))
        return checked.scan
    }

    /// What the checks across records of a load found: those of both. They agree; should they not
    /// (a bug in one of them), the load refuses what either refuses, and says so.
    static func crossRecordProblems(inSwift: DatasetChecks.Found, inSQL: DatasetChecks.Found, logger: Logger) -> DatasetChecks.Found {
        if inSwift != inSQL {
            logger.error("the checks across records in scorecard and in PostgreSQL disagree (a bug in scorecard; please report it)", metadata: [
                "only in scorecard": "\(inSwift.problems.filter { !inSQL.problems.contains($0) }.map(\.description))",
                "only in PostgreSQL": "\(inSQL.problems.filter { !inSwift.problems.contains($0) }.map(\.description))",
            ])
        }
        return .union(inSwift, inSQL)
    }

    /// The checks across records as Swift and as SQL found them, beside the scan that staged the files.
    struct CheckedTwice {
        let scan: DatasetScan
        let inSwift: DatasetChecks.Found
        let inSQL: DatasetChecks.Found
    }

    func stageAndCheckTwice(_ package: DataPackage, connection: Connection) throws -> CheckedTwice {
        let scan = DatasetScan(package: package, today: today, logger: logger, progress: progress)
        var started = DispatchTime.now()
        try DatasetStager(connection: connection, scan: scan).stageAll()
        logger.debug("staged every file", metadata: ["seconds": "\(Stopwatch.seconds(since: started))"])
        phases?.phase("checking keys and references in PostgreSQL")
        started = DispatchTime.now()
        let inSQL = try DatasetChecks.run(on: connection, package: package, limit: ProblemList.limit)
        logger.debug("checked references and keys in SQL", metadata: ["seconds": "\(Stopwatch.seconds(since: started))"])
        return CheckedTwice(scan: scan, inSwift: scan.crossRecord.found(), inSQL: inSQL)
    }

    private static func refuseIfInvalid(_ problems: (listed: [DatasetProblem], unlisted: Int)) throws {
        if !problems.listed.isEmpty || problems.unlisted > 0 {
            throw DatasetInvalid(problems: problems.listed, unlisted: problems.unlisted)
        }
    }

    /// SHA-256 over the sorted (file, SHA-256) pairs: equal datasets, equal digests.
    static func datasetDigest(_ files: [DatasetScan.ScannedFile]) -> String {
        let text = files.sorted { $0.file < $1.file }.map { "\($0.file)\t\($0.sha256)\n" }.joined()
        return SHA256.hexDigest(of: Data(text.utf8))
    }
}

extension CalendarDate {
    /// Today in UTC: the as-of date when neither --as-of nor $SCORECARD_AS_OF gives one (`AsOf`).
    public static var today: CalendarDate {
        CalendarDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
