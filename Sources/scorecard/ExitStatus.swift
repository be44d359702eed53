import ArgumentParser
import Foundation
import Postgres
import ScorecardKit

/// The process exit codes, from sysexits(3), so cron and scripts can tell failures apart.
struct ExitStatus {
    let code: Int32
    let message: String

    static let ok: Int32 = 0
    static let dataError: Int32 = 65        // EX_DATAERR: bad input data; nothing was loaded
    static let noInput: Int32 = 66          // EX_NOINPUT: an input file or folder is missing
    static let unavailable: Int32 = 69      // EX_UNAVAILABLE: the database cannot be reached
    static let software: Int32 = 70         // EX_SOFTWARE: an internal error (a bug)
    static let cannotCreate: Int32 = 73     // EX_CANTCREAT: an output file cannot be written
    static let temporaryFailure: Int32 = 75 // EX_TEMPFAIL: another run holds the lock; try later
    static let configuration: Int32 = 78    // EX_CONFIG: bad configuration or methodology

    static let helpText = """
        Exit codes: 0 done; 65 bad data (nothing loaded); 66 missing input; \
        69 database unavailable; 70 internal error; 73 output not writable; \
        75 another run holds the lock; 78 bad configuration.
        """

    /// ArgumentParser's own errors (usage, --help) keep its formatting and codes.
    static func handles(_ error: Error) -> Bool {
        !(error is ExitCode) && !(error is CleanExit) && !(error is ValidationError)
            && String(describing: type(of: error)) != "CommandError"
    }

    init(_ error: Error) {
        switch error {
        case let error as PostgresError where error.kind == .connection:
            self.init(code: ExitStatus.unavailable, message: "database unavailable: \(error.message)")
        case let error as EmbeddedClusterError:
            self.init(code: ExitStatus.unavailable, message: error.description)
        case let error as MigrationError:
            self.init(code: ExitStatus.configuration, message: error.description)
        case let error as PostgresError:
            self.init(code: ExitStatus.software, message: error.description)
        case let error as AdvisoryLockBusy:
            self.init(code: ExitStatus.temporaryFailure, message: error.description)
        case let error as ScorecardError:
            self.init(code: error.exitCode, message: error.description)
        default:
            self.init(code: ExitStatus.software, message: "internal error: \(error)")
        }
    }

    init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }
}
