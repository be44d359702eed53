import Foundation
import Logging
import Postgres

/// Reads each file of a dataset once, in load order, and checks everything on the way: each field
/// (`FieldConverter`), each record (`RowRules`) and, across records, keys and references
/// (`CrossRecordChecks`). Every check of the dataset is here, and none needs a database: validation
/// is this scan alone, and a load stages what it reads (`DatasetStager`). Streaming: it keeps the
/// problems and the keys, never a file.
final class DatasetScan {
    struct ScannedFile: Sendable, Codable, Equatable {
        let file: String
        let sha256: String
        let records: Int
    }

    let package: DataPackage
    let today: CalendarDate
    let logger: Logger
    let progress: LoadProgress?
    let crossRecord: CrossRecordChecks
    /// What the fields and records of each file have: in the order found, up to the limit.
    private(set) var problems = ProblemList()
    private(set) var files: [ScannedFile] = []

    /// - Parameter today: the date of the load (the as-of date, `AsOf`): no date may be after it.
    init(package: DataPackage, today: CalendarDate, logger: Logger, progress: LoadProgress?) {
        self.package = package
        self.today = today
        self.logger = logger
        self.progress = progress
        crossRecord = CrossRecordChecks(package: package, limit: ProblemList.limit)
    }

    /// Reads every file, keeping nothing of the records (validation).
    func readAll() throws {
        for resource in package.resources {
            try read(resource, as: DiscardedColumns.self) { _ in }
        }
    }

    /// Every problem found, sorted as printed, and how many more there are beyond the limit: those
    /// of the fields and records, then those across records (`crossRecord`'s, unless a load, which
    /// ran them in SQL too, passes what both found).
    func allProblems(acrossRecords: DatasetChecks.Found? = nil) -> (listed: [DatasetProblem], unlisted: Int) {
        var all = problems
        let found = acrossRecords ?? crossRecord.found()
        all.append(contentsOf: found.problems)
        all.countUnlisted(found.unlisted)
        return (all.listed.sorted(), all.unlisted)
    }

    /// Reads one file; `emit` gets each record's columns, the line first (a COPY row, for a load).
    func read<Columns: RecordColumns>(_ resource: DataPackage.Resource, as _: Columns.Type, emit: (Columns) throws -> Void) throws {
        // A stop asked for (SIGTERM, SIGINT) is heeded between files and every 1,024 records: with no
        // database, no statement would notice it.
        try Interruption.checkpoint()
        let started = DispatchTime.now()
        let table = resource.table
        let url = package.url(of: resource)
        let source: RecordSource = resource.format == .jsonl
            ? try JSONLinesRecordSource(url: url, file: resource.path, table: table)
            : try CSVRecordSource(url: url, file: resource.path, table: table, dialect: resource.dialect, encoding: resource.encoding)
        let totalBytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        let plan = TablePlan(table)
        let checks = crossRecord.begin(resource)
        var records = 0
        var row = Columns()
        var scratch: [UInt8] = []
        scratch.reserveCapacity(16)
        let fieldCount = plan.fields.count
        var stored = [Bool](repeating: false, count: fieldCount)
        while let record = try source.next() {
            if source.hasProblems { problems.append(contentsOf: source.takeProblems()) }
            records += 1
            row.reset()
            row.append(record.line)
            let unreadable = record.unreadable
            // A restricted record's problems never show its values (RestrictedRecords).
            let withheld = checks.rule.withholdsFields(record)
            for index in 0..<fieldCount {
                let field = plan.fields[index]
                if !unreadable.isEmpty, unreadable.contains(index) {
                    for _ in 0..<field.columnCount { row.appendNull() }
                    stored[index] = false
                    continue
                }
                let raw = record.field(index)
                if let reason = FieldConverter.emit(raw, as: field, plan: plan, into: &row, scratch: &scratch) {
                    for _ in 0..<field.columnCount { row.appendNull() }
                    problems.append(DatasetProblem(file: resource.path, line: record.line, field: table.fields[index].name,
                                                   reason: withheld ? FieldConverter.withheld(reason, field: table.fields[index]) : reason, position: index))
                    stored[index] = false
                } else {
                    stored[index] = !raw.isEmpty
                }
            }
            if !plan.rules.isEmpty {
                for failure in plan.rules.check(record, today: today, withheld: withheld) where !unreadable.contains(failure.position) {
                    problems.append(DatasetProblem(file: resource.path, line: record.line, field: table.fields[failure.position].name,
                                                   reason: failure.reason, position: failure.position))
                }
            }
            checks.check(record, stored: stored)
            row.finish()
            try emit(row)
            if records % 1_024 == 0 { try Interruption.checkpoint() }
            // Every 2,000 records (the terminal redraws at most ten times a second), and at the first,
            // so that a small file shows too.
            if records % 2_000 == 1 { progress?.update(file: resource.path, records: records, bytes: source.bytesRead, totalBytes: totalBytes) }
        }
        problems.append(contentsOf: source.takeProblems())
        progress?.finish(file: resource.path, records: records)
        files.append(ScannedFile(file: resource.path, sha256: source.sha256, records: records))
        logger.debug("read \(resource.path)", metadata: ["records": "\(records)", "seconds": "\(Stopwatch.seconds(since: started))"])
        Failpoint.read.pause()
    }
}

/// Problems, kept up to a limit so a file of junk cannot exhaust memory; the rest are counted.
struct ProblemList {
    static let limit = 10_000
    private(set) var listed: [DatasetProblem] = []
    private(set) var unlisted = 0

    var isEmpty: Bool { listed.isEmpty && unlisted == 0 }

    mutating func append(contentsOf problems: [DatasetProblem]) {
        for problem in problems { append(problem) }
    }

    mutating func append(_ problem: DatasetProblem) {
        if listed.count < ProblemList.limit { listed.append(problem) } else { unlisted += 1 }
    }

    mutating func countUnlisted(_ count: Int) { unlisted += count }
}

/// Reports progress of reading a long file (on a terminal).
public protocol LoadProgress: AnyObject {
    func update(file: String, records: Int, bytes: Int, totalBytes: Int)
    func finish(file: String, records: Int)
}
