import Postgres

/// A table's fields compiled for the hot loop of staging: plain values (no references to
/// retain and release per record) and the allowed values as bytes.
struct TablePlan {
    struct Field {
        enum Kind: UInt8 { case text, id, partialDate, url, oneOf, idList, listOf, integer, boolean, countryCode }
        let kind: Kind
        let required: Bool
        /// Index into `allowed` for oneOf and listOf.
        let allowedSet: Int
        let minimum: Int
        let maximum: Int
        let columnCount: Int
    }

    let fields: [Field]
    let allowed: [[[UInt8]]]
    let allowedText: [String]
    let rules: RowRules

    init(_ table: TableDefinition) {
        var allowed: [[[UInt8]]] = []
        var allowedText: [String] = []
        fields = table.fields.map { field in
            var set = -1
            var range = 0...0
            let kind: Field.Kind
            switch field.type {
            case .text: kind = .text
            case .id: kind = .id
            case .partialDate: kind = .partialDate
            case .url: kind = .url
            case let .oneOf(values), let .listOf(values):
                if case .oneOf = field.type { kind = .oneOf } else { kind = .listOf }
                set = allowed.count
                allowed.append(values.map { Array($0.utf8) })
                allowedText.append(values.joined(separator: ", "))
            case .idList: kind = .idList
            case let .integer(bounds): kind = .integer; range = bounds
            case .boolean: kind = .boolean
            case .countryCode: kind = .countryCode
            }
            return Field(kind: kind, required: field.required, allowedSet: set, minimum: range.lowerBound,
                         maximum: range.upperBound, columnCount: field.columnCount)
        }
        self.allowed = allowed
        self.allowedText = allowedText
        rules = RowRules(table: table)
    }
}
