import Foundation
import Postgres
import ScorecardKit
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// Every wait of a run ends, by default, with an exit code that says which wait it was.
@Suite("Bounded waits: a statement that runs too long, a server that stops answering")
struct BoundedWaitTests {
    /// A statement longer than statement_timeout (30 min by default; 3 s here through PGOPTIONS, as
    /// a user would change it) is cancelled by the server: exit 124, not the 143 or 130 of a signal,
    /// the step rolled back, and the ledger says failed with 124.
    @Test func aStatementLongerThanTheStatementTimeoutIsExit124() throws {
        let url = try TestCluster.makeDatabase(prefix: "statement_timeout")
        let workspace = try TestWorkspace(databaseURL: url)
        defer { workspace.remove() }
        let owner = try Connection(conninfo: url, logger: .quiet)
        try Migrator(logger: .quiet).migrate(owner)
        try SlowStatement.install(on: owner)

        let started = Date()
        let running = try ScorecardProcess.start(["run", "--workspace", workspace.root.path], environment: ["PGOPTIONS": "-c statement_timeout=3s"])
        #expect(running.waitUntilExit(within: 120), "the statement timeout did not end the statement")
        let outcome = running.outcome()
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(outcome.status == 124, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("statement_timeout"), "\(outcome.stderr)")
        #expect(try owner.query("SELECT count(*) AS n FROM scorecard.score_runs").first!.decode("n", as: Int.self) == 0)
        let ledger = try owner.query("SELECT status, exit_code FROM scorecard.run_ledger").map {
            "\(try $0.decode("status", as: String.self)) \(try $0.decode("exit_code", as: Int.self))"
        }
        #expect(ledger == ["failed 124"])
    }

    /// A server that stops reading in the middle of a load (a TCP proxy that passes the first 512 KB
    /// on, then reads nothing more): with no setting of the user's, the load gives up after
    /// tcp_user_timeout (2 minutes) as "database unavailable", exit 69, instead of waiting for ever.
    @Test func aServerThatStopsAnsweringMidLoadIsUnavailableNotAHang() throws {
        let url = try TestCluster.makeDatabase(prefix: "silent_load")
        try Migrator(logger: .quiet).migrate(Connection(conninfo: url, logger: .quiet))
        let dataset = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-silent-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dataset) }
        // Evidence of about 3 MB: the proxy falls silent in the middle of its COPY.
        let generated = try ScorecardProcess.run(["generate", "--actors", "50", "--evidence", "20000", dataset.path])
        try #require(generated.status == 0, "\(generated.stderr)")
        let proxy = try SilentServerProxy(databaseURL: url, silentAfterClientBytes: 512 * 1024)
        defer { proxy.stop() }

        let started = Date()
        let loading = try ScorecardProcess.start(["load", "--database-url", proxy.url, dataset.path])
        let ended = loading.waitUntilExit(within: Double(Int(Connection.defaultTCPSettings.first { $0.key == "tcp_user_timeout" }!.value)! / 1000) + 60)
        if !ended { kill(loading.pid, SIGKILL) }
        let outcome = loading.outcome()
        #expect(ended, "the load waited for ever for a silent server")
        #expect(outcome.status == 69, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("database unavailable"), "\(outcome.stderr)")
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds > 60, "the load ended after \(seconds) s: not by the 2-minute bound (\(outcome.stderr))")
    }
}
