import Foundation
import Logging
import Postgres
import ScorecardKit
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// `scorecard run`, as cron runs it: every exit code from a real situation, idempotence, the
/// ledger, the lock, quiet and structured logs.
@Suite("scorecard run")
struct ScheduledRunTests {
    static let newEvidence = "alpha-late-report,alpha,misuse_documented,2025-03-01,2025-03-02,vend,,4,confirmed,public,Alpha misused Vend's spyware again.,src-a"

    func run(_ workspace: TestWorkspace, _ extra: [String] = [], environment: [String: String] = [:]) throws -> ScorecardProcess.Outcome {
        try ScorecardProcess.run(["run", "--workspace", workspace.root.path] + extra, environment: environment)
    }

    func ledger(_ url: String) throws -> [(status: String, exitCode: Int?, message: String?, filesWritten: [String], computed: Int)] {
        let connection = try Connection(conninfo: url, logger: .quiet)
        return try connection.query("""
            SELECT status, exit_code, message, files_written, cardinality(score_runs_computed) AS computed
            FROM scorecard.run_ledger ORDER BY id
            """).map {
            (try $0.decode("status"), try $0.decode("exit_code", as: Int?.self), try $0.decode("message", as: String?.self),
             try $0.decode("files_written"), try $0.decode("computed"))
        }
    }

    @Test func aRunDoesTheWholeJobAndASecondChangesNothing() throws {
        let url = try TestCluster.makeDatabase(prefix: "run_idem")
        let workspace = try TestWorkspace(databaseURL: url)
        defer { workspace.remove() }

        let first = try run(workspace)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("run 1 succeeded in "), "\(first.stdout)")
        #expect(first.stdout.contains("dataset loaded as batch 1"))
        // From 2024 (the first evidence) to 2025 (the last year complete as of 2026-01-01).
        #expect(first.stdout.contains("2 periods scored (2 computed, 0 unchanged)"), "\(first.stdout)")
        #expect(first.stdout.split(separator: "\n").count == 1, "one summary line: \(first.stdout)")
        let files = try workspace.reportFiles()
        // Every period (output.periods: all) as an edition folder in all five formats, with its checksums.
        #expect(workspace.editionFolders() == ["scoring-fixture-2024", "scoring-fixture-2025"], "\(files.keys.sorted())")
        for folder in workspace.editionFolders() {
            for page in ["index.html", "index.json", "index.md", "index.txt", "methodology.html", "style.css", "SHA256SUMS",
                         "actors/alpha.html", "actors/alpha.json", "actors/alpha.md", "actors/alpha.txt", "data/datapackage.json"] {
                #expect(files["\(folder)/\(page)"] != nil, "\(folder)/\(page) missing: \(files.keys.sorted())")
            }
        }
        #expect(files.keys.allSatisfy { $0.contains("/") }, "a file outside the edition folders: \(files.keys.sorted())")

        let connection = try Connection(conninfo: url, logger: .quiet)
        let before = try DatabaseContent.exact(connection, excluding: ["run_ledger"])
        #expect(try connection.query("SELECT count(*) AS n FROM scorecard.sensitivity_results").first!.decode("n", as: Int.self) > 0)
        Thread.sleep(forTimeInterval: 1.1)  // file times have a one-second granularity on some file systems

        let second = try run(workspace)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("dataset unchanged; 2 periods scored (0 computed, 2 unchanged); 0 report files written, \(files.count) unchanged"), "\(second.stdout)")
        #expect(try DatabaseContent.exact(connection, excluding: ["run_ledger"]) == before, "a second run changed rows")
        #expect(try workspace.reportFiles() == files, "a second run rewrote report files")

        let rows = try ledger(url)
        #expect(rows.count == 2)
        #expect(rows[0].status == "succeeded" && rows[0].exitCode == 0 && rows[0].computed == 2 && rows[0].filesWritten.sorted() == files.keys.sorted())
        #expect(rows[1].status == "succeeded" && rows[1].exitCode == 0 && rows[1].computed == 0 && rows[1].filesWritten.isEmpty)
    }

    @Test func quietPrintsNothingOnSuccessAndLogsCanBeJSONOrLogfmt() throws {
        let url = try TestCluster.makeDatabase(prefix: "run_quiet")
        let workspace = try TestWorkspace(databaseURL: url)
        defer { workspace.remove() }

        let quiet = try run(workspace, ["--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty, "stdout: \(quiet.stdout) stderr: \(quiet.stderr)")

        let json = try run(workspace, ["--log-format", "json", "--log-level", "info"])
        #expect(json.status == 0)
        let lines = json.stderr.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
            #expect(object?["level"] != nil && object?["message"] != nil && object?["time"] != nil, "not a JSON log line: \(line)")
        }
        #expect(json.stderr.contains(#""message":"run started""#))

        let logfmt = try run(workspace, ["--log-format", "logfmt", "--log-level", "info"])
        #expect(logfmt.status == 0)
        for line in logfmt.stderr.split(separator: "\n") {
            #expect(line.hasPrefix("time=") && line.contains(" level=") && line.contains(" message="), "not a logfmt line: \(line)")
        }
        #expect(logfmt.stderr.contains(#"message="run started""#))

        // The final error line follows the format too, with the exit code.
        let failed = try ScorecardProcess.run(["run", "--workspace", workspace.root.appendingPathComponent("absent").path, "--log-format", "json"])
        #expect(failed.status == 66)
        let last = try #require(failed.stderr.split(separator: "\n").last)
        let event = try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: String]
        #expect(event?["level"] == "error" && event?["exit_code"] == "66" && event?["message"]?.contains("no such folder") == true, "\(last)")
    }

    @Test func badDataLoadsNothingAndExits65() throws {
        let url = try TestCluster.makeDatabase(prefix: "run_65")
        let workspace = try TestWorkspace(databaseURL: url)
        defer { workspace.remove() }
        #expect(try run(workspace, ["--quiet"]).status == 0)
        let connection = try Connection(conninfo: url, logger: .quiet)
        let before = try DatabaseContent.exact(connection, excluding: ["run_ledger"])
        let reports = workspace.reportContents()

        try workspace.append("broken,alpha,misuse_documented,2025-13-01,2025-03-02,vend,,4,confirmed,public,Bad date.,src-a", to: "evidence.csv")
        let bad = try run(workspace)
        #expect(bad.status == 65, "\(bad.stderr)")
        #expect(bad.stdout.contains("evidence.csv:"), "the problem names the file and line: \(bad.stdout)")
        #expect(bad.stdout.contains("occurred_on"))
        #expect(try DatabaseContent.exact(connection, excluding: ["run_ledger"]) == before)
        #expect(workspace.reportContents() == reports)
        let last = try ledger(url).last!
        #expect(last.status == "failed" && last.exitCode == 65)
    }

    @Test func missingInputsExit66AndBadConfigurationExits78() throws {
        let url = try TestCluster.makeDatabase(prefix: "run_6678")
        let workspace = try TestWorkspace(databaseURL: url)
        defer { workspace.remove() }

        let nowhere = try ScorecardProcess.run(["run", "--workspace", workspace.root.appendingPathComponent("absent").path])
        #expect(nowhere.status == 66)
        #expect(nowhere.stderr.contains("no such folder"))
        let noWorkspace = try ScorecardProcess.run(["run"], in: FileManager.default.temporaryDirectory)
        #expect(noWorkspace.status == 66)
        #expect(noWorkspace.stderr.contains("no workspace"))

        let methodology = workspace.root.appendingPathComponent("methodology.yaml")
        try FileManager.default.moveItem(at: methodology, to: workspace.root.appendingPathComponent("moved.yaml"))
        let noMethodology = try run(workspace)
        #expect(noMethodology.status == 66)
        #expect(noMethodology.stderr.contains("methodology.yaml: no such file"))
        try FileManager.default.moveItem(at: workspace.root.appendingPathComponent("moved.yaml"), to: methodology)

        let config = workspace.root.appendingPathComponent("scorecard.yaml")
        let good = try String(contentsOf: config, encoding: .utf8)
        try (good + "colour: blue\n").write(to: config, atomically: true, encoding: .utf8)
        let unknownKey = try run(workspace)
        #expect(unknownKey.status == 78)
        #expect(unknownKey.stderr.contains(#"scorecard.yaml:13: unknown key "colour"; allowed: dataset, methodology"#), "\(unknownKey.stderr)")

        try good.replacingOccurrences(of: "periods: all\noutput", with: "periods: [2024-Q1]\noutput").write(to: config, atomically: true, encoding: .utf8)
        let wrongPeriod = try run(workspace)
        #expect(wrongPeriod.status == 78)
        #expect(wrongPeriod.stderr.contains("'2024-Q1' is not a period of the methodology"), "\(wrongPeriod.stderr)")

        try good.replacingOccurrences(of: "formats: [text", with: "formats: [pdf, text").write(to: config, atomically: true, encoding: .utf8)
        let wrongFormat = try run(workspace)
        #expect(wrongFormat.status == 78)
        #expect(wrongFormat.stderr.contains("scorecard.yaml:6:"), "\(wrongFormat.stderr)")
        let connection = try Connection(conninfo: url, logger: .quiet)
        #expect(try connection.query("SELECT to_regclass('scorecard.schema_migrations') IS NULL AS untouched").first!.decode("untouched", as: Bool.self),
                "runs refused for their inputs or configuration must not even migrate the database")
    }

    @Test func aStoppedServerExits69WithAClearMessage() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-69-\(UUID().uuidString)/cluster")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        #expect(try ScorecardProcess.run(["db", "start", "--data-dir", root.path]).status == 0)
        let url = try ScorecardProcess.run(["db", "url", "--data-dir", root.path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let workspace = try TestWorkspace(databaseURL: url)
        defer { workspace.remove() }
        #expect(try run(workspace, ["--quiet"]).status == 0)

        #expect(try ScorecardProcess.run(["db", "stop", "--data-dir", root.path]).status == 0)
        let stopped = try run(workspace)
        #expect(stopped.status == 69, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("database unavailable"), "\(stopped.stderr)")
        #expect(stopped.stdout.isEmpty)
    }

    /// Two workspaces pointed at one database would undo each other: the second is refused with 78,
    /// naming the first, and writes nothing; a moved workspace takes its database back on purpose.
    @Test func aSecondWorkspaceOnTheDatabaseIsRefusedWith78() throws {
        let url = try TestCluster.makeDatabase(prefix: "run_two_ws")
        let first = try TestWorkspace(databaseURL: url)
        defer { first.remove() }
        #expect(try run(first, ["--quiet"]).status == 0)
        let connection = try Connection(conninfo: url, logger: .quiet)
        let before = try DatabaseContent.exact(connection)

        let second = try TestWorkspace(databaseURL: url)
        defer { second.remove() }
        try second.append(Self.newEvidence, to: "evidence.csv")
        for command in [["run"], ["publish", "2025"], ["preview"]] {
            let refused = try ScorecardProcess.run(command + ["--workspace", second.root.path])
            #expect(refused.status == 78, "\(command): \(refused.stderr)")
            #expect(refused.stderr.contains("this database holds the workspace \(first.root.path)"), "\(refused.stderr)")
            #expect(refused.stderr.contains("--adopt-database"))
        }
        #expect(try DatabaseContent.exact(connection) == before, "a refused run changed the database")
        #expect(!FileManager.default.fileExists(atPath: second.reports.path))

        let adopted = try run(second, ["--adopt-database"])
        #expect(adopted.status == 0, "\(adopted.stderr)")
        #expect(try run(first).status == 78, "the database now holds the second workspace")
    }

    @Test func unwritableOutputExits73AndLeavesThePreviousReports() throws {
        let url = try TestCluster.makeDatabase(prefix: "run_73")
        let workspace = try TestWorkspace(databaseURL: url)
        defer { workspace.remove() }
        // As of 2025-03-15 only 2024 is complete: its edition is published.
        #expect(try run(workspace, ["--quiet", "--as-of", "2025-03-15"]).status == 0)
        let previous = workspace.reportContents()
        let times = try workspace.reportFiles()

        // As of 2026-01-01 the edition of 2025 is due. The folder becomes unwritable after it is
        // published and rendered, before its first file is written.
        let hold = FailpointHold("write")
        let running = try ScorecardProcess.start(["run", "--workspace", workspace.root.path, "--as-of", "2026-01-01"], environment: hold.environment)
        #expect(hold.waitUntilReached(running))
        let protection = try ReadOnlyFolder(workspace.reports)
        defer { protection.undo() }
        hold.release()
        running.waitUntilExit()
        let outcome = running.outcome()
        #expect(outcome.status == 73, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(workspace.reports.path))
        protection.undo()
        #expect(workspace.reportContents() == previous)
        #expect(try workspace.reportFiles() == times)
        let last = try ledger(url).last!
        #expect(last.status == "failed" && last.exitCode == 73)

        // Writable again: the next run writes the files of the edition published then, as stored.
        let next = try run(workspace, ["--as-of", "2026-01-01"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains("0 editions published") || !next.stdout.contains("edition"), "\(next.stdout)")
        #expect(workspace.reportContents() != previous)
        #expect(workspace.reportContents().keys.contains("scoring-fixture-2025/index.json"))
    }

    @Test func aSecondRunWhileOneHoldsTheLockExits75AndTouchesNothing() throws {
        let url = try TestCluster.makeDatabase(prefix: "run_75")
        let workspace = try TestWorkspace(databaseURL: url)
        defer { workspace.remove() }

        let hold = FailpointHold("load")
        let first = try ScorecardProcess.start(["run", "--workspace", workspace.root.path], environment: hold.environment)
        #expect(hold.waitUntilReached(first))
        let started = Date()
        let second = try run(workspace)
        #expect(second.status == 75, "\(second.stderr)")
        #expect(second.stderr.contains("another scorecard run is in progress"))
        #expect(second.stdout.isEmpty)
        #expect(Date().timeIntervalSince(started) < 10, "the second run must not wait for the first")
        #expect(!FileManager.default.fileExists(atPath: workspace.reports.path), "the refused run wrote reports")
        hold.release()
        first.waitUntilExit()
        #expect(first.outcome().status == 0)
        #expect(try ledger(url).map(\.status) == ["succeeded"], "the refused run left a ledger row")

        // Another workspace on the same database is refused by the database's lock.
        let other = try TestWorkspace(databaseURL: url)
        defer { other.remove() }
        try workspace.append(Self.newEvidence, to: "evidence.csv")  // so that the run scores, and reaches the failpoint
        let holdAgain = FailpointHold("score")
        let third = try ScorecardProcess.start(["run", "--workspace", workspace.root.path], environment: holdAgain.environment)
        #expect(holdAgain.waitUntilReached(third))
        let fourth = try run(other)
        #expect(fourth.status == 75, "\(fourth.stderr)")
        #expect(fourth.stderr.contains("the database's run lock"))
        holdAgain.release()
        third.waitUntilExit()
        #expect(third.outcome().status == 0)
    }

    /// A read-only analyst can neither take nor block the database's run lock: holding the advisory
    /// key that 0.1.0 used changes nothing, and the lock row cannot be locked without UPDATE.
    @Test func aReaderCannotStallRuns() throws {
        let url = try TestCluster.makeDatabase(prefix: "run_reader")
        let workspace = try TestWorkspace(databaseURL: url)
        defer { workspace.remove() }
        #expect(try run(workspace).status == 0)
        let reader = ReaderRole(prefix: "run_reader")
        defer { ReaderRole.drop([reader], url: url) }
        _ = try reader.grant(url: url)
        let analyst = try reader.connect(url: url)
        _ = try analyst.query("SELECT pg_advisory_lock(6633461733224611844)")  // the old run lock's key
        _ = try analyst.query("SELECT pg_advisory_lock(6633461733224611841)")  // the migration lock's key
        for statement in ["SELECT name FROM scorecard.locks FOR UPDATE", "SELECT name FROM scorecard.locks FOR KEY SHARE",
                          "LOCK TABLE scorecard.locks IN SHARE ROW EXCLUSIVE MODE"] {
            do {
                try analyst.transaction { try $0.execute(SQL(unsafeTrusted: statement)) }
                Issue.record("a reader could run \(statement)")
            } catch let error as PostgresError {
                #expect(error.sqlState == .insufficientPrivilege, "\(statement): \(error)")
            }
        }
        try analyst.executeUnsafeTrustedScript("BEGIN; SELECT * FROM scorecard.locks")  // a reader's open transaction, reading
        try workspace.append(Self.newEvidence, to: "evidence.csv")
        let next = try run(workspace)
        #expect(next.status == 0, "\(next.stderr)")
    }

    /// A load that waits on a lock another session holds gives up after lock_timeout (5 min by
    /// default; here 1 s through PGOPTIONS) with exit 75, and changes nothing.
    @Test func aLoadBlockedByAnotherSessionGivesUpWith75() throws {
        let url = try TestCluster.makeDatabase(prefix: "lock_timeout")
        let owner = try Connection(conninfo: url, logger: .quiet)
        try Migrator(logger: .quiet).migrate(owner)
        let dataset = ProjectFiles.url("Tests/Fixtures/scoring/data").path
        try owner.transaction { owner in
            try owner.executeUnsafeTrustedScript("LOCK TABLE scorecard.load_batches IN SHARE ROW EXCLUSIVE MODE")
            let started = Date()
            let load = try ScorecardProcess.run(["load", "--database-url", url, dataset], environment: ["PGOPTIONS": "-c lock_timeout=1s"])
            #expect(load.status == 75, "\(load.stderr)")
            #expect(load.stderr.contains("lock timeout"), "\(load.stderr)")
            #expect(Date().timeIntervalSince(started) < 30)
        }
        #expect(try owner.query("SELECT count(*) AS n FROM scorecard.load_batches").first!.decode("n", as: Int.self) == 0)
    }

    @Test func twoRunsStartedTogetherEndConsistent() throws {
        let url = try TestCluster.makeDatabase(prefix: "run_twice")
        let workspace = try TestWorkspace(databaseURL: url)
        defer { workspace.remove() }
        let a = try ScorecardProcess.start(["run", "--quiet", "--workspace", workspace.root.path])
        let b = try ScorecardProcess.start(["run", "--quiet", "--workspace", workspace.root.path])
        a.waitUntilExit()
        b.waitUntilExit()
        let statuses = [a.outcome().status, b.outcome().status].sorted()
        #expect(statuses == [0, 0] || statuses == [0, 75], "\(statuses)")

        let reference = try TestCluster.makeDatabase(prefix: "run_ref")
        let clean = try TestWorkspace(databaseURL: reference)
        defer { clean.remove() }
        #expect(try run(clean, ["--quiet"]).status == 0)
        #expect(try DatabaseContent.meaning(Connection(conninfo: url, logger: .quiet))
                == DatabaseContent.meaning(Connection(conninfo: reference, logger: .quiet)))
    }

    @Test func initWritesAWorkspaceThatRuns() throws {
        let url = try TestCluster.makeDatabase(prefix: "run_init")
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let directory = parent.appendingPathComponent("monitor")
        let created = try ScorecardProcess.run(["init", directory.path])
        #expect(created.status == 0, "\(created.stderr)")
        for file in ["scorecard.yaml", "methodology.yaml", "README.md", ".gitignore", "data/datapackage.json", "data/evidence.csv", "data/actors.csv"] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path), "\(file) missing")
        }
        #expect(try String(contentsOf: directory.appendingPathComponent("data/evidence.csv"), encoding: .utf8)
                == "id,actor_id,evidence_type,occurred_on,published_on,counterpart_id,provision_id,severity,certainty,sensitivity,summary,source_ids,event_id,ends,ends_on\n")

        let again = try ScorecardProcess.run(["init", directory.path])
        #expect(again.status == 73)
        #expect(again.stderr.contains("it is a workspace already"))

        let first = try ScorecardProcess.run(["run", "--database-url", url], in: directory)  // the current folder is the workspace
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("no evidence yet, nothing scored or written"), "\(first.stdout)")
        let check = try ScorecardProcess.run(["methodology", "check"], in: directory)
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func theTemplateVocabularyIsTheExamplesOwn() throws {
        // The pre-filled files of scorecard init are copies of rows of the Pall Mall example.
        for file in ["principles.csv", "evidence_types.csv", "instruments.csv", "provisions.csv", "sources.csv"] {
            let template = try records(ProjectFiles.url("Templates/workspace/data/\(file)"))
            let example = try records(ProjectFiles.url("Examples/pall-mall/data/\(file)"))
            #expect(template[0] == example[0], "\(file): header differs")
            #expect(Set(template).isSubset(of: Set(example)), "\(file): rows not in the example")
        }
    }

    private func records(_ url: URL) throws -> [[String]] {
        let reader = try CSVReader(url: url)
        var records: [[String]] = []
        while let record = try reader.next() { records.append(record.fields.map { String(decoding: $0, as: UTF8.self) }) }
        return records
    }
}

/// Makes a folder unwritable even for root: `chattr +i` when running as root (root ignores
/// permission bits), else mode 0555.
struct ReadOnlyFolder {
    let url: URL
    let immutable: Bool

    init(_ url: URL) throws {
        self.url = url
        immutable = geteuid() == 0
        if immutable {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
            process.arguments = ["+i", url.path]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw CannotProtect(path: url.path) }
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: url.path)
        }
    }

    struct CannotProtect: Error { let path: String }

    func undo() {
        if immutable {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
            process.arguments = ["-i", url.path]
            try? process.run()
            process.waitUntilExit()
        } else {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
    }
}
