import CLibPQ

/// The rows of one statement. Owns its `PGresult` and frees it in `deinit`.
public final class QueryResult: Sequence {
    let handle: OpaquePointer
    public let columnNames: [String]
    private let columnIndex: [String: Int32]

    init(_ handle: OpaquePointer) {
        self.handle = handle
        let count = PQnfields(handle)
        let names = (0..<count).map { String(cString: PQfname(handle, $0)) }
        columnNames = names
        var index: [String: Int32] = [:]
        for (position, name) in names.enumerated() where index[name] == nil { index[name] = Int32(position) }
        columnIndex = index
    }

    deinit {
        PQclear(handle)
    }

    public var count: Int { Int(PQntuples(handle)) }
    public var isEmpty: Bool { count == 0 }

    /// Rows affected by INSERT, UPDATE, DELETE, COPY …; 0 for other statements.
    public var affectedRows: Int { Int(String(cString: PQcmdTuples(handle))) ?? 0 }

    public subscript(row: Int) -> Row { Row(result: self, index: Int32(row)) }

    public var first: Row? { isEmpty ? nil : self[0] }

    public func makeIterator() -> AnyIterator<Row> {
        var next: Int32 = 0
        let total = PQntuples(handle)
        return AnyIterator {
            guard next < total else { return nil }
            defer { next += 1 }
            return Row(result: self, index: next)
        }
    }

    func column(named name: String) throws -> Int32 {
        guard let index = columnIndex[name] else {
            throw PostgresError(kind: .decoding, message: "no column named \(name) (columns: \(columnNames.joined(separator: ", ")))")
        }
        return index
    }

    func text(row: Int32, column: Int32) -> String? {
        if PQgetisnull(handle, row, column) == 1 { return nil }
        return String(cString: PQgetvalue(handle, row, column))
    }
}

/// One row of a `QueryResult`; it keeps the result alive.
public struct Row {
    let result: QueryResult
    let index: Int32

    /// Decodes a column by name; `T` may be optional to accept NULL.
    public func decode<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        try decode(at: Int(result.column(named: column)), as: type, name: column)
    }

    /// Decodes a column by position (0-based).
    public func decode<T: PostgresDecodable>(at column: Int, as type: T.Type = T.self) throws -> T {
        try decode(at: column, as: type, name: "#\(column)")
    }

    private func decode<T: PostgresDecodable>(at column: Int, as type: T.Type, name: String) throws -> T {
        guard column >= 0, column < result.columnNames.count else {
            throw PostgresError(kind: .decoding, message: "no column \(name)")
        }
        do {
            guard let text = result.text(row: index, column: Int32(column)) else { return try T.decodeNull() }
            return try T(postgresText: text)
        } catch var error as PostgresError {
            error.message = "column \(name): \(error.message)"
            throw error
        }
    }

    public subscript<T: PostgresDecodable>(_ column: String, as type: T.Type) -> T {
        get throws { try decode(column, as: type) }
    }

    /// The raw text of a column, nil for NULL.
    public func text(_ column: String) throws -> String? {
        result.text(row: index, column: try result.column(named: column))
    }
}
