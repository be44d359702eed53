import Foundation
import Postgres

/// The date a command takes for today: which periods are complete (and so scored and reported as
/// `latest`), whether a period is provisional, and the date of a load ("dated in the future"
/// checks). `--as-of YYYY-MM-DD`, else `$SCORECARD_AS_OF`, else today's date in UTC. Fixing it
/// makes a run reproducible whatever the day: the same inputs, methodology and as-of date give
/// the same runs and byte-identical reports.
public enum AsOf {
    public static let environmentVariable = "SCORECARD_AS_OF"

    /// The as-of date from the option, else the environment variable (an empty one counts as
    /// unset), else today (UTC). A malformed value is a usage error naming where it came from.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                               today: () -> CalendarDate = { .today }) throws -> CalendarDate {
        if let option {
            guard let date = CalendarDate(iso: option) else { throw AsOfInvalid(source: "--as-of", value: option) }
            return date
        }
        if let value = environment[environmentVariable], !value.isEmpty {
            guard let date = CalendarDate(iso: value) else { throw AsOfInvalid(source: environmentVariable, value: value) }
            return date
        }
        return today()
    }
}

/// `--as-of` or `$SCORECARD_AS_OF` is not a real date written YYYY-MM-DD (exit 64).
public struct AsOfInvalid: ScorecardError, Equatable {
    public let source: String
    public let value: String

    public var exitCode: ExitCode { .usage }
    public var description: String {
        "\(source): '\(value)' is not a real calendar date written YYYY-MM-DD (the date to take for today)"
    }
}

extension Period {
    /// Complete at `asOf` when its last day is before the as-of date. A period is not complete on
    /// its own last day: what is published that day may not be in the dataset yet, so as of
    /// 2026-09-30 the latest complete quarter is 2026-Q2, and as of 2026-10-01 it is 2026-Q3.
    public func isComplete(asOf: CalendarDate) -> Bool { end < asOf }

    /// The last period complete at `asOf` (the one before the period containing it).
    public static func latestComplete(asOf: CalendarDate, kind: Methodology.PeriodKind) -> Period {
        containing(asOf, kind: kind).previous
    }
}
