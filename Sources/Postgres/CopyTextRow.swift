/// Builds one row of `COPY ... FROM STDIN` in PostgreSQL's text format from raw bytes:
/// columns separated by tabs, `\N` for NULL, and backslash, tab, newline and carriage
/// return escaped (https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.2).
/// Working on bytes lets a loader stream a large file without making a String per field.
public struct CopyTextRow {
    public private(set) var bytes: [UInt8] = []
    private var columns = 0

    public init() { bytes.reserveCapacity(1024) }

    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        columns = 0
    }

    @inline(__always) private mutating func nextColumn() {
        if columns > 0 { bytes.append(9) }
        columns += 1
    }

    public mutating func appendNull() {
        nextColumn()
        bytes.append(92)
        bytes.append(78)
    }

    /// A column whose value is `value`, escaped as needed.
    public mutating func append(_ value: ArraySlice<UInt8>) {
        nextColumn()
        appendEscaped(value)
    }

    public mutating func append(_ value: String) {
        nextColumn()
        var copy = value
        copy.withUTF8 { appendEscaped(ArraySlice($0)) }
    }

    /// Starts a column and lets the caller add its pieces with `appendPiece`.
    public mutating func beginColumn() { nextColumn() }

    /// Adds bytes to the current column, escaped.
    public mutating func appendPiece(_ value: ArraySlice<UInt8>) { appendEscaped(value) }

    public mutating func appendPiece(byte: UInt8) { appendEscaped([byte][...]) }

    public mutating func append(_ value: Int) {
        nextColumn()
        bytes.append(contentsOf: String(value).utf8)
    }

    private mutating func appendEscaped(_ value: ArraySlice<UInt8>) {
        var needsEscape = false
        for byte in value where byte == 92 || byte == 9 || byte == 10 || byte == 13 {
            needsEscape = true
            break
        }
        guard needsEscape else {
            bytes.append(contentsOf: value)
            return
        }
        for byte in value {
            switch byte {
            case 92: bytes.append(92); bytes.append(92)
            case 9: bytes.append(92); bytes.append(116)
            case 10: bytes.append(92); bytes.append(110)
            case 13: bytes.append(92); bytes.append(114)
            default: bytes.append(byte)
            }
        }
    }

    /// Ends the row (a newline).
    public mutating func finish() { bytes.append(10) }
}

extension CopyWriter {
    /// Sends a finished row.
    public func write(_ row: CopyTextRow) throws { try write(row.bytes) }
}
