import CLibPQ
import Foundation

/// An error from PostgreSQL or from libpq.
///
/// It carries the server's fields (see "PQresultErrorField",
/// https://www.postgresql.org/docs/current/libpq-exec.html#LIBPQ-PQRESULTERRORFIELD)
/// and the text of the statement, but never the values bound to it: parameters may hold
/// restricted evidence, and errors end up in logs and cron mail.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The server could not be reached or refused the connection.
        case connection
        /// A statement failed (the server reported an error, or the connection broke mid-query).
        case query
        /// A `COPY ... FROM STDIN` failed.
        case copy
        /// A value could not be decoded into the Swift type asked for.
        case decoding
    }

    public var kind: Kind
    /// The server's five-character SQLSTATE code, e.g. `.uniqueViolation`.
    public var sqlState: Code?
    public var message: String
    /// The server's DETAIL. It may quote data values, so `description` leaves it out.
    public var detail: String?
    public var hint: String?
    /// 1-based character position of the error in `query`, when the server gives one.
    public var position: Int?
    /// The statement's text with `$n` placeholders; never the bound values.
    public var query: String?

    public init(kind: Kind, sqlState: Code? = nil, message: String, detail: String? = nil,
                hint: String? = nil, position: Int? = nil, query: String? = nil) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.position = position
        self.query = query
    }

    public var description: String {
        var text = "PostgreSQL \(kind.rawValue) error"
        if let sqlState { text += " \(sqlState)" }
        text += ": \(message)"
        if let hint { text += " (hint: \(hint))" }
        if let query {
            let oneLine = query.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            let shown = oneLine.count > 200 ? String(oneLine.prefix(200)) + "…" : oneLine
            text += " [query: \(shown)"
            if let position { text += " at character \(position)" }
            text += "]"
        }
        return text
    }

    /// Whether the server is gone or refuses work: no connection, a connection lost mid-statement
    /// (class 08), or a server shutting down or starting up (57P01–57P03). Worth retrying later.
    public var isServerUnavailable: Bool {
        kind == .connection || isClass("08")
            || [Code.adminShutdown, .crashShutdown, .cannotConnectNow].contains { $0 == sqlState }
    }

    /// Whether the server reported this SQLSTATE class (the first two characters), e.g. "23" integrity violation.
    public func isClass(_ prefix: String) -> Bool { sqlState?.rawValue.hasPrefix(prefix) ?? false }

    /// Reads the error fields of a failed result.
    init(kind: Kind, result: OpaquePointer, query: String?) {
        func field(_ code: Int32) -> String? {
            guard let pointer = PQresultErrorField(result, code) else { return nil }
            return String(cString: pointer)
        }
        let primary = field(Int32(UInt8(ascii: "M")))
            ?? String(cString: PQresultErrorMessage(result)).trimmingCharacters(in: .whitespacesAndNewlines)
        self.init(
            kind: kind,
            sqlState: field(Int32(UInt8(ascii: "C"))).map(Code.init(rawValue:)),
            message: primary.isEmpty ? "unknown error" : primary,
            detail: field(Int32(UInt8(ascii: "D"))),
            hint: field(Int32(UInt8(ascii: "H"))),
            position: field(Int32(UInt8(ascii: "P"))).flatMap { Int($0) },
            query: query
        )
    }

    /// Reads libpq's last error on a connection (connection failures, broken pipes).
    init(kind: Kind, connection: OpaquePointer?, query: String?) {
        let text = connection.flatMap { PQerrorMessage($0) }.map { String(cString: $0) } ?? "out of memory"
        self.init(kind: kind, message: text.trimmingCharacters(in: .whitespacesAndNewlines), query: query)
    }
}

extension PostgresError {
    /// A SQLSTATE code, by its name in PostgreSQL's errcodes table
    /// (https://www.postgresql.org/docs/current/errcodes-appendix.html), so that code never
    /// matches errors by a bare five-character string. Any code the server sends can be held;
    /// the constants are the ones this project looks at (add more from that table as needed).
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        // Class 0L: invalid grantor
        public static let invalidGrantOperation = Code(rawValue: "0LP01")
        // Class 22: data exception
        public static let invalidParameterValue = Code(rawValue: "22023")
        public static let invalidTextRepresentation = Code(rawValue: "22P02")
        // Class 23: integrity constraint violation
        public static let restrictViolation = Code(rawValue: "23001")
        public static let foreignKeyViolation = Code(rawValue: "23503")
        public static let uniqueViolation = Code(rawValue: "23505")
        // Class 42: syntax error or access rule violation
        public static let insufficientPrivilege = Code(rawValue: "42501")
        public static let syntaxError = Code(rawValue: "42601")
        public static let invalidName = Code(rawValue: "42602")
        public static let reservedName = Code(rawValue: "42939")
        // Class 55: object not in prerequisite state
        public static let lockNotAvailable = Code(rawValue: "55P03")
        /// The server could not write: its disk (or a tablespace's) is full.
        public static let diskFull = Code(rawValue: "53100")
        // Class 57: operator intervention
        public static let queryCanceled = Code(rawValue: "57014")
        public static let adminShutdown = Code(rawValue: "57P01")
        public static let crashShutdown = Code(rawValue: "57P02")
        public static let cannotConnectNow = Code(rawValue: "57P03")
    }
}
