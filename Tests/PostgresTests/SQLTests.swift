import Foundation
import TestSupport
import Logging
import Postgres
import Testing

@Suite("SQL interpolation (no server)")
struct SQLTests {
    @Test func interpolatedValuesBecomeParameters() {
        let id = "x'; DROP TABLE t; --"
        let limit = 5
        let sql: SQL = "SELECT * FROM t WHERE id = \(id) LIMIT \(limit)"
        #expect(sql.text == "SELECT * FROM t WHERE id = $1 LIMIT $2")
        #expect(sql.bindings.map(\.value) == [id, "5"])
        #expect(!sql.description.contains("DROP"))
    }

    @Test func optionalNilIsNull() {
        let missing: String? = nil
        let sql: SQL = "SELECT \(missing)"
        #expect(sql.bindings.count == 1)
        #expect(sql.bindings[0].value == nil)
    }

    @Test func identifiersAreQuoted() {
        let sql: SQL = "CREATE ROLE \(identifier: "a\"b")"
        #expect(sql.text == "CREATE ROLE \"a\"\"b\"")
        #expect(sql.bindings.isEmpty)
    }

    @Test func fragmentsAreRenumbered() {
        let filter: SQL = "kind = \("state") AND note <> '$1 literal'"
        let sql: SQL = "SELECT * FROM actors WHERE id = \("gb") AND \(filter)"
        #expect(sql.text == "SELECT * FROM actors WHERE id = $1 AND kind = $2 AND note <> '$1 literal'")
        #expect(sql.bindings.map(\.value) == ["gb", "state"])
    }

    @Test func stringArraysAreQuotedLiterals() {
        #expect(["a", "b,c", "d\"e", "f\\g"].postgresText == #"{"a","b,c","d\"e","f\\g"}"#)
    }

    @Test func calendarDatesRejectImpossibleDays() {
        #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(iso: "2024-13-01") == nil)
        #expect(CalendarDate(iso: "2024-1-01") == nil)
        let date = CalendarDate(iso: "2024-03-01")!
        #expect(CalendarDate(daysSinceEpoch: date.daysSinceEpoch) == date)
        #expect(date.adding(days: -1).description == "2024-02-29")
    }

    @Test func errorDescriptionsLeaveOutDetail() {
        let error = PostgresError(kind: .query, sqlState: .uniqueViolation, message: "duplicate key value violates unique constraint \"t_pkey\"",
                                  detail: "Key (id)=(secret-victim) already exists.", query: "INSERT INTO t VALUES ($1)")
        #expect(error.description.contains(PostgresError.Code.uniqueViolation.rawValue))
        #expect(error.description.contains("INSERT INTO t VALUES ($1)"))
        #expect(!error.description.contains("secret-victim"))
    }

    @Test func passwordsAreRedactedFromSummaries() {
        #expect(DatabaseLocation.redactingPassword("postgresql://u:s3cret@h/db") == "postgresql://u:***@h/db")
        #expect(DatabaseLocation.redactingPassword("host=h password=s3cret dbname=x") == "host=h password=*** dbname=x")
    }
}

@Suite("Choosing the database (no server)")
struct DatabaseLocationTests {
    let root = URL(fileURLWithPath: "/tmp/embedded-root")

    @Test func anExplicitURLWins() {
        let location = DatabaseLocation.resolve(explicitURL: "postgresql:///a", environment: ["DATABASE_URL": "postgresql:///b", "PGHOST": "h"],
                                                embeddedRoot: root, logger: .quiet)
        #expect(location.conninfo == "postgresql:///a")
        #expect(location.summary == "postgresql:///a (from --database-url)")
    }

    @Test func thenDATABASE_URL() {
        let location = DatabaseLocation.resolve(explicitURL: nil, environment: ["DATABASE_URL": "postgresql://u:secret@h/b", "PGHOST": "h"],
                                                embeddedRoot: root, logger: .quiet)
        #expect(location.conninfo == "postgresql://u:secret@h/b")
        #expect(location.summary == "postgresql://u:***@h/b (from DATABASE_URL)")
    }

    @Test func thenThePGVariablesThroughLibpq() {
        let location = DatabaseLocation.resolve(explicitURL: nil, environment: ["PGSERVICE": "scorecard", "PGUSER": "analyst"],
                                                embeddedRoot: root, logger: .quiet)
        #expect(location.conninfo == "")
        #expect(location.summary == "libpq environment (PGUSER, PGSERVICE)")
    }

    @Test func elseTheEmbeddedCluster() {
        let location = DatabaseLocation.resolve(explicitURL: nil, environment: ["PGPASSWORD": "x"], embeddedRoot: root, logger: .quiet)
        guard case let .embedded(cluster) = location else {
            Issue.record("expected the embedded cluster")
            return
        }
        #expect(cluster.root == root)
        #expect(location.conninfo.hasPrefix("postgresql:///scorecard?host="))
    }
}
