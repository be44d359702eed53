import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

@Suite("Migrations")
struct MigratorTests {
    @Test func migratingTwiceAppliesNothingTheSecondTime() throws {
        let url = try TestCluster.makeDatabase(prefix: "migrate")
        let connection = try Connection(conninfo: url, logger: .quiet)
        let first = try Migrator(logger: .quiet).migrate(connection)
        #expect(first.applied == Migrator.embeddedMigrations.map(\.name))
        let second = try Migrator(logger: .quiet).migrate(connection)
        #expect(second.applied.isEmpty)
        let recorded = try connection.query("SELECT name, sha256 FROM scorecard.schema_migrations ORDER BY version")
        #expect(try recorded.map { try $0.decode("name", as: String.self) } == Migrator.embeddedMigrations.map(\.name))
        #expect(try recorded.map { try $0.decode("sha256", as: String.self) } == Migrator.embeddedMigrations.map(\.sha256))
    }

    @Test func aChangedMigrationStopsTheRun() throws {
        let connection = try Connection(conninfo: try TestCluster.makeDatabase(prefix: "checksum"), logger: .quiet)
        try Migrator(logger: .quiet).migrate(connection)
        var edited = Migrator.embeddedMigrations
        edited[0] = Migrator.Migration(version: edited[0].version, name: edited[0].name, sql: edited[0].sql + "\n-- edited\n")
        #expect(throws: MigrationError.self) { try Migrator(migrations: edited, logger: .quiet).migrate(connection) }
        do {
            try Migrator(migrations: edited, logger: .quiet).migrate(connection)
        } catch let error as MigrationError {
            #expect(error.description.hasPrefix("migration 0001_bookkeeping.sql was changed after it was applied"))
        }
    }

    @Test func aDatabaseFromANewerScorecardIsRefused() throws {
        let connection = try Connection(conninfo: try TestCluster.makeDatabase(prefix: "newer"), logger: .quiet)
        try Migrator(logger: .quiet).migrate(connection)
        let older = Array(Migrator.embeddedMigrations.dropLast())
        #expect(throws: MigrationError.unknownVersion(version: Migrator.embeddedMigrations.last!.version, name: Migrator.embeddedMigrations.last!.name)) {
            try Migrator(migrations: older, logger: .quiet).migrate(connection)
        }
    }

    @Test func aFailingMigrationLeavesNoTrace() throws {
        let connection = try Connection(conninfo: try TestCluster.makeDatabase(prefix: "failing"), logger: .quiet)
        let broken = Migrator.embeddedMigrations + [Migrator.Migration(version: 9999, name: "9999_broken.sql", sql: "CREATE TABLE scorecard.half_done (x int); SELECT 1/0;")]
        #expect(throws: PostgresError.self) { try Migrator(migrations: broken, logger: .quiet).migrate(connection) }
        #expect(try connection.query("SELECT to_regclass('scorecard.half_done') IS NULL AS absent").first!.decode("absent", as: Bool.self))
        #expect(try Migrator(logger: .quiet).pendingMigrations(connection).isEmpty)
    }

    @Test func concurrentMigratesDoNotCollide() async throws {
        let url = try TestCluster.makeDatabase(prefix: "concurrent")
        let outcomes = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let connection = try Connection(conninfo: url, logger: .quiet)
                    return try Migrator(logger: .quiet).migrate(connection).applied
                }
            }
            return try await group.reduce(into: [[String]]()) { $0.append($1) }
        }
        // They take turns step by step (one that starts once the schema exists may apply a later
        // migration between two of another's): every migration is applied exactly once.
        #expect(outcomes.flatMap { $0 }.sorted() == Migrator.embeddedMigrations.map(\.name))
        let connection = try Connection(conninfo: url, logger: .quiet)
        let recorded = try connection.query("SELECT name FROM scorecard.schema_migrations ORDER BY version")
            .map { try $0.decode("name", as: String.self) }
        #expect(recorded == Migrator.embeddedMigrations.map(\.name))
        #expect(try Migrator(logger: .quiet).objectsAreCurrent(connection))
    }
}
