import Foundation
@testable import Postgres
import ScorecardKit
import Testing
import TestSupport

/// The database server runs out of room in the middle of a load. A real full file system needs a
/// mount; instead the server of a cluster of its own runs under a file size limit (RLIMIT_FSIZE,
/// SIGXFSZ ignored): a table file cannot grow past 4 MiB, and PostgreSQL reports that write as it
/// reports ENOSPC, "could not extend file", SQLSTATE 53100 (disk_full). WAL segments of 1 MiB stay
/// under the limit, so the server itself stays up, as it does when a tablespace fills.
@Suite("Faults: the database's disk full")
struct DiskFullTests {
    @Test func aLoadThatFillsTheDatabasesDiskIsExit69AndChangesNothing() throws {
        let server = try LimitedServer(fileSizeLimitKiB: 4100)
        defer { server.remove() }
        // About 8 MB of CSV: the staged evidence alone outgrows one 4 MiB table file.
        let dataset = try DatasetFixture(generating: SyntheticDataset(actors: 100, evidence: 20000, seed: 3))
        defer { try? FileManager.default.removeItem(at: dataset.directory) }

        // The generator's records run up to its reference date.
        let asOf = [ScorecardProcess.asOfVariable: "\(SyntheticDataset.referenceDate)"]
        let full = try ScorecardProcess.run(["load", "--database-url", server.url, dataset.directory.path], environment: asOf)
        #expect(full.status == 69, "\(full.stderr)")
        #expect(full.stderr == "scorecard: database unavailable: the server has no room left (disk full); nothing was changed: free space on the server and run again\n")
        #expect(try server.log().contains("could not extend file"), "the load did not reach the limit")

        // Nothing was changed, and the same load succeeds once there is room again.
        let connection = try Connection(conninfo: server.url, logger: .quiet)
        #expect(try connection.query("SELECT count(*)::int8 AS n FROM scorecard.evidence")[0].decode("n", as: Int64.self) == 0)
        try server.restart(fileSizeLimitKiB: nil)
        let roomy = try ScorecardProcess.run(["load", "--quiet", "--database-url", server.url, dataset.directory.path], environment: asOf)
        #expect(roomy.status == 0, "\(roomy.stderr)")
        let loaded = try Connection(conninfo: server.url, logger: .quiet)
        #expect(try loaded.query("SELECT count(*)::int8 AS n FROM scorecard.evidence")[0].decode("n", as: Int64.self) == 20000)
    }
}

/// A PostgreSQL cluster in a temporary folder, its server started by `pg_ctl` under a file size
/// limit. It belongs to the embedded cluster's owner: under root, the `postgres` user.
private struct LimitedServer {
    let root: URL
    private let binaries: PostgresBinaries
    private let owner: ClusterOwner

    var dataDirectory: URL { root.appendingPathComponent("data") }
    var socketDirectory: URL { root.appendingPathComponent("socket") }
    var logFile: URL { root.appendingPathComponent("server.log") }
    var url: String {
        let host = socketDirectory.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? socketDirectory.path
        return "postgresql:///postgres?host=\(host)&port=5432&user=postgres"
    }

    init(fileSizeLimitKiB: Int) throws {
        binaries = try PostgresBinaries.locate()
        owner = try ClusterOwner.forCurrentProcess()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-diskfull-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: socketDirectory, withIntermediateDirectories: true)
        try owner.takeOwnership(of: root, recursively: true)
        // 1 MiB WAL segments, so that only table files reach the limit.
        try ownerRuns("initdb", ["-D", dataDirectory.path, "--wal-segsize=1", "-A", "trust", "-U", "postgres", "--no-sync"])
        try start(fileSizeLimitKiB: fileSizeLimitKiB)
    }

    func restart(fileSizeLimitKiB: Int?) throws {
        try ownerRuns("pg_ctl", ["-D", dataDirectory.path, "-m", "fast", "-w", "stop"])
        try start(fileSizeLimitKiB: fileSizeLimitKiB)
    }

    func log() throws -> String { try String(contentsOf: logFile, encoding: .utf8) }

    func remove() {
        _ = try? ownerRuns("pg_ctl", ["-D", dataDirectory.path, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: root)
    }

    private func start(fileSizeLimitKiB: Int?) throws {
        try ownerRuns("pg_ctl", ["-D", dataDirectory.path, "-l", logFile.path, "-w", "start",
                                 "-o", "-k \(socketDirectory.path) -c listen_addresses= -p 5432 -c fsync=off"],
                      fileSizeLimitKiB: fileSizeLimitKiB)
    }

    /// Runs a server program as the cluster's owner; its output goes through files (a server that
    /// pg_ctl leaves running holds no pipe of the test's).
    private func ownerRuns(_ program: String, _ arguments: [String], fileSizeLimitKiB: Int? = nil) throws {
        let command = owner.command(binaries.executable(program), arguments)
        let outcome = try ScorecardProcess.run(command.arguments, program: command.executable.path, fileSizeLimitKiB: fileSizeLimitKiB)
        try #require(outcome.status == 0, "\(program) failed: \(outcome.stderr) \(outcome.stdout)")
    }
}
