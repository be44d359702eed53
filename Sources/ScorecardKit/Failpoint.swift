import Foundation
import Postgres

/// Named places where a run can be held, for fault-injection tests only: with
/// `SCORECARD_FAILPOINT=<name>` and `SCORECARD_FAILPOINT_FILE=<path>` in the environment, the
/// process creates the file on reaching the place and waits until the file is removed. The test
/// does its damage in between (kills the server, makes the output unwritable), deterministically.
/// Without both variables (always, outside tests) a failpoint does nothing.
public enum Failpoint: String, Sendable, CaseIterable {
    /// Inside the load transaction, after every change was applied, before the commit.
    case load
    /// After the first file of a dataset is read and checked (`DatasetScan`), by validate or load.
    case read
    /// Inside the scoring transaction of the first period computed, before its commit.
    case score
    /// Inside the transaction publishing the first edition, after its record and files are
    /// stored, before the commit.
    case publish
    /// Before the report model is read from the database.
    case report
    /// After the reports are rendered, before any file is written.
    case write
    /// After every changed report is on disk beside its target (a temporary file), before any is
    /// renamed into place.
    case replace

    /// Holds the process at this place, the first time only, and no longer once a stop was requested
    /// (`Interruption`): the work then goes on to its next checkpoint, as it would from any other place.
    public func pause() {
        let environment = ProcessInfo.processInfo.environment
        guard environment["SCORECARD_FAILPOINT"] == rawValue, let path = environment["SCORECARD_FAILPOINT_FILE"],
              Failpoint.reached.insert(self) else { return }
        guard FileManager.default.createFile(atPath: path, contents: Data(rawValue.utf8)) else { return }
        // Bounded, so a test that forgets the file cannot leave a process behind forever.
        let deadline = Date().addingTimeInterval(300)
        while FileManager.default.fileExists(atPath: path), Date() < deadline, Interruption.signal == nil {
            Thread.sleep(forTimeInterval: 0.02)
        }
    }
}

extension Failpoint {
    private final class ReachedSet: @unchecked Sendable {
        private let lock = NSLock()
        private var reached: Set<Failpoint> = []
        /// True the first time `failpoint` is inserted.
        func insert(_ failpoint: Failpoint) -> Bool { lock.withLock { reached.insert(failpoint).inserted } }
    }
    private static let reached = ReachedSet()
}
