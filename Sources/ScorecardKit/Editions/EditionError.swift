import Postgres

/// What publishing an edition refuses.
public enum EditionError: ScorecardError, Equatable {
    /// An edition is of a complete period: one not over at the as-of date can only be provisional.
    case periodNotComplete(String, asOf: CalendarDate)
    /// A file an edition lists has no content in the database (which refuses to delete it).
    case storedFileMissing(period: String, file: String)

    public var exitCode: ExitCode {
        switch self {
        case .periodNotComplete: .usage
        case .storedFileMissing: .software
        }
    }

    public var description: String {
        switch self {
        case let .periodNotComplete(period, asOf):
            "\(period) is not complete as of \(asOf): only a complete period is published as an edition (a provisional report of the current period is written by scorecard run with provisional: true)"
        case let .storedFileMissing(period, file):
            "the edition of \(period) lists \(file), but the database holds no content for it: the database was changed outside Scorecard"
        }
    }
}
