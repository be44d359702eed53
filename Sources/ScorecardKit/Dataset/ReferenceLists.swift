/// The reference lists the dataset is checked against, embedded in the binary (scripts/embed-resources)
/// so that it never reads /usr/share at run time (docs/data-format.md, "Reference lists"):
/// - `Schemas/reference/iso_3166-1.csv`: every ISO 3166-1 code, from Debian's iso-codes
///   (`scripts/reference-lists` writes it; `ReferenceListsTests` checks it against the system's file);
/// - `Schemas/reference/un_member_states.csv`: the 193 UN member states and 2 observer states, the
///   universe of states, from the country_converter package's UN membership data.
public enum ReferenceLists {
    public struct Country: Sendable, Equatable {
        public let alpha2: String
        public let alpha3: String
        public let name: String
    }

    public struct UNState: Sendable, Equatable {
        public let alpha3: String
        public let alpha2: String
        public let name: String
        public let officialName: String
        /// `member` or `observer`.
        public let status: String
        /// The year of admission; empty for an observer.
        public let admitted: String
    }

    static let isoFile = "Schemas/reference/iso_3166-1.csv"
    static let unFile = "Schemas/reference/un_member_states.csv"

    public static let countries: [Country] = records(isoFile).map { Country(alpha2: $0[0], alpha3: $0[1], name: $0[2]) }

    public static let unStates: [UNState] = records(unFile).map {
        UNState(alpha3: $0[0], alpha2: $0[1], name: $0[2], officialName: $0[3], status: $0[4], admitted: $0[5])
    }

    /// The alpha-3 code of each UN state, by its alpha-2 and by its alpha-3 code.
    static let unStateByCode: [String: String] = Dictionary(
        uniqueKeysWithValues: unStates.flatMap { [($0.alpha2, $0.alpha3), ($0.alpha3, $0.alpha3)] })

    /// Every assigned alpha-2 and alpha-3 code, as bytes.
    static let assignedCodes: Set<[UInt8]> = Set(countries.flatMap { [Array($0.alpha2.utf8), Array($0.alpha3.utf8)] })

    /// A code ISO 3166-1 assigns, or one it leaves to its users (AA, QM–QZ, XA–XZ, ZZ and the
    /// alpha-3 codes beginning with them: XK for Kosovo, fictional states in examples), which no
    /// country will ever be given. `raw` is upper case, 2 or 3 letters (checked before).
    static func isKnownCode(_ raw: ArraySlice<UInt8>) -> Bool {
        if assignedCodes.contains(Array(raw)) { return true }
        let first = raw[raw.startIndex], second = raw[raw.startIndex + 1]
        switch (first, second) {
        case (UInt8(ascii: "A"), UInt8(ascii: "A")): return true                      // AA, AAA–AAZ
        case (UInt8(ascii: "Q"), UInt8(ascii: "M")...UInt8(ascii: "Z")): return true  // QM–QZ, QMA–QZZ
        case (UInt8(ascii: "X"), _): return true                                       // XA–XZ, XAA–XZZ
        case (UInt8(ascii: "Z"), UInt8(ascii: "Z")): return true                      // ZZ, ZZA–ZZZ
        default: return false
        }
    }

    /// The records of an embedded CSV file, without its header. The files are ours: fields are
    /// quoted only when they hold a comma or a quote, and never span lines.
    static func records(_ path: String) -> [[String]] {
        guard let file = EmbeddedResources.files.first(where: { $0.path == path }) else {
            fatalError("\(path) is not embedded: scripts/embed-resources must embed Schemas/reference/*.csv")
        }
        return file.contents.split(separator: "\n").dropFirst().map(parseLine)
    }

    private static func parseLine(_ line: Substring) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var previous: Character?
        for character in line {
            switch character {
            case "\"" where quoted:
                quoted = false
            case "\"":
                if previous == "\"" { field.append("\"") }
                quoted = true
            case "," where !quoted:
                fields.append(field)
                field = ""
            default:
                field.append(character)
            }
            previous = character
        }
        fields.append(field)
        return fields
    }
}
