import Foundation
import Logging
import Postgres

/// Reads every file of a dataset into temporary staging tables (one per table, dropped at
/// the end of the transaction), checking each field and record on the way. Streaming: a
/// file is never held in memory, whatever its size.
final class DatasetStager {
    struct StagedFile: Sendable, Codable, Equatable {
        let file: String
        let sha256: String
        let records: Int
    }

    let connection: Connection
    let package: DataPackage
    let today: CalendarDate
    let logger: Logger
    let progress: LoadProgress?
    private(set) var problems = ProblemList()
    private(set) var files: [StagedFile] = []

    init(connection: Connection, package: DataPackage, today: CalendarDate, logger: Logger, progress: LoadProgress?) {
        self.connection = connection
        self.package = package
        self.today = today
        self.logger = logger
        self.progress = progress
    }

    static func stagingTable(_ table: TableDefinition) -> String { "stage_\(table.name)" }

    /// Creates every staging table (absent optional files stay empty) and fills them.
    func stageAll() throws {
        // Temporary tables live in local buffers; the default 8 MB makes a large load spill.
        try connection.executeUnsafeTrustedScript("SET LOCAL temp_buffers = '256MB'")
        for table in DatasetSchema.tables {
            let columns = (["line integer"] + table.columns.map { "\(SQL.quoteIdentifier($0.name)) \($0.sqlType)" }).joined(separator: ", ")
            try connection.executeUnsafeTrustedScript("CREATE TEMPORARY TABLE \(DatasetStager.stagingTable(table)) (\(columns)) ON COMMIT DROP")
        }
        for resource in package.resources {
            try stage(resource)
        }
        for table in DatasetSchema.tables {
            try connection.executeUnsafeTrustedScript("ANALYZE \(DatasetStager.stagingTable(table))")
        }
    }

    private func stage(_ resource: DataPackage.Resource) throws {
        let started = DispatchTime.now()
        let table = resource.table
        let url = package.url(of: resource)
        let source: RecordSource = resource.format == .jsonl
            ? try JSONLinesRecordSource(url: url, file: resource.path, table: table)
            : try CSVRecordSource(url: url, file: resource.path, table: table, dialect: resource.dialect, encoding: resource.encoding)
        let totalBytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        let columnNames = (["line"] + table.columns.map(\.name)).map(SQL.quoteIdentifier).joined(separator: ", ")
        var records = 0
        let plan = TablePlan(table)
        try connection.copyFrom(SQL(unsafeTrusted: "COPY \(DatasetStager.stagingTable(table)) (\(columnNames)) FROM STDIN")) { writer in
            var row = CopyTextRow()
            var scratch: [UInt8] = []
            scratch.reserveCapacity(16)
            let fieldCount = plan.fields.count
            while let record = try source.next() {
                if source.hasProblems { problems.append(contentsOf: source.takeProblems()) }
                records += 1
                row.reset()
                row.append(record.line)
                let unreadable = record.unreadable
                for index in 0..<fieldCount {
                    let field = plan.fields[index]
                    if !unreadable.isEmpty, unreadable.contains(index) {
                        for _ in 0..<field.columnCount { row.appendNull() }
                        continue
                    }
                    if let reason = FieldConverter.emit(record.field(index), as: field, plan: plan, into: &row, scratch: &scratch) {
                        for _ in 0..<field.columnCount { row.appendNull() }
                        problems.append(DatasetProblem(file: resource.path, line: record.line, field: table.fields[index].name, reason: reason, position: index))
                    }
                }
                if !plan.rules.isEmpty {
                    for failure in plan.rules.check(record, today: today) where !unreadable.contains(failure.position) {
                        problems.append(DatasetProblem(file: resource.path, line: record.line, field: table.fields[failure.position].name,
                                                       reason: failure.reason, position: failure.position))
                    }
                }
                row.finish()
                try writer.write(row)
                if records % 50_000 == 0 { progress?.update(file: resource.path, records: records, bytes: source.bytesRead, totalBytes: totalBytes) }
            }
            problems.append(contentsOf: source.takeProblems())
        }
        progress?.finish(file: resource.path, records: records)
        files.append(StagedFile(file: resource.path, sha256: source.sha256, records: records))
        logger.debug("staged \(resource.path)", metadata: ["records": "\(records)", "seconds": "\(Stopwatch.seconds(since: started))"])
    }

    /// Adds problems, and a count of more that a check found but did not list.
    func addProblems(_ more: [DatasetProblem], unlisted: Int = 0) {
        problems.append(contentsOf: more)
        problems.countUnlisted(unlisted)
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

/// Reports progress of a long load (on a terminal).
public protocol LoadProgress: AnyObject {
    func update(file: String, records: Int, bytes: Int, totalBytes: Int)
    func finish(file: String, records: Int)
}
