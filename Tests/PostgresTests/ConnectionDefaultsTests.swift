import Foundation
import Logging
@testable import Postgres
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The bounds every connection gets unless the user's URL sets its own (ConnectionDefaults.swift),
/// as the server and the kernel apply them.
@Suite("Connection defaults: a bound on every wait")
struct ConnectionDefaultsTests {
    @Test func statementsHaveALockTimeoutAndAStatementTimeout() throws {
        let url = try TestCluster.makeDatabase(prefix: "defaults")
        let connection = try Connection(conninfo: url, logger: .quiet)
        #expect(try setting("lock_timeout", connection) == "5min")
        #expect(try setting("statement_timeout", connection) == "30min")
        #expect(Connection.defaultStatementTimeoutSeconds > Connection.defaultLockTimeoutSeconds,
                "a lock wait must end as a lock timeout (exit 75), not as a statement timeout")

        // The URL's options replace both defaults.
        let own = try Connection(conninfo: url + (url.contains("?") ? "&" : "?") + "options=-c%20statement_timeout%3D7s", logger: .quiet)
        #expect(try setting("statement_timeout", own) == "7s")
        #expect(try setting("lock_timeout", own) == "0")
    }

    /// On TCP, the socket probes a silent server and gives up on data it does not acknowledge;
    /// a keyword in the URL replaces its default.
    @Test func tcpConnectionsProbeTheServerAndBoundUnacknowledgedData() throws {
        let proxy = try SilentServerProxy(databaseURL: try TestCluster.makeDatabase(prefix: "keepalives"))
        defer { proxy.stop() }
        let connection = try Connection(conninfo: proxy.url, logger: .quiet)
        #expect(try connection.query("SELECT 1 AS one").first!.decode("one", as: Int.self) == 1)
        let socket = connection.socketDescriptor
        #expect(option(socket, SOL_SOCKET, SO_KEEPALIVE) == 1)
        #expect(option(socket, Int32(IPPROTO_TCP), TCP_KEEPIDLE) == 60)
        #expect(option(socket, Int32(IPPROTO_TCP), TCP_KEEPINTVL) == 10)
        #expect(option(socket, Int32(IPPROTO_TCP), TCP_KEEPCNT) == 6)
        #expect(option(socket, Int32(IPPROTO_TCP), TCP_USER_TIMEOUT) == 120_000)

        let own = try Connection(conninfo: proxy.url + "?keepalives_idle=5&tcp_user_timeout=3000", logger: .quiet)
        #expect(option(own.socketDescriptor, Int32(IPPROTO_TCP), TCP_KEEPIDLE) == 5)
        #expect(option(own.socketDescriptor, Int32(IPPROTO_TCP), TCP_USER_TIMEOUT) == 3000)
        #expect(option(own.socketDescriptor, Int32(IPPROTO_TCP), TCP_KEEPCNT) == 6)
    }

    private func setting(_ name: String, _ connection: Connection) throws -> String {
        try connection.query(SQL(unsafeTrusted: "SHOW \(name)")).first!.decode(name, as: String.self)
    }

    private func option(_ socket: Int32, _ level: Int32, _ name: Int32) -> Int32 {
        var value: Int32 = -1
        var length = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(socket, level, name, &value, &length) == 0 ? value : -1
    }
}
