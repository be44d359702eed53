import ArgumentParser
import ScorecardKit

/// The options of the commands that do a workspace's whole job (`run`, `publish`, `preview`), and
/// the job they describe.
struct JobOptions: ParsableArguments {
    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var asOfOptions: AsOfOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    @Flag(help: "Take over a database another workspace ran on: the workspace was moved here (one database serves one workspace; without this flag such a run exits 78).")
    var adoptDatabase = false

    /// The job, for a workspace (exit 66 outside one).
    func scheduledRun(_ mode: ScheduledRun.Mode, showsProgress: Bool = true) throws -> ScheduledRun {
        let logger = logging.makeLogger()
        let asOf = try asOfOptions.resolve()
        guard let workspace = try workspaceOptions.resolve() else { throw NoWorkspace() }
        return ScheduledRun(workspace: workspace, asOf: asOf, location: database.location(logger: logger, workspace: workspace), logger: logger,
                            progress: showsProgress ? TerminalProgress.ifInteractive(quiet: logging.quiet) : nil,
                            mode: mode, adoptDatabase: adoptDatabase)
    }
}
