/// The shapes of identifiers in a methodology file. Checked by hand rather than with a regular
/// expression: each is one character class for the first character and one for the rest.
struct IdentifierPattern: Sendable, CustomStringConvertible {
    let description: String
    private let first: @Sendable (Unicode.Scalar) -> Bool
    private let rest: @Sendable (Unicode.Scalar) -> Bool

    /// Methodology and pillar ids: lower case, as they appear in URLs and file names.
    static let lowerCaseID = IdentifierPattern(
        description: "^[a-z0-9][a-z0-9._-]*$",
        first: { isLowerOrDigit($0) },
        rest: { isLowerOrDigit($0) || $0 == "." || $0 == "_" || $0 == "-" })

    /// Indicator codes: upper case, so that they stand out in reports (`PM-N1`).
    static let indicatorCode = IdentifierPattern(
        description: "^[A-Z0-9][A-Z0-9-]*$",
        first: { isUpperOrDigit($0) },
        rest: { isUpperOrDigit($0) || $0 == "-" })

    func matches(_ text: String) -> Bool {
        guard let head = text.unicodeScalars.first else { return false }
        return first(head) && text.unicodeScalars.dropFirst().allSatisfy(rest)
    }

    private static func isLowerOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func isUpperOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
