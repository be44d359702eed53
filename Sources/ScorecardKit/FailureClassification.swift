import Postgres

/// The exit code (`ExitCode`) and the one-line message of any failure, in one place, so that the
/// command line and the run ledger agree on how a run ended.
public struct FailureClassification: Sendable, Equatable {
    public let exitCode: ExitCode
    public let message: String

    public init(exitCode: ExitCode, message: String) {
        self.exitCode = exitCode
        self.message = message
    }

    public init(_ error: Error) {
        switch error {
        case let error as Interrupted:
            self.init(exitCode: .stopped(by: error.signal), message: error.description)
        case let error as PostgresError where error.isServerUnavailable:
            self.init(exitCode: .unavailable, message: "database unavailable: \(error.message)")
        case let error as EmbeddedClusterError:
            self.init(exitCode: .unavailable, message: error.description)
        case let error as MigrationError:
            if case .objectsBusy = error {
                self.init(exitCode: .temporaryFailure, message: error.description)
            } else {
                self.init(exitCode: .configuration, message: error.description)
            }
        // A full disk fails a statement (53100) or, when the WAL cannot be written, stops the
        // server (unavailable): either way the database cannot take the run, 69, nothing changed.
        case let error as PostgresError where error.sqlState == .diskFull:
            self.init(exitCode: .unavailable, message: "database unavailable: the server has no room left (disk full); nothing was changed: free space on the server and run again")
        case let error as PostgresError where error.sqlState == .lockNotAvailable:
            self.init(exitCode: .temporaryFailure,
                      message: "another session held what this one needed for longer than the lock timeout (lock_timeout); nothing was changed: try later")
        case let error as PostgresError where error.sqlState == .queryCanceled:
            // Not a stop of ours (that is `Interrupted`): the server's statement_timeout, or an administrator.
            self.init(exitCode: .statementTimeout,
                      message: "a statement ran longer than statement_timeout, or an administrator cancelled it; its transaction was rolled back (\(error))")
        case let error as PostgresError:
            self.init(exitCode: .software, message: error.description)
        case let error as AdvisoryLockBusy:
            self.init(exitCode: .temporaryFailure, message: error.description)
        case let error as ScorecardError:
            self.init(exitCode: error.exitCode, message: error.description)
        default:
            self.init(exitCode: .software, message: "internal error: \(error)")
        }
    }
}
