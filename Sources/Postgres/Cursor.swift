import CLibPQ

extension Connection {
    /// Runs a query through a server-side cursor and hands its rows to `body` a batch at a time, so
    /// that a result of millions of rows is never held whole, here or in libpq (which otherwise
    /// buffers a whole result before returning it). The query's values stay bound parameters
    /// (`DECLARE … CURSOR FOR` takes them like the query would); each `FETCH` result is freed
    /// before the next is read.
    ///
    /// A cursor lives in a transaction: call this inside one (it sees that transaction's snapshot).
    public func forEachBatch(_ query: SQL, batchSize: Int = 10_000, _ body: (QueryResult) throws -> Void) throws {
        precondition(isInTransaction, "a cursor lives in a transaction: call forEachBatch inside one")
        precondition(batchSize > 0, "a batch has at least one row")
        cursorCount += 1
        let name = "scorecard_cursor_\(cursorCount)"
        try self.query("DECLARE \(identifier: name) NO SCROLL CURSOR FOR \(query)")
        // The count of a FETCH cannot be bound; it is an integer from code.
        let fetch = SQL(unsafeTrusted: "FETCH FORWARD \(batchSize) FROM \(SQL.quoteIdentifier(name))")
        do {
            while true {
                let batch = try self.query(fetch)
                if batch.isEmpty { break }
                try body(batch)
                if batch.count < batchSize { break }
            }
        } catch {
            // The caller's transaction may go on (its error was not the server's): leave no cursor open in it.
            if isHealthy, PQtransactionStatus(handle) == PQTRANS_INTRANS { _ = try? self.query("CLOSE \(identifier: name)") }
            throw error
        }
        try self.query("CLOSE \(identifier: name)")
    }
}
