import Logging
import Postgres
import ScorecardKit

/// What explain, sensitivity and report start from: the methodology file, a migrated
/// connection, and the as-published run of exactly the current inputs for the period asked for
/// (`latest`: the latest period scored with what was known at the as-of date, so that a run that
/// knows later publications is not taken).
struct PublishedRun {
    let file: MethodologyFile
    let connection: Connection
    let run: ScoreRuns.Run

    static func open(methodology: MethodologyOptions, workspace: Workspace?, period: String, asOf: CalendarDate,
                     database: DatabaseOptions, logger: Logger) throws -> PublishedRun {
        let file = try reportingMethodologyProblems { try methodology.load(workspace: workspace) }
        if period != "latest" && Period.parse(period, kind: file.methodology.period) == nil {
            throw ScoringError.badPeriod(period, file.methodology.period)
        }
        let connection = try database.connect(logger: logger, workspace: workspace)
        try Migrator(logger: logger).migrate(connection)
        guard let run = try ScoreRuns.published(connection, methodology: file, period: period == "latest" ? nil : period, asOf: asOf) else {
            throw ScoringError.noRun(period: period == "latest" ? "latest (as of \(asOf))" : period)
        }
        return PublishedRun(file: file, connection: connection, run: run)
    }
}
