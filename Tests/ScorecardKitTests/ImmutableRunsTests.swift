import Foundation
import Logging
import Postgres
import ScorecardKit
import Testing
import TestSupport

/// A published score run is never changed: the database itself refuses UPDATE, DELETE and
/// TRUNCATE of the runs, their results and the methodology versions they used, even from the
/// owner of the tables; and scoring keeps working, since it only ever inserts.
@Suite("Immutable score runs")
struct ImmutableRunsTests {
    static let immutableTables = ["score_runs", "indicator_values", "indicator_contributions", "pillar_scores",
                                  "actor_scores", "restatements", "sensitivity_results", "methodologies"]

    static let editionTables = ["editions", "edition_files", "edition_revisions", "edition_restatements", "restatement_causes"]

    @Test func updateDeleteAndTruncateOfAnEditionFail() throws {
        let connection = try scoredDatabase()
        try restate(connection)
        let before = try fingerprint(connection)
        for table in Self.editionTables {
            #expect(try count(connection, "SELECT count(*) AS n FROM scorecard.\(table)") > 0, "\(table) is empty")
            try expectEveryChangeRefused(table, connection, because: "a published edition, its files and its restatements never change",
                                         hint: "recorded as a restatement")
        }
        #expect(try fingerprint(connection) == before)
    }

    /// A corrected record (beta-misuse's severity), loaded, scored and published: the editions of
    /// 2024 and 2025 get a revision, restatements and causes.
    func restate(_ connection: Connection) throws {
        let fixture = try DatasetFixture(copying: "Tests/Fixtures/scoring/data")
        try fixture.replace("evidence.csv", "2024-01,2024-02-10,,,4,attributed", with: "2024-01,2024-02-10,,,2,attributed")
        try fixture.loader().load(connection: connection)
        let methodology = try MethodologyFile.scoringFixture()
        let runs = try ScoringEngine(connection: connection, logger: .quiet).score(methodology, periods: .all, asOf: .fixtureAsOf)
        let outcome = try EditionPublisher(connection: connection, logger: .quiet)
            .publish(methodology, scored: runs, asOf: .fixtureAsOf, options: .init(edition: EditionOptions(formats: [.text]), filesForEveryPeriod: true, sensitivity: nil))
        #expect(outcome.published.isEmpty && !outcome.revisions.isEmpty)
    }

    @Test func updateDeleteAndTruncateOfAScoredRunFail() throws {
        let connection = try scoredDatabase()
        let before = try fingerprint(connection)
        for table in Self.immutableTables {
            try expectEveryChangeRefused(table, connection, because: "published score runs, their results and the methodology versions they used are immutable",
                                         hint: "score again")
        }
        // Even a statement that matches no row is refused, and inside a transaction nothing changes.
        #expect(throws: PostgresError.self) { try connection.execute("DELETE FROM scorecard.score_runs WHERE false") }
        #expect(throws: PostgresError.self) {
            try connection.transaction { try $0.execute("UPDATE scorecard.actor_scores SET grade = 'A' WHERE run_id = (SELECT min(id) FROM scorecard.score_runs)") }
        }
        #expect(try fingerprint(connection) == before)
    }

    @Test func scoringStillOnlyInserts() throws {
        let connection = try scoredDatabase()
        let methodology = try MethodologyFile.scoringFixture()
        let engine = ScoringEngine(connection: connection, logger: .quiet)
        // Identical inputs reuse the runs.
        let again = try engine.score(methodology, periods: .all, asOf: .fixtureAsOf)
        #expect(again.allSatisfy { !$0.computed })
        // A changed dataset gives new runs beside the old ones, and a sensitivity analysis adds its rows.
        let fixture = try DatasetFixture(copying: "Tests/Fixtures/scoring/data")
        try fixture.replace("evidence.csv", "Researchers attribute misuse to Beta.", with: "Researchers attribute misuse to Beta (again).")
        try fixture.loader().load(connection: connection)
        let runs = try engine.score(methodology, periods: .all, asOf: .fixtureAsOf)
        #expect(runs.allSatisfy { $0.computed })
        _ = try SensitivityAnalysis(connection: connection).runAndStore(runID: runs.last!.runID, methodology: methodology.methodology, samples: 50, seed: 2)
        // Twice: 2024 and 2025 as published, 2024 restated (gamma-misuse-late was published in 2025), and
        // the split of 2025's change from 2024 (2024 with 2025's knowledge, and 2025 aged).
        #expect(try count(connection, "SELECT count(*) AS n FROM scorecard.score_runs") == 10)
    }

    /// UPDATE, DELETE and TRUNCATE of `table` each fail with restrict_violation, this reason and hint.
    func expectEveryChangeRefused(_ table: String, _ connection: Connection, because reason: String, hint: String) throws {
        let column = try firstColumn(of: table, connection)
        let statements: [SQL] = [
            "UPDATE scorecard.\(identifier: table) SET \(identifier: column) = \(identifier: column)",
            "DELETE FROM scorecard.\(identifier: table)",
            "TRUNCATE scorecard.\(identifier: table) CASCADE",
        ]
        for (statement, operation) in zip(statements, ["UPDATE", "DELETE", "TRUNCATE"]) {
            let error = #expect(throws: PostgresError.self, "\(statement) was allowed") {
                try connection.execute(statement)
            }
            #expect(error?.sqlState == .restrictViolation, "\(statement): \(String(describing: error))")
            #expect(error?.message == "\(operation) on scorecard.\(table) is refused: \(reason)")
            #expect(error?.hint?.contains(hint) == true, "\(String(describing: error?.hint))")
        }
    }

    func scoredDatabase() throws -> Connection {
        let connection = try migratedDatabase("immutable")
        try DatasetFixture(copying: "Tests/Fixtures/scoring/data").loader().load(connection: connection)
        let methodology = try MethodologyFile.scoringFixture()
        let runs = try ScoringEngine(connection: connection, logger: .quiet).score(methodology, periods: .all, asOf: .fixtureAsOf)
        #expect(runs.count == 2)  // 2024 (the first evidence) and 2025
        _ = try SensitivityAnalysis(connection: connection).runAndStore(runID: runs.last!.runID, methodology: methodology.methodology, samples: 50, seed: 1)
        let editions = try EditionPublisher(connection: connection, logger: .quiet)
            .publish(methodology, scored: runs, asOf: .fixtureAsOf, options: .init(edition: EditionOptions(formats: [.text]), filesForEveryPeriod: true, sensitivity: nil))
        #expect(editions.published.map(\.period) == ["2024", "2025"])
        // scorecard.restatements is no longer written (editions replaced it), but stays immutable:
        // one row as earlier versions wrote them, so the refusal is tested on a table with rows.
        try connection.execute("""
            INSERT INTO scorecard.restatements (run_id, restated_run_id, actor_id, period, original_combined, restated_combined, evidence_ids)
            VALUES (\(runs[0].runID), \(runs[0].knownRunID), 'gamma', '2024', 50, 45, '{gamma-misuse-late}')
            """)
        for table in Self.immutableTables {
            #expect(try count(connection, "SELECT count(*) AS n FROM scorecard.\(table)") > 0, "\(table) is empty")
        }
        return connection
    }

    func firstColumn(of table: String, _ connection: Connection) throws -> String {
        try connection.query("""
            SELECT attname FROM pg_attribute
            WHERE attrelid = \("scorecard." + table)::regclass AND attnum > 0 AND attidentity = '' AND NOT attisdropped
            ORDER BY attnum LIMIT 1
            """).first!.decode("attname", as: String.self)
    }

    func fingerprint(_ connection: Connection) throws -> [String: String] {
        try DatabaseContent.exact(connection, only: Self.immutableTables)
    }
}
