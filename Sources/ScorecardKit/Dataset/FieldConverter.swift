import Foundation

/// Turns one raw field into the text of its database column(s), or says why it cannot.
enum FieldConverter {
    /// The column values (nil is NULL), or the reason the field is invalid.
    static func convert(_ raw: [UInt8], as field: FieldDefinition) -> Result<[String?], FieldFailure> {
        let nulls = [String?](repeating: nil, count: field.columns.count)
        if raw.isEmpty {
            return field.required ? .failure(.init("is required")) : .success(nulls)
        }
        guard let text = String(validating: raw, as: UTF8.self) else {
            return .failure(.init("is not valid UTF-8 (save the file as UTF-8)"))
        }
        if raw.contains(0) { return .failure(.init("contains a NUL character")) }
        switch field.type {
        case .text:
            return .success([text])
        case .id:
            return isValidID(raw) ? .success([text]) : .failure(.init("\(quoted(text)) is not a valid id (lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, at most 100 characters)"))
        case .partialDate:
            switch PartialDate.parse(text) {
            case let .success(date): return .success([date.start.description, date.precision.rawValue])
            case .failure(.malformed): return .failure(.init("\(quoted(text)) is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)"))
            case .failure(.impossible): return .failure(.init("\(quoted(text)) is not a real calendar date"))
            }
        case .url:
            return isValidURL(text) ? .success([text]) : .failure(.init("\(quoted(text)) is not an absolute http(s) URL"))
        case let .oneOf(allowed):
            return allowed.contains(text) ? .success([text]) : .failure(.init("\(quoted(text)) is not one of: \(allowed.joined(separator: ", "))"))
        case .idList:
            let elements = text.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            if let bad = elements.first(where: { !isValidID(Array($0.utf8)) }) {
                return .failure(.init(bad.isEmpty ? "has an empty element (separate ids with ';' and no spaces)" : "\(quoted(bad)) is not a valid id"))
            }
            if Set(elements).count != elements.count { return .failure(.init("lists the same id twice")) }
            return .success([elements.postgresArrayLiteral])
        case let .listOf(allowed):
            let elements = text.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            if let bad = elements.first(where: { !allowed.contains($0) }) {
                return .failure(.init("\(quoted(bad)) is not one of: \(allowed.joined(separator: ", "))"))
            }
            if Set(elements).count != elements.count { return .failure(.init("lists the same value twice")) }
            return .success([elements.postgresArrayLiteral])
        case let .integer(range):
            guard let value = Int(text) else { return .failure(.init("\(quoted(text)) is not a whole number")) }
            guard range.contains(value) else { return .failure(.init("\(value) is outside \(range.lowerBound)–\(range.upperBound)")) }
            return .success([String(value)])
        case .boolean:
            switch text {
            case "true": return .success(["true"])
            case "false": return .success(["false"])
            default: return .failure(.init("\(quoted(text)) is not true or false"))
            }
        case .countryCode:
            let ok = (2...3).contains(raw.count) && raw.allSatisfy { $0 >= 65 && $0 <= 90 }
            return ok ? .success([text]) : .failure(.init("\(quoted(text)) is not an ISO 3166-1 alpha-2 or alpha-3 code (upper case)"))
        }
    }

    struct FieldFailure: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    static func isValidID(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, bytes.count <= 100, isLowerAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == 46 || $0 == 95 || $0 == 45 }
    }

    @inline(__always) static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
    }

    static func isValidURL(_ text: String) -> Bool {
        guard text.hasPrefix("http://") || text.hasPrefix("https://"),
              !text.contains(where: { $0.isWhitespace }),
              let components = URLComponents(string: text),
              let host = components.host, !host.isEmpty, host.contains(".") || host == "localhost" else { return false }
        return true
    }

    /// A value shown in a message: quoted, and cut short so a 10 MB field does not flood the terminal.
    static func quoted(_ text: String) -> String {
        let shown = text.count > 60 ? String(text.prefix(57)) + "…" : text
        return "'\(shown)'"
    }
}

extension Array where Element == String {
    /// A text[] literal with every element quoted.
    var postgresArrayLiteral: String {
        "{" + map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }.joined(separator: ",") + "}"
    }
}
