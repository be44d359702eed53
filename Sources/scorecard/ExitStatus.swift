import ArgumentParser
import Foundation
import ScorecardKit

/// The process exit codes, from sysexits(3), so cron and scripts can tell failures apart.
/// The mapping of errors to codes is `FailureClassification` (shared with the run ledger).
struct ExitStatus {
    let code: Int32
    let message: String

    static let helpText = """
        Exit codes (sysexits): 0 done; 64 bad usage; 65 bad data (nothing loaded); 66 missing input; \
        69 database unavailable; 70 internal error; 73 output not writable (previous reports intact); \
        75 another run holds the lock (nothing done; try later); 78 bad configuration or methodology.
        """

    /// ArgumentParser's own errors (usage, --help) keep its formatting and codes.
    static func handles(_ error: Error) -> Bool {
        !(error is ExitCode) && !(error is CleanExit) && !(error is ValidationError)
            && String(describing: type(of: error)) != "CommandError"
    }

    init(_ error: Error) {
        let failure = FailureClassification(error)
        self.init(code: failure.exitCode, message: failure.message)
    }

    init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }
}
