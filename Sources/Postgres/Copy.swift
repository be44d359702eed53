import CLibPQ
import Foundation

extension Connection {
    /// Streams rows into `COPY ... FROM STDIN` and returns the server's row count.
    ///
    /// `body` writes the data through a `CopyWriter`, which sends it in large chunks
    /// (`PQputCopyData`). When `body` throws, the copy is aborted (`PQputCopyEnd` with an
    /// error message), so the server discards every row, and the error is rethrown. When the
    /// server rejects the data, its error is thrown after the stream ends; either way the
    /// connection stays usable. See https://www.postgresql.org/docs/current/libpq-copy.html
    @discardableResult
    public func copyFrom(_ sql: SQL, _ body: (CopyWriter) throws -> Void) throws -> Int {
        try Interruption.checkpoint()
        let started = try startCopy(sql)
        guard PQresultStatus(started) == PGRES_COPY_IN else {
            defer { PQclear(started) }
            if PQresultStatus(started) == PGRES_FATAL_ERROR {
                throw markingLostConnection(PostgresError(kind: .copy, result: started, query: sql.text))
            }
            drainResults()
            throw PostgresError(kind: .copy, message: "the statement did not start COPY FROM STDIN", query: sql.text)
        }
        PQclear(started)
        let writer = CopyWriter(connection: self, query: sql.text)
        // Non-blocking while streaming: the server works through one chunk while we prepare
        // the next, instead of the two sides taking turns.
        PQsetnonblocking(handle, 1)
        do {
            try body(writer)
            try writer.flush()
            try writer.waitUntilSent()
            PQsetnonblocking(handle, 0)
        } catch {
            PQsetnonblocking(handle, 0)
            PQputCopyEnd(handle, "aborted by the client")
            drainResults()
            throw error
        }
        guard PQputCopyEnd(handle, nil) == 1 else {
            let error = markingLostConnection(PostgresError(kind: .copy, connection: handle, query: sql.text))
            drainResults()
            throw error
        }
        return try finishCopy(query: sql.text)
    }

    private func startCopy(_ sql: SQL) throws -> OpaquePointer {
        // COPY takes no parameters; the statement is static text.
        precondition(sql.bindings.isEmpty, "COPY statements cannot bind parameters")
        guard let result = PQexec(handle, sql.text) else {
            throw markingLostConnection(PostgresError(kind: .copy, connection: handle, query: sql.text))
        }
        return result
    }

    /// Reads the server's verdict: exactly one final result, then nil.
    private func finishCopy(query: String) throws -> Int {
        var failure: PostgresError?
        var rows = 0
        while let result = PQgetResult(handle) {
            switch PQresultStatus(result) {
            case PGRES_COMMAND_OK:
                rows = Int(String(cString: PQcmdTuples(result))) ?? 0
            case PGRES_COPY_IN:
                // Should not happen after PQputCopyEnd; end it rather than loop forever.
                PQputCopyEnd(handle, "unexpected COPY state")
            default:
                failure = failure ?? PostgresError(kind: .copy, result: result, query: query)
            }
            PQclear(result)
        }
        if let failure { throw Interruption.reason(for: markingLostConnection(failure)) }
        return rows
    }

    func drainResults() {
        while let result = PQgetResult(handle) {
            if PQresultStatus(result) == PGRES_COPY_IN { PQputCopyEnd(handle, "aborted") }
            PQclear(result)
        }
    }
}

/// Buffers COPY data and hands it to libpq in chunks of `chunkSize` bytes.
public final class CopyWriter {
    private unowned let connection: Connection
    private let query: String
    private var buffer: [UInt8] = []
    let chunkSize = 1 << 18

    init(connection: Connection, query: String) {
        self.connection = connection
        self.query = query
        buffer.reserveCapacity(chunkSize + 4096)
    }

    /// Appends raw bytes of the COPY stream.
    public func write(_ bytes: some Collection<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= chunkSize { try flush() }
    }

    public func write(_ text: String) throws {
        try write(text.utf8)
    }

    /// Appends one row in COPY's text format (see `CopyTextRow`); nil is NULL.
    public func writeRow(_ fields: [String?]) throws {
        var row = CopyTextRow()
        for field in fields {
            if let field { row.append(field) } else { row.appendNull() }
        }
        row.finish()
        try write(row)
    }

    /// Hands the buffer to libpq once the previous chunk has gone out, so at most one chunk
    /// waits in libpq's buffer: memory stays bounded and the server is never starved.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        // A stop requested mid-stream ends it here (the copy is aborted), not after the last row.
        try Interruption.checkpoint()
        try waitUntilSent()
        while true {
            let queued = buffer.withUnsafeBufferPointer { pointer in
                pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: pointer.count) {
                    PQputCopyData(connection.handle, $0, Int32(pointer.count))
                }
            }
            if queued == 1 { break }
            if queued == -1 { throw connection.markingLostConnection(PostgresError(kind: .copy, connection: connection.handle, query: query)) }
            try waitForSocket()  // 0: libpq's buffer is full; wait and try again
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Waits until libpq has written everything it holds to the socket.
    func waitUntilSent() throws {
        while true {
            switch PQflush(connection.handle) {
            case 0: return
            case 1: try waitForSocket()
            default: throw connection.markingLostConnection(PostgresError(kind: .copy, connection: connection.handle, query: query))
            }
        }
    }

    /// Blocks until the socket can take more data, reading whatever the server sent meanwhile
    /// (an early error, a notice) so that neither side waits on the other forever.
    private func waitForSocket() throws {
        var descriptor = pollfd(fd: PQsocket(connection.handle), events: Int16(POLLOUT | POLLIN), revents: 0)
        guard poll(&descriptor, 1, -1) >= 0 || errno == EINTR else {
            throw PostgresError(kind: .copy, message: "poll failed: \(String(cString: strerror(errno)))", query: query)
        }
        if descriptor.revents & Int16(POLLIN) != 0, PQconsumeInput(connection.handle) == 0 {
            throw connection.markingLostConnection(PostgresError(kind: .copy, connection: connection.handle, query: query))
        }
    }
}
