import ArgumentParser
import Foundation
import Logging
import Postgres

/// Where the database is: shared by every command that touches it.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "PostgreSQL connection URL or libpq conninfo (default: $DATABASE_URL, then the PG* variables, then the embedded cluster).",
        valueName: "url"))
    var databaseURL: String?

    @Option(name: .long, help: ArgumentHelp("Folder of the embedded PostgreSQL cluster.", valueName: "dir"))
    var dataDir: String = ".scorecard/postgres"

    func location(logger: Logger) -> DatabaseLocation {
        DatabaseLocation.resolve(
            explicitURL: databaseURL,
            embeddedRoot: URL(fileURLWithPath: dataDir, isDirectory: true).standardizedFileURL,
            logger: logger)
    }

    /// Connects, starting the embedded cluster if needed.
    func connect(logger: Logger) throws -> Connection {
        try location(logger: logger).connect(logger: logger)
    }
}

/// How the command logs (to stderr; stdout is for results).
struct LoggingOptions: ParsableArguments {
    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .notice

    @Flag(name: [.short, .long], help: "Log only errors (for cron, which mails any output).")
    var quiet = false

    func makeLogger(label: String = "scorecard") -> Logger {
        let level = quiet ? Logger.Level.error : logLevel
        var logger = Logger(label: label) { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        logger.logLevel = level
        return logger
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
