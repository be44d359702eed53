/// The character encodings a CSV resource may declare (`"encoding"` in `datapackage.json`): UTF-8,
/// and the single-byte encodings that spreadsheets on Windows and older systems still write. Each
/// single-byte one keeps ASCII as it is, so delimiters, quotes and line ends are the same bytes in
/// every one of them, and a record's fields can be converted to UTF-8 one by one after parsing.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    case latin1 = "ISO-8859-1"
    case latin9 = "ISO-8859-15"
    case windows1252 = "windows-1252"

    /// The encoding a descriptor's label names (as Python, and so frictionless, spells them:
    /// `latin-1`, `iso8859_1`, `cp1252`, … in any case), or nil for one Scorecard does not read.
    public init?(label: String) {
        let key = label.lowercased().filter { $0.isLetter || $0.isNumber }
        switch key {
        case "utf8", "utf8sig": self = .utf8
        case "latin1", "l1", "iso88591", "cp819": self = .latin1
        case "latin9", "l9", "iso885915": self = .latin9
        case "windows1252", "cp1252": self = .windows1252
        default: return nil
        }
    }

    /// The labels to suggest in a message.
    static let supportedLabels = "utf-8, latin-1 (ISO-8859-1), ISO-8859-15, windows-1252"

    /// The UTF-8 bytes of each byte value (nil where the encoding has no character), for the
    /// single-byte encodings.
    private var table: [[UInt8]?]? {
        switch self {
        case .utf8: return nil
        case .latin1: return TextEncoding.latin1Table
        case .latin9: return TextEncoding.latin9Table
        case .windows1252: return TextEncoding.windows1252Table
        }
    }

    /// Appends `bytes` converted to UTF-8 to `output`. Returns nil, or the offset in `bytes` of the
    /// first byte that is no character in this encoding (after which `output` is incomplete).
    func appendUTF8(of bytes: ArraySlice<UInt8>, to output: inout [UInt8]) -> Int? {
        guard let table else {
            output.append(contentsOf: bytes)
            return nil
        }
        for (offset, byte) in bytes.enumerated() {
            if byte < 0x80 {
                output.append(byte)
            } else if let encoded = table[Int(byte)] {
                output.append(contentsOf: encoded)
            } else {
                return offset
            }
        }
        return nil
    }

    private static func utf8(_ scalar: UInt32) -> [UInt8] { Array(String(Unicode.Scalar(scalar)!).utf8) }

    private static let latin1Table: [[UInt8]?] = (0..<256).map { utf8(UInt32($0)) }

    private static let latin9Table: [[UInt8]?] = {
        // ISO-8859-15 is ISO-8859-1 with eight characters replaced, the euro sign among them.
        let replaced: [Int: UInt32] = [0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D,
                                       0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178]
        return (0..<256).map { utf8(replaced[$0] ?? UInt32($0)) }
    }()

    private static let windows1252Table: [[UInt8]?] = {
        // windows-1252 puts printable characters where ISO-8859-1 has C1 controls (0x80–0x9F),
        // and leaves five bytes unassigned (nil), as Python's cp1252 codec does.
        let high: [UInt32?] = [0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                               0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
                               nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                               0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178]
        return (0..<256).map { byte in
            (0x80...0x9F).contains(byte) ? high[byte - 0x80].map(utf8) : utf8(UInt32(byte))
        }
    }()
}
