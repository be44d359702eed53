import Postgres

/// One database, one workspace. A database holds one workspace's dataset, runs and editions: a
/// second workspace's run would load its own dataset over them and publish from the mixture. The
/// database's workspace is the one of its latest successful run (`scorecard.run_ledger`); a run
/// of another refuses (exit 78), unless told the database is now this workspace's (it moved).
enum WorkspaceClaim {
    static func check(_ connection: Connection, workspace: Workspace, adopt: Bool) throws {
        guard let holder = try connection.query(QueryFiles.sql("run/database_workspace", [])).first?.decode("workspace", as: String.self),
              holder != workspace.root.path else { return }
        guard adopt else { throw AnotherWorkspacesDatabase(holder: holder, workspace: workspace.root.path) }
    }
}

public struct AnotherWorkspacesDatabase: ScorecardError, Equatable {
    public let holder: String
    public let workspace: String
    public var exitCode: ExitCode { .configuration }
    public var description: String {
        "this database holds the workspace \(holder) (its latest successful run), not \(workspace): one database serves one workspace. "
            + "Give this workspace its own database (database.url in scorecard.yaml), or, if \(holder) was moved to \(workspace), run again with --adopt-database"
    }
}
