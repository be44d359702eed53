import Foundation
import Logging
@testable import Postgres
import Testing
import TestSupport

/// `Connection.forEachBatch`: a query read through a server-side cursor, a batch at a time, with its
/// values bound, so that no result is held whole.
@Suite("Cursors")
struct CursorTests {
    @Test func rowsComeInBatchesInOrderWithBoundValues() throws {
        let connection = try Connection(conninfo: try TestCluster.makeDatabase(prefix: "cursor"), logger: .quiet)
        let last = 25
        let label = "it's $1 -- not SQL"
        var sizes: [Int] = []
        var values: [Int] = []
        try connection.transaction { c in
            try c.forEachBatch("SELECT n, \(label)::text AS label FROM generate_series(1, \(last)) AS n ORDER BY n", batchSize: 10) { batch in
                sizes.append(batch.count)
                for row in batch {
                    values.append(try row.decode("n"))
                    #expect(try row.decode("label", as: String.self) == label)
                }
            }
            // Closed when done: the same connection declares the next one freely.
            #expect(try c.query("SELECT count(*)::int AS n FROM pg_cursors WHERE name LIKE 'scorecard_cursor_%'").first!.decode("n", as: Int.self) == 0)
            var none = 0
            try c.forEachBatch("SELECT 1 AS n WHERE false") { _ in none += 1 }
            #expect(none == 0)
        }
        #expect(sizes == [10, 10, 5])
        #expect(values == Array(1...last))
    }

    /// The reader of the rows failed (a full disk, say), not the server: the cursor is closed, and
    /// the transaction goes on.
    @Test func anErrorOfTheBodyClosesTheCursor() throws {
        struct Stop: Error {}
        let connection = try Connection(conninfo: try TestCluster.makeDatabase(prefix: "cursor_body"), logger: .quiet)
        try connection.transaction { c in
            var batches = 0
            #expect(throws: Stop.self) {
                try c.forEachBatch("SELECT n FROM generate_series(1, 30) AS n", batchSize: 10) { _ in
                    batches += 1
                    throw Stop()
                }
            }
            #expect(batches == 1)
            let open = try c.query("SELECT count(*)::int AS n FROM pg_cursors WHERE name LIKE 'scorecard_cursor_%'").first!.decode("n", as: Int.self)
            #expect(open == 0)
        }
    }

    @Test func anErrorInTheQueryIsThrown() throws {
        let connection = try Connection(conninfo: try TestCluster.makeDatabase(prefix: "cursor_error"), logger: .quiet)
        #expect(throws: PostgresError.self) {
            try connection.transaction { c in
                try c.forEachBatch("SELECT 1 / (n - 15) AS q FROM generate_series(1, 30) AS n", batchSize: 10) { _ in }
            }
        }
    }
}
