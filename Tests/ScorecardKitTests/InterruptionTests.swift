import Foundation
import Postgres
import ScorecardKit
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// SIGTERM and SIGINT stop a run cleanly: the statement running is cancelled, its transaction rolls
/// back, the ledger row says `interrupted` with exit code 143 or 130, the lock is released, and the
/// next run succeeds at once and leaves what a clean run leaves. Real processes, a real server.
@Suite("Signals: a run stopped by SIGTERM or SIGINT")
struct InterruptionTests {
    /// Held at a failpoint between statements: inside the load's transaction, inside the first
    /// period's scoring transaction, or with every report rendered and none written.
    @Test(arguments: zip([Failpoint.load, .score, .write], [SIGTERM, SIGINT, SIGTERM]))
    func aSignalBetweenStatementsStopsTheRunCleanly(at failpoint: Failpoint, signal: Int32) throws {
        let run = try SignalledWorkspace(prefix: "signal_\(failpoint)")
        defer { run.workspace.remove() }
        let hold = FailpointHold(failpoint.rawValue)
        let running = try run.start(environment: hold.environment)
        #expect(hold.waitUntilReached(running), "the run never reached the \(failpoint) failpoint")
        let before = try run.content()

        kill(running.pid, signal)
        #expect(running.waitUntilExit(within: 60), "the run did not stop")
        hold.release()
        #expect(running.terminatingSignal == nil, "the signal killed the run instead of stopping it")
        let stopped = running.outcome()
        #expect(stopped.status == 128 + signal, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("stopped by \(Interrupted(signal: signal).signalName)"), "\(stopped.stderr)")
        #expect(try run.content() == before, "the interrupted step wrote to the database")
        #expect(run.workspace.reportContents().isEmpty, "the interrupted run wrote reports")
        #expect(try run.ledger().map(\.status) == ["interrupted"])
        #expect(try run.ledger().map(\.exitCode) == [128 + Int(signal)])

        try run.expectTheNextRunToBeClean(ledger: ["interrupted", "succeeded"])
    }

    /// A SIGTERM while a statement runs (scoring's insert, made to sleep for ten minutes) cancels it
    /// on the server rather than waiting for it.
    @Test func aSignalCancelsTheStatementRunningRatherThanWaitingForIt() throws {
        let run = try SignalledWorkspace(prefix: "signal_long")
        defer { run.workspace.remove() }
        try SlowStatement.install(on: run.owner)
        let running = try run.start()
        let statement = try SlowStatement.waitUntilRunning(seen: run.owner)
        #expect(statement?.contains("indicator_values") == true, "the run never reached the slow statement: \(statement ?? "none")")
        let before = try run.content()

        let signalled = Date()
        kill(running.pid, SIGTERM)
        #expect(running.waitUntilExit(within: 60), "the statement was waited for")
        let stopped = running.outcome()
        #expect(Date().timeIntervalSince(signalled) < 30)
        #expect(stopped.status == 143, "\(stopped.stderr)")
        #expect(try SlowStatement.sleepingStatement(seen: run.owner) == nil, "the server still runs the statement")
        #expect(try run.content() == before, "the interrupted scoring wrote to the database")
        #expect(try run.ledger().map(\.status) == ["interrupted"])
        #expect(try run.ledger().map(\.exitCode) == [143])

        try SlowStatement.remove(from: run.owner)
        try run.expectTheNextRunToBeClean(ledger: ["interrupted", "succeeded"])
    }

    /// A second SIGTERM while the first is being handled (here: the run waits to record it in the
    /// ledger, whose row the test holds) ends the process at once; nothing is half-written, and the
    /// next run marks the row abandoned and does the whole job.
    @Test func aSecondSignalWhileStoppingExitsAtOnceAndCorruptsNothing() throws {
        let run = try SignalledWorkspace(prefix: "signal_twice")
        defer { run.workspace.remove() }
        let hold = FailpointHold(Failpoint.load.rawValue)
        let running = try run.start(environment: hold.environment)
        #expect(hold.waitUntilReached(running))
        let before = try run.content()
        let holder = try Connection(conninfo: run.url, logger: .quiet)
        try holder.executeUnsafeTrustedScript("BEGIN; SELECT id FROM scorecard.run_ledger FOR UPDATE")

        kill(running.pid, SIGTERM)
        #expect(try waitUntilTheLedgerUpdateWaits(seen: run.owner), "the stopping run never tried to record its end")
        let signalled = Date()
        kill(running.pid, SIGTERM)
        #expect(running.waitUntilExit(within: 30), "the second signal did not end the run")
        hold.release()
        let stopped = running.outcome()
        #expect(Date().timeIntervalSince(signalled) < 10)
        #expect(stopped.status == 143, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("SIGTERM again while stopping"), "\(stopped.stderr)")
        try holder.executeUnsafeTrustedScript("ROLLBACK")
        #expect(try run.content() == before, "the load wrote something")
        #expect(try run.ledger().map(\.status) == ["running"])

        try run.expectTheNextRunToBeClean(ledger: ["abandoned", "succeeded"])
    }

    /// `scorecard load` shares the mechanism: stopped inside its transaction, it loads nothing.
    @Test func aLoadStoppedBySIGTERMLoadsNothing() throws {
        let run = try SignalledWorkspace(prefix: "signal_load")
        defer { run.workspace.remove() }
        let hold = FailpointHold(Failpoint.load.rawValue)
        let loading = try ScorecardProcess.start(["load", "--database-url", run.url, run.workspace.data.path], environment: hold.environment)
        #expect(hold.waitUntilReached(loading))
        let before = try run.content()
        kill(loading.pid, SIGTERM)
        #expect(loading.waitUntilExit(within: 60))
        hold.release()
        #expect(loading.terminatingSignal == nil, "the signal killed the load instead of stopping it")
        let stopped = loading.outcome()
        #expect(stopped.status == 143, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("stopped by SIGTERM"), "\(stopped.stderr)")
        #expect(try run.content() == before)
        #expect(try run.owner.query("SELECT count(*) AS n FROM scorecard.load_batches").first!.decode("n", as: Int.self) == 0)
        let again = try ScorecardProcess.run(["load", "--database-url", run.url, run.workspace.data.path])
        #expect(again.status == 0, "\(again.stderr)")
    }

    /// Waits until a session of the database waits for a lock in an update of the run ledger.
    private func waitUntilTheLedgerUpdateWaits(seen connection: Connection) throws -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let waiting = try connection.query("""
                SELECT count(*) AS n FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE scorecard.run_ledger%'
                """).first!.decode("n", as: Int.self)
            if waiting > 0 { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }
}

/// A workspace on a fresh, migrated database of its own, and what the tests look at.
struct SignalledWorkspace {
    let url: String
    let workspace: TestWorkspace
    /// The database's owner, for looking (and for setting up slow statements and locks).
    let owner: Connection

    init(prefix: String) throws {
        url = try TestCluster.makeDatabase(prefix: prefix)
        workspace = try TestWorkspace(databaseURL: url)
        owner = try Connection(conninfo: url, logger: .quiet)
        try Migrator(logger: .quiet).migrate(owner)
    }

    func start(environment: [String: String] = [:]) throws -> ScorecardProcess.Running {
        try ScorecardProcess.start(["run", "--workspace", workspace.root.path], environment: environment)
    }

    /// Every table but the run ledger, exactly.
    func content() throws -> [String: String] {
        try DatabaseContent.exact(owner, excluding: ["run_ledger"])
    }

    func ledger() throws -> [(status: String, exitCode: Int?)] {
        try owner.query("SELECT status, exit_code FROM scorecard.run_ledger ORDER BY id").map {
            (try $0.decode("status"), try $0.decode("exit_code", as: Int?.self))
        }
    }

    /// The next run succeeds (a lock left behind would make it exit 75 at once), and leaves the
    /// database and the reports a clean run of the same inputs leaves.
    func expectTheNextRunToBeClean(ledger expected: [String]) throws {
        let next = try ScorecardProcess.run(["run", "--workspace", workspace.root.path])
        #expect(next.status == 0, "the next run failed: \(next.stderr)")
        #expect(try ledger().map(\.status) == expected)

        let reference = try TestCluster.makeDatabase(prefix: "signal_ref")
        let clean = try TestWorkspace(databaseURL: reference)
        defer { clean.remove() }
        #expect(try ScorecardProcess.run(["run", "--quiet", "--workspace", clean.root.path]).status == 0)
        #expect(try DatabaseContent.meaning(owner) == DatabaseContent.meaning(Connection(conninfo: reference, logger: .quiet)))
        #expect(workspace.reportContents() == clean.reportContents(), "the reports differ from a clean run's")
    }
}
