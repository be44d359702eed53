import ArgumentParser
import Foundation
import Postgres
import ScorecardKit

struct DB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Manage and inspect the database (the embedded cluster, or the one configured).",
        subcommands: [Start.self, Stop.self, Status.self, URLCommand.self, Psql.self])

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start the embedded cluster (creating it on first use).")
        @OptionGroup var workspaceOptions: WorkspaceOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var logging: LoggingOptions

        func run() throws {
            let logger = logging.makeLogger()
            guard case let .embedded(cluster) = database.location(logger: logger, workspace: try workspaceOptions.resolve()) else {
                throw NotEmbedded(action: "start")
            }
            let started = try cluster.start()
            print(started ? "started embedded cluster at \(cluster.root.path)" : "embedded cluster already running at \(cluster.root.path)")
        }
    }

    struct Stop: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the embedded cluster.")
        @OptionGroup var workspaceOptions: WorkspaceOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var logging: LoggingOptions

        func run() throws {
            let logger = logging.makeLogger()
            guard case let .embedded(cluster) = database.location(logger: logger, workspace: try workspaceOptions.resolve()) else {
                throw NotEmbedded(action: "stop")
            }
            try cluster.stop()
            print("embedded cluster stopped")
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say which database is in use, whether it answers, and its schema version.",
            discussion: "Exits 69 when the database does not answer.")
        @OptionGroup var workspaceOptions: WorkspaceOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var logging: LoggingOptions

        func run() throws {
            let logger = logging.makeLogger()
            let location = database.location(logger: logger, workspace: try workspaceOptions.resolve())
            print("database: \(location.summary)")
            if case let .embedded(cluster) = location {
                switch try cluster.status() {
                case .notInitialized: print("server:   not created yet (any command that needs it creates and starts it)")
                case .stopped: print("server:   stopped")
                case let .running(pid): print("server:   running (pid \(pid)), socket in \(cluster.socketDirectory.path)")
                }
            }
            let ping = Connection.ping(conninfo: location.conninfo)
            print("answers:  \(ping == .accepting ? "yes" : "no (\(ping.rawValue))")")
            guard ping == .accepting else { throw DatabaseUnavailable(reason: ping.rawValue) }
            let connection = try Connection(conninfo: location.conninfo, logger: logger)
            print("server version: \(connection.serverVersion / 10000).\(connection.serverVersion % 10000)")
            print("connected as \(connection.userName) to database \(connection.databaseName)")
            let migrator = Migrator(logger: logger)
            let pending = try migrator.pendingMigrations(connection)
            let objectsCurrent = pending.isEmpty ? try migrator.objectsAreCurrent(connection) : false
            print("schema:   \(pending.isEmpty ? (objectsCurrent ? "up to date" : "views and functions out of date (run: scorecard migrate)") : "\(pending.count) migration(s) pending (run: scorecard migrate)")")
        }
    }

    struct URLCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "url",
            abstract: "Print the connection URL of the database in use (for psql, notebooks, BI tools).")
        @OptionGroup var workspaceOptions: WorkspaceOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var logging: LoggingOptions

        func run() throws {
            let location = database.location(logger: logging.makeLogger(), workspace: try workspaceOptions.resolve())
            if case .environment = location {
                print("")  // libpq reads the PG* variables itself: an empty conninfo means "use them".
            } else {
                print(location.conninfo)
            }
        }
    }

    struct Psql: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open psql on the database in use (starting the embedded cluster if needed).",
            discussion: "Arguments after -- are passed to psql, e.g. scorecard db psql -- -c 'table scorecard.schema_migrations'.")
        @OptionGroup var workspaceOptions: WorkspaceOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var logging: LoggingOptions
        @Argument(parsing: .postTerminator, help: "Arguments passed on to psql.")
        var psqlArguments: [String] = []

        func run() throws {
            let logger = logging.makeLogger()
            let location = database.location(logger: logger, workspace: try workspaceOptions.resolve())
            if case let .embedded(cluster) = location { try cluster.start() }
            let psql = PostgresBinaries.locateClient("psql") ?? "psql"
            var arguments = [psql]
            if !location.conninfo.isEmpty { arguments.append(location.conninfo) }
            arguments += psqlArguments
            // Replace this process, so psql owns the terminal and its exit code is ours.
            let argv = arguments.map { strdup($0) } + [nil]
            execvp(psql, argv)
            throw PsqlNotFound(errno: errno)
        }
    }
}

struct NotEmbedded: ScorecardError {
    let action: String
    var exitCode: ExitCode { .configuration }
    var description: String { "cannot \(action): a database is configured (--database-url, DATABASE_URL or PG* variables), so the embedded cluster is not in use" }
}

struct DatabaseUnavailable: ScorecardError {
    let reason: String
    var exitCode: ExitCode { .unavailable }
    var description: String { "the database does not answer: \(reason)" }
}

struct PsqlNotFound: ScorecardError {
    let errno: Int32
    var exitCode: ExitCode { .unavailable }
    var description: String { "cannot run psql (\(String(cString: strerror(errno)))); install it with: apt-get install -y postgresql-client" }
}
