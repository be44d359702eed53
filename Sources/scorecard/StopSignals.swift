import Dispatch
@preconcurrency import Glibc
import Foundation
import Postgres
import ScorecardKit

/// A command that works in the database, which SIGTERM and SIGINT stop cleanly (`StopSignals`)
/// rather than kill: the others hold no transaction to roll back, and keep the default actions
/// (`db psql` passes them on to psql, which replaces this process).
protocol StopsCleanlyOnSignals {}

extension Run: StopsCleanlyOnSignals {}
extension Load: StopsCleanlyOnSignals {}
extension Validate: StopsCleanlyOnSignals {}  // in a transaction only with --database-url; else DatasetScan heeds the stop
extension Score: StopsCleanlyOnSignals {}
extension Sensitivity: StopsCleanlyOnSignals {}
extension Report: StopsCleanlyOnSignals {}
extension Explain: StopsCleanlyOnSignals {}
extension Migrate: StopsCleanlyOnSignals {}
extension GrantReader: StopsCleanlyOnSignals {}

/// SIGTERM (systemd, a shutdown, kill) and SIGINT (Ctrl-C) while a command works in the database.
/// The first asks `Interruption` to stop: the statement running is cancelled (PQcancel), the work
/// unwinds through its ROLLBACK and, for `scorecard run`, the ledger's `interrupted`, and the
/// command exits 143 or 130 (`FailureClassification`). A second signal while stopping exits at once
/// with the same codes: the cancel is out, and the server rolls back what a closed connection had
/// open (the ledger row then stays `running`, and the next run marks it `abandoned`).
///
/// Signals are received by DispatchSources, on a queue of their own, never in a signal handler:
/// the work they do (locks, libpq) is not async-signal-safe.
enum StopSignals {
    static let handled = [SIGTERM, SIGINT]

    /// Installs the sources, once, before the command runs.
    static func install() {
        receiver.install()
    }

    private static let receiver = Receiver()

    private final class Receiver: @unchecked Sendable {
        /// Everything below is touched on `queue` only (and by `install`, before any signal is watched).
        private let queue = DispatchQueue(label: "scorecard.stop-signals")
        private var sources: [DispatchSourceSignal] = []
        private var received = 0

        func install() {
            guard sources.isEmpty else { return }
            for signal in StopSignals.handled {
                // Ignored, so that the default action (termination) does not happen; the source still sees it.
                Glibc.signal(signal, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signal, queue: queue)
                source.setEventHandler { [unowned self] in receive(signal) }
                source.resume()
                sources.append(source)
            }
        }

        private func receive(_ signal: Int32) {
            received += 1
            let code = ExitCode.stopped(by: signal)
            guard received == 1 else {
                ExitStatus(code: code, message: "\(Interrupted(signal: signal).signalName) again while stopping: exiting at once (the server rolls back what was open)")
                    .writeMessage()
                _exit(code.rawValue)
            }
            // Elsewhere: sending the cancel can wait on a server that does not answer, and a second
            // signal must still be received meanwhile.
            DispatchQueue.global().async { Interruption.request(signal: signal) }
        }
    }
}
