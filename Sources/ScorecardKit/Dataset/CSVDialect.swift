import Foundation

/// How a CSV resource is written, from its `dialect` in `datapackage.json` (Frictionless CSV Dialect
/// v1 and Table Dialect v2): the options Scorecard honours, or one problem for each standard option
/// it cannot honour, so that a file is never read with the wrong delimiter and reported line by line.
public struct CSVDialect: Sendable, Equatable {
    public var delimiter: UInt8 = UInt8(ascii: ",")
    public var quote: UInt8 = UInt8(ascii: "\"")
    /// False: the first line is a record, and the columns are `headerlessColumns` in order.
    public var hasHeader = true
    /// With no header row: the field names in column order (the resource's schema's, else the table's).
    public var headerlessColumns: [String] = []

    public static let standard = CSVDialect()

    /// Reads `resource["dialect"]`; `index` is the resource's place in `resources`, which problems name.
    static func read(_ resource: [String: Any], table: TableDefinition, format: DataPackage.Format,
                     index: Int) -> Result<CSVDialect, ProblemsFound> {
        guard let value = resource["dialect"] else { return .success(.standard) }
        var problems: [DatasetProblem] = []
        func refuse(_ option: String, _ reason: String) {
            problems.append(DatasetProblem(file: DataPackage.fileName, line: nil, field: "resources[\(index)].dialect\(option.isEmpty ? "" : ".\(option)")",
                                           reason: reason, position: index))
        }
        guard let options = value as? [String: Any] else {
            refuse("", value is String
                ? "a dialect in a file of its own is not supported: write it inline, as an object"
                : "must be an object")
            return .failure(ProblemsFound(problems: problems))
        }
        var dialect = CSVDialect.standard
        for name in options.keys.sorted() {
            let option = options[name]!
            if format == .jsonl {
                // JSON Lines are objects, one per line: only what says so is accepted.
                if name == "$schema" || (name == "itemType" && option as? String == "object") { continue }
                if standardOptions.contains(name) {
                    refuse(name, "does not apply to JSON Lines (one JSON object per line, UTF-8)")
                }
                continue
            }
            switch name {
            case "$schema", "csvddfVersion", "caseSensitiveHeader", "headerJoin":
                // Headers are matched exactly as written; one header row has nothing to join.
                continue
            case "delimiter":
                guard let byte = singleASCII(option), byte != 10, byte != 13 else {
                    refuse(name, "\(shown(option)) is not supported: the delimiter must be one ASCII character other than a line break")
                    continue
                }
                dialect.delimiter = byte
            case "quoteChar":
                guard let byte = singleASCII(option), byte != 10, byte != 13 else {
                    refuse(name, "\(shown(option)) is not supported: the quote character must be one ASCII character other than a line break")
                    continue
                }
                dialect.quote = byte
            case "header":
                guard let header = option as? Bool, isBoolean(option) else { refuse(name, "must be true or false"); continue }
                dialect.hasHeader = header
            case "headerRows":
                guard let rows = option as? [Int], rows == [1] || rows.isEmpty else {
                    refuse(name, "\(shown(option)) is not supported: a file has one header row, on line 1 ([1]), or none ([])")
                    continue
                }
                if rows.isEmpty { dialect.hasHeader = false }
            case "doubleQuote":
                if option as? Bool != true || !isBoolean(option) {
                    refuse(name, "only true is supported: a quote inside a quoted field is written twice (\"\")")
                }
            case "lineTerminator":
                if !["\n", "\r\n"].contains(option as? String ?? "") {
                    refuse(name, "\(shown(option)) is not supported: lines end in LF or CRLF, whatever this says")
                }
            case "skipInitialSpace":
                if option as? Bool != false || !isBoolean(option) {
                    refuse(name, "only false is supported: text is kept exactly as written, spaces included")
                }
            case "escapeChar", "nullSequence", "commentChar", "commentRows":
                refuse(name, "is not supported (\(unsupportedReason[name]!)); remove it from the dialect")
            case "property", "itemType", "itemKeys", "sheetNumber", "sheetName", "table":
                refuse(name, "does not apply to a CSV file (it is for JSON, spreadsheet or SQL sources)")
            default:
                continue  // not a dialect option of the standard: a custom property, which readers ignore
            }
        }
        if dialect.delimiter == dialect.quote {
            refuse("quoteChar", "is the delimiter too: they must differ")
        }
        if !dialect.hasHeader {
            switch headerlessColumns(resource, table: table) {
            case let .success(columns): dialect.headerlessColumns = columns
            case let .failure(unknown): refuse("header", unknown.reason)
            }
        }
        return problems.isEmpty ? .success(dialect) : .failure(ProblemsFound(problems: problems))
    }

    /// Every dialect option of the two versions of the standard.
    static let standardOptions: Set<String> = [
        "$schema", "csvddfVersion", "caseSensitiveHeader", "header", "headerRows", "headerJoin", "commentRows",
        "commentChar", "delimiter", "lineTerminator", "quoteChar", "doubleQuote", "escapeChar", "nullSequence",
        "skipInitialSpace", "property", "itemType", "itemKeys", "sheetNumber", "sheetName", "table",
    ]

    private static let unsupportedReason = [
        "escapeChar": "a quote inside a quoted field is written twice (\"\"), never escaped",
        "nullSequence": "an empty field is a missing value, and no other text is",
        "commentChar": "every line is data",
        "commentRows": "every line is data",
    ]

    /// With no header row the columns are the schema's fields in order: the resource's own inline
    /// schema when it lists exactly the table's fields, else the table's order (Schemas/datapackage/).
    private static func headerlessColumns(_ resource: [String: Any], table: TableDefinition) -> Result<[String], HeaderlessColumnsUnknown> {
        let tableOrder = table.fields.map(\.name)
        guard let fields = (resource["schema"] as? [String: Any])?["fields"] as? [[String: Any]] else { return .success(tableOrder) }
        let names = fields.map { $0["name"] as? String ?? "" }
        guard names.sorted() == tableOrder.sorted() else {
            return .failure(HeaderlessColumnsUnknown(reason: "false needs the schema's fields to be the table's, in the file's order: "
                + "\(names.joined(separator: ", ")) are not \(tableOrder.joined(separator: ", "))"))
        }
        return .success(names)
    }

    struct HeaderlessColumnsUnknown: Error { let reason: String }

    /// One ASCII character (JSON text), as a byte.
    private static func singleASCII(_ value: Any) -> UInt8? {
        guard let text = value as? String, text.utf8.count == 1, let byte = text.utf8.first, byte < 0x80, byte > 0 else { return nil }
        return byte
    }

    /// JSON `true`/`false` arrive as NSNumber, as 1 and 0 do: only the former are booleans.
    private static func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return JSONLinesRecordSource.isBoolean(number)
    }

    /// A descriptor value in a message: text quoted as field values are, anything else as JSON.
    static func shown(_ value: Any) -> String {
        if let text = value as? String { return FieldConverter.quoted(Array(text.utf8)[...]) }
        guard let json = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]) else { return "\(value)" }
        return String(decoding: json, as: UTF8.self)
    }
}

/// Problems found in the descriptor, to report together.
struct ProblemsFound: Error {
    let problems: [DatasetProblem]
}
