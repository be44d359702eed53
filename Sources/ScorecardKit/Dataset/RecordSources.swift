import Crypto
import Foundation

/// One record of a table file; `field(i)` is the table definition's field `i`.
struct TableRecord {
    let line: Int
    private let csv: CSVReader.Record?
    /// For CSV: the file column holding each table field.
    private let columns: [Int]
    private let owned: [[UInt8]]

    init(line: Int, csv: CSVReader.Record, columns: [Int]) {
        self.line = line
        self.csv = csv
        self.columns = columns
        owned = []
    }

    init(line: Int, fields: [[UInt8]]) {
        self.line = line
        csv = nil
        columns = []
        owned = fields
    }

    func field(_ index: Int) -> ArraySlice<UInt8> {
        if let csv { return csv.field(columns[index]) }
        return owned[index][...]
    }
}

/// Reads a table's file record by record, reporting what it cannot read as problems.
protocol RecordSource: AnyObject {
    func next() throws -> TableRecord?
    /// Problems found since the last call (header, column counts, malformed records).
    func takeProblems() -> [DatasetProblem]
    var hasProblems: Bool { get }
    /// SHA-256 of the whole file; valid once `next()` has returned nil.
    var sha256: String { get }
    var bytesRead: Int { get }
}

/// A CSV file whose header names the table's fields in any order.
final class CSVRecordSource: RecordSource {
    private let reader: CSVReader
    private let table: TableDefinition
    private let file: String
    private var problems: [DatasetProblem] = []
    private var hasher = SHA256()
    private var digest: String?
    /// For each column of the file, the index of the table field it holds.
    private var order: [Int] = []
    /// For each table field, the column of the file that holds it.
    private var columnOfField: [Int] = []
    private var headerRead = false
    private var headerUsable = false

    init(url: URL, file: String, table: TableDefinition) throws {
        reader = try CSVReader(url: url)
        self.table = table
        self.file = file
        reader.onChunk = { [unowned self] chunk in self.hasher.update(data: chunk) }
    }

    var bytesRead: Int { reader.bytesRead }
    var sha256: String { digest ?? "" }

    var hasProblems: Bool { !problems.isEmpty || reader.hasMalformations }

    func takeProblems() -> [DatasetProblem] {
        for malformation in reader.takeMalformations() { problem(malformation.line, nil, malformation.reason) }
        defer { problems.removeAll() }
        return problems
    }

    private func problem(_ line: Int?, _ field: String?, _ reason: String) {
        problems.append(DatasetProblem(file: file, line: line, field: field, reason: reason))
    }

    private func readHeader() throws {
        headerRead = true
        guard let header = try reader.next() else {
            problem(1, "header", "the file is empty; it needs at least the header row: \(table.fields.map(\.name).joined(separator: ","))")
            return
        }
        var seen: [String: Int] = [:]
        var usable = true
        for (column, raw) in header.fields.enumerated() {
            guard let name = String(validating: raw, as: UTF8.self) else {
                problem(header.line, "header", "column \(column + 1) is not valid UTF-8")
                usable = false
                continue
            }
            guard let index = table.fields.firstIndex(where: { $0.name == name }) else {
                problem(header.line, "header", "unknown field '\(name)' (\(file) has: \(table.fields.map(\.name).joined(separator: ", ")))")
                usable = false
                continue
            }
            if seen[name] != nil {
                problem(header.line, "header", "field '\(name)' appears twice")
                usable = false
            }
            seen[name] = column
            order.append(index)
        }
        for field in table.fields where seen[field.name] == nil {
            problem(header.line, "header", "missing field '\(field.name)'")
            usable = false
        }
        headerUsable = usable
        if usable {
            columnOfField = [Int](repeating: 0, count: table.fields.count)
            for (column, field) in order.enumerated() { columnOfField[field] = column }
        }
    }

    func next() throws -> TableRecord? {
        if !headerRead { try readHeader() }
        while true {
            let record: CSVReader.Record?
            do {
                record = try reader.next()
            } catch let malformation as CSVReader.Malformation {
                problem(malformation.line, nil, malformation.reason)
                try drain()
                return nil
            }
            guard let record else {
                digest = hasher.finalize().hex
                return nil
            }
            guard headerUsable else { continue }  // the header's problems are reported once
            guard record.count == order.count else {
                problem(record.line, nil, "has \(record.count) field\(record.count == 1 ? "" : "s"), the header has \(order.count)")
                continue
            }
            return TableRecord(line: record.line, csv: record, columns: columnOfField)
        }
    }

    /// Reads to the end after a fatal malformation, so the file's digest is still computed.
    private func drain() throws {
        while true {
            do { if try reader.next() == nil { break } } catch { break }
        }
        digest = hasher.finalize().hex
    }
}

/// JSON Lines: one object per line with the table's field names (evidence feeds).
final class JSONLinesRecordSource: RecordSource {
    private let handle: FileHandle
    private let table: TableDefinition
    private let file: String
    private var problems: [DatasetProblem] = []
    private var hasher = SHA256()
    private var digest: String?
    private var buffer: [UInt8] = []
    private var position = 0
    private var eof = false
    private var line = 0
    private(set) var bytesRead = 0

    init(url: URL, file: String, table: TableDefinition) throws {
        handle = try FileHandle(forReadingFrom: url)
        self.table = table
        self.file = file
    }

    deinit { try? handle.close() }

    var sha256: String { digest ?? "" }

    var hasProblems: Bool { !problems.isEmpty }

    func takeProblems() -> [DatasetProblem] {
        defer { problems.removeAll() }
        return problems
    }

    private func nextLine() throws -> [UInt8]? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 10) {
                defer { position = newline + 1 }
                line += 1
                var bytes = Array(buffer[position..<newline])
                if bytes.last == 13 { bytes.removeLast() }
                return bytes
            }
            if eof {
                guard position < buffer.count else { return nil }
                defer { position = buffer.count }
                line += 1
                return Array(buffer[position...])
            }
            let data = try handle.read(upToCount: 1 << 20) ?? Data()
            if data.isEmpty { eof = true; continue }
            hasher.update(data: data)
            bytesRead += data.count
            buffer.removeFirst(position)
            position = 0
            buffer.append(contentsOf: data)
        }
    }

    func next() throws -> TableRecord? {
        while let bytes = try nextLine() {
            if bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
            guard String(validating: bytes, as: UTF8.self) != nil else {
                problems.append(DatasetProblem(file: file, line: line, field: nil, reason: "is not valid UTF-8"))
                continue
            }
            guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                problems.append(DatasetProblem(file: file, line: line, field: nil, reason: "is not a JSON object"))
                continue
            }
            var fields = [[UInt8]](repeating: [], count: table.fields.count)
            var usable = true
            for key in object.keys.sorted() {
                guard let index = table.fields.firstIndex(where: { $0.name == key }) else {
                    problems.append(DatasetProblem(file: file, line: line, field: key, reason: "unknown field"))
                    usable = false
                    continue
                }
                switch object[key] {
                case is NSNull: fields[index] = []
                case let text as String: fields[index] = Array(text.utf8)
                case let number as NSNumber:
                    fields[index] = Array(number.stringValue.utf8)
                case let list as [String] where table.fields[index].type == .idList || table.fields[index].type.isList:
                    fields[index] = Array(list.joined(separator: ";").utf8)
                default:
                    problems.append(DatasetProblem(file: file, line: line, field: key, reason: "has a JSON type this field cannot take"))
                    usable = false
                }
            }
            if usable { return TableRecord(line: line, fields: fields) }
        }
        digest = digest ?? hasher.finalize().hex
        return nil
    }
}

extension FieldType {
    var isList: Bool {
        switch self {
        case .idList, .listOf: return true
        default: return false
        }
    }
}
