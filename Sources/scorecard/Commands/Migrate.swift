import ArgumentParser
import ScorecardKit

struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply the SQL migrations of Schemas/ that the database lacks.",
        discussion: "Each migration runs in its own transaction and is recorded with its SHA-256; a recorded migration whose file changed stops the run. Safe to run concurrently.")

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func run() throws {
        let logger = logging.makeLogger()
        let connection = try database.connect(logger: logger, workspace: try workspaceOptions.resolve())
        let outcome = try Migrator(logger: logger).migrate(connection)
        if outcome.applied.isEmpty {
            print("schema up to date (version \(outcome.current))")
        } else {
            print("applied \(outcome.applied.count) migration(s): \(outcome.applied.joined(separator: ", ")); schema at version \(outcome.current)")
        }
    }
}
