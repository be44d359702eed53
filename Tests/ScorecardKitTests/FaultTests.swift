import Foundation
import Postgres
import ScorecardKit
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The server killed (SIGKILL, the server and every backend) while a run loads, scores or reads
/// its reports: the run fails with 69, and the next run succeeds and leaves exactly what a clean
/// run leaves. Each case has a workspace on its own embedded cluster, which the next run restarts.
@Suite("Faults: the server killed mid-run")
struct FaultTests {
    @Test(arguments: [Failpoint.load, .score, .report])
    func theNextRunRecoversAfterTheServerIsKilled(during failpoint: Failpoint) throws {
        let workspace = try TestWorkspace(databaseURL: nil)
        defer { workspace.remove() }
        let cluster = workspace.stateDirectory.appendingPathComponent("postgres")

        let hold = FailpointHold(failpoint.rawValue)
        let running = try ScorecardProcess.start(["run", "--workspace", workspace.root.path], environment: hold.environment)
        #expect(hold.waitUntilReached(running), "the run never reached the \(failpoint) failpoint")
        try killServer(dataDirectory: cluster.appendingPathComponent("data"))
        hold.release()
        let killed = running.outcome()
        #expect(killed.status == 69, "\(failpoint): \(killed.stderr)")
        #expect(killed.stderr.contains("database unavailable"), "\(killed.stderr)")

        let next = try ScorecardProcess.run(["run", "--workspace", workspace.root.path])
        #expect(next.status == 0, "\(failpoint): the next run failed: \(next.stderr)")

        // What a clean run of the same inputs leaves, in another database.
        let reference = try TestCluster.makeDatabase(prefix: "fault_ref")
        let clean = try TestWorkspace(databaseURL: reference)
        defer { clean.remove() }
        #expect(try ScorecardProcess.run(["run", "--quiet", "--workspace", clean.root.path]).status == 0)

        let url = try ScorecardProcess.run(["db", "url", "--data-dir", cluster.path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let recovered = try Connection(conninfo: url, logger: .quiet)
        #expect(try DatabaseContent.meaning(recovered) == DatabaseContent.meaning(Connection(conninfo: reference, logger: .quiet)))
        #expect(workspace.reportContents() == clean.reportContents(), "the reports differ from a clean run's")
        // The killed run could not record its end; the next one marked it abandoned.
        let statuses = try recovered.query("SELECT status FROM scorecard.run_ledger ORDER BY id").map { try $0.decode("status", as: String.self) }
        #expect(statuses == ["abandoned", "succeeded"], "\(statuses)")
    }

    /// The run itself killed (kill -9) while writing its reports: the temporary files it left in the
    /// published folder are removed by the next run, which writes what a clean run writes.
    @Test func aRunKilledWhileWritingLeavesNoTemporaryFilesAfterTheNext() throws {
        let workspace = try TestWorkspace(databaseURL: try TestCluster.makeDatabase(prefix: "fault_write"))
        defer { workspace.remove() }
        let hold = FailpointHold(Failpoint.replace.rawValue)
        let running = try ScorecardProcess.start(["run", "--workspace", workspace.root.path], environment: hold.environment)
        #expect(hold.waitUntilReached(running), "the run never reached the replace failpoint")
        kill(running.pid, SIGKILL)
        _ = running.outcome()
        hold.release()
        // Anywhere in the output folder: the edition folders and their actors/ and data/.
        let leftovers = { workspace.reportPaths().filter { ($0 as NSString).lastPathComponent.hasPrefix(".") } }
        #expect(!leftovers().isEmpty, "the killed run left its temporary files (the situation this test is about)")

        let next = try ScorecardProcess.run(["run", "--workspace", workspace.root.path])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(leftovers().isEmpty, "\(leftovers())")
        let clean = try TestWorkspace(databaseURL: try TestCluster.makeDatabase(prefix: "fault_write_ref"))
        defer { clean.remove() }
        #expect(try ScorecardProcess.run(["run", "--quiet", "--workspace", clean.root.path]).status == 0)
        #expect(workspace.reportContents() == clean.reportContents(), "the reports differ from a clean run's")
    }

    /// A report file that cannot be written to its end, the write itself failing after the file was
    /// created, as on a full disk: exit 74 (not 73, which says the file could not be created), one
    /// line naming the report file and the system's reason, nothing of the reports written and no
    /// temporary file left; the next run writes them. The process's file size limit (RLIMIT_FSIZE)
    /// stands in for the full disk, with no mount: a write past it fails at write(2) with EFBIG
    /// ("File too large") where a full disk fails with ENOSPC, in the same place of the writer.
    @Test func aReportFileThatCannotBeWrittenToItsEndIsExit74() throws {
        let workspace = try TestWorkspace(databaseURL: try TestCluster.makeDatabase(prefix: "fault_full"))
        defer { workspace.remove() }
        // 8 KiB: less than the edition's larger files (its HTML pages, index.json, data/datapackage.json).
        let failed = try ScorecardProcess.run(["run", "--workspace", workspace.root.path], fileSizeLimitKiB: 8)
        #expect(failed.status == 74, "\(failed.stderr)")
        let last = failed.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("scorecard: \(workspace.reports.path)/scoring-fixture-"), "\(last)")
        #expect(last.contains("File too large"), "\(last)")
        #expect(!last.contains(".tmp"), "it names the temporary file, not the report: \(last)")
        #expect(workspace.reportPaths().isEmpty, "\(workspace.reportPaths())")
        let ledger = try Connection(conninfo: workspace.databaseURL!, logger: .quiet)
            .query("SELECT status, exit_code FROM scorecard.run_ledger ORDER BY id")
            .map { "\(try $0.decode("status", as: String.self)) \(try $0.decode("exit_code", as: Int.self))" }
        #expect(ledger == ["failed 74"], "\(ledger)")

        let next = try ScorecardProcess.run(["run", "--quiet", "--workspace", workspace.root.path])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(!workspace.reportPaths().isEmpty)
        #expect(workspace.reportPaths().allSatisfy { !($0 as NSString).lastPathComponent.hasPrefix(".") }, "\(workspace.reportPaths())")
    }

    /// SIGKILL to the postmaster and to every process it started, as a crash or the OOM killer would.
    private func killServer(dataDirectory: URL) throws {
        let pidFile = try String(contentsOf: dataDirectory.appendingPathComponent("postmaster.pid"), encoding: .utf8)
        guard let postmaster = pid_t(pidFile.prefix { $0 != "\n" }) else { throw KillFailed() }
        let children = (try? String(contentsOf: URL(fileURLWithPath: "/proc/\(postmaster)/task/\(postmaster)/children"), encoding: .utf8)) ?? ""
        kill(postmaster, SIGKILL)
        for child in children.split(separator: " ").compactMap({ pid_t($0) }) { kill(child, SIGKILL) }
        // Wait until it is gone (it is not our child: poll).
        for _ in 0..<200 where kill(postmaster, 0) == 0 { usleep(25_000) }
    }

    struct KillFailed: Error {}
}
