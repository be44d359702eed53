import Postgres

#if canImport(Glibc)
import Glibc
#endif

/// The process exit codes, from sysexits(3) (and, for a statement timeout and a stop by a signal,
/// the conventions of timeout(1) and of shells), the same for every command, so that cron and
/// scripts can tell failures apart. This is their one definition: `FailureClassification` and every
/// `ScorecardError` return these cases, the CLI's `--help` is generated from this table, the run
/// ledger records the raw value, and tests check the README's and docs/operations.md's tables
/// (and the `scheduled_runs` view's meanings) against it.
public enum ExitCode: Int32, CaseIterable, Sendable {
    case done = 0
    case usage = 64
    case dataError = 65
    case noInput = 66
    case unavailable = 69
    case software = 70
    case cannotCreate = 73
    case ioError = 74
    case temporaryFailure = 75
    case configuration = 78
    case statementTimeout = 124
    case interrupted = 130
    case terminated = 143

    /// The code of a command stopped by `signal` (SIGINT or SIGTERM): 128 + the signal's number, as
    /// shells report a process a signal ended.
    public static func stopped(by signal: Int32) -> ExitCode {
        signal == SIGINT ? .interrupted : .terminated
    }

    /// The name in sysexits.h, or where the convention of a code outside it comes from.
    public var sysexitsName: String {
        switch self {
        case .done: "EX_OK"
        case .usage: "EX_USAGE"
        case .dataError: "EX_DATAERR"
        case .noInput: "EX_NOINPUT"
        case .unavailable: "EX_UNAVAILABLE"
        case .software: "EX_SOFTWARE"
        case .cannotCreate: "EX_CANTCREAT"
        case .ioError: "EX_IOERR"
        case .temporaryFailure: "EX_TEMPFAIL"
        case .configuration: "EX_CONFIG"
        case .statementTimeout: "timeout(1)"
        case .interrupted: "128 + SIGINT"
        case .terminated: "128 + SIGTERM"
        }
    }

    /// A few words, as the `scheduled_runs` view shows them (`exit_meaning`).
    public var meaning: String {
        switch self {
        case .done: "done"
        case .usage: "bad command line"
        case .dataError: "bad data"
        case .noInput: "missing input"
        case .unavailable: "database unavailable"
        case .software: "internal error"
        case .cannotCreate: "output not writable"
        case .ioError: "output failed"
        case .temporaryFailure: "another run holds the lock"
        case .configuration: "bad configuration"
        case .statementTimeout: "statement timed out"
        case .interrupted: "interrupted (SIGINT)"
        case .terminated: "terminated (SIGTERM)"
        }
    }

    /// What it means in full, one sentence without a final full stop.
    public var explanation: String {
        switch self {
        case .done:
            "the command did all it was asked"
        case .usage:
            "an unknown option or a value the command cannot use, e.g. a period the methodology does not have"
        case .dataError:
            "the dataset is invalid; nothing was loaded"
        case .noInput:
            "the workspace, the dataset folder, a data file or the methodology is missing, scorecard.yaml, the methodology or a password file is not a regular file (a named pipe, a folder, a device), or there is no score run to report"
        case .unavailable:
            "the database cannot be reached, went away mid-run, or has no room left (its disk is full); nothing was changed"
        case .software:
            "an unexpected failure (a bug)"
        case .cannotCreate:
            "a report, its folder or the lock file cannot be created (permissions, a file or folder in the way); the previous reports are intact"
        case .ioError:
            "writing the output failed once it was open (standard output, or a report file: a full disk, an I/O error); the previous reports are intact, standard output is incomplete"
        case .temporaryFailure:
            "another run holds the workspace's or the database's lock, or readers' queries kept the schema from being updated; this one did nothing (try later)"
        case .configuration:
            "bad scorecard.yaml or methodology, or a migration changed after it was applied (a database migrated by another version)"
        case .statementTimeout:
            "a statement ran longer than statement_timeout (\(Connection.defaultStatementTimeoutSeconds / 60) min unless the URL's options or PGOPTIONS set it), or an administrator cancelled it; its transaction was rolled back"
        case .interrupted:
            "SIGINT (Ctrl-C) stopped the command: the statement running was cancelled and its transaction rolled back; the steps finished before stay"
        case .terminated:
            "SIGTERM (kill, systemctl stop, a shutdown) stopped the command: the statement running was cancelled and its transaction rolled back; the steps finished before stay"
        }
    }

    /// The exit codes for `--help`: one short line per code (the explanations are in the README).
    public static var helpText: String {
        "Exit codes (sysexits; 124, 130 and 143 as timeout(1) and shells use them), the same for every command:\n"
            + allCases.map { "  \($0.rawValue) \($0.meaning)" }.joined(separator: "\n")
    }
}

/// `ExitCode` by a name no other module uses, for code that also imports ArgumentParser (which has
/// an `ExitCode` of its own; `ScorecardKit.ExitCode` would name a member of the `ScorecardKit` enum).
public typealias ScorecardExitCode = ExitCode
