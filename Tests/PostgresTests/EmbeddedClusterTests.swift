import Foundation
import Logging
@testable import Postgres
import Testing
@testable import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The embedded cluster against the real PostgreSQL programs. Each test gets its own root in a
/// fresh `mktemp -d` folder under /tmp (mode 0700, as developers' clones often are), and stops
/// and deletes it afterwards.
@Suite("Embedded cluster")
struct EmbeddedClusterTests {
    @Test func startsFromNothingWithTheScorecardDatabase() throws {
        let logs = CapturedLogs()
        try withScratchCluster(logger: logs.logger(level: .info)) { cluster, temporaryDirectory in
            // Leftovers of an initdb killed half-way must not get in the way.
            try FileManager.default.createDirectory(at: cluster.initdbStagingDirectory.appendingPathComponent("base"), withIntermediateDirectories: true)
            #expect(try cluster.status() == .notInitialized)

            #expect(try cluster.start() == true)

            guard case .running = try cluster.status() else {
                Issue.record("expected a running server, got \(try cluster.status())")
                return
            }
            #expect(try psql("SELECT current_database()", cluster) == "scorecard")
            #expect(try psql("SHOW server_encoding", cluster) == "UTF8")
            #expect(try psql("SHOW lc_collate", cluster) == "C")
            #expect(try psql("SHOW listen_addresses", cluster) == "")
            #expect(try psql("SHOW unix_socket_directories", cluster) == cluster.socketDirectory.path)
            #expect(mode(of: cluster.socketDirectory) == 0o700)
            #expect(FileManager.default.fileExists(atPath: cluster.logFile.path))
            #expect(!FileManager.default.fileExists(atPath: cluster.initdbStagingDirectory.path))

            if geteuid() == 0 {
                // The server runs as postgres, which could not enter the 0700 temporary folder:
                // only the search bit for others was added, and the user was told.
                #expect(mode(of: temporaryDirectory) == 0o701)
                #expect(logs.messages.contains { $0.contains("Granted search permission on \(temporaryDirectory.path)") })
                #expect(ownerName(of: cluster.dataDirectory) == "postgres")
            }
        }
    }

    @Test func startingAgainReusesTheRunningServer() throws {
        try withScratchCluster { cluster, _ in
            #expect(try cluster.start() == true)
            let first = try cluster.status()
            let began = Date()
            #expect(try cluster.start() == false)
            #expect(Date().timeIntervalSince(began) < 2)
            #expect(try cluster.status() == first)
            #expect(try psql("SELECT current_database()", cluster) == "scorecard")
        }
    }

    @Test func stopsAndStartsAgain() throws {
        try withScratchCluster { cluster, _ in
            try cluster.start()
            try psqlExecute("CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)", cluster)

            try cluster.stop()
            #expect(try cluster.status() == .stopped)
            try cluster.stop()  // stopping a stopped server is fine
            #expect(try cluster.status() == .stopped)

            #expect(try cluster.start() == true)
            #expect(try psql("SELECT n FROM kept", cluster) == "42")
        }
    }

    @Test func staleLockFileWithAReusedPidDoesNotBlockStart() throws {
        try withScratchCluster { cluster, _ in
            try cluster.start()
            try cluster.stop()
            // After a crash the old pid may now belong to any process, here this test's own.
            let pidFile = cluster.dataDirectory.appendingPathComponent("postmaster.pid")
            try "\(getpid())\n\(cluster.dataDirectory.path)\n".write(to: pidFile, atomically: false, encoding: .utf8)
            #expect(try cluster.status() == .stopped)

            #expect(try cluster.start() == true)
            #expect(try psql("SELECT 1", cluster) == "1")
        }
    }

    @Test func recoversFromAServerKilledWithSIGKILL() throws {
        try withScratchCluster { cluster, _ in
            try cluster.start()
            try psqlExecute("CREATE TABLE survived (n int); INSERT INTO survived VALUES (7)", cluster)
            guard case .running(let pid) = try cluster.status() else {
                Issue.record("server is not running after start()")
                return
            }

            // A backend busy with a query outlives its postmaster for a while and keeps the
            // shared memory attached, so the next start has to wait for it.
            let busyQuery = try startBusyQuery(cluster)

            #expect(kill(pid, SIGKILL) == 0)
            try waitUntil(timeout: 10) { try cluster.status() == .stopped }

            #expect(try cluster.start() == true)
            #expect(try psql("SELECT n FROM survived", cluster) == "7")
            #expect(try cluster.status() != .running(pid: pid))
            busyQuery.wait()
        }
    }

    /// A server killed with much unflushed work replays its WAL before it accepts connections,
    /// which can outlast pg_ctl's wait (60 s on a slow disk after a busy test run): start() waits
    /// for the recovery instead of failing. pg_ctl's wait is 0 here, so it always gives up first.
    @Test func waitsForCrashRecoveryThatOutlastsPgCtl() throws {
        try withScratchCluster { cluster, _ in
            try cluster.start()
            try psqlExecute("CREATE TABLE survived AS SELECT g AS n FROM generate_series(1, 100000) g", cluster)
            guard case .running(let pid) = try cluster.status() else {
                Issue.record("server is not running after start()")
                return
            }
            #expect(kill(pid, SIGKILL) == 0)
            try waitUntil(timeout: 10) { try cluster.status() == .stopped }
            let hasty = EmbeddedCluster(root: cluster.root, logger: quietLogger,
                                        binarySearch: .system, startWaitTimeout: 0)

            #expect(try hasty.start() == true)

            #expect(try psql("SELECT count(*) FROM survived", cluster) == "100000")
            let log = try String(contentsOf: cluster.logFile, encoding: .utf8)
            #expect(log.contains("database system was interrupted") || log.contains("not properly shut down"))
        }
    }

    @Test func givesUpWithTheServerLogWhenAKilledServerLingersTooLong() throws {
        try withScratchCluster { cluster, _ in
            try cluster.start()
            guard case .running(let pid) = try cluster.status() else {
                Issue.record("server is not running after start()")
                return
            }
            let busyQuery = try startBusyQuery(cluster)
            defer { busyQuery.wait() }
            #expect(kill(pid, SIGKILL) == 0)
            try waitUntil(timeout: 10) { try cluster.status() == .stopped }
            let impatient = EmbeddedCluster(root: cluster.root, logger: quietLogger,
                                            binarySearch: .system, recoveryTimeout: 0.3)

            let error = try #require(throws: EmbeddedClusterError.self) { try impatient.start() }

            #expect(error.reason == .startFailed)
            #expect(error.description.contains("processes of an earlier server still hold the cluster"))
            #expect(error.description.contains("Last lines of \(cluster.logFile.path)"))
            #expect(error.description.contains("pre-existing shared memory block"))
        }
    }

    @Test func twoConcurrentStartsOnAFreshRootBothSucceed() throws {
        try withScratchCluster { cluster, _ in
            // Two instances, as two scorecard processes would have; each takes its own lock descriptor.
            let twin = EmbeddedCluster(root: cluster.root, logger: quietLogger)
            let outcomes = Outcomes()
            let finished = DispatchGroup()
            for instance in [cluster, twin] {
                finished.enter()
                Thread.detachNewThread {
                    outcomes.append(Result { try instance.start() })
                    finished.leave()
                }
            }
            finished.wait()

            let started = try outcomes.all.map { try $0.get() }
            #expect(started.sorted { !$0 && $1 } == [false, true])
            #expect(try psql("SELECT current_database()", cluster) == "scorecard")
        }
    }

    @Test func veryLongRootPathPutsTheSocketInAShortFolderUnderTmp() throws {
        let deepFolder = "a-folder-name-long-enough-to-push-the-socket-path-past-the-limit-of-a-unix-socket-address-" + String(repeating: "x", count: 40)
        try withScratchCluster(rootName: deepFolder + "/cluster") { cluster, _ in
            let socketPath = cluster.root.appendingPathComponent("socket/.s.PGSQL.5432").path
            #expect(socketPath.utf8.count > SocketDirectoryPath.maximumSocketPathLength)

            let fallback = cluster.socketDirectory
            #expect(fallback.path.hasPrefix("/tmp/scorecard-"))
            #expect(SocketDirectoryPath.fits(fallback, port: EmbeddedCluster.port))
            // Every command on this root must find the same folder; another root gets another.
            #expect(EmbeddedCluster(root: cluster.root, logger: Logger(label: "again")).socketDirectory == fallback)
            #expect(EmbeddedCluster(root: cluster.root.appendingPathComponent("other"), logger: Logger(label: "other")).socketDirectory != fallback)

            try cluster.start()
            #expect(mode(of: fallback) == 0o700)
            #expect(try psql("SELECT current_database()", cluster) == "scorecard")
        }
    }

    @Test func missingBinariesSayWhichPackageToInstall() throws {
        let emptyInstallRoot = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: emptyInstallRoot) }
        let cluster = EmbeddedCluster(
            root: emptyInstallRoot.appendingPathComponent("cluster"), logger: Logger(label: "test"),
            binarySearch: PostgresBinarySearch(pgConfig: nil, versionedInstallRoots: [emptyInstallRoot]))

        let error = try #require(throws: EmbeddedClusterError.self) { try cluster.start() }

        #expect(error.reason == .binariesNotFound)
        #expect(error.description.contains("apt-get install -y postgresql"))
        #expect(error.description.contains("initdb"))
        #expect(try cluster.status() == .notInitialized)
    }

    @Test(.enabled(if: geteuid() == 0, "only root switches to a system user"))
    func missingSystemUserIsExplainedToRoot() throws {
        let temporaryDirectory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temporaryDirectory) }
        let cluster = EmbeddedCluster(root: temporaryDirectory.appendingPathComponent("cluster"), logger: quietLogger,
                                      binarySearch: .system, systemUserName: "scorecard-no-such-user")

        let error = try #require(throws: EmbeddedClusterError.self) { try cluster.start() }

        #expect(error.reason == .systemUserMissing)
        #expect(error.description.contains("'scorecard-no-such-user' system user, which does not exist"))
    }

    @Test func stoppingAClusterThatWasNeverCreatedDoesNothing() throws {
        let temporaryDirectory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temporaryDirectory) }
        let cluster = EmbeddedCluster(root: temporaryDirectory.appendingPathComponent("cluster"), logger: Logger(label: "test"))

        try cluster.stop()

        #expect(try cluster.status() == .notInitialized)
        #expect(!FileManager.default.fileExists(atPath: cluster.root.path))
    }

    @Test func otherRolesMustLogInWithTheirPassword() throws {
        try withScratchCluster { cluster, _ in
            try cluster.start()
            try psqlExecute("CREATE ROLE reader LOGIN PASSWORD 'reader-secret'", cluster)
            let readerURL = cluster.connectionURL.replacingOccurrences(of: "user=postgres", with: "user=reader")

            #expect(throws: EmbeddedClusterError.self) { try PSQLCommand.run("SELECT 1", on: readerURL) }
            #expect(try PSQLCommand.run("SELECT current_user", on: readerURL + "&password=reader-secret") == "reader")
        }
    }

    @Test func connectionURLNamesTheSocketFolderPercentEncoded() {
        let cluster = EmbeddedCluster(root: URL(fileURLWithPath: "/srv/score card/pg"), logger: Logger(label: "test"))

        #expect(cluster.connectionURL == "postgresql:///scorecard?host=%2Fsrv%2Fscore%20card%2Fpg%2Fsocket&port=5432&user=postgres")
        #expect(cluster.connectionURL(database: "other") == "postgresql:///other?host=%2Fsrv%2Fscore%20card%2Fpg%2Fsocket&port=5432&user=postgres")
        #expect(cluster.dataDirectory.path == "/srv/score card/pg/data")
        #expect(cluster.logFile.path == "/srv/score card/pg/server.log")
    }

    @Test func sharedTestClusterHandsOutFreshDatabases() throws {
        let first = try TestCluster.makeDatabase(prefix: "Embedded-Cluster")
        let second = try TestCluster.makeDatabase(prefix: "Embedded-Cluster")

        #expect(first != second)
        let firstName = try PSQLCommand.run("SELECT current_database()", on: first)
        #expect(firstName.hasPrefix("embedded_cluster_\(getpid())_"))
        #expect(try PSQLCommand.run("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", on: second) == "0")
    }

    @Test func databasesOfEndedTestProcessesAreDropped() throws {
        let cluster = try TestCluster.shared()
        let endedPid: Int32 = 4_000_000  // above any pid this machine hands out (pid_max is at most 2^22)
        try #require(kill(endedPid, 0) != 0 && errno == ESRCH)
        let ended = "leftover_\(endedPid)_1_abc"
        let mine = TestCluster.uniqueDatabaseName(prefix: "mine")
        try cluster.createDatabase(named: ended)
        try cluster.createDatabase(named: mine)

        try TestCluster.dropDatabasesOfEndedTestProcesses(in: cluster)

        let remaining = try PSQLCommand.run("SELECT datname FROM pg_database", on: cluster.connectionURL(database: "postgres"))
            .split(separator: "\n").map(String.init)
        #expect(!remaining.contains(ended))
        #expect(remaining.contains(mine))
    }

    @Test func externalServerURLGetsTheNewDatabaseName() {
        #expect(TestCluster.replacingDatabase(in: "postgresql://u:p@db:5432/postgres?sslmode=disable", with: "t_1")
                == "postgresql://u:p@db:5432/t_1?sslmode=disable")
        #expect(TestCluster.replacingDatabase(in: "postgres://db", with: "t_1") == "postgres://db/t_1")
        #expect(TestCluster.replacingDatabase(in: "postgresql:///x?host=%2Ftmp&dbname=x", with: "t_1")
                == "postgresql:///t_1?host=%2Ftmp&dbname=t_1")
    }
}

// MARK: - Helpers

/// Only what would interest a user (notices are what every scratch root triggers as root).
private let quietLogger: Logger = {
    var logger = Logger(label: "scorecard.embedded-cluster-test")
    logger.logLevel = .warning
    return logger
}()

/// Runs `body` on a cluster rooted at `<fresh mktemp folder>/<rootName>`, then stops it
/// (killing it if stop fails) and deletes everything, the socket folder under /tmp included.
private func withScratchCluster(
    rootName: String = "cluster",
    logger: Logger = quietLogger,
    _ body: (EmbeddedCluster, URL) throws -> Void
) throws {
    let temporaryDirectory = try makeTemporaryDirectory()
    let cluster = EmbeddedCluster(root: temporaryDirectory.appendingPathComponent(rootName), logger: logger)
    defer {
        try? cluster.stop()
        if case .running(let pid) = try? cluster.status() { kill(pid, SIGKILL) }
        if !cluster.socketDirectory.path.hasPrefix(temporaryDirectory.path) {
            try? FileManager.default.removeItem(at: cluster.socketDirectory)
        }
        try? FileManager.default.removeItem(at: temporaryDirectory)
    }
    try body(cluster, temporaryDirectory)
}

/// Starts a query that keeps one backend busy for a few seconds, and returns once it runs.
/// Wait on the group before the cluster goes away.
private func startBusyQuery(_ cluster: EmbeddedCluster) throws -> DispatchGroup {
    let query = "SELECT count(*) FROM generate_series(1, 20000000)"
    let ended = DispatchGroup()
    ended.enter()
    Thread.detachNewThread {
        _ = try? PSQLCommand.run(query, on: cluster.connectionURL)
        ended.leave()
    }
    try waitUntil(timeout: 10) {
        try psql("SELECT count(*) FROM pg_stat_activity WHERE query = '\(query)' AND state = 'active'", cluster) == "1"
    }
    return ended
}

/// Like `mktemp -d`: a new folder under /tmp, mode 0700.
private func makeTemporaryDirectory() throws -> URL {
    var template = Array("/tmp/scorecard-embedded-test-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    guard let made else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    return URL(fileURLWithPath: String(cString: made), isDirectory: true)
}

private func psql(_ sql: String, _ cluster: EmbeddedCluster) throws -> String {
    try PSQLCommand.run(sql, on: cluster.connectionURL)
}

private func psqlExecute(_ sql: String, _ cluster: EmbeddedCluster) throws {
    _ = try PSQLCommand.run(sql, on: cluster.connectionURL)
}

private func mode(of url: URL) -> mode_t {
    var info = stat()
    return stat(url.path, &info) == 0 ? info.st_mode & 0o7777 : 0
}

private func ownerName(of url: URL) -> String? {
    try? FileManager.default.attributesOfItem(atPath: url.path)[.ownerAccountName] as? String
}

private func waitUntil(timeout: TimeInterval, _ condition: () throws -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while try !condition() {
        guard Date() < deadline else {
            Issue.record("condition not met within \(timeout) s")
            return
        }
        Thread.sleep(forTimeInterval: 0.05)
    }
}

private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<Bool, any Error>] = []

    var all: [Result<Bool, any Error>] { lock.withLock { results } }

    func append(_ result: Result<Bool, any Error>) { lock.withLock { results.append(result) } }
}
