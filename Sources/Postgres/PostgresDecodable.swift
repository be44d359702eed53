import Foundation

/// A Swift type that a column's text-format value decodes into.
public protocol PostgresDecodable {
    init(postgresText text: String) throws
    /// What a SQL NULL decodes to: an error, except for optionals.
    static func decodeNull() throws -> Self
}

extension PostgresDecodable {
    public static func decodeNull() throws -> Self {
        throw PostgresError(kind: .decoding, message: "unexpected NULL for \(Self.self)")
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public init(postgresText text: String) throws { self = try Wrapped(postgresText: text) }
    public static func decodeNull() throws -> Self { nil }
}

private func decodingError<T>(_ text: String, _ type: T.Type) -> PostgresError {
    // The value itself stays out of the message: it may be restricted.
    PostgresError(kind: .decoding, message: "cannot decode a value of \(text.utf8.count) bytes as \(type)")
}

extension String: PostgresDecodable {
    public init(postgresText text: String) { self = text }
}

extension Int: PostgresDecodable {
    public init(postgresText text: String) throws {
        guard let value = Int(text) else { throw decodingError(text, Int.self) }
        self = value
    }
}

extension Int64: PostgresDecodable {
    public init(postgresText text: String) throws {
        guard let value = Int64(text) else { throw decodingError(text, Int64.self) }
        self = value
    }
}

extension Int32: PostgresDecodable {
    public init(postgresText text: String) throws {
        guard let value = Int32(text) else { throw decodingError(text, Int32.self) }
        self = value
    }
}

extension Bool: PostgresDecodable {
    public init(postgresText text: String) throws {
        switch text {
        case "t", "true": self = true
        case "f", "false": self = false
        default: throw decodingError(text, Bool.self)
        }
    }
}

extension Double: PostgresDecodable {
    public init(postgresText text: String) throws {
        switch text {
        case "NaN": self = .nan
        case "Infinity": self = .infinity
        case "-Infinity": self = -.infinity
        default:
            guard let value = Double(text) else { throw decodingError(text, Double.self) }
            self = value
        }
    }
}

extension Decimal: PostgresDecodable {
    public init(postgresText text: String) throws {
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw decodingError(text, Decimal.self)
        }
        self = value
    }
}

extension CalendarDate: PostgresDecodable {
    /// Reads the ISO output of `DateStyle = ISO`, which every Connection sets.
    public init(postgresText text: String) throws {
        guard let value = CalendarDate(iso: text) else { throw decodingError(text, CalendarDate.self) }
        self = value
    }
}

extension Date: PostgresDecodable {
    public init(postgresText text: String) throws {
        guard let value = PostgresTimestamp.parse(text) else { throw decodingError(text, Date.self) }
        self = value
    }
}

extension JSONB: PostgresDecodable {
    public init(postgresText text: String) { self.init(json: text) }
}

extension Array: PostgresDecodable where Element == String {
    /// Parses a one-dimensional array literal: `{a,"b c",NULL}`. NULL elements are rejected.
    public init(postgresText text: String) throws {
        let scalars = Array<Unicode.Scalar>(text.unicodeScalars)
        guard scalars.first == "{", scalars.last == "}" else { throw decodingError(text, [String].self) }
        var elements: [String] = []
        var index = 1
        let end = scalars.count - 1
        if end == 1 { self = []; return }
        while index <= end {
            var element = ""
            var quoted = false
            if scalars[index] == "\"" {
                quoted = true
                index += 1
                while index < end, scalars[index] != "\"" {
                    if scalars[index] == "\\" { index += 1 }
                    element.unicodeScalars.append(scalars[index])
                    index += 1
                }
                index += 1  // closing quote
            } else {
                while index < end, scalars[index] != "," {
                    element.unicodeScalars.append(scalars[index])
                    index += 1
                }
            }
            if !quoted && element == "NULL" {
                throw PostgresError(kind: .decoding, message: "unexpected NULL element in text[]")
            }
            elements.append(element)
            index += 1  // the comma, or past the closing brace
        }
        self = elements
    }
}

/// timestamptz text in the session time zone UTC that every Connection sets.
enum PostgresTimestamp {
    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// Parses `2024-01-02 03:04:05.123456+00` (or `+05:30`).
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 22, let date = CalendarDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
              let hour = CalendarDate.digits(bytes[11..<13]), let minute = CalendarDate.digits(bytes[14..<16]),
              let second = CalendarDate.digits(bytes[17..<19]) else { return nil }
        var index = 19
        var fraction = 0.0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < bytes.count, let digit = CalendarDate.digits(bytes[index..<index + 1]) {
                fraction += Double(digit) * scale
                scale /= 10
                index += 1
            }
        }
        guard index < bytes.count else { return nil }
        let sign: Int = bytes[index] == UInt8(ascii: "-") ? -1 : 1
        index += 1
        guard index + 2 <= bytes.count, let offsetHours = CalendarDate.digits(bytes[index..<index + 2]) else { return nil }
        var offsetMinutes = 0
        if index + 5 <= bytes.count, bytes[index + 2] == UInt8(ascii: ":") {
            offsetMinutes = CalendarDate.digits(bytes[index + 3..<index + 5]) ?? 0
        }
        let seconds = Double(date.daysSinceEpoch) * 86_400 + Double(hour * 3600 + minute * 60 + second)
            - Double(sign * (offsetHours * 3600 + offsetMinutes * 60)) + fraction
        return Date(timeIntervalSince1970: seconds)
    }
}
