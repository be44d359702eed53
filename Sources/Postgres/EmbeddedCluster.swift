import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// The private PostgreSQL cluster Scorecard runs itself when no database URL is given.
///
/// Everything lives under one root folder (e.g. `./.scorecard/postgres`): `data/` (PGDATA),
/// `socket/` and `server.log`. The server listens only on a Unix socket in its own 0700 folder,
/// never on TCP. It is driven with PostgreSQL's programs (initdb, pg_ctl, pg_isready, createdb,
/// psql), not libpq, and their output is captured, never shown unless something fails.
///
/// Starting and stopping take a `flock` on `root/cluster.lock`, so concurrent commands queue up
/// instead of racing. Under root the server runs as the `postgres` system user, which owns the files.
public struct EmbeddedCluster: Sendable {
    public enum Status: Equatable, Sendable {
        case notInitialized
        case stopped
        case running(pid: Int32)
    }

    public static let databaseName = "scorecard"
    public static let superuser = "postgres"
    /// Fixed: with no TCP listener and a private socket folder, no other server can clash with it.
    public static let port = 5432

    public let root: URL
    private let logger: Logger
    private let binarySearch: PostgresBinarySearch
    private let systemUserName: String
    /// How long start() keeps retrying while a killed server's processes let go of the cluster,
    /// and how long it waits for connections.
    private let recoveryTimeout: TimeInterval
    /// How long pg_ctl waits for the server to start before start() looks at why it is late.
    private let startWaitTimeout: TimeInterval
    /// How long start() and stop() wait for another process holding the cluster's lock.
    private let lockTimeout: TimeInterval = 180

    public init(root: URL, logger: Logger) {
        self.init(root: root, logger: logger, binarySearch: .system)
    }

    init(root: URL, logger: Logger, binarySearch: PostgresBinarySearch,
         systemUserName: String = "postgres", recoveryTimeout: TimeInterval = 30,
         startWaitTimeout: TimeInterval = 60) {
        self.root = root.absoluteURL.standardizedFileURL
        self.logger = logger
        self.binarySearch = binarySearch
        self.systemUserName = systemUserName
        self.recoveryTimeout = recoveryTimeout
        self.startWaitTimeout = startWaitTimeout
    }

    // MARK: - Places

    public var dataDirectory: URL { root.appendingPathComponent("data", isDirectory: true) }

    /// `root/socket`, or a short folder under /tmp when that path is too long for a Unix socket.
    public var socketDirectory: URL { SocketDirectoryPath.forCluster(root: root, port: Self.port) }

    public var logFile: URL { root.appendingPathComponent("server.log") }

    var lockFile: URL { root.appendingPathComponent("cluster.lock") }

    /// initdb writes here; the folder becomes `data` only once complete, so an interrupted
    /// initdb never passes for a cluster.
    var initdbStagingDirectory: URL { root.appendingPathComponent("data.initdb", isDirectory: true) }

    private var postmasterPidFile: URL { dataDirectory.appendingPathComponent("postmaster.pid") }

    private var socketLockFile: URL {
        socketDirectory.appendingPathComponent(SocketDirectoryPath.socketFileName(port: Self.port) + ".lock")
    }

    // MARK: - Connecting

    /// `postgresql:///scorecard?host=%2F...%2Fsocket&port=5432&user=postgres`
    public var connectionURL: String { connectionURL(database: Self.databaseName) }

    public func connectionURL(database: String) -> String {
        "postgresql:///\(Self.percentEncoded(database))?host=\(Self.percentEncoded(socketDirectory.path))"
            + "&port=\(Self.port)&user=\(Self.superuser)"
    }

    private static func percentEncoded(_ text: String) -> String {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    // MARK: - Lifecycle

    public func status() throws -> Status {
        guard FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("PG_VERSION").path) else {
            return .notInitialized
        }
        guard let pidFile = try PostmasterPidFile.read(at: postmasterPidFile),
              pidFile.isLiveServer(of: dataDirectory) else { return .stopped }
        return .running(pid: pidFile.pid)
    }

    /// Creates the cluster if needed, starts the server unless it runs, waits until it accepts
    /// connections and creates the `scorecard` database if missing.
    /// - Returns: false when the server was already running and is simply reused.
    @discardableResult
    public func start() throws -> Bool {
        let binaries = try PostgresBinaries.locate(using: binarySearch)
        let owner = try ClusterOwner.forCurrentProcess(systemUserName: systemUserName)
        try createDirectory(root)
        let lock = try lockCluster()
        defer { lock.release() }

        try claimExistingCluster(for: owner)
        if case .running(let pid) = try status() {
            try waitUntilAcceptingConnections(binaries)
            try createDatabaseIfMissing(Self.databaseName, using: binaries)
            logger.debug("Reusing the running PostgreSQL server (pid \(pid)) in \(dataDirectory.path)")
            return false
        }

        try owner.grantSearchPermission(along: root, logger: logger)
        try prepareSocketDirectory(for: owner)
        try prepareLogFile(for: owner)
        if try status() == .notInitialized {
            try initialize(using: binaries, owner: owner)
        }
        try EmbeddedServerConfiguration.write(
            EmbeddedServerConfiguration.settings(socketDirectory: socketDirectory, port: Self.port),
            to: dataDirectory.appendingPathComponent(EmbeddedServerConfiguration.settingsFileName), owner: owner)
        try startServer(using: binaries, owner: owner)
        try waitUntilAcceptingConnections(binaries)
        try createDatabaseIfMissing(Self.databaseName, using: binaries)
        return true
    }

    /// Stops the server with a fast shutdown (open sessions are ended). Does nothing if it is not running.
    public func stop() throws {
        guard case .running = try status() else { return }
        let binaries = try PostgresBinaries.locate(using: binarySearch)
        let owner = try ClusterOwner.forCurrentProcess(systemUserName: systemUserName)
        let lock = try lockCluster()
        defer { lock.release() }
        guard case .running = try status() else { return }

        logger.info("Stopping PostgreSQL in \(dataDirectory.path)")
        let outcome = try runServerProgram(
            binaries.executable("pg_ctl"),
            ["stop", "--pgdata=\(dataDirectory.path)", "--mode=fast", "--wait", "--timeout=60", "--silent"],
            as: owner)
        if !outcome.succeeded, case .running = try status() {
            throw failure(.commandFailed, "pg_ctl could not stop PostgreSQL in \(dataDirectory.path)", outcome)
        }
    }

    /// Creates a database owned by the superuser (it must not exist yet). The server must be running.
    public func createDatabase(named name: String) throws {
        try createDatabase(named: name, using: PostgresBinaries.locate(using: binarySearch))
    }

    // MARK: - Steps of start()

    private func initialize(using binaries: PostgresBinaries, owner: ClusterOwner) throws {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: dataDirectory.path) {
            guard (try? fileManager.contentsOfDirectory(atPath: dataDirectory.path))?.isEmpty == true else {
                throw EmbeddedClusterError(.fileSystem, "\(dataDirectory.path) exists but holds no PostgreSQL cluster (no PG_VERSION file). Move it away or delete it, then retry.")
            }
            try fileManager.removeItem(at: dataDirectory)
        }
        let staging = initdbStagingDirectory
        if fileManager.fileExists(atPath: staging.path) {
            try fileManager.removeItem(at: staging)  // left by an interrupted initdb
        }
        try makePrivateDirectory(staging, owner: owner)

        logger.info("Creating a PostgreSQL cluster in \(dataDirectory.path)")
        // --no-locale (C collation and ctype) with UTF8: byte-order sorting, the same on every machine.
        let outcome = try runServerProgram(
            binaries.executable("initdb"),
            ["--pgdata=\(staging.path)", "--username=\(Self.superuser)", "--encoding=UTF8", "--no-locale", "--auth=trust"],
            as: owner)
        guard outcome.succeeded else {
            throw failure(.commandFailed, "initdb could not create a PostgreSQL cluster in \(staging.path)", outcome)
        }
        try EmbeddedServerConfiguration.write(
            EmbeddedServerConfiguration.accessRules(superuser: Self.superuser),
            to: staging.appendingPathComponent("pg_hba.conf"), owner: owner)
        try EmbeddedServerConfiguration.append(
            EmbeddedServerConfiguration.includeDirective, to: staging.appendingPathComponent("postgresql.conf"))
        guard rename(staging.path, dataDirectory.path) == 0 else {
            throw EmbeddedClusterError(.fileSystem, "Could not rename \(staging.path) to \(dataDirectory.path): \(String(cString: strerror(errno)))")
        }
    }

    /// A cluster made by another account cannot be run by this one. Root hands it to `postgres`;
    /// anyone else gets told whose it is.
    private func claimExistingCluster(for owner: ClusterOwner) throws {
        var info = stat()
        guard lstat(dataDirectory.path, &info) == 0, info.st_uid != owner.uid else { return }
        guard !owner.isCurrentUser else {
            throw EmbeddedClusterError(.fileSystem, "The PostgreSQL cluster in \(dataDirectory.path) belongs to another user (uid \(info.st_uid)). Run scorecard as that user or as root, or delete \(root.path) to start afresh (its data is lost).")
        }
        logger.notice("Handing \(dataDirectory.path) to user \(owner.userName), which runs the PostgreSQL server")
        try owner.takeOwnership(of: dataDirectory, recursively: true)
    }

    private func prepareSocketDirectory(for owner: ClusterOwner) throws {
        let directory = socketDirectory
        var info = stat()
        if lstat(directory.path, &info) != 0 {
            guard mkdir(directory.path, 0o700) == 0, lstat(directory.path, &info) == 0 else {
                throw EmbeddedClusterError(.fileSystem, "Could not create the socket folder \(directory.path): \(String(cString: strerror(errno)))")
            }
            try owner.takeOwnership(of: directory)
            info.st_uid = owner.uid
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw EmbeddedClusterError(.fileSystem, "The socket folder \(directory.path) is not a folder (a symbolic link?). Remove it and retry.")
        }
        if info.st_uid != owner.uid {
            // A folder under /tmp that someone else made could be a trap: never adopt it.
            let insideRoot = directory.path.hasPrefix(root.path + "/")
            guard insideRoot, !owner.isCurrentUser else {
                throw EmbeddedClusterError(.fileSystem, "The socket folder \(directory.path) belongs to uid \(info.st_uid), not to \(owner.userName). Remove it and retry.")
            }
            try owner.takeOwnership(of: directory)
        }
        guard chmod(directory.path, 0o700) == 0 else {
            throw EmbeddedClusterError(.fileSystem, "Could not make the socket folder \(directory.path) private: \(String(cString: strerror(errno)))")
        }
    }

    private func prepareLogFile(for owner: ClusterOwner) throws {
        let descriptor = open(logFile.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw EmbeddedClusterError(.fileSystem, "Could not create the server log \(logFile.path): \(String(cString: strerror(errno)))")
        }
        close(descriptor)
        if !owner.owns(logFile) { try owner.takeOwnership(of: logFile) }
    }

    /// Starts the server, retrying for a while when a killed predecessor's processes still
    /// hold the cluster's shared memory or lock files.
    private func startServer(using binaries: PostgresBinaries, owner: ClusterOwner) throws {
        let deadline = Date().addingTimeInterval(recoveryTimeout)
        logger.info("Starting PostgreSQL in \(dataDirectory.path) (socket in \(socketDirectory.path))")
        while true {
            try removeStaleLockFiles()
            let logOffset = fileSize(logFile)
            let outcome = try runServerProgram(
                binaries.executable("pg_ctl"),
                ["start", "--pgdata=\(dataDirectory.path)", "--log=\(logFile.path)", "--wait", "--timeout=\(Int(startWaitTimeout))", "--silent"],
                as: owner)
            if outcome.succeeded { return }

            let serverLog = readLog(from: logOffset)
            // pg_ctl gives up waiting after startWaitTimeout, but a server replaying the WAL of a
            // crash (up to max_wal_size) goes on starting: wait for it rather than fail a run.
            if outcome.combinedOutput.contains("did not start in time") {
                logger.notice("PostgreSQL in \(dataDirectory.path) is still starting (after a crash it first replays its log); waiting up to \(Int(Self.crashRecoveryTimeout)) s")
                try waitForStartingServer(binaries, logOffset: logOffset)
                return
            }
            let predecessorStillThere = Self.transientStartFailureMarkers.contains { serverLog.contains($0) }
            if predecessorStillThere && Date() < deadline {
                logger.debug("PostgreSQL could not start yet, as an earlier server's processes still hold the cluster; retrying. Server log:\n\(serverLog)")
                Thread.sleep(forTimeInterval: 0.5)
                continue
            }
            var message = "PostgreSQL did not start in \(dataDirectory.path)"
            if predecessorStillThere {
                message += ": processes of an earlier server still hold the cluster after \(Int(recoveryTimeout)) s. End them (`ps -u \(owner.userName) -f`) and retry"
            }
            throw failure(.startFailed, message, outcome, serverLog: serverLog)
        }
    }

    /// What postgres logs when the remains of a killed server are still in the way.
    private static let transientStartFailureMarkers = [
        "pre-existing shared memory block",
        "Is another postmaster",
        "already exists",
    ]

    /// Lock files whose pid is no longer a server of ours (crash, pid reused, zombie) make
    /// postgres refuse to start; the server itself is known not to run, and we hold the lock.
    private func removeStaleLockFiles() throws {
        for file in [postmasterPidFile, socketLockFile] where FileManager.default.fileExists(atPath: file.path) {
            if let lock = try PostmasterPidFile.read(at: file), lock.isLiveServer(of: dataDirectory) { continue }
            logger.debug("Removing the stale lock file \(file.path)")
            guard unlink(file.path) == 0 || errno == ENOENT else {
                throw EmbeddedClusterError(.fileSystem, "Could not remove the stale lock file \(file.path): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// How long a server replaying a crash's WAL may take before a run gives up: the replay is
    /// bounded by max_wal_size (4 GB), which a slow disk takes minutes to read.
    static let crashRecoveryTimeout: TimeInterval = 1800

    /// Waits for a server pg_ctl left starting, until it accepts connections, or it is gone
    /// (its postmaster.pid names no live server a few seconds on), or crashRecoveryTimeout.
    private func waitForStartingServer(_ binaries: PostgresBinaries, logOffset: UInt64) throws {
        let started = Date()
        let deadline = started.addingTimeInterval(Self.crashRecoveryTimeout)
        while true {
            let outcome = try runClientProgram(
                binaries.executable("pg_isready"),
                connectionArguments(database: "postgres") + ["--timeout=2", "--quiet"])
            if outcome.succeeded { return }
            try Interruption.checkpoint()  // a stop need not wait half an hour for the replay
            let gone = try Date().timeIntervalSince(started) > 5 && runningPid() == nil
            if gone || Date() >= deadline {
                throw failure(.startFailed, gone ? "PostgreSQL in \(dataDirectory.path) stopped while starting"
                                                 : "PostgreSQL in \(dataDirectory.path) was still starting after \(Int(Self.crashRecoveryTimeout)) s",
                              outcome, serverLog: readLog(from: logOffset))
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    private func runningPid() throws -> Int32? {
        if case .running(let pid) = try status() { return pid }
        return nil
    }

    private func waitUntilAcceptingConnections(_ binaries: PostgresBinaries) throws {
        let timeout = recoveryTimeout
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let outcome = try runClientProgram(
                binaries.executable("pg_isready"),
                connectionArguments(database: "postgres") + ["--timeout=2", "--quiet"])
            if outcome.succeeded { return }
            guard Date() < deadline else {
                throw failure(.startFailed, "PostgreSQL in \(dataDirectory.path) runs but did not accept connections on \(socketDirectory.path) within \(Int(timeout)) s",
                              outcome, serverLog: readLog(from: fileSize(logFile) > 4096 ? fileSize(logFile) - 4096 : 0))
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    private func createDatabaseIfMissing(_ name: String, using binaries: PostgresBinaries) throws {
        let literal = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
        let query = try runClientProgram(
            binaries.executable("psql"),
            connectionArguments(database: "postgres")
                + ["--no-psqlrc", "--no-password", "--quiet", "--no-align", "--tuples-only", "--set=ON_ERROR_STOP=1",
                   "--command=SELECT 1 FROM pg_database WHERE datname = \(literal)"])
        guard query.succeeded else {
            throw failure(.commandFailed, "Could not ask PostgreSQL whether database \(name) exists", query)
        }
        guard query.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) != "1" else { return }
        try createDatabase(named: name, using: binaries)
    }

    private func createDatabase(named name: String, using binaries: PostgresBinaries) throws {
        let outcome = try runClientProgram(
            binaries.executable("createdb"),
            connectionArguments(database: nil) + ["--maintenance-db=postgres", "--", name])
        guard outcome.succeeded else {
            throw failure(.commandFailed, "createdb could not create database \(name)", outcome)
        }
        logger.info("Created database \(name)")
    }

    // MARK: - Helpers

    /// Serialises start() and stop() across processes: a second caller waits, then finds the
    /// first one's result (e.g. a running server) instead of racing it.
    private func lockCluster() throws -> ExclusiveFileLock {
        try ExclusiveFileLock(
            path: lockFile.path, timeout: lockTimeout,
            waitingNotice: "Waiting for another scorecard process to finish starting or stopping PostgreSQL in \(root.path)",
            logger: logger)
    }

    private func connectionArguments(database: String?) -> [String] {
        ["--host=\(socketDirectory.path)", "--port=\(Self.port)", "--username=\(Self.superuser)"]
            + (database.map { ["--dbname=\($0)"] } ?? [])
    }

    /// initdb and pg_ctl, which must run as the cluster's owner.
    private func runServerProgram(_ program: URL, _ arguments: [String], as owner: ClusterOwner) throws -> ProcessOutcome {
        let command = owner.command(program, arguments)
        return logged(try ProcessRunner.isolatedFromPostgresEnvironment().run(command.executable, command.arguments))
    }

    /// Clients connect as the superuser over the socket; root may enter the 0700 socket folder.
    private func runClientProgram(_ program: URL, _ arguments: [String]) throws -> ProcessOutcome {
        logged(try ProcessRunner.isolatedFromPostgresEnvironment().run(program, arguments))
    }

    private func logged(_ outcome: ProcessOutcome) -> ProcessOutcome {
        logger.debug("\(outcome.commandLine) exited with \(outcome.exitStatus)\(outcome.combinedOutput.isEmpty ? "" : ":\n" + outcome.combinedOutput)")
        return outcome
    }

    private func failure(_ reason: EmbeddedClusterError.Reason, _ summary: String, _ outcome: ProcessOutcome,
                         serverLog: String? = nil) -> EmbeddedClusterError {
        var message = "\(summary).\n$ \(outcome.commandLine)\n(exit status \(outcome.exitStatus))"
        if !outcome.combinedOutput.isEmpty { message += "\n\(outcome.combinedOutput)" }
        if let serverLog, !serverLog.isEmpty {
            let tail = serverLog.split(separator: "\n").suffix(20).joined(separator: "\n")
            message += "\nLast lines of \(logFile.path):\n\(tail)"
        }
        return EmbeddedClusterError(reason, message)
    }

    private func createDirectory(_ directory: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw EmbeddedClusterError(.fileSystem, "Could not create \(directory.path): \(error.localizedDescription)")
        }
    }

    private func makePrivateDirectory(_ directory: URL, owner: ClusterOwner) throws {
        guard mkdir(directory.path, 0o700) == 0 else {
            throw EmbeddedClusterError(.fileSystem, "Could not create \(directory.path): \(String(cString: strerror(errno)))")
        }
        try owner.takeOwnership(of: directory)
    }

    private func fileSize(_ url: URL) -> UInt64 {
        var info = stat()
        return stat(url.path, &info) == 0 ? UInt64(info.st_size) : 0
    }

    private func readLog(from offset: UInt64) -> String {
        guard let handle = FileHandle(forReadingAtPath: logFile.path) else { return "" }
        defer { try? handle.close() }
        try? handle.seek(toOffset: offset)
        return String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
    }
}
