import ArgumentParser
import Foundation
import ScorecardKit

/// In this module `ExitCode` is ScorecardKit's table of exit codes, not ArgumentParser's struct.
typealias ExitCode = ScorecardExitCode

/// How a failure of one of scorecard's commands ends the process. The codes and their meanings
/// are `ExitCode`; the mapping of errors to codes is `FailureClassification` (shared with the run
/// ledger).
struct ExitStatus {
    let code: ExitCode
    let message: String

    /// The exit codes, for `--help`.
    static var helpText: String { ExitCode.helpText }

    /// The errors that a command's `run()` throws for ArgumentParser to report in its own way
    /// (usage and exit 64 for a ValidationError; a bare code; a clean exit).
    static func isForArgumentParser(_ error: Error) -> Bool {
        error is ArgumentParser.ExitCode || error is CleanExit || error is ValidationError
    }

    init(_ error: Error) {
        let failure = FailureClassification(error)
        self.code = failure.exitCode
        self.message = failure.message
    }
}
