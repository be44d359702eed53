import Foundation

/// A streaming RFC 4180 reader that works on bytes and remembers the physical line on
/// which each record starts, so every problem can be reported as `file:line`.
///
/// Written here rather than taken from a CSV package because the loader needs what those
/// do not give together: constant memory on files of any size, the start line of records
/// with embedded line breaks, byte-exact fields (CRLF inside quotes kept, invalid UTF-8
/// reported rather than replaced), every malformation reported with its line, and the
/// speed to feed COPY a million records in a few seconds (no allocation per field).
public final class CSVReader {
    /// One record. Its storage is reused by the next call to `next()`.
    public struct Record {
        /// Physical line (1-based) on which the record starts.
        public let line: Int
        let bytes: [UInt8]
        let ends: [Int]

        public var count: Int { ends.count }

        /// The unquoted bytes of field `index`.
        public func field(_ index: Int) -> ArraySlice<UInt8> {
            bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
        }

        public var fields: [[UInt8]] { (0..<count).map { Array(field($0)) } }
    }

    public struct Malformation: Error, Equatable {
        public let line: Int
        public let reason: String
    }

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEOF = false
    private var line = 1
    private var startedFile = false
    /// Unquoted field bytes of the current record, and where each field ends.
    private var recordBytes: [UInt8] = []
    private var fieldEnds: [Int] = []
    public private(set) var bytesRead = 0
    /// Sees every chunk of the file as read (to hash it in the same pass).
    public var onChunk: ((Data) -> Void)?
    /// Problems found so far in records already returned (bare quotes, text after a closing quote).
    public private(set) var malformations: [Malformation] = []
    let chunkSize: Int
    /// The most bytes one record may hold (quotes and line breaks included).
    let maximumRecordBytes: Int
    /// Set by a fatal malformation: the rest of the file cannot be read as records.
    private var failed = false

    /// The default `maximumRecordBytes`: 1 MiB, far beyond any hand-written record, and what keeps
    /// a runaway quote or a file of junk from filling memory.
    public static let maximumRecordBytes = 1 << 20

    /// The bytes that separate fields and quote them (`dialect` in datapackage.json).
    let delimiter: UInt8
    let quote: UInt8

    public init(url: URL, chunkSize: Int = 1 << 20, maximumRecordBytes: Int = CSVReader.maximumRecordBytes,
                delimiter: UInt8 = UInt8(ascii: ","), quote: UInt8 = UInt8(ascii: "\"")) throws {
        handle = try FileHandle(forReadingFrom: url)
        self.delimiter = delimiter
        self.quote = quote
        self.chunkSize = chunkSize
        self.maximumRecordBytes = maximumRecordBytes
        recordBytes.reserveCapacity(4096)
        fieldEnds.reserveCapacity(32)
    }

    deinit {
        try? handle.close()
    }

    public var hasMalformations: Bool { !malformations.isEmpty }

    public func takeMalformations() -> [Malformation] {
        defer { malformations.removeAll() }
        return malformations
    }

    /// Appends the next chunk of the file; false at end of file.
    private func refill() throws -> Bool {
        if atEOF { return false }
        let data = try handle.read(upToCount: chunkSize) ?? Data()
        if data.isEmpty { atEOF = true; return false }
        bytesRead += data.count
        onChunk?(data)
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        buffer.append(contentsOf: data)
        if !startedFile {
            startedFile = true
            if let encoding = TextEncodingSniffer.notUTF8(buffer) {
                failed = true
                throw Malformation(line: 1, reason: encoding)
            }
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }  // UTF-8 byte-order mark
        }
        return true
    }

    private func fail(_ line: Int, _ reason: String) -> Malformation {
        failed = true
        return Malformation(line: line, reason: reason)
    }

    private var tooLong: String {
        "the record is longer than \(maximumRecordBytes >> 20 > 0 ? "\(maximumRecordBytes >> 20) MiB" : "\(maximumRecordBytes) bytes"), "
            + "the most one record may hold (is a quote left open?)"
    }

    private var unterminated: String {
        "unterminated quoted field (a \(Character(Unicode.Scalar(quote))) opened on this record is never closed)"
    }

    private enum Step { case record, needMore }

    /// The next record, or nil at the end of the file. Throws for an unterminated quote, a record
    /// longer than `maximumRecordBytes` or a file that is not UTF-8 (UTF-16, UTF-32), after which
    /// the rest of the file cannot be read as records (and `next()` returns nil).
    public func next() throws -> Record? {
        if failed { return nil }
        while true {
            // Blank lines between records carry no data: skip them.
            while position < buffer.count, buffer[position] == 10 || buffer[position] == 13 {
                if buffer[position] == 10 { line += 1 }
                position += 1
            }
            if position >= buffer.count {
                guard try refill() else { return nil }
                continue
            }
            let start = line
            switch parseRecord(final: atEOF) {
            case let .success((.record, consumed, lines, problems)):
                if consumed - position > maximumRecordBytes { throw fail(start, tooLong) }
                position = consumed
                line += lines
                for reason in problems { malformations.append(Malformation(line: start, reason: reason)) }
                return Record(line: start, bytes: recordBytes, ends: fieldEnds)
            case .success((.needMore, _, _, _)):
                // The record runs past the buffer: read more and parse it again from its start.
                if buffer.count - position > maximumRecordBytes { throw fail(start, tooLong) }
                if try !refill() {
                    guard case let .success((_, consumed, lines, problems)) = parseRecord(final: true) else {
                        throw fail(start, unterminated)
                    }
                    if consumed - position > maximumRecordBytes { throw fail(start, tooLong) }
                    position = consumed
                    line += lines
                    for reason in problems { malformations.append(Malformation(line: start, reason: reason)) }
                    return Record(line: start, bytes: recordBytes, ends: fieldEnds)
                }
            case .failure:
                throw fail(start, unterminated)
            }
        }
    }

    private struct Unterminated: Error {}

    /// Parses one record starting at `position` into `recordBytes`/`fieldEnds`.
    /// Returns where it ended and how many line breaks it spanned, or `.needMore` when the
    /// buffer ends first (unless `final`, when the end of the buffer ends the record).
    private func parseRecord(final: Bool) -> Result<(Step, Int, Int, [String]), Unterminated> {
        recordBytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        var problems: [String] = []
        var lines = 0
        let delimiter = delimiter, quote = quote
        return buffer.withUnsafeBufferPointer { bytes -> Result<(Step, Int, Int, [String]), Unterminated> in
            let end = bytes.count
            var i = position
            while true {
                // At the start of a field.
                if i < end, bytes[i] == quote {
                    // Quoted field: runs up to the next quote; a doubled quote is a literal one.
                    i += 1
                    while true {
                        var j = i
                        while j < end, bytes[j] != quote {
                            if bytes[j] == 10 { lines += 1 }
                            j += 1
                        }
                        recordBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                        if j >= end {
                            return final ? .failure(Unterminated()) : .success((.needMore, 0, 0, []))
                        }
                        if j + 1 < end, bytes[j + 1] == quote {
                            recordBytes.append(quote)
                            i = j + 2
                            continue
                        }
                        if j + 1 >= end, !final { return .success((.needMore, 0, 0, [])) }
                        i = j + 1
                        break
                    }
                    // After the closing quote: a delimiter should follow.
                    if i < end, bytes[i] != delimiter, bytes[i] != 10, !(bytes[i] == 13 && i + 1 < end && bytes[i + 1] == 10) {
                        if !(bytes[i] == 13 && i + 1 >= end && !final) {
                            problems.append("text after a closing quote in field \(fieldEnds.count + 1)")
                        }
                        var j = i
                        while j < end, bytes[j] != delimiter, bytes[j] != 10 { j += 1 }
                        if j >= end, !final { return .success((.needMore, 0, 0, [])) }
                        var run = j
                        if run > i, bytes[run - 1] == 13, run < end, bytes[run] == 10 { run -= 1 }
                        recordBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<run]))
                        i = j
                    }
                } else {
                    // Unquoted field: runs up to the delimiter or a line end.
                    var j = i
                    var sawQuote = false
                    var sawBareCR = false
                    while j < end {
                        let byte = bytes[j]
                        if byte == delimiter || byte == 10 { break }
                        if byte == 13 {
                            if j + 1 < end, bytes[j + 1] == 10 { break }
                            sawBareCR = true
                        }
                        if byte == quote { sawQuote = true }
                        j += 1
                    }
                    if j >= end, !final { return .success((.needMore, 0, 0, [])) }
                    if j == end - 1, bytes[j] == 13, !final { return .success((.needMore, 0, 0, [])) }
                    if sawQuote {
                        problems.append("a quote inside an unquoted field \(fieldEnds.count + 1) (quote the whole field and double the quote)")
                    }
                    if sawBareCR {
                        problems.append("a carriage return (CR) without a line feed in field \(fieldEnds.count + 1): lines must end in LF or CRLF, "
                            + "and a line break inside a field must be quoted (save the file with Unix or Windows line ends)")
                    }
                    recordBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                    i = j
                }
                fieldEnds.append(recordBytes.count)
                if i >= end {
                    return .success((.record, i, lines, problems))
                }
                switch bytes[i] {
                case delimiter:
                    i += 1
                    if i >= end {
                        if !final { return .success((.needMore, 0, 0, [])) }
                        fieldEnds.append(recordBytes.count)  // a trailing empty field
                        return .success((.record, i, lines, problems))
                    }
                case 13:
                    return .success((.record, i + 2, lines + 1, problems))  // CRLF
                default:
                    return .success((.record, i + 1, lines + 1, problems))  // LF
                }
            }
        }
    }
}

/// Recognises files that are not UTF-8 text from their first bytes: a CSV or JSON Lines file starts
/// with a field name or `{`, never with a NUL, so a NUL among the first two bytes means UTF-16 (the
/// pattern of NULs says which byte order) or no text at all.
enum TextEncodingSniffer {
    static func notUTF8(_ start: [UInt8]) -> String? {
        let encoding: String
        if start.starts(with: [0xFF, 0xFE, 0, 0]) {
            encoding = "UTF-32 (little-endian, with a byte-order mark)"
        } else if start.starts(with: [0, 0, 0xFE, 0xFF]) {
            encoding = "UTF-32 (big-endian, with a byte-order mark)"
        } else if start.starts(with: [0xFF, 0xFE]) {
            encoding = "UTF-16 (little-endian, with a byte-order mark)"
        } else if start.starts(with: [0xFE, 0xFF]) {
            encoding = "UTF-16 (big-endian, with a byte-order mark)"
        } else if let nul = start.prefix(64).firstIndex(of: 0), nul < 2 {
            // Without a byte-order mark: ASCII as UTF-16 has a NUL in every other byte.
            let head = start.prefix(64)
            let zerosAtOdd = stride(from: 1, to: head.count, by: 2).filter { head[$0] == 0 }.count
            let zerosAtEven = stride(from: 0, to: head.count, by: 2).filter { head[$0] == 0 }.count
            if zerosAtOdd * 4 >= head.count / 2 * 3, zerosAtEven == 0 {
                encoding = "UTF-16 (little-endian, without a byte-order mark)"
            } else if zerosAtEven * 4 >= head.count / 2 * 3, zerosAtOdd == 0 {
                encoding = "UTF-16 (big-endian, without a byte-order mark)"
            } else {
                return "the file is not text: byte \(nul + 1) of line 1 is a NUL (a CSV file is UTF-8 text)"
            }
        } else {
            return nil
        }
        return "the file is \(encoding), not UTF-8: save it as UTF-8"
    }
}
