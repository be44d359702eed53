import Foundation
import Postgres

/// Checks one raw field and writes its database column(s) into a COPY row (or, when only
/// validating, nowhere), working on bytes so that a million records need no String per field.
/// On failure it writes nothing and returns the reason; the caller writes NULLs instead.
enum FieldConverter {
    static func emit<Columns: RecordColumns>(_ raw: ArraySlice<UInt8>, as field: TablePlan.Field, plan: TablePlan,
                                             into row: inout Columns, scratch: inout [UInt8]) -> String? {
        if raw.isEmpty {
            if field.required { return "is required" }
            for _ in 0..<field.columnCount { row.appendNull() }
            return nil
        }
        if !isASCII(raw) {
            guard String(validating: raw, as: UTF8.self) != nil else { return invalidUTF8(raw) }
        }
        switch field.kind {
        case .text:
            if raw.contains(0) { return "contains a NUL character" }
            row.append(raw)
        case .id:
            guard isValidID(raw) else {
                return "\(quoted(raw)) is not a valid id (lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, at most 100 characters)"
            }
            row.append(raw)
        case .partialDate:
            switch PartialDate.parse(bytes: raw) {
            case let .success(date):
                scratch.removeAll(keepingCapacity: true)
                date.appendStart(to: &scratch)
                row.append(scratch[...])
                row.append(date.precision.bytes[...])
            case .failure(.malformed): return "\(quoted(raw)) is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)"
            case .failure(.impossible): return "\(quoted(raw)) is not a real calendar date"
            }
        case .url:
            guard isValidURL(raw) else { return "\(quoted(raw)) is not an absolute http(s) URL" }
            row.append(raw)
        case .oneOf:
            guard plan.allowed[field.allowedSet].contains(where: { $0.elementsEqual(raw) }) else {
                return "\(quoted(raw)) is not one of: \(plan.allowedText[field.allowedSet])"
            }
            row.append(raw)
        case .idList, .listOf:
            let elements = raw.split(separator: 59, omittingEmptySubsequences: false)  // ;
            for element in elements {
                if field.kind == .listOf {
                    guard plan.allowed[field.allowedSet].contains(where: { $0.elementsEqual(element) }) else {
                        return "\(quoted(element)) is not one of: \(plan.allowedText[field.allowedSet])"
                    }
                } else if !isValidID(element) {
                    return element.isEmpty ? "has an empty element (separate ids with ';' and no spaces)" : "\(quoted(element)) is not a valid id"
                }
            }
            if elements.count > 1 {
                for (index, element) in elements.enumerated() where elements[(index + 1)...].contains(where: { $0.elementsEqual(element) }) {
                    return "lists \(quoted(element)) twice"
                }
            }
            // A text[] literal; valid elements hold no quotes, backslashes or commas.
            row.beginColumn()
            row.appendPiece(byte: 123)  // {
            for (index, element) in elements.enumerated() {
                if index > 0 { row.appendPiece(byte: 44) }
                row.appendPiece(byte: 34)
                row.appendPiece(element)
                row.appendPiece(byte: 34)
            }
            row.appendPiece(byte: 125)  // }
        case .integer:
            guard let value = parseInt(raw) else { return "\(quoted(raw)) is not a whole number" }
            guard value >= field.minimum, value <= field.maximum else { return "\(value) is outside \(field.minimum)–\(field.maximum)" }
            row.append(value)
        case .boolean:
            guard raw.elementsEqual("true".utf8) || raw.elementsEqual("false".utf8) else { return "\(quoted(raw)) is not true or false" }
            row.append(raw)
        case .countryCode:
            guard (2...3).contains(raw.count), raw.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
                return "\(quoted(raw)) is not an ISO 3166-1 alpha-2 or alpha-3 code (upper case)"
            }
            guard ReferenceLists.isKnownCode(raw) else {
                return "\(quoted(raw)) is not an ISO 3166-1 code (no country has it in ISO 3166-1, and it is not one of the codes left to users: AA, QM–QZ, XA–XZ, ZZ)"
            }
            row.append(raw)
        }
        return nil
    }

    @inline(__always) static func isASCII(_ raw: ArraySlice<UInt8>) -> Bool {
        for byte in raw where byte >= 0x80 { return false }
        return true
    }

    static func isValidID(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, bytes.count <= 100, isLowerAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == 46 || $0 == 95 || $0 == 45 }
    }

    @inline(__always) static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
    }

    static func parseInt(_ raw: ArraySlice<UInt8>) -> Int? {
        var digits = raw[...]
        var negative = false
        if digits.first == 45 { negative = true; digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return negative ? -value : value
    }

    private static let http = Array("http://".utf8)
    private static let https = Array("https://".utf8)

    /// An absolute http(s) URL with a host, and no white space or control characters.
    static func isValidURL(_ raw: ArraySlice<UInt8>) -> Bool {
        let rest: ArraySlice<UInt8>
        if raw.starts(with: https) { rest = raw.dropFirst(https.count) } else if raw.starts(with: http) { rest = raw.dropFirst(http.count) } else { return false }
        guard raw.allSatisfy({ $0 > 32 && $0 != 127 }) else { return false }
        var authority = rest.prefix { $0 != 47 && $0 != 63 && $0 != 35 }  // up to / ? #
        if let at = authority.lastIndex(of: 64) { authority = authority[(at + 1)...] }  // user@
        let host = authority.prefix { $0 != 58 }  // :port
        guard !host.isEmpty, host.first != 46, host.last != 46 else { return false }
        let hostIsASCII = isASCII(host)
        guard host.allSatisfy({ !hostIsASCII || isLowerAlphanumeric($0) || ($0 >= 65 && $0 <= 90) || $0 == 45 || $0 == 46 }) else { return false }
        return host.contains(46) || host.elementsEqual("localhost".utf8)
    }

    /// The most bytes of a value `quoted` reads.
    static let shownBytes = 240

    /// A value shown in a message: quoted, cut short so a 10 MB field does not flood the terminal,
    /// and with control characters written as `\u{1B}`, so a value cannot move the cursor or
    /// recolour the terminal that shows the message.
    static func quoted(_ raw: ArraySlice<UInt8>) -> String {
        let text = String(decoding: raw.prefix(shownBytes), as: UTF8.self)
        let cut = text.count > 60 ? String(text.prefix(57)) + "…" : text
        var shown = ""
        for scalar in cut.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return "'\(shown)'"
    }

    /// The reason of a field problem on a restricted record (`RestrictedRecords`): what is wrong,
    /// with no part of the value. Reasons that quote nothing are kept as they are.
    static func withheld(_ reason: String, field: FieldDefinition) -> String {
        if reason == "is required" || reason.hasPrefix("contains a NUL") || reason.hasPrefix("is not valid UTF-8") || reason.hasPrefix("has an empty element") {
            return reason
        }
        let what: String
        switch field.type {
        case .id: what = "is not a valid id (lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, at most 100 characters)"
        case .text: what = "is not valid text"
        case .partialDate: what = "is not a real date written YYYY-MM-DD, YYYY-MM or YYYY"
        case .url: what = "is not an absolute http(s) URL"
        case let .oneOf(values): what = "is not one of: \(values.joined(separator: ", "))"
        case .idList: what = "is not a list of distinct valid ids separated by ';'"
        case let .listOf(values): what = "is not a list of distinct values separated by ';' from: \(values.joined(separator: ", "))"
        case let .integer(range): what = "is not a whole number in \(range.lowerBound)–\(range.upperBound)"
        case .boolean: what = "is not true or false"
        case .countryCode: what = "is not an ISO 3166-1 alpha-2 or alpha-3 code (upper case)"
        }
        return "\(what) (\(RestrictedRecords.withheld))"
    }

    /// Says where bytes stop being UTF-8: the first bad byte and its position (1-based) in `part`.
    static func invalidUTF8(_ raw: ArraySlice<UInt8>, in part: String = "the field") -> String {
        let offset = UTF8Prefix.validLength(raw)
        let index = raw.startIndex + min(offset, raw.count - 1)
        let byte = String(raw[index], radix: 16, uppercase: true)
        return "is not valid UTF-8 (byte 0x\(byte.count == 1 ? "0" : "")\(byte) at byte \(offset + 1) of \(part); save the file as UTF-8)"
    }
}

extension FieldDefinition {
    var columnCount: Int { type == .partialDate ? 2 : 1 }
}

extension PartialDate.Precision {
    var bytes: [UInt8] {
        switch self {
        case .day: return PartialDate.Precision.dayBytes
        case .month: return PartialDate.Precision.monthBytes
        case .year: return PartialDate.Precision.yearBytes
        }
    }
    private static let dayBytes = Array("day".utf8)
    private static let monthBytes = Array("month".utf8)
    private static let yearBytes = Array("year".utf8)
}
