import Foundation
import Logging
import Postgres

#if canImport(Glibc)
import Glibc
#endif

/// Keeps two runs of one workspace (or of one database) from overlapping. The second run does
/// not wait: it fails at once with exit 75 and touches nothing, and cron tries again next time.
/// Two locks, because either side may be shared: a `flock` on `.scorecard/run.lock` in the
/// workspace (taken before any database work, so a refused run does not even start a server),
/// and the row `run` of `scorecard.locks`, locked FOR UPDATE by a session of its own that stays in
/// its transaction for the whole run (for workspaces on different machines that share one
/// database). A row lock needs the UPDATE privilege, so a reader role can neither take it nor
/// block it, as it could an advisory lock. The kernel and the server drop both when the process or
/// session ends.
final class RunLock {
    private var descriptor: Int32
    /// The session that holds the database's lock, in an open transaction, until this lock ends.
    private var holder: Connection?

    /// Takes the workspace's lock file.
    /// - Throws: `RunInProgress` (75) when another process holds it.
    init(stateDirectory: URL) throws {
        let path = stateDirectory.appendingPathComponent("run.lock").path
        do {
            try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
        } catch {
            throw RunLockUnavailable(path: stateDirectory.path, reason: error.localizedDescription)
        }
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw RunLockUnavailable(path: path, reason: String(cString: strerror(errno)))
        }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let error = errno
            if error == EINTR { continue }
            close(descriptor)
            if error == EWOULDBLOCK { throw RunInProgress(place: "the workspace lock \(path)") }
            throw RunLockUnavailable(path: path, reason: String(cString: strerror(error)))
        }
    }

    /// Takes the database's run lock in a session of its own (opened at `location`), held until this
    /// lock ends.
    /// - Throws: `RunInProgress` (75) when another session holds it.
    func lockDatabase(_ location: DatabaseLocation, logger: Logger) throws {
        let session = try location.connect(logger: logger)
        try session.executeUnsafeTrustedScript("BEGIN")
        do {
            _ = try session.query("SELECT name FROM scorecard.locks WHERE name = 'run' FOR UPDATE NOWAIT")
        } catch let error as PostgresError where error.sqlState == .lockNotAvailable {
            throw RunInProgress(place: "the database's run lock (the row 'run' of scorecard.locks)")
        }
        holder = session
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }
}

/// Another run holds the lock (exit 75, EX_TEMPFAIL): this one did nothing; try again later.
public struct RunInProgress: ScorecardError {
    public let place: String
    public var exitCode: ExitCode { .temporaryFailure }
    public var description: String { "another scorecard run is in progress (it holds \(place)); this run did nothing" }
}

/// The lock file cannot be created (exit 73).
public struct RunLockUnavailable: ScorecardError {
    public let path: String
    public let reason: String
    public var exitCode: ExitCode { .cannotCreate }
    public var description: String { "cannot create the run lock in \(path): \(reason)" }
}
