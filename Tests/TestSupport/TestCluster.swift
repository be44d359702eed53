import Foundation
import Logging
import Postgres

#if canImport(Glibc)
import Glibc
#endif

/// The PostgreSQL server database tests run against: one embedded cluster for the whole test
/// run (`make test` makes a fresh one per run, see scripts/run-tests; a bare `swift test` reuses
/// the default one), or the external server named by `SCORECARD_TEST_DATABASE_URL`.
///
/// Each test takes a fresh database from `makeDatabase(prefix:)`, so tests can run in parallel.
/// When no server can be had these functions throw: database tests fail, they never skip.
public enum TestCluster {
    /// Rooted at `$SCORECARD_TEST_CLUSTER_DIR`, else `/tmp/scorecard-tests-<uid>/cluster`;
    /// started on first use if it is not running.
    public static func shared() throws -> EmbeddedCluster {
        try sharedCluster.get()
    }

    /// The URL of a new, empty database whose name starts with `prefix`.
    public static func makeDatabase(prefix: String) throws -> String {
        let name = uniqueDatabaseName(prefix: prefix)
        if let serverURL = externalServerURL {
            _ = try PSQLCommand.run("CREATE DATABASE \"\(name)\"", on: serverURL)
            return replacingDatabase(in: serverURL, with: name)
        }
        let cluster = try shared()
        try cluster.createDatabase(named: name)
        return cluster.connectionURL(database: name)
    }

    /// `SCORECARD_TEST_DATABASE_URL`, when tests should use that server instead of the embedded one.
    public static var externalServerURL: String? {
        guard let url = ProcessInfo.processInfo.environment["SCORECARD_TEST_DATABASE_URL"], !url.isEmpty else { return nil }
        return url
    }

    // `static let` is initialised once, thread-safely, on first use; a failure is kept so every
    // test reports it rather than retrying a slow start.
    private static let sharedCluster: Result<EmbeddedCluster, any Error> = Result {
        var logger = Logger(label: "scorecard.test-cluster")
        logger.logLevel = .notice
        let cluster = EmbeddedCluster(root: sharedRoot, logger: logger)
        try cluster.start()
        try dropDatabasesOfEndedTestProcesses(in: cluster)
        return cluster
    }

    /// Tests leave their databases behind (a failed test's data can be looked at), and the
    /// cluster is reused run after run; so each run drops the databases of test processes that
    /// have ended, known by the pid in their names, and the cluster does not grow without end.
    static func dropDatabasesOfEndedTestProcesses(in cluster: EmbeddedCluster) throws {
        let maintenanceURL = cluster.connectionURL(database: "postgres")
        let names = try PSQLCommand.run(
            "SELECT datname FROM pg_database WHERE datname ~ '_[0-9]+_[0-9]+_[0-9a-z]+$'", on: maintenanceURL)
        for name in names.split(separator: "\n") {
            let parts = name.split(separator: "_")
            guard parts.count >= 4, let pid = Int32(parts[parts.count - 3]),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            _ = try PSQLCommand.run("DROP DATABASE IF EXISTS \"\(name)\"", on: maintenanceURL)
        }
    }

    private static var sharedRoot: URL {
        if let directory = ProcessInfo.processInfo.environment["SCORECARD_TEST_CLUSTER_DIR"], !directory.isEmpty {
            return URL(fileURLWithPath: directory, isDirectory: true)
        }
        return URL(fileURLWithPath: "/tmp/scorecard-tests-\(getuid())/cluster", isDirectory: true)
    }

    // MARK: - Names

    private static let counter = DatabaseCounter()

    /// `<prefix>_<pid>_<n>_<random>`: unique across parallel tests, concurrent test processes
    /// and runs that reuse the cluster. Lowercase letters, digits and `_` only, at most 63 bytes.
    static func uniqueDatabaseName(prefix: String) -> String {
        let cleaned = String(prefix.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" }.prefix(30))
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        return "\(cleaned.isEmpty ? "test" : cleaned)_\(getpid())_\(counter.next())_\(random)"
    }

    /// Puts `database` in place of the database of a `postgresql://` URL, keeping its query.
    static func replacingDatabase(in url: String, with database: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let afterScheme = url[schemeEnd.upperBound...]
        let queryStart = afterScheme.firstIndex(of: "?") ?? url.endIndex
        let authorityEnd = afterScheme[..<queryStart].firstIndex(of: "/") ?? queryStart
        var query = String(url[queryStart...])
        // A dbname= parameter would override the path.
        query = query.replacingOccurrences(of: #"([?&])dbname=[^&]*"#, with: "$1dbname=\(database)", options: .regularExpression)
        return String(url[..<authorityEnd]) + "/" + database + query
    }
}

private final class DatabaseCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
