import Foundation
import Logging
import Postgres
import Testing
import TestSupport

/// Integration tests against a real server: the per-run test cluster, one fresh database per suite.
@Suite("Connection against a real server")
struct ConnectionTests {
    let url: String
    let connection: Connection

    init() throws {
        url = try TestCluster.makeDatabase(prefix: "conn")
        connection = try Connection(conninfo: url, logger: Logger.quiet)
    }

    @Test(arguments: [
        "it's", #"back\slash"#, "'; DROP TABLE x; --", "emoji 🕵️‍♀️ and 中文 and עברית", "tab\tnew\nline\r\n",
        String(repeating: "long é ", count: 200_000), "", "\"quoted\"", "$1", "NULL",
    ])
    func hostileValuesRoundTripByteIdentical(value: String) throws {
        let row = try connection.query("SELECT \(value)::text AS v, octet_length(\(value)::text) AS n").first!
        let back = try row.decode("v", as: String.self)
        #expect(Array(back.utf8) == Array(value.utf8))
        #expect(try row.decode("n", as: Int.self) == value.utf8.count)
    }

    /// A user's application_name (URL or PGAPPNAME) is kept; scorecard's is only the fallback.
    @Test func applicationNameIsTheUsersWhenGiven() throws {
        #expect(try connection.query("SHOW application_name").first!.decode("application_name", as: String.self) == "scorecard")
        let named = url.contains("://") ? url + (url.contains("?") ? "&" : "?") + "application_name=notebook" : url + " application_name=notebook"
        let mine = try Connection(conninfo: named, logger: Logger.quiet)
        #expect(try mine.query("SHOW application_name").first!.decode("application_name", as: String.self) == "notebook")
        #expect(connection.option("connect_timeout") == String(Connection.defaultConnectTimeoutSeconds))
        // No statement waits for ever for another session's lock.
        #expect(try connection.query("SHOW lock_timeout").first!.decode("lock_timeout", as: String.self) == "5min")
    }

    /// A server that accepts TCP and never answers: the connection gives up after connect_timeout
    /// (a default when the URL sets none), as "database unavailable", instead of waiting for ever.
    @Test func aSilentServerIsUnavailableNotAHang() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        #expect(bound == 0 && listen(listener, 8) == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        let port = UInt16(bigEndian: address.sin_port)
        let started = Date()
        #expect(throws: PostgresError.self) {
            try Connection(conninfo: "postgresql://bob@127.0.0.1:\(port)/scorecard?connect_timeout=2", logger: Logger.quiet)
        }
        #expect(Date().timeIntervalSince(started) < 8)
        do {
            _ = try Connection(conninfo: "postgresql://bob@127.0.0.1:\(port)/scorecard?connect_timeout=1", logger: Logger.quiet)
        } catch let error as PostgresError {
            #expect(error.isServerUnavailable, "\(error)")
        }
    }

    @Test func hostileValuesStoredVerbatim() throws {
        try connection.execute("CREATE TABLE hostile (v text)")
        let value = "'); DELETE FROM hostile; --"
        try connection.execute("INSERT INTO hostile VALUES (\(value))")
        let rows = try connection.query("SELECT v FROM hostile")
        #expect(rows.count == 1)
        #expect(try rows[0].decode("v", as: String.self) == value)
    }

    @Test func decodesEveryTypeTheProjectUses() throws {
        let row = try connection.query("""
            SELECT 'text'::text AS t, 42::int AS i, 9007199254740993::bigint AS b, 12.50::numeric AS n,
                   true AS yes, false AS no, DATE '2024-02-29' AS d,
                   TIMESTAMPTZ '2024-03-01 12:34:56.789+02' AS ts, '{"b": 1, "a": [true, null]}'::jsonb AS j,
                   ARRAY['a', 'b,c', 'd"e', ''] AS arr, ARRAY[]::text[] AS empty,
                   NULL::text AS null_text, NULL::int AS null_int, NULL::date AS null_date,
                   0.1::float8 AS f
            """).first!
        #expect(try row.decode("t", as: String.self) == "text")
        #expect(try row.decode("i", as: Int.self) == 42)
        #expect(try row.decode("b", as: Int64.self) == 9_007_199_254_740_993)
        #expect(try row.decode("n", as: Decimal.self) == Decimal(string: "12.50"))
        #expect(try row.decode("yes", as: Bool.self) == true)
        #expect(try row.decode("no", as: Bool.self) == false)
        #expect(try row.decode("d", as: CalendarDate.self) == CalendarDate(year: 2024, month: 2, day: 29))
        let expected = Date(timeIntervalSince1970: 1_709_289_296.789)
        #expect(abs(try row.decode("ts", as: Date.self).timeIntervalSince(expected)) < 0.0005)
        #expect(try row.decode("j", as: JSONB.self).json == #"{"a": [true, null], "b": 1}"#)
        #expect(try row.decode("arr", as: [String].self) == ["a", "b,c", "d\"e", ""])
        #expect(try row.decode("empty", as: [String].self) == [])
        #expect(try row.decode("null_text", as: String?.self) == nil)
        #expect(try row.decode("null_int", as: Int?.self) == nil)
        #expect(try row.decode("null_date", as: CalendarDate?.self) == nil)
        #expect(try row.decode("f", as: Double.self) == 0.1)
        #expect(throws: PostgresError.self) { try row.decode("null_int", as: Int.self) }
    }

    @Test func bindsEveryTypeTheProjectUses() throws {
        let date = CalendarDate(year: 1999, month: 12, day: 31)!
        let instant = Date(timeIntervalSince1970: 1_700_000_000.25)
        let none: Int? = nil
        let row = try connection.query("""
            SELECT \(date) + 1 AS next_day, \(instant) AS ts, \(Decimal(string: "3.14159")!) * 2 AS tau,
                   \(["x", "y z", "{brace}"]) AS arr, \(JSONB(json: #"{"k": "v"}"#)) ->> 'k' AS k,
                   \(true) AND \(false) AS both, \(none)::int IS NULL AS missing, \(Int64.max) AS big
            """).first!
        #expect(try row.decode("next_day", as: CalendarDate.self).description == "2000-01-01")
        #expect(abs(try row.decode("ts", as: Date.self).timeIntervalSince(instant)) < 0.0005)
        #expect(try row.decode("tau", as: Decimal.self) == Decimal(string: "6.28318"))
        #expect(try row.decode("arr", as: [String].self) == ["x", "y z", "{brace}"])
        #expect(try row.decode("k", as: String.self) == "v")
        #expect(try row.decode("both", as: Bool.self) == false)
        #expect(try row.decode("missing", as: Bool.self) == true)
        #expect(try row.decode("big", as: Int64.self) == Int64.max)
    }

    @Test func transactionRollsBackWhenTheBodyThrows() throws {
        try connection.execute("CREATE TABLE tx (id int PRIMARY KEY)")
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try connection.transaction { connection in
                try connection.execute("INSERT INTO tx VALUES (1)")
                throw Boom()
            }
        }
        #expect(try connection.query("SELECT count(*) AS n FROM tx").first!.decode("n", as: Int.self) == 0)
        #expect(!connection.isInTransaction)
        _ = try connection.transaction { try $0.execute("INSERT INTO tx VALUES (2)") }
        #expect(try connection.query("SELECT count(*) AS n FROM tx").first!.decode("n", as: Int.self) == 1)
    }

    @Test func transactionRollsBackWhenAStatementFails() throws {
        try connection.execute("CREATE TABLE tx2 (id int PRIMARY KEY)")
        #expect(throws: PostgresError.self) {
            try connection.transaction { connection in
                try connection.execute("INSERT INTO tx2 VALUES (1)")
                try connection.execute("INSERT INTO tx2 VALUES (1)")
            }
        }
        #expect(try connection.query("SELECT count(*) AS n FROM tx2").first!.decode("n", as: Int.self) == 0)
    }

    @Test func uniqueViolationSurfacesSQLStateWithoutValues() throws {
        try connection.execute("CREATE TABLE uniq (id text PRIMARY KEY)")
        let secret = "victim-name-restricted"
        try connection.execute("INSERT INTO uniq VALUES (\(secret))")
        do {
            try connection.execute("INSERT INTO uniq VALUES (\(secret))")
            Issue.record("expected a unique violation")
        } catch let error as PostgresError {
            #expect(error.sqlState == .uniqueViolation)
            #expect(error.kind == .query)
            #expect(error.query == "INSERT INTO uniq VALUES ($1)")
            #expect(error.detail?.contains(secret) == true)  // available to code that needs it…
            #expect(!error.description.contains(secret))      // …but never printed
        }
    }

    @Test func syntaxErrorCarriesPosition() throws {
        do {
            try connection.execute("SELECT FROM WHERE")
            Issue.record("expected a syntax error")
        } catch let error as PostgresError {
            #expect(error.sqlState == .syntaxError)
            #expect(error.position != nil)
        }
    }

    @Test func copiesOneHundredThousandRows() throws {
        try connection.execute("CREATE TABLE copied (n int, label text)")
        let count = try connection.copyFrom("COPY copied (n, label) FROM STDIN") { writer in
            for n in 0..<100_000 {
                try writer.writeRow([String(n), n % 7 == 0 ? nil : "row\t\(n)\n\\"])
            }
        }
        #expect(count == 100_000)
        let row = try connection.query("""
            SELECT count(*) AS n, sum(n) AS total, count(label) AS labelled,
                   bool_and(label = 'row' || chr(9) || n || chr(10) || '\\') AS exact
            FROM copied
            """).first!
        #expect(try row.decode("n", as: Int.self) == 100_000)
        #expect(try row.decode("total", as: Int.self) == 4_999_950_000)
        #expect(try row.decode("labelled", as: Int.self) == 100_000 - 14_286)
        #expect(try row.decode("exact", as: Bool.self))
    }

    @Test func copyRejectedMidStreamCommitsNothingAndLeavesConnectionUsable() throws {
        try connection.execute("CREATE TABLE rejected (n int)")
        do {
            try connection.copyFrom("COPY rejected (n) FROM STDIN") { writer in
                for n in 0..<50_000 { try writer.writeRow([n == 40_000 ? "not a number" : String(n)]) }
            }
            Issue.record("expected the server to reject the COPY")
        } catch let error as PostgresError {
            #expect(error.kind == .copy)
            #expect(error.sqlState == .invalidTextRepresentation)
        }
        #expect(try connection.query("SELECT count(*) AS n FROM rejected").first!.decode("n", as: Int.self) == 0)
        #expect(try connection.query("SELECT 1 AS one").first!.decode("one", as: Int.self) == 1)
    }

    @Test func copyAbortedByTheClientCommitsNothing() throws {
        try connection.execute("CREATE TABLE aborted (n int)")
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try connection.copyFrom("COPY aborted (n) FROM STDIN") { writer in
                for n in 0..<1000 { try writer.writeRow([String(n)]) }
                throw Stop()
            }
        }
        #expect(try connection.query("SELECT count(*) AS n FROM aborted").first!.decode("n", as: Int.self) == 0)
    }

    @Test func advisoryLocksExcludeOtherSessions() throws {
        // Advisory locks are per database: the other session must use the same one.
        let other = try Connection(conninfo: url, logger: Logger.quiet)
        let key: Int64 = 424_242
        let heldElsewhere = try connection.withAdvisoryLock(key) { try other.tryAdvisoryLock(key) }
        #expect(heldElsewhere == false)
        try connection.withAdvisoryLock(key) { () -> Void in
            #expect(throws: AdvisoryLockBusy.self) { try other.withAdvisoryLock(key, wait: false) {} }
        }
        #expect(try other.tryAdvisoryLock(key) == true)
        try other.advisoryUnlock(key)
    }

    @Test func noticesGoToTheLoggerNotStderr() throws {
        // libpq's default notice processor prints on stderr; ours routes to the logger.
        let logs = CapturedLogs()
        let logged = try Connection(conninfo: try TestCluster.makeDatabase(prefix: "notice"), logger: logs.logger())
        try logged.executeUnsafeTrustedScript("DO $$ BEGIN RAISE NOTICE 'hello from the server'; RAISE WARNING 'careful'; END $$")
        #expect(logs.messages.contains("server: hello from the server"))
        #expect(logs.messages.contains("server: careful"))
    }

    @Test func connectionFailureIsDistinctFromQueryFailure() throws {
        do {
            _ = try Connection(conninfo: "postgresql:///nodb?host=/nonexistent-socket-dir", logger: Logger.quiet)
            Issue.record("expected a connection failure")
        } catch let error as PostgresError {
            #expect(error.kind == .connection)
        }
    }
}
