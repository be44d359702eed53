import Foundation
import Logging
import Postgres

#if canImport(Glibc)
import Glibc
#endif

/// A TCP listener on 127.0.0.1 that passes each connection on to a real PostgreSQL server (its Unix
/// socket or TCP address), byte for byte, until the connection has sent `silentAfterClientBytes`:
/// then it stops reading and sends nothing more, but keeps the connection open. To the client, that is a server that stops answering mid-query: its kernel
/// acknowledges what fits in a small receive window, then advertises a zero window for ever.
///
/// What it cannot be is a server whose kernel stops answering too (a host gone, a network cut):
/// the proxy's kernel still answers keepalive probes.
public final class SilentServerProxy: @unchecked Sendable {
    public let port: UInt16
    /// The URL of the same database through the proxy: `postgresql://user@127.0.0.1:port/db`.
    public let url: String

    private let listener: Int32
    private let target: Target
    private let silentAfterClientBytes: Int?
    private let lock = NSLock()
    private var stopped = false

    private enum Target {
        case unix(String)
        case tcp(host: String, port: String)
    }

    /// - Parameters:
    ///   - databaseURL: the database to reach (the proxy asks libpq where it is and as whom).
    ///   - silentAfterClientBytes: how much of what each client sends is passed on before silence;
    ///     nil: all of it (a plain TCP front to the server).
    public init(databaseURL: String, silentAfterClientBytes: Int? = nil) throws {
        let probe = try Connection(conninfo: databaseURL, logger: .quiet)
        let host = probe.option("host") ?? "/tmp"
        let port = probe.option("port") ?? "5432"
        target = host.hasPrefix("/") ? .unix("\(host)/.s.PGSQL.\(port)") : .tcp(host: host, port: port)
        self.silentAfterClientBytes = silentAfterClientBytes

        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw ProxyFailed(reason: "socket: \(String(cString: strerror(errno)))") }
        // Small, and inherited by every accepted connection: a client's data fills the window soon.
        var receiveBuffer: Int32 = 8192
        setsockopt(listener, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else {
            close(listener)
            throw ProxyFailed(reason: "bind or listen: \(String(cString: strerror(errno)))")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        self.port = UInt16(bigEndian: address.sin_port)
        var url = "postgresql://\(probe.userName)@127.0.0.1:\(self.port)/\(probe.databaseName)"
        if let password = probe.option("password"), !password.isEmpty {
            url += "?password=\(password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? password)"
        }
        self.url = url
        Thread { [self] in acceptConnections() }.start()
    }

    /// Closes the listener and every connection.
    public func stop() {
        lock.withLock { stopped = true }
        shutdown(listener, Int32(SHUT_RDWR))  // wakes the accept
    }

    deinit { close(listener) }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func acceptConnections() {
        while !isStopped {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            guard let server = connectToTarget() else {
                close(client)
                continue
            }
            Thread { [self] in pump(client: client, server: server) }.start()
        }
    }

    private func connectToTarget() -> Int32? {
        switch target {
        case let .unix(path):
            let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            let capacity = MemoryLayout.size(ofValue: address.sun_path)
            withUnsafeMutableBytes(of: &address.sun_path) { bytes in
                for (index, byte) in path.utf8.prefix(capacity - 1).enumerated() { bytes[index] = byte }
            }
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            if connected == 0 { return descriptor }
            close(descriptor)
            return nil
        case let .tcp(host, port):
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var found: UnsafeMutablePointer<addrinfo>?
            guard getaddrinfo(host, port, &hints, &found) == 0, let first = found else { return nil }
            defer { freeaddrinfo(found) }
            let descriptor = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
            if connect(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 { return descriptor }
            close(descriptor)
            return nil
        }
    }

    /// Passes bytes both ways until either side closes, the proxy stops, or silence: then it holds
    /// both sockets open, reading nothing, until the proxy stops.
    private func pump(client: Int32, server: Int32) {
        defer {
            close(client)
            close(server)
        }
        var fromClient = 0
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !isStopped {
            if let limit = silentAfterClientBytes, fromClient >= limit {
                usleep(50_000)
                continue
            }
            var descriptors = [pollfd(fd: client, events: Int16(POLLIN), revents: 0), pollfd(fd: server, events: Int16(POLLIN), revents: 0)]
            guard poll(&descriptors, 2, 100) >= 0 || errno == EINTR else { return }
            for (index, descriptor) in descriptors.enumerated() where descriptor.revents != 0 {
                let (from, to) = index == 0 ? (client, server) : (server, client)
                var wanted = buffer.count
                if index == 0, let limit = silentAfterClientBytes { wanted = min(wanted, limit - fromClient) }
                let count = read(from, &buffer, wanted)
                guard count > 0, writeAll(to, buffer, count) else { return }
                if index == 0 { fromClient += count }
            }
        }
    }

    private func writeAll(_ descriptor: Int32, _ bytes: [UInt8], _ count: Int) -> Bool {
        var offset = 0
        while offset < count {
            let written = bytes.withUnsafeBufferPointer { write(descriptor, $0.baseAddress! + offset, count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    struct ProxyFailed: Error { let reason: String }
}
