import Postgres

/// What publishing an edition refuses.
public enum EditionError: ScorecardError, Equatable {
    /// An edition is of a complete period: one not over at the as-of date can only be provisional.
    case periodNotComplete(String, asOf: CalendarDate)

    public var exitCode: ExitCode {
        switch self {
        case .periodNotComplete: .usage
        }
    }

    public var description: String {
        switch self {
        case let .periodNotComplete(period, asOf):
            "\(period) is not complete as of \(asOf): only a complete period is published as an edition (a provisional report of the current period is written by scorecard run with provisional: true)"
        }
    }
}
