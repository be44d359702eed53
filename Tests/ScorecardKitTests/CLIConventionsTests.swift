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
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("tty-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: log) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = [ScorecardProcess.binary.path, "run", "--workspace", workspace.root.path, "--as-of", "2026-01-01"]
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
}
