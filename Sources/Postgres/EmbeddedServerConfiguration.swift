import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The configuration files of the embedded server, written into its data folder.
enum EmbeddedServerConfiguration {
    /// Our settings live in their own file, included from postgresql.conf, so that they can be
    /// rewritten on every start (the socket folder follows the root folder if it moves).
    static let settingsFileName = "scorecard.conf"

    /// Only the Unix socket is open. The superuser needs no password there (only this OS user
    /// can reach the private socket folder); every other role, such as the read-only roles made
    /// for reports, must log in with its password.
    static func accessRules(superuser: String) -> String {
        """
        # Written by scorecard. TYPE  DATABASE  USER  METHOD
        local all \(superuser) trust
        local all all scram-sha-256

        """
    }

    static func settings(socketDirectory: URL, port: Int) -> String {
        """
        # Written by scorecard on every start of its private server; edits here are lost.
        listen_addresses = ''
        port = \(port)
        unix_socket_directories = \(quoted(socketDirectory.path))
        password_encryption = 'scram-sha-256'
        # Sized for batch loads of up to millions of rows on a small machine: fewer
        # checkpoints during a load, room for sorts and hashes of a scoring run.
        shared_buffers = '256MB'
        wal_buffers = '16MB'
        max_wal_size = '4GB'
        checkpoint_timeout = '15min'
        work_mem = '64MB'
        maintenance_work_mem = '256MB'
        temp_buffers = '64MB'

        """
    }

    static let includeDirective = """

        # Scorecard's own settings (socket, no TCP), rewritten on every start.
        include '\(settingsFileName)'

        """

    /// A postgresql.conf string literal: quotes doubled, backslashes escaped.
    static func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Writes a file readable only by the server's account, as PostgreSQL keeps its own.
    static func write(_ text: String, to url: URL, owner: ClusterOwner) throws {
        do {
            try Data(text.utf8).write(to: url)
        } catch {
            throw EmbeddedClusterError(.fileSystem, "Could not write \(url.path): \(error.localizedDescription)")
        }
        chmod(url.path, 0o600)
        try owner.takeOwnership(of: url)
    }

    static func append(_ text: String, to url: URL) throws {
        guard let handle = FileHandle(forWritingAtPath: url.path) else {
            throw EmbeddedClusterError(.fileSystem, "Could not open \(url.path) to add Scorecard's settings")
        }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }
}
