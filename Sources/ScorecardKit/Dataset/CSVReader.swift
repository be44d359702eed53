import Foundation

/// A streaming RFC 4180 reader that works on bytes and remembers the physical line on
/// which each record starts, so every problem can be reported as `file:line`.
///
/// Written here rather than taken from a CSV package because the loader needs what those
/// do not give together: constant memory on files of any size, the start line of records
/// with embedded line breaks, byte-exact fields (CRLF inside quotes kept, invalid UTF-8
/// reported rather than replaced), and every malformation reported with its line.
public final class CSVReader {
    public struct Record {
        /// Physical line (1-based) on which the record starts.
        public let line: Int
        /// The fields' raw bytes, unquoted.
        public let fields: [[UInt8]]
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
    public private(set) var bytesRead = 0
    /// Sees every chunk of the file as read (to hash it in the same pass).
    public var onChunk: ((Data) -> Void)?
    /// Problems found so far in records already returned (bare quotes, text after a closing quote).
    public private(set) var malformations: [Malformation] = []
    let chunkSize: Int

    public init(url: URL, chunkSize: Int = 1 << 20) throws {
        handle = try FileHandle(forReadingFrom: url)
        self.chunkSize = chunkSize
    }

    deinit {
        try? handle.close()
    }

    public func takeMalformations() -> [Malformation] {
        defer { malformations.removeAll() }
        return malformations
    }

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
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }  // UTF-8 byte-order mark
        }
        return true
    }

    @inline(__always) private func peek() throws -> UInt8? {
        if position < buffer.count { return buffer[position] }
        return try refill() ? buffer[position] : nil
    }

    /// The next record, or nil at the end of the file. Throws for an unterminated quote,
    /// after which the rest of the file cannot be read as records.
    public func next() throws -> Record? {
        // Blank lines between records carry no data: skip them.
        while let byte = try peek(), byte == 10 || byte == 13 {
            position += 1
            if byte == 10 { line += 1 }
        }
        guard try peek() != nil else { return nil }
        let start = line
        var fields: [[UInt8]] = []
        fields.reserveCapacity(16)
        var field: [UInt8] = []
        field.reserveCapacity(64)
        var quoted = false
        var fieldStarted = false
        var afterClosingQuote = false
        var reportedJunk = false
        while true {
            guard let byte = try peek() else {
                if quoted {
                    throw Malformation(line: start, reason: "unterminated quoted field (a \" opened on this record is never closed)")
                }
                fields.append(field)
                return Record(line: start, fields: fields)
            }
            position += 1
            if quoted {
                if byte == 34 {  // "
                    if try peek() == 34 {
                        position += 1
                        field.append(34)
                    } else {
                        quoted = false
                        afterClosingQuote = true
                    }
                } else {
                    if byte == 10 { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case 44:  // ,
                fields.append(field)
                field.removeAll(keepingCapacity: true)
                fieldStarted = false
                afterClosingQuote = false
            case 10:
                line += 1
                fields.append(field)
                return Record(line: start, fields: fields)
            case 13 where try peek() == 10:
                break  // the LF that follows ends the record
            case 34 where !fieldStarted:
                quoted = true
                fieldStarted = true
            default:
                if afterClosingQuote, !reportedJunk {
                    malformations.append(Malformation(line: start, reason: "text after a closing quote in field \(fields.count + 1)"))
                    reportedJunk = true
                } else if byte == 34, !reportedJunk {
                    malformations.append(Malformation(line: start, reason: "a quote inside an unquoted field \(fields.count + 1) (quote the whole field and double the quote)"))
                    reportedJunk = true
                }
                fieldStarted = true
                field.append(byte)
            }
        }
    }
}
