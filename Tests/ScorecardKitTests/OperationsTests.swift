import Foundation
import Postgres
import ScorecardKit
import Testing
import TestSupport

/// docs/operations.md, done once: back up with pg_dump, restore with pg_restore, and the restored
/// database is the same, still protects published runs, and a run on it changes nothing.
@Suite("Operations")
struct OperationsTests {
    @Test func backUpAndRestoreWithPgDumpAndPgRestore() throws {
        let url = try TestCluster.makeDatabase(prefix: "ops_backup")
        let workspace = try TestWorkspace(databaseURL: url)
        defer { workspace.remove() }
        #expect(try ScorecardProcess.run(["run", "--quiet", "--workspace", workspace.root.path]).status == 0)

        let dump = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-\(UUID().uuidString).dump")
        defer { try? FileManager.default.removeItem(at: dump) }
        try runTool("pg_dump", ["--format=custom", "--file=\(dump.path)", url])
        let restored = try TestCluster.makeDatabase(prefix: "ops_restored")
        try runTool("pg_restore", ["--exit-on-error", "--no-owner", "--dbname=\(restored)", dump.path])

        let original = try Connection(conninfo: url, logger: .quiet)
        let copy = try Connection(conninfo: restored, logger: .quiet)
        #expect(try DatabaseContent.exact(copy) == DatabaseContent.exact(original))
        #expect(throws: PostgresError.self, "published runs are still immutable") {
            try copy.execute("DELETE FROM scorecard.actor_scores")
        }

        let rerun = try ScorecardProcess.run(["run", "--workspace", workspace.root.path, "--database-url", restored])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("dataset unchanged") && rerun.stdout.contains("(0 computed"), "\(rerun.stdout)")
        #expect(try DatabaseContent.exact(copy, excluding: ["run_ledger"]) == DatabaseContent.exact(original, excluding: ["run_ledger"]))
    }

    @Test func theLedgerAlertQueryOfTheGuide() throws {
        let guide = try String(contentsOf: ProjectFiles.url("docs/operations.md"), encoding: .utf8)
        let start = try #require(guide.range(of: "```sql\n"))
        let end = try #require(guide.range(of: "```", range: start.upperBound..<guide.endIndex))
        let query = String(guide[start.upperBound..<end.lowerBound])

        let url = try TestCluster.makeDatabase(prefix: "ops_alert")
        let workspace = try TestWorkspace(databaseURL: url)
        defer { workspace.remove() }
        #expect(try ScorecardProcess.run(["run", "--quiet", "--workspace", workspace.root.path]).status == 0)
        let connection = try Connection(conninfo: url, logger: .quiet)
        #expect(try connection.query(SQL(unsafeTrusted: query)).first!.decode("alert", as: Bool.self) == false)

        try workspace.append("broken,alpha,misuse_documented,2025-13-01,2025-03-02,vend,,4,confirmed,public,Bad date.,src-a", to: "evidence.csv")
        #expect(try ScorecardProcess.run(["run", "--quiet", "--workspace", workspace.root.path]).status == 65)
        #expect(try connection.query(SQL(unsafeTrusted: query)).first!.decode("alert", as: Bool.self) == true)
    }

    private func runTool(_ name: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(PostgresBinaries.locateClient(name), "\(name) is not installed"))
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(name) failed: \(message)")
    }
}
