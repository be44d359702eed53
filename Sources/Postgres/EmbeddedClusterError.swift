/// Why the embedded PostgreSQL cluster could not be set up, started or stopped.
/// The message says what went wrong and what to do about it, and quotes the tools' output.
public struct EmbeddedClusterError: Error, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// initdb, pg_ctl or postgres could not be found.
        case binariesNotFound
        /// Running as root, but there is no `postgres` system user to run the server as.
        case systemUserMissing
        /// A PostgreSQL tool exited with an error.
        case commandFailed
        /// The server did not start, or did not accept connections, in time.
        case startFailed
        /// Another process held the cluster's lock for too long.
        case lockTimedOut
        /// A file or folder of the cluster is missing, unsafe or belongs to someone else.
        case fileSystem
    }

    public let reason: Reason
    public let message: String

    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { message }
}
