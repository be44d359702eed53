import ArgumentParser
import Foundation
import Logging
import Postgres
import ScorecardKit

/// The workspace a command works in: `--workspace DIR`, else the current folder when it holds a
/// `scorecard.yaml`, else none (and every path comes from the command's own arguments).
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The workspace folder, with scorecard.yaml (default: the current folder when it holds one).",
        valueName: "dir"), completion: .directory)
    var workspace: String?

    func resolve() throws -> Workspace? { try Workspace.locate(explicit: workspace) }
}

/// Where the database is: shared by every command that touches it.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "PostgreSQL connection URL or libpq conninfo (default: the workspace's database.url, $DATABASE_URL, the PG* variables, then the embedded cluster).",
        valueName: "url"))
    var databaseURL: String?

    @Option(name: .long, help: ArgumentHelp(
        "Folder of the embedded PostgreSQL cluster (default: .scorecard/postgres in the workspace, or in the current folder).",
        valueName: "dir"), completion: .directory)
    var dataDir: String?

    func location(logger: Logger, workspace: Workspace? = nil) -> DatabaseLocation {
        let embeddedRoot = dataDir.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
            ?? workspace?.embeddedDatabaseRoot
            ?? URL(fileURLWithPath: ".scorecard/postgres", isDirectory: true).standardizedFileURL
        return DatabaseLocation.resolve(explicitURL: databaseURL, configuredURL: workspace?.config.databaseURL,
                                        embeddedRoot: embeddedRoot, logger: logger)
    }

    /// Connects, starting the embedded cluster if needed.
    func connect(logger: Logger, workspace: Workspace? = nil) throws -> Connection {
        try location(logger: logger, workspace: workspace).connect(logger: logger)
    }
}

/// How the command logs (to stderr; stdout is for results).
struct LoggingOptions: ParsableArguments {
    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .notice

    @Option(name: .long, help: ArgumentHelp("Log line format on stderr: text, json or logfmt.", valueName: "format"))
    var logFormat: LogFormat = .text

    @Flag(name: [.short, .long], help: "Print nothing on success and log only errors (for cron, which mails any output).")
    var quiet = false

    func makeLogger(label: String = "scorecard") -> Logger {
        let level = quiet ? Logger.Level.error : logLevel
        let format = logFormat
        var logger = Logger(label: label) { label in
            var handler: LogHandler = format == .text
                ? StreamLogHandler.standardError(label: label)
                : StructuredLogHandler(label: label, format: format)
            handler.logLevel = level
            return handler
        }
        logger.logLevel = level
        return logger
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// The date a command takes for today (`AsOf`): which periods are complete, which are provisional,
/// the date of a load. Shared by every command that scores, reports or loads.
struct AsOfOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The date to take for today, YYYY-MM-DD: latest is the last period complete by then, a period not complete by then is provisional, a load refuses later dates (default: $\(AsOf.environmentVariable), else today's date in UTC).",
        valueName: "date"))
    var asOf: String?

    /// The as-of date; a malformed --as-of or $SCORECARD_AS_OF is exit 64, naming which.
    func resolve() throws -> CalendarDate { try AsOf.resolve(option: asOf) }
}
