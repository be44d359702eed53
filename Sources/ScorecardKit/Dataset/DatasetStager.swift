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
        let table = resource.table
        let url = package.url(of: resource)
        let source: RecordSource = resource.format == .jsonl
            ? try JSONLinesRecordSource(url: url, file: resource.path, table: table)
            : try CSVRecordSource(url: url, file: resource.path, table: table)
        let totalBytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        let columnNames = (["line"] + table.columns.map(\.name)).map(SQL.quoteIdentifier).joined(separator: ", ")
        var records = 0
        try connection.copyFrom(SQL(unsafeTrusted: "COPY \(DatasetStager.stagingTable(table)) (\(columnNames)) FROM STDIN")) { writer in
            var row: [String?] = []
            row.reserveCapacity(table.columns.count + 1)
            var rawText: [String: String] = [:]
            while let record = try source.next() {
                problems.append(contentsOf: source.takeProblems())
                records += 1
                row.removeAll(keepingCapacity: true)
                row.append(String(record.line))
                rawText.removeAll(keepingCapacity: true)
                for (index, field) in table.fields.enumerated() {
                    switch FieldConverter.convert(record.fields[index], as: field) {
                    case let .success(values):
                        row.append(contentsOf: values)
                        if RowRules.fieldsTheyRead.contains(field.name), !record.fields[index].isEmpty {
                            rawText[field.name] = String(decoding: record.fields[index], as: UTF8.self)
                        }
                    case let .failure(failure):
                        row.append(contentsOf: [String?](repeating: nil, count: field.columns.count))
                        problems.append(DatasetProblem(file: resource.path, line: record.line, field: field.name, reason: failure.reason, position: index))
                    }
                }
                for failure in RowRules.check(table: table.name, fields: rawText, today: today) {
                    problems.append(DatasetProblem(file: resource.path, line: record.line, field: failure.field, reason: failure.reason,
                                                   position: table.fields.firstIndex { $0.name == failure.field } ?? -1))
                }
                try writer.writeRow(row)
                if records % 50_000 == 0 { progress?.update(file: resource.path, records: records, bytes: source.bytesRead, totalBytes: totalBytes) }
            }
            problems.append(contentsOf: source.takeProblems())
        }
        progress?.finish(file: resource.path, records: records)
        files.append(StagedFile(file: resource.path, sha256: source.sha256, records: records))
        logger.debug("staged \(resource.path)", metadata: ["records": "\(records)"])
    }

    func addProblems(_ more: [DatasetProblem]) { problems.append(contentsOf: more) }
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
}

/// Reports progress of a long load (on a terminal).
public protocol LoadProgress: AnyObject {
    func update(file: String, records: Int, bytes: Int, totalBytes: Int)
    func finish(file: String, records: Int)
}
