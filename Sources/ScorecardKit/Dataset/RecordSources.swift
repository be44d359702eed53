import Crypto
import Foundation

/// One record of a table file; `field(i)` is the table definition's field `i`.
struct TableRecord {
    let line: Int
    private let csv: CSVReader.Record?
    /// For CSV: the file column holding each table field.
    private let columns: [Int]
    private let owned: [[UInt8]]
    /// Fields the source could not read (and reported): they are missing, and no other check of
    /// them may report a knock-on problem.
    let unreadable: [Int]

    init(line: Int, csv: CSVReader.Record, columns: [Int]) {
        self.line = line
        self.csv = csv
        self.columns = columns
        owned = []
        unreadable = []
    }

    init(line: Int, fields: [[UInt8]], unreadable: [Int] = []) {
        self.line = line
        csv = nil
        columns = []
        owned = fields
        self.unreadable = unreadable
    }

    func field(_ index: Int) -> ArraySlice<UInt8> {
        if let csv { return columns[index] < 0 ? [][...] : csv.field(columns[index]) }
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

/// A CSV file whose header names the table's fields in any order (or, with no header row, whose
/// columns are the dialect's), in its dialect and encoding.
final class CSVRecordSource: RecordSource {
    private let reader: CSVReader
    private let table: TableDefinition
    private let file: String
    private let dialect: CSVDialect
    private let encoding: TextEncoding
    private var problems: [DatasetProblem] = []
    private var hasher = SHA256()
    private var digest: String?
    /// For each column of the file, the index of the table field it holds.
    private var order: [Int] = []
    /// For each table field, the column of the file that holds it.
    private var columnOfField: [Int] = []
    private var headerRead = false
    private var headerUsable = false

    init(url: URL, file: String, table: TableDefinition, dialect: CSVDialect = .standard, encoding: TextEncoding = .utf8) throws {
        reader = try CSVReader(url: url, delimiter: dialect.delimiter, quote: dialect.quote)
        self.table = table
        self.file = file
        self.dialect = dialect
        self.encoding = encoding
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
        guard dialect.hasHeader else {
            order = dialect.headerlessColumns.map { name in table.fields.firstIndex { $0.name == name }! }
            columnOfField = [Int](repeating: 0, count: table.fields.count)
            for (column, field) in order.enumerated() { columnOfField[field] = column }
            headerUsable = true
            return
        }
        let first: CSVReader.Record?
        do {
            first = try reader.next()
        } catch let malformation as CSVReader.Malformation {  // not UTF-8, or a header that never ends
            problem(malformation.line, nil, malformation.reason)
            return
        }
        guard let header = first else {
            problem(1, "header", "the file is empty; it needs at least the header row: \(table.fields.map(\.name).joined(separator: ","))")
            return
        }
        var names: [[UInt8]] = []
        for column in 0..<header.count {
            var name: [UInt8] = []
            if let offset = encoding.appendUTF8(of: header.field(column), to: &name) {
                _ = reader.takeMalformations()
                problem(header.line, "header", "column \(column + 1) \(notInEncoding(header.field(column), at: offset, in: "the name"))")
                return
            }
            names.append(name)
        }
        if let column = names.firstIndex(where: { String(validating: $0, as: UTF8.self) == nil }) {
            // Not text (or not UTF-8): one problem, rather than one for every column and quote of a line of junk.
            _ = reader.takeMalformations()
            problem(header.line, "header", "column \(column + 1) \(FieldConverter.invalidUTF8(header.field(column), in: "the name"))")
            return
        }
        if names.contains(where: { $0.contains(13) }) {
            // The whole file read as one line: its lines end in CR alone. One problem says so.
            _ = reader.takeMalformations()
            problem(header.line, nil, "the lines end in a carriage return (CR) alone, as classic Mac OS wrote them: "
                + "save the file with LF or CRLF line ends")
            return
        }
        var seen: [String: Int] = [:]
        var usable = true
        for (column, raw) in names.enumerated() {
            let name = String(decoding: raw, as: UTF8.self)  // valid: checked above
            guard let index = table.fields.firstIndex(where: { $0.name == name }) else {
                var reason = name.isEmpty
                    ? "column \(column + 1) has no name\(column == header.count - 1 ? " (a comma at the end of the line?)" : "")"
                    : "unknown field \(FieldConverter.quoted(raw[...]))"
                if let match = table.fields.first(where: { $0.name == name.lowercased() }), match.name != name {
                    reason += " (did you mean '\(match.name)'? field names are lower case)"
                }
                problem(header.line, "header", reason + " (\(file) has: \(table.fields.map(\.name).joined(separator: ", ")))")
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
        let missing = table.fields.filter { seen[$0.name] == nil && !$0.mayBeAbsent }.map(\.name)
        if missing.count == 1 {
            problem(header.line, "header", "missing field '\(missing[0])'")
        } else if !missing.isEmpty {
            problem(header.line, "header", "missing fields \(missing.map { "'\($0)'" }.joined(separator: ", "))")
        }
        if !missing.isEmpty { usable = false }
        headerUsable = usable
        if usable {
            columnOfField = [Int](repeating: -1, count: table.fields.count)  // -1: a column the file leaves out
            for (column, field) in order.enumerated() { columnOfField[field] = column }
        }
    }

    func next() throws -> TableRecord? {
        if !headerRead { try readHeader() }
        // Without a usable header no record can be checked, and a file of junk is not worth reading on.
        guard headerUsable else { return nil }
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
            guard record.count == order.count else {
                let expected = dialect.hasHeader ? "the header has \(order.count)" : "the table has \(order.count) (the file has no header row)"
                problem(record.line, nil, "has \(record.count) field\(record.count == 1 ? "" : "s"), \(expected)")
                continue
            }
            if encoding == .utf8 { return TableRecord(line: record.line, csv: record, columns: columnOfField) }
            return convert(record)
        }
    }

    /// The record's fields in UTF-8. A field holding a byte that is no character of the file's
    /// encoding is one problem and is left unread, rather than read wrong.
    private func convert(_ record: CSVReader.Record) -> TableRecord {
        var fields: [[UInt8]] = []
        var unreadable: [Int] = []
        fields.reserveCapacity(table.fields.count)
        for (index, column) in columnOfField.enumerated() {
            var converted: [UInt8] = []
            guard column >= 0 else {  // a column the file leaves out (mayBeAbsent): empty
                fields.append(converted)
                continue
            }
            if let offset = encoding.appendUTF8(of: record.field(column), to: &converted) {
                problem(record.line, table.fields[index].name, notInEncoding(record.field(column), at: offset, in: "the field"))
                unreadable.append(index)
                converted = []
            }
            fields.append(converted)
        }
        return TableRecord(line: record.line, fields: fields, unreadable: unreadable)
    }

    private func notInEncoding(_ raw: ArraySlice<UInt8>, at offset: Int, in part: String) -> String {
        let byte = String(raw[raw.startIndex + offset], radix: 16, uppercase: true)
        return "byte 0x\(byte) at byte \(offset + 1) of \(part) is no character in \(encoding.rawValue), the encoding datapackage.json "
            + "gives for this file (is it in another encoding? save it as UTF-8)"
    }

    /// After a fatal malformation: the reader reads no further, and the digest is of what was read
    /// (it is never used, since the dataset has a problem).
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
    /// Where to look for the next line break: the buffer before it has none.
    private var scanned = 0
    /// Set by a fatal problem (a line too long, not UTF-8): nothing more is read.
    private var stopped = false
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

    private func stop(_ line: Int, _ reason: String) -> [UInt8]? {
        problems.append(DatasetProblem(file: file, line: line, field: nil, reason: reason))
        stopped = true
        return nil
    }

    private func nextLine() throws -> [UInt8]? {
        if stopped { return nil }
        while true {
            if let newline = buffer[max(position, scanned)...].firstIndex(of: 10) {
                defer { position = newline + 1; scanned = position }
                line += 1
                if newline - position > CSVReader.maximumRecordBytes { return stop(line, tooLong) }
                var bytes = Array(buffer[position..<newline])
                if bytes.last == 13 { bytes.removeLast() }
                return bytes
            }
            scanned = buffer.count
            if buffer.count - position > CSVReader.maximumRecordBytes { return stop(line + 1, tooLong) }
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
            scanned -= position
            buffer.removeFirst(position)
            position = 0
            buffer.append(contentsOf: data)
            if bytesRead == data.count {
                if let encoding = TextEncodingSniffer.notUTF8(buffer) { return stop(1, encoding) }
                if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3; scanned = 3 }  // UTF-8 byte-order mark
            }
        }
    }

    private var tooLong: String {
        "the line is longer than \(CSVReader.maximumRecordBytes >> 20) MiB, the most one record may hold"
    }

    func next() throws -> TableRecord? {
        while let bytes = try nextLine() {
            if bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
            guard String(validating: bytes, as: UTF8.self) != nil else {
                problems.append(DatasetProblem(file: file, line: line, field: nil, reason: FieldConverter.invalidUTF8(bytes[...], in: "the line")))
                continue
            }
            let parsed: Any
            do {
                parsed = try JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed)
            } catch {
                let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String).map { ": \($0)" } ?? ""
                problems.append(DatasetProblem(file: file, line: line, field: nil,
                                               reason: "is not valid JSON\(detail) (each line must hold one complete JSON object)"))
                continue
            }
            guard let object = parsed as? [String: Any] else {
                problems.append(DatasetProblem(file: file, line: line, field: nil, reason: "is \(Self.describe(parsed)), not a JSON object"))
                continue
            }
            if let duplicate = Self.duplicateKey(in: bytes) {
                problems.append(DatasetProblem(file: file, line: line, field: duplicate, reason: "appears twice in the object"))
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
                case let number as NSNumber where !Self.isBoolean(number):
                    fields[index] = Array(number.stringValue.utf8)
                case let list as [String] where table.fields[index].type == .idList || table.fields[index].type.isList:
                    fields[index] = Array(list.joined(separator: ";").utf8)
                default:
                    let expected = table.fields[index].type.isList ? "a string or an array of strings" : "a string or a number"
                    problems.append(DatasetProblem(file: file, line: line, field: key,
                                                   reason: "is \(Self.describe(object[key]!)); it must be \(expected)"))
                    usable = false
                }
            }
            if usable { return TableRecord(line: line, fields: fields) }
        }
        digest = digest ?? hasher.finalize().hex
        return nil
    }

    /// JSON `true` and `false` arrive as NSNumber; they are not numbers here (`"severity": true` is not 1).
    static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    /// What a JSON value is, for messages.
    static func describe(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case is String: return "a string"
        case let number as NSNumber: return isBoolean(number) ? "a boolean" : "a number"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        default: return "a JSON value of another type"
        }
    }

    /// The first key that appears twice at the top level of a valid JSON object (JSONSerialization
    /// silently keeps the last one, which would hide an ambiguous record).
    static func duplicateKey(in bytes: [UInt8]) -> String? {
        var keys = Set<[UInt8]>()
        var depth = 0
        var expectingKey = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case 34:  // a string: a key when at depth 1 after { or ,
                var j = i + 1
                var escaped = false
                while j < bytes.count, bytes[j] != 34 {
                    if bytes[j] == 92 { escaped = true; j += 1 }
                    j += 1
                }
                if depth == 1, expectingKey {
                    var key = Array(bytes[(i + 1)..<min(j, bytes.count)])
                    if escaped, let text = try? JSONSerialization.jsonObject(with: Data(bytes[i...min(j, bytes.count - 1)]),
                                                                             options: .fragmentsAllowed) as? String {
                        key = Array(text.utf8)
                    }
                    if !keys.insert(key).inserted { return String(decoding: key, as: UTF8.self) }
                    expectingKey = false
                }
                i = j + 1
                continue
            case 123, 91:  // { [
                depth += 1
                expectingKey = depth == 1 && byte == 123
            case 125, 93:  // } ]
                depth -= 1
            case 44:  // ,
                if depth == 1 { expectingKey = true }
            default:
                break
            }
            i += 1
        }
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
