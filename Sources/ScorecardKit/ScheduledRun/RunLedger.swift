import Foundation
import Postgres

/// The run's row in `scorecard.run_ledger`: written when the run has the lock, completed when it
/// ends. Each statement commits on its own, so the row survives a run that fails half way.
struct RunLedger {
    let connection: Connection
    let id: Int64

    /// Marks rows left `running` by runs that died (the caller holds the run lock, so no other
    /// run is alive), then opens this run's row.
    static func start(_ connection: Connection, workspace: Workspace) throws -> RunLedger {
        try connection.execute("""
            UPDATE scorecard.run_ledger SET status = 'abandoned', finished_at = clock_timestamp()
            WHERE status = 'running'
            """)
        let host = ProcessInfo.processInfo.hostName
        let id = try connection.query("""
            INSERT INTO scorecard.run_ledger (workspace, config_sha256, scorecard_version, host)
            VALUES (\(workspace.root.path), \(workspace.configSHA256), \(ScorecardKit.version), \(host))
            RETURNING id
            """).first!.decode("id", as: Int64.self)
        return RunLedger(connection: connection, id: id)
    }

    /// Records what the run changed so far (called after each step, so a failed run shows it too).
    func record(_ changes: ScheduledRun.Changes) throws {
        try connection.execute("""
            UPDATE scorecard.run_ledger SET
                load_batch_id = \(changes.loadBatchID), rows_inserted = \(changes.rowsInserted),
                rows_updated = \(changes.rowsUpdated), rows_deleted = \(changes.rowsDeleted),
                periods_scored = \(changes.periodsScored), score_runs_computed = \(changes.scoreRunsComputed.map(String.init))::bigint[],
                editions_published = \(changes.editionsPublished),
                restatements = \(changes.restatements), sensitivity_run_id = \(changes.sensitivityRunID),
                files_written = \(changes.filesWritten), files_unchanged = \(changes.filesUnchanged)
            WHERE id = \(id)
            """)
    }

    func finish(exitCode: ExitCode, message: String?) throws {
        let status = switch exitCode {
        case .done: "succeeded"
        // Stopped by a signal, cleanly: not a failure of the inputs or the server, and not abandoned.
        case .interrupted, .terminated: "interrupted"
        default: "failed"
        }
        try connection.execute("""
            UPDATE scorecard.run_ledger
            SET status = \(status), exit_code = \(Int(exitCode.rawValue)), message = \(message), finished_at = clock_timestamp()
            WHERE id = \(id)
            """)
    }
}
