import Postgres

/// The sysexits code and the one-line message of any failure, in one place, so that the command
/// line and the run ledger agree on how a run ended.
public struct FailureClassification: Sendable, Equatable {
    public let exitCode: Int32
    public let message: String

    public static let dataError: Int32 = 65        // EX_DATAERR: bad input data; nothing was loaded
    public static let noInput: Int32 = 66          // EX_NOINPUT: an input file or folder is missing
    public static let unavailable: Int32 = 69      // EX_UNAVAILABLE: the database cannot be reached
    public static let software: Int32 = 70         // EX_SOFTWARE: an internal error (a bug)
    public static let cannotCreate: Int32 = 73     // EX_CANTCREAT: an output file cannot be written
    public static let temporaryFailure: Int32 = 75 // EX_TEMPFAIL: another run holds the lock; try later
    public static let configuration: Int32 = 78    // EX_CONFIG: bad configuration or methodology

    public init(exitCode: Int32, message: String) {
        self.exitCode = exitCode
        self.message = message
    }

    public init(_ error: Error) {
        switch error {
        case let error as PostgresError where error.isServerUnavailable:
            self.init(exitCode: Self.unavailable, message: "database unavailable: \(error.message)")
        case let error as EmbeddedClusterError:
            self.init(exitCode: Self.unavailable, message: error.description)
        case let error as MigrationError:
            self.init(exitCode: Self.configuration, message: error.description)
        case let error as PostgresError:
            self.init(exitCode: Self.software, message: error.description)
        case let error as AdvisoryLockBusy:
            self.init(exitCode: Self.temporaryFailure, message: error.description)
        case let error as ScorecardError:
            self.init(exitCode: error.exitCode, message: error.description)
        default:
            self.init(exitCode: Self.software, message: "internal error: \(error)")
        }
    }
}
