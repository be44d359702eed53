import Postgres

/// A number exactly as PostgreSQL printed it (`62.500`, `-3.250`, `2.0`), so that every report
/// shows the stored figure digit for digit and no binary floating point can change a last digit.
/// Charts take their geometry from `thousandths`, integer arithmetic on the same text.
public struct ReportNumber: Sendable, Hashable, CustomStringConvertible, PostgresDecodable {
    /// The decimal text: an optional minus sign, digits, optionally a point and more digits.
    public let text: String

    /// Accepts only plain decimal text (no exponent, no NaN): anything else is a decoding error.
    public init?(_ text: String) {
        guard ReportNumber.isPlainDecimal(text) else { return nil }
        self.text = text
    }

    public init(postgresText text: String) throws {
        guard ReportNumber.isPlainDecimal(text) else {
            throw PostgresError(kind: .decoding, message: "cannot read a numeric of \(text.utf8.count) bytes as a report number")
        }
        self.text = text
    }

    public init(_ value: Int) { text = String(value) }

    /// A methodology parameter (a weight, a grade minimum): integral values without a decimal
    /// point, others in Swift's shortest round-trip form, which is the same on every platform.
    public init(parameter value: Double) {
        if value == value.rounded(), abs(value) < 1e15 {
            text = String(Int(value))
        } else {
            let shortest = "\(value)"
            text = ReportNumber.isPlainDecimal(shortest) ? shortest : ReportNumber.fixed(value)
        }
    }

    public var description: String { text }

    public var isNegative: Bool { text.hasPrefix("-") && !isZero }
    public var isZero: Bool { !text.contains { $0 >= "1" && $0 <= "9" } }

    /// `+1.500`, `-1.500`, `0.000`.
    public var signed: String {
        if isZero { return text.hasPrefix("-") ? String(text.dropFirst()) : text }
        return text.hasPrefix("-") ? text : "+" + text
    }

    /// The value × 1000, truncated toward zero: for drawing, never for display.
    public var thousandths: Int {
        // On the UTF-8 bytes: rankings sort by this, so it runs for every comparison.
        var value = 0
        var fractionDigits = -1  // -1 until the decimal point
        var negative = false
        for byte in text.utf8 {
            switch byte {
            case 45: negative = true
            case 46: fractionDigits = 0
            default:
                if fractionDigits >= 3 { continue }
                value = value * 10 + Int(byte - 48)
                if fractionDigits >= 0 { fractionDigits += 1 }
            }
        }
        for _ in max(fractionDigits, 0)..<3 { value *= 10 }
        return negative ? -value : value
    }

    static func isPlainDecimal(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard let first = bytes.first, (48...57).contains(first) else { return false }
        var seenPoint = false
        var digitsAfterPoint = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                if seenPoint { return false }
                seenPoint = true
            } else if (48...57).contains(byte) {
                if seenPoint { digitsAfterPoint += 1 }
            } else {
                return false
            }
        }
        return !seenPoint || digitsAfterPoint > 0
    }

    private static func fixed(_ value: Double) -> String {
        // Six decimals, trailing zeros removed: only for parameters Swift would print with an exponent.
        var scaled = Int((abs(value) * 1_000_000).rounded())
        var digits: [Character] = []
        for _ in 0..<6 {
            digits.insert(Character(String(scaled % 10)), at: 0)
            scaled /= 10
        }
        var fraction = String(digits)
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let whole = String(scaled)
        return (value < 0 ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }
}

/// Fixed-point text of an integer number of tenths (`1234` → `123.4`), for SVG coordinates.
func tenthsText(_ tenths: Int) -> String {
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    return "\(sign)\(magnitude / 10).\(magnitude % 10)"
}
