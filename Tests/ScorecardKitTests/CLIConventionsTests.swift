import Foundation
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
