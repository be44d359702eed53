import Foundation
import Postgres
@testable import ScorecardKit
import Testing
import TestSupport

/// A database made by the last release upgrades in place: Tests/Fixtures/upgrade/scorecard-0.1.0.sql
/// is a pg_dump (plain, --no-owner) of the scoring fixture loaded twice (one record corrected in
/// between, so record_history has a row), scored for 2024 and 2025 and analysed for sensitivity by
/// scorecard 0.1.0.
@Suite("Upgrading a database made by scorecard 0.1.0")
struct UpgradeTests {
    @Test func aReleaseDatabaseUpgradesInPlace() throws {
        let upgraded = try TestCluster.makeDatabase(prefix: "upgrade")
        try restore(ProjectFiles.url("Tests/Fixtures/upgrade/scorecard-0.1.0.sql"), into: upgraded)
        let connection = try Connection(conninfo: upgraded, logger: .quiet)
        let before = try DatabaseContent.exact(connection)
        #expect(try connection.query("SELECT max(version) AS v FROM scorecard.schema_migrations").first!.decode("v", as: Int.self) == 5)

        let outcome = try Migrator(logger: .quiet).migrate(connection)
        #expect(outcome.applied == ["0006_schema_objects.sql", "0007_locks.sql", "0008_editions.sql", "0009_interrupted_runs.sql",
                                   "0010_events_measures_groups.sql", "0011_restricted_names.sql", "0012_reference_states.sql",
                                   "0013_scoring_v2.sql", "0014_edition_folders.sql", "0015_evidence_source_facts.sql"])
        #expect(outcome.objectsRecreated)

        // Every row is as it was; only the migration ledgers grew.
        var after = try DatabaseContent.exact(connection)
        #expect(after.removeValue(forKey: "schema_objects") != nil)
        #expect(after.removeValue(forKey: "locks") != nil)
        // New, and written from the list embedded in scorecard (ReferenceListsTests).
        #expect(after.removeValue(forKey: "un_member_states")?.hasPrefix("195:") == true)
        // 0015 kept what the sources of each record 0.1.0 loaded are: one row per record.
        let records = try connection.query("SELECT count(*) AS n FROM scorecard.evidence").first!.decode("n", as: Int.self)
        #expect(records > 0)
        #expect(after.removeValue(forKey: "evidence_source_facts")?.hasPrefix("\(records):") == true)
        for table in ["editions", "edition_files", "edition_file_parts", "edition_revisions", "edition_restatements", "restatement_causes"] {
            #expect(after.removeValue(forKey: table) == "0:", "\(table) is new and empty")
        }
        // load_batches gained the second clock, filled from each batch's load day.
        #expect(try connection.query("SELECT count(*) AS n FROM scorecard.load_batches WHERE recorded_on IS DISTINCT FROM (loaded_at AT TIME ZONE 'UTC')::date")
            .first!.decode("n", as: Int.self) == 0)
        after["load_batches"] = try DatabaseContent.exact(connection, only: ["load_batches"], without: ["recorded_on"])["load_batches"]
        // 0010 added columns to evidence and evidence_types, NULL in every old row.
        after["evidence"] = try DatabaseContent.exact(connection, only: ["evidence"], without: ["event_id", "ends", "ends_on", "ends_precision"])["evidence"]
        after["evidence_types"] = try DatabaseContent.exact(connection, only: ["evidence_types"],
                                                            without: ["measure", "actor_kinds", "counterpart_kinds"])["evidence_types"]
        #expect(try connection.query("SELECT count(*) AS n FROM scorecard.evidence WHERE event_id IS NOT NULL OR ends IS NOT NULL OR ends_on IS NOT NULL")
            .first!.decode("n", as: Int.self) == 0)
        after["indicator_contributions"] = try DatabaseContent.exact(connection, only: ["indicator_contributions"],
                                                                     without: ["event_id", "counts"])["indicator_contributions"]
        after["actor_scores"] = try DatabaseContent.exact(connection, only: ["actor_scores"],
                                                          without: ["events", "group_id", "change_restated", "change_time", "change_conduct"])["actor_scores"]
        after["score_runs"] = try DatabaseContent.exact(connection, only: ["score_runs"], without: ["conduct_cutoff", "previous_known_run_id", "aged_run_id"])["score_runs"]
        // 0011 added the sensitivity mark to actors and aliases, NULL (public) in every old row.
        for table in ["actors", "actor_aliases"] {
            after[table] = try DatabaseContent.exact(connection, only: [table], without: ["sensitivity"])[table]
            #expect(try connection.query(SQL(unsafeTrusted: "SELECT count(*) AS n FROM scorecard.\(table) WHERE sensitivity IS NOT NULL"))
                .first!.decode("n", as: Int.self) == 0)
        }
        var beforeWithoutLedger = before, afterWithoutLedger = after
        beforeWithoutLedger["schema_migrations"] = nil
        afterWithoutLedger["schema_migrations"] = nil
        #expect(afterWithoutLedger == beforeWithoutLedger)

        // Every object is the one a new database gets from the same files.
        let fresh = try migratedDatabase("upgrade-fresh")
        #expect(try objectCatalogue(connection) == objectCatalogue(fresh))

        // Old stored definitions (camelCase) read in the one shape.
        let applies = try connection.query("SELECT count(*) AS n FROM scorecard.methodology_indicators WHERE cardinality(applies_to) > 0")
        #expect(try applies.first!.decode("n", as: Int.self) > 0)

        // Scoring again computes each period once (the engine digest covers the rules, and methodology
        // v2's rules changed them: events, measures, groups, no face without conduct), as new runs
        // beside 0.1.0's, which stay as they were; a second time, nothing.
        let engine = ScoringEngine(connection: connection, logger: .quiet)
        let first = try engine.score(try fixtureMethodology(), periods: .list(["2024", "2025"]), asOf: .fixtureAsOf)
        #expect(first.allSatisfy { $0.computed })
        let second = try engine.score(try fixtureMethodology(), periods: .list(["2024", "2025"]), asOf: .fixtureAsOf)
        #expect(second.allSatisfy { !$0.computed })
        for summary in first {
            let engines = try connection.query("""
                SELECT count(DISTINCT engine_sha256) AS engines, count(*) AS runs FROM scorecard.score_runs
                WHERE period = \(summary.period.description) AND basis = 'as_published'
                """).first!
            #expect(try engines.decode("engines", as: Int.self) == 2, "\(summary.period): 0.1.0's run and the new engine's")
        }
        // The new runs use the methodology version 0.1.0 stored (its camelCase definition): a report reads it.
        let run = try #require(try ScoreRuns.published(connection, methodology: try fixtureMethodology(), period: "2024"))
        #expect(run.id == first[0].runID)
        #expect(try ReportModel.load(connection, run: run).methodology.indicators.allSatisfy { !$0.appliesTo.isEmpty })
        #expect(try Migrator(logger: .quiet).migrate(connection).objectsRecreated == false)
    }

    @Test func anEditedObjectFileIsRecreatedAndARemovedOneDropped() throws {
        let connection = try migratedDatabase("objects-edit")
        var objects = Migrator.embeddedObjects
        let index = try #require(objects.firstIndex { $0.file.hasSuffix("10_scheduled_runs.sql") })
        objects[index] = Migrator.ObjectFile(file: objects[index].file, sql: objects[index].sql + "\nCREATE VIEW scorecard.probe AS SELECT 1 AS one;\n")
        let edited = Migrator(migrations: Migrator.embeddedMigrations, objects: objects, logger: .quiet)
        #expect(try !edited.objectsAreCurrent(connection))
        #expect(try edited.migrate(connection).objectsRecreated)
        #expect(try connection.query("SELECT one FROM scorecard.probe").first!.decode("one", as: Int.self) == 1)
        // Back to the shipped files: the view that only the edit defined is gone.
        #expect(try Migrator(logger: .quiet).migrate(connection).objectsRecreated)
        #expect(try connection.query("SELECT to_regclass('scorecard.probe') IS NULL AS gone").first!.decode("gone", as: Bool.self))
        // A broken file changes nothing: the transaction rolls back, the old objects stay.
        objects[index] = Migrator.ObjectFile(file: objects[index].file, sql: "CREATE VIEW scorecard.broken AS SELECT 1/0 FROM nowhere;")
        #expect(throws: MigrationError.self) { try Migrator(migrations: Migrator.embeddedMigrations, objects: objects, logger: .quiet).migrate(connection) }
        #expect(try Migrator(logger: .quiet).objectsAreCurrent(connection))
        #expect(try connection.query("SELECT count(*) AS n FROM scorecard.scheduled_runs").first!.decode("n", as: Int.self) == 0)
    }

    @Test func aReadersLongQueryMakesTheRecreationFailNotHang() throws {
        let url = try TestCluster.makeDatabase(prefix: "objects-busy")
        let connection = try Connection(conninfo: url, logger: .quiet)
        try Migrator(logger: .quiet).migrate(connection)
        var objects = Migrator.embeddedObjects
        objects[0] = Migrator.ObjectFile(file: objects[0].file, sql: objects[0].sql + "\n-- edited\n")
        var edited = Migrator(migrations: Migrator.embeddedMigrations, objects: objects, logger: .quiet)
        edited.objectsLockTimeoutSeconds = 1
        let reader = try Connection(conninfo: url, logger: .quiet)
        try reader.transaction { reader in
            _ = try reader.query("SELECT count(*) AS n FROM scorecard.indicator_values")  // holds its table until the end
            #expect(throws: MigrationError.objectsBusy(seconds: 1)) { try edited.migrate(connection) }
        }
        #expect(FailureClassification(MigrationError.objectsBusy(seconds: 1)).exitCode == .temporaryFailure)
        #expect(try Migrator(logger: .quiet).objectsAreCurrent(connection))
        #expect(try edited.migrate(connection).objectsRecreated)  // once the reader is gone
    }

    func fixtureMethodology() throws -> MethodologyFile {
        try MethodologyFile.scoringFixture()
    }

    /// The definition of every view, function, policy and trigger of the schema, and their comments.
    func objectCatalogue(_ connection: Connection) throws -> [String] {
        try connection.query("""
            SELECT 'view ' || c.relname || ': ' || pg_get_viewdef(c.oid) || ' ' || coalesce(obj_description(c.oid, 'pg_class'), '') AS object
            FROM pg_class c WHERE c.relnamespace = 'scorecard'::regnamespace AND c.relkind = 'v'
            UNION ALL
            SELECT 'function ' || p.oid::regprocedure::text || ': ' || pg_get_functiondef(p.oid) || ' ' || coalesce(obj_description(p.oid, 'pg_proc'), '')
            FROM pg_proc p WHERE p.pronamespace = 'scorecard'::regnamespace
            UNION ALL
            SELECT 'policy ' || pol.polname || ' on ' || c.relname || ': ' || coalesce(pg_get_expr(pol.polqual, pol.polrelid), '')
            FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid WHERE c.relnamespace = 'scorecard'::regnamespace
            UNION ALL
            SELECT 'trigger ' || t.tgname || ': ' || pg_get_triggerdef(t.oid)
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = 'scorecard'::regnamespace AND NOT t.tgisinternal
            UNION ALL
            SELECT 'column comment ' || c.relname || '.' || a.attname || ': ' || col_description(c.oid, a.attnum)
            FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
            WHERE c.relnamespace = 'scorecard'::regnamespace AND c.relkind = 'v' AND a.attnum > 0
            ORDER BY 1
            """).map { try $0.decode("object") }
    }

    func restore(_ dump: URL, into url: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(PostgresBinaries.locateClient("psql"), "psql is not installed"))
        process.arguments = ["--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--file=\(dump.path)", url]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "psql failed: \(message)")
    }
}
