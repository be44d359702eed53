import ArgumentParser
@preconcurrency import Glibc
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

    init(code: ExitCode, message: String) {
        self.code = code
        self.message = message
    }

    /// The final line on stderr, `scorecard: …` in text, an `error` event with its `exit_code` in the
    /// structured log formats (the format of the command line, which has parsed).
    func writeMessage() {
        guard !message.isEmpty else { return }
        let format = LogFormat.requested(in: CommandLine.arguments)
        let line = format == .text
            ? "scorecard: \(message)"
            : StructuredLogHandler.line(format, level: .error, label: "scorecard", message: message,
                                        metadata: ["exit_code": "\(code.rawValue)"])
        StandardError.write(line + "\n")
    }
}

/// Standard output could not be written (checked once the command has run, when stdout is flushed).
struct StandardOutputFailed: ScorecardError {
    let reason: String
    var exitCode: ExitCode { .ioError }
    var description: String { "cannot write to standard output: \(reason)" }

    /// Flushes stdout and throws if anything written to it was lost: a write that failed while the
    /// command ran (its buffer filled) leaves the stream's error flag set, the last flush may fail too.
    static func check() throws {
        // Only the main thread writes stdout, after every command has finished.
        let stream = stdout
        let flushed = fflush(stream) == 0
        let reason = String(cString: strerror(errno))
        if !flushed || ferror(stream) != 0 { throw StandardOutputFailed(reason: flushed ? "a write failed" : reason) }
    }
}
