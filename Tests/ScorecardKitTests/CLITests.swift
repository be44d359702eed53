import Foundation
import Postgres
import ScorecardKit
import Testing
import TestSupport

/// The built binary, run as a user or cron would: exit codes, messages, help.
@Suite("Command line")
struct CLITests {
    @Test func validDatasetExitsZero() throws {
        let url = try TestCluster.makeDatabase(prefix: "cli")
        let result = try ScorecardProcess.run(["validate", "--database-url", url, ProjectFiles.url("Examples/minimal").path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("valid (22 records in 11 files)"))
    }

    /// Standard error on a full disk: what the command would say there is lost (there is nowhere
    /// left to say it), but the command neither crashes (Foundation's `FileHandle.write` stops the
    /// process with a fatal error, exit 132 and a backtrace) nor changes its exit code: the final
    /// error line, structured and text log lines, warnings.
    @Test func aFullDiskOnStandardErrorLosesTheMessageButNotTheExitCode() throws {
        let coverage = try DatasetFixture(copying: "Tests/Fixtures/scoring/data")
        try coverage.append("evidence_types.csv", "sanction_lifted,Sanction lifted,")  // a warning
        let cases: [(arguments: [String], status: Int32)] = [
            (["validate", "/nonexistent/dataset"], 66),
            (["validate", "/nonexistent/dataset", "--log-format", "json"], 66),
            (["validate", "/nonexistent/dataset", "--log-format", "logfmt"], 66),
            // A fresh database: the migrator logs each migration it applies (at info).
            (["migrate", "--log-level", "info", "--database-url", try TestCluster.makeDatabase(prefix: "cli_stderr")], 0),
            (["migrate", "--log-level", "info", "--log-format", "json", "--database-url", try TestCluster.makeDatabase(prefix: "cli_stderr")], 0),
            (["methodology", "check", ProjectFiles.url("Tests/Fixtures/scoring/methodology.yaml").path, "--dataset", coverage.directory.path], 0),
        ]
        for (arguments, status) in cases {
            let outcome = try ScorecardProcess.run(arguments, standardError: "/dev/full")
            #expect(outcome.status == status, "\(arguments): exit \(outcome.status)")
        }
    }

    @Test func badDataExits65AndListsEveryProblem() throws {
        let url = try TestCluster.makeDatabase(prefix: "cli")
        let fixture = try DatasetFixture()
        try fixture.append("evidence.csv", DatasetValidationTests.evidence(actor: "atlantis", severity: "7"))
        let result = try ScorecardProcess.run(["load", "--database-url", url, fixture.directory.path])
        #expect(result.status == 65)
        #expect(result.stdout == """
            evidence.csv:5: actor_id: unknown actor 'atlantis' (not in actors.csv)
            evidence.csv:5: severity: 7 is outside 1–5

            """)
        #expect(result.stderr.contains("the dataset has 2 problems; nothing was loaded"))
        let check = try Connection(conninfo: url, logger: .quiet)
        #expect(try check.query("SELECT count(*) AS n FROM scorecard.load_batches").first!.decode("n", as: Int.self) == 0)
    }

    @Test func aBrokenDataPackageDescriptorIsShownNotJustCounted() throws {
        let fixture = try DatasetFixture()
        try FileManager.default.removeItem(at: fixture.directory.appendingPathComponent("datapackage.json"))
        try FileManager.default.copyItem(at: ProjectFiles.url("Tests/Fixtures/hostile/datapackage/not-an-object.json"),
                                         to: fixture.directory.appendingPathComponent("datapackage.json"))
        for command in ["validate", "load"] {
            let result = try ScorecardProcess.run([command, "--database-url", "postgresql:///unused?host=/nonexistent", fixture.directory.path])
            #expect(result.status == 65, "\(command): \(result.stderr)")
            #expect(result.stdout.contains("datapackage.json: (file): is not a JSON object"), "\(command): \(result.stdout)")
        }
    }

    @Test func missingInputExits66() throws {
        let result = try ScorecardProcess.run(["validate", "--database-url", "postgresql:///x?host=/nonexistent", "/nonexistent/dataset"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/dataset: no such dataset folder"))
    }

    @Test func unreachableDatabaseExits69() throws {
        let result = try ScorecardProcess.run(["load", "--database-url", "postgresql:///x?host=/nonexistent-socket-dir", ProjectFiles.url("Examples/minimal").path])
        #expect(result.status == 69)
        #expect(result.stderr.hasPrefix("scorecard: database unavailable:"))
        let status = try ScorecardProcess.run(["db", "status", "--database-url", "postgresql:///x?host=/nonexistent-socket-dir"])
        #expect(status.status == 69)
        #expect(status.stdout.contains("answers:  no"))
    }

    @Test func loadTwiceSaysUnchanged() throws {
        let url = try TestCluster.makeDatabase(prefix: "cli")
        let first = try ScorecardProcess.run(["load", "--database-url", url, ProjectFiles.url("Examples/minimal").path])
        #expect(first.status == 0)
        #expect(first.stdout.contains("loaded as batch 1"))
        let second = try ScorecardProcess.run(["load", "--database-url", url, ProjectFiles.url("Examples/minimal").path])
        #expect(second.status == 0)
        #expect(second.stdout.contains("unchanged"))
        #expect(second.stdout.contains("nothing written"))
        let quiet = try ScorecardProcess.run(["load", "--quiet", "--database-url", url, ProjectFiles.url("Examples/minimal").path])
        #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty)
    }

    @Test func helpNamesEveryCommandAndTheExitCodes() throws {
        let help = try ScorecardProcess.run(["--help"])
        #expect(help.status == 0)
        for command in ["init", "run", "db", "migrate", "validate", "load", "methodology", "score", "explain", "sensitivity",
                        "report", "generate", "grant-reader"] {
            #expect(help.stdout.contains("  \(command)"), "scorecard --help does not list \(command)")
        }
        #expect(help.stdout.contains("65 bad data"))
        let db = try ScorecardProcess.run(["db", "--help"])
        for command in ["start", "stop", "status", "url", "psql"] { #expect(db.stdout.contains("  \(command)")) }
        let validate = try ScorecardProcess.run(["validate", "--help"])
        #expect(validate.stdout.contains("file:line: field: reason"))
        // Help wraps at 80 columns: compare with the line breaks taken out.
        let run = try ScorecardProcess.run(["run", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for text in ["--workspace <dir>", "--quiet", "--log-format <format>", "65 bad data", "69 database unavailable",
                     "73 output not writable", "75 another run holds the lock", "78 bad configuration"] {
            #expect(run.contains(text), "scorecard run --help does not mention \(text)")
        }
    }

    @Test func dbPsqlOpensTheDatabaseInUse() throws {
        let url = try TestCluster.makeDatabase(prefix: "psql")
        #expect(try ScorecardProcess.run(["migrate", "--database-url", url]).status == 0)
        let psql = try ScorecardProcess.run(["db", "psql", "--database-url", url, "--", "-XAtc", "SELECT count(*) FROM scorecard.schema_migrations"])
        #expect(psql.status == 0, "\(psql.stderr)")
        let applied = try Connection(conninfo: url, logger: .quiet).query("SELECT count(*) AS n FROM scorecard.schema_migrations").first!.decode("n", as: Int.self)
        #expect(psql.stdout == "\(applied)\n")
    }

    @Test func generateIsDeterministicAndValid() throws {
        let a = FileManager.default.temporaryDirectory.appendingPathComponent("gen-\(UUID().uuidString)")
        let b = FileManager.default.temporaryDirectory.appendingPathComponent("gen-\(UUID().uuidString)")
        #expect(try ScorecardProcess.run(["generate", "--actors", "30", "--evidence", "500", "--seed", "9", a.path]).status == 0)
        #expect(try ScorecardProcess.run(["generate", "--actors", "30", "--evidence", "500", "--seed", "9", b.path]).status == 0)
        for file in try FileManager.default.contentsOfDirectory(atPath: a.path) {
            #expect(FileManager.default.contents(atPath: a.appendingPathComponent(file).path) == FileManager.default.contents(atPath: b.appendingPathComponent(file).path), "\(file) differs between two runs")
        }
        let url = try TestCluster.makeDatabase(prefix: "gen")
        // Generated data are dated up to the generator's reference date: load them as of that day.
        let load = try ScorecardProcess.run(["load", "--database-url", url, "--as-of", SyntheticDataset.referenceDate.description, a.path])
        #expect(load.status == 0, "\(load.stdout)\(load.stderr)")
        let check = try Connection(conninfo: url, logger: .quiet)
        let shape = try check.query("""
            SELECT count(DISTINCT evidence_type) AS types, count(*) FILTER (WHERE sensitivity = 'restricted') AS restricted,
                   count(*) FILTER (WHERE counterpart_id IS NOT NULL) AS with_counterpart,
                   count(*) FILTER (WHERE occurred_precision <> 'day') AS partial,
                   count(*) FILTER (WHERE cardinality(source_ids) > 1) AS multi_source
            FROM scorecard.evidence
            """).first!
        #expect(try shape.decode("types", as: Int.self) == SyntheticDataset.evidenceTypes.count)
        for column in ["restricted", "with_counterpart", "partial", "multi_source"] {
            #expect(try shape.decode(column, as: Int.self) > 0, "generated data has no \(column) evidence")
        }
    }

    @Test func aLoadKilledMidwayLeavesThePreviousDataAndTheNextLoadSucceeds() throws {
        let url = try TestCluster.makeDatabase(prefix: "kill")
        let small = try ScorecardProcess.run(["load", "--database-url", url, ProjectFiles.url("Examples/minimal").path])
        #expect(small.status == 0)
        let check = try Connection(conninfo: url, logger: .quiet)
        let before = try databaseFingerprint(check)

        let big = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString)")
        #expect(try ScorecardProcess.run(["generate", "--actors", "500", "--evidence", "300000", "--seed", "5", big.path]).status == 0)
        let asOf = ["--as-of", SyntheticDataset.referenceDate.description]  // the generated data's own date
        let load = try ScorecardProcess.start(["load", "--database-url", url] + asOf + [big.path])
        // Kill it once it is streaming evidence (its session shows a COPY in progress). Watched until the
        // load ends, not for a fixed window: on a busy machine (CI, two cores) reaching the COPY can take
        // longer than a few seconds, and that is not what this test is about.
        var sawCopy = false
        let deadline = Date().addingTimeInterval(180)
        while load.isRunning && Date() < deadline {
            let copying = try check.query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY stage_evidence%'").first!.decode("n", as: Int.self)
            if copying > 0 { sawCopy = true; break }
            usleep(20_000)
        }
        #expect(sawCopy, "the load never reached the evidence COPY")
        kill(load.pid, SIGKILL)
        load.waitUntilExit()
        _ = load.outcome()
        #expect(load.terminatingSignal == SIGKILL)
        // The server notices the dead client and rolls its transaction back.
        for _ in 0..<100 {
            let active = try check.query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()").first!.decode("n", as: Int.self)
            if active == 0 { break }
            usleep(100_000)
        }
        #expect(try databaseFingerprint(check) == before)
        let again = try ScorecardProcess.run(["load", "--database-url", url] + asOf + [big.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try check.query("SELECT count(*) AS n FROM scorecard.evidence").first!.decode("n", as: Int.self) == 300_000)
    }
}
