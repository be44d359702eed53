import Foundation
import Postgres
import ScorecardKit
import Testing
import TestSupport

/// The command line's conventions: completion scripts that complete paths, and progress on a
/// terminal only (never in a log, never for TERM=dumb).
@Suite("Command-line conventions")
struct CLIConventionsTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsCompleteFoldersAndFiles(shell: String) throws {
        let script = try ScorecardProcess.run(["--generate-completion-script", shell])
        #expect(script.status == 0, "\(script.stderr)")
        for subcommand in ["run", "publish", "preview", "report", "explain", "validate", "grant-reader"] {
            #expect(script.stdout.contains(subcommand), "\(shell): no \(subcommand)")
        }
        // How each shell's script asks for folder and file names, as ArgumentParser writes them.
        let folders = ["bash": "__scorecard_add_completions -d", "zsh": "_files -/", "fish": "__fish_complete_directories"][shell]!
        #expect(script.stdout.contains(folders), "\(shell): --workspace does not complete folders")
        let yaml = ["bash": "yaml", "zsh": "yaml", "fish": "yaml"][shell]!
        #expect(script.stdout.contains(yaml), "\(shell): --methodology does not complete .yaml files")
    }

    /// A user's `PGAPPNAME` names scorecard's sessions in `pg_stat_activity` and the server's log:
    /// `scorecard` is only libpq's fallback name. (The URL's `application_name`:
    /// `ConnectionTests.applicationNameIsTheUsersWhenGiven`.) Seen on the server, while a load is held
    /// in its transaction.
    @Test func PGAPPNAMENamesScorecardsSessions() throws {
        let url = try TestCluster.makeDatabase(prefix: "cli_appname")
        let name = "notebook-\(UUID().uuidString.prefix(8))"
        let hold = FailpointHold(Failpoint.load.rawValue)
        let running = try ScorecardProcess.start(["load", "--database-url", url, ProjectFiles.url("Tests/Fixtures/scoring/data").path],
                                                 environment: hold.environment.merging(["PGAPPNAME": name]) { $1 })
        defer {
            hold.release()
            _ = running.outcome()
        }
        #expect(hold.waitUntilReached(running), "the load never reached its failpoint")
        let names = try Connection(conninfo: url, logger: .quiet)
            .query("SELECT application_name FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
            .map { try $0.decode("application_name", as: String.self) }
        #expect(!names.isEmpty && names.allSatisfy { $0 == name }, "\(names)")
        hold.release()
        #expect(running.outcome().status == 0)
    }

    /// Runs `scorecard run` on a pseudo-terminal (script(1)) with this TERM; returns what it drew.
    func terminalRun(term: String) throws -> String {
        let url = try TestCluster.makeDatabase(prefix: "cli_tty")
        let workspace = try TestWorkspace(databaseURL: url)
        defer { workspace.remove() }
        return try onTerminal(["run", "--workspace", workspace.root.path, "--as-of", "2026-01-01"], term: term)
    }

    /// Runs scorecard with these arguments on a pseudo-terminal (script(1)); returns what it drew.
    func onTerminal(_ arguments: [String], term: String = "xterm") throws -> String {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("tty-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: log) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = ([ScorecardProcess.binary.path] + arguments)
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        process.arguments = ["-q", "-e", "-c", command, log.path]
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = term
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try String(contentsOf: log, encoding: .utf8)
    }

    @Test func aTerminalShowsEachPhaseAndTERMDumbNothing() throws {
        let drawn = try terminalRun(term: "xterm")
        for phase in ["loading data…", "scoring…", "restating and publishing editions…", "report files…"] {
            #expect(drawn.contains(phase), "no \(phase) in \(drawn.debugDescription.prefix(600))")
        }
        #expect(drawn.contains("\u{1B}[K"))
        let dumb = try terminalRun(term: "dumb")
        #expect(!dumb.contains("\u{1B}[K") && !dumb.contains("scoring…"), "\(dumb.debugDescription.prefix(600))")
        #expect(dumb.contains("run 1 succeeded"))
    }

    /// `load` and `score` show every long phase too: each file as it is read (a small one as well), the
    /// checks, the apply, the analyze, each run as it is scored, the rendering and the writing of a report;
    /// `validate` its reading and checks.
    @Test func loadValidateAndScoreShowEachPhaseOnATerminal() throws {
        let url = try TestCluster.makeDatabase(prefix: "cli_tty_load")
        let dataset = ProjectFiles.url("Examples/minimal").path
        let validated = try onTerminal(["validate", dataset])
        for phase in ["reading actors.csv: ", "reading evidence.csv: 3 records", "checking keys and references across records…"] {
            #expect(validated.contains(phase), "validate: no \(phase) in \(validated.debugDescription.prefix(800))")
        }
        let fixture = ProjectFiles.url("Tests/Fixtures/scoring/data").path
        let loaded = try onTerminal(["load", "--database-url", url, fixture])
        for phase in ["reading principles.csv: ", "checking keys and references in PostgreSQL…", "applying the changes…",
                      "keeping what each record's sources are…", "analyzing the changed tables…"] {
            #expect(loaded.contains(phase), "load: no \(phase) in \(loaded.debugDescription.prefix(800))")
        }
        let scored = try onTerminal(["score", "--database-url", url, "--methodology", ProjectFiles.url("Tests/Fixtures/scoring/methodology.yaml").path,
                                     "--period", "2025", "--as-of", "2026-01-01"])
        #expect(scored.contains("scoring 2025 (as published)…"), "score: \(scored.debugDescription.prefix(800))")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tty-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let reported = try onTerminal(["report", "--database-url", url, "--methodology", ProjectFiles.url("Tests/Fixtures/scoring/methodology.yaml").path,
                                       "--period", "2025", "--as-of", "2026-01-01", "--out", out.path])
        for phase in ["rendering 2025…", "report files…"] {
            #expect(reported.contains(phase), "report: no \(phase) in \(reported.debugDescription.prefix(800))")
        }
        let dumb = try onTerminal(["validate", dataset], term: "dumb")
        #expect(!dumb.contains("\u{1B}[K") && !dumb.contains("reading "), "\(dumb.debugDescription.prefix(600))")
    }
}
