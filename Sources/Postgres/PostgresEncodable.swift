import Foundation

/// A Swift value that can be bound as a query parameter, in PostgreSQL's text format.
public protocol PostgresEncodable: Sendable {
    /// The value as PostgreSQL's text input function reads it.
    var postgresText: String { get }
    /// The parameter's type OID, or 0 to let the server infer it from context.
    static var postgresTypeOID: UInt32 { get }
}

/// Type OIDs from `pg_type` (stable across PostgreSQL versions).
public enum PostgresTypeOID {
    public static let unspecified: UInt32 = 0
    public static let bool: UInt32 = 16
    public static let int8: UInt32 = 20
    public static let int4: UInt32 = 23
    public static let text: UInt32 = 25
    public static let float8: UInt32 = 701
    public static let textArray: UInt32 = 1009
    public static let date: UInt32 = 1082
    public static let timestamptz: UInt32 = 1184
    public static let numeric: UInt32 = 1700
    public static let jsonb: UInt32 = 3802
}

extension String: PostgresEncodable {
    public var postgresText: String { self }
    /// Unspecified, like a quoted literal: the server reads it as whatever type the context needs.
    public static var postgresTypeOID: UInt32 { PostgresTypeOID.unspecified }
}

extension Substring: PostgresEncodable {
    public var postgresText: String { String(self) }
    public static var postgresTypeOID: UInt32 { PostgresTypeOID.unspecified }
}

extension Int: PostgresEncodable {
    public var postgresText: String { String(self) }
    public static var postgresTypeOID: UInt32 { PostgresTypeOID.int8 }
}

extension Int64: PostgresEncodable {
    public var postgresText: String { String(self) }
    public static var postgresTypeOID: UInt32 { PostgresTypeOID.int8 }
}

extension Int32: PostgresEncodable {
    public var postgresText: String { String(self) }
    public static var postgresTypeOID: UInt32 { PostgresTypeOID.int4 }
}

extension Bool: PostgresEncodable {
    public var postgresText: String { self ? "true" : "false" }
    public static var postgresTypeOID: UInt32 { PostgresTypeOID.bool }
}

extension Double: PostgresEncodable {
    /// Swift prints the shortest representation that reads back to the same Double.
    public var postgresText: String {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return "\(self)"
    }
    public static var postgresTypeOID: UInt32 { PostgresTypeOID.float8 }
}

extension Decimal: PostgresEncodable {
    public var postgresText: String { NSDecimalNumber(decimal: self).description(withLocale: Locale(identifier: "en_US_POSIX")) }
    public static var postgresTypeOID: UInt32 { PostgresTypeOID.numeric }
}

extension Date: PostgresEncodable {
    public var postgresText: String { PostgresTimestamp.format(self) }
    public static var postgresTypeOID: UInt32 { PostgresTypeOID.timestamptz }
}

extension Array: PostgresEncodable where Element == String {
    /// An array literal, every element quoted so that commas, braces and quotes survive.
    public var postgresText: String {
        var text = "{"
        for (index, element) in enumerated() {
            if index > 0 { text += "," }
            text += "\""
            for character in element {
                if character == "\"" || character == "\\" { text += "\\" }
                text.append(character)
            }
            text += "\""
        }
        return text + "}"
    }
    public static var postgresTypeOID: UInt32 { PostgresTypeOID.textArray }
}

/// A jsonb value, kept as its JSON text.
public struct JSONB: Sendable, Hashable, PostgresEncodable {
    public var json: String
    public init(json: String) { self.json = json }

    /// Encodes a value with sorted keys, so equal values give equal text.
    public init<T: Encodable>(encoding value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        json = String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    public var postgresText: String { json }
    public static var postgresTypeOID: UInt32 { PostgresTypeOID.jsonb }
}
