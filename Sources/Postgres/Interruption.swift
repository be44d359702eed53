import CLibPQ
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A request from outside the work (SIGTERM or SIGINT, in scorecard) that it stop: the statement
/// each open connection is running is cancelled (libpq's `PQcancel`), and the work is told once,
/// as an `Interrupted` error, at its next statement or `checkpoint()`. Told once, so that what
/// the error unwinds through (a ROLLBACK, the run ledger's last word) can still reach the server.
///
/// `request` is for an ordinary thread (a DispatchSource's handler), not for a signal handler: it
/// takes locks and waits for the cancel requests to be sent.
public enum Interruption {
    /// Marks the process interrupted by `signal`, then sends a cancel request for every open
    /// connection (a connection idle between statements ignores it). Only the first request counts.
    public static func request(signal: Int32) {
        guard let cancels = state.begin(signal: signal) else { return }
        for cancel in cancels { cancel.send() }
        state.cancelsSent()
    }

    /// Throws `Interrupted` if a stop was requested and the work was not told yet. Every statement
    /// starts with one; long work that sends no statement calls it itself.
    public static func checkpoint() throws {
        if let interrupted = state.deliver() { throw interrupted }
    }

    /// The signal of the stop requested, if any (whether or not the work was told).
    public static var signal: Int32? { state.signal }

    /// What a statement that failed with `error` should throw: a statement cancelled after a stop
    /// was requested was cancelled by that request, whatever else (a statement timeout) could
    /// have cancelled it.
    static func reason(for error: PostgresError) -> Error {
        guard error.sqlState == .queryCanceled, let signal = state.signal else { return error }
        _ = state.deliver()
        return Interrupted(signal: signal)
    }

    static func register(_ cancel: CancelRequest) { state.register(cancel) }
    static func unregister(_ cancel: CancelRequest) { state.unregister(cancel) }

    private static let state = State()

    private final class State: @unchecked Sendable {
        private let condition = NSCondition()
        private var requested: Int32?
        private var sent = false
        private var delivered = false
        private var open: [ObjectIdentifier: CancelRequest] = [:]

        var signal: Int32? { condition.withLock { requested } }

        /// The connections to cancel, or nil when a stop was requested before.
        func begin(signal: Int32) -> [CancelRequest]? {
            condition.withLock {
                guard requested == nil else { return nil }
                requested = signal
                return Array(open.values)
            }
        }

        func cancelsSent() {
            condition.withLock {
                sent = true
                condition.broadcast()
            }
        }

        /// The error to throw, the first time only. It waits (a few seconds at most) until the cancel
        /// requests are out: one arriving late would cancel the ROLLBACK or the ledger's update that
        /// the error is about to cause.
        func deliver() -> Interrupted? {
            condition.withLock {
                guard let requested, !delivered else { return nil }
                let deadline = Date().addingTimeInterval(5)
                while !sent, condition.wait(until: deadline) {}
                delivered = true
                return Interrupted(signal: requested)
            }
        }

        func register(_ cancel: CancelRequest) { condition.withLock { open[ObjectIdentifier(cancel)] = cancel } }
        func unregister(_ cancel: CancelRequest) { _ = condition.withLock { open.removeValue(forKey: ObjectIdentifier(cancel)) } }
    }
}

/// The work stopped because the process was asked to (`Interruption`): the statement running was
/// cancelled and its transaction rolled back.
public struct Interrupted: Error, Sendable, CustomStringConvertible {
    public let signal: Int32

    public init(signal: Int32) { self.signal = signal }

    /// SIGTERM, SIGINT, or the number.
    public var signalName: String {
        switch signal {
        case SIGTERM: "SIGTERM"
        case SIGINT: "SIGINT"
        default: "signal \(signal)"
        }
    }

    public var description: String {
        "stopped by \(signalName): the work in progress was cancelled and its transaction rolled back"
    }
}

/// libpq's cancel object for one connection (`PQgetCancel`): the server's address and the
/// backend's key, read-only after it is made, so another thread may send it while the connection's
/// own thread waits for a result (libpq documents `PQcancel` as safe for that).
final class CancelRequest: @unchecked Sendable {
    private let cancel: OpaquePointer

    init?(connection: OpaquePointer) {
        guard let cancel = PQgetCancel(connection) else { return nil }
        self.cancel = cancel
    }

    /// Asks the server to cancel the backend's statement; it returns once the server has the request.
    func send() {
        var message = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancel, &message, Int32(message.count))
    }

    deinit { PQfreeCancel(cancel) }
}
