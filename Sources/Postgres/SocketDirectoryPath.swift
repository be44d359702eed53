import Foundation

/// Where the embedded server puts its Unix socket.
///
/// A socket's path must fit `sockaddr_un.sun_path` (108 bytes with the final NUL), so a deep
/// root folder cannot hold it. Then the socket goes to a short folder under /tmp whose name is a
/// hash of the root path: every command working on the same root finds the same folder.
enum SocketDirectoryPath {
    static let maximumSocketPathLength = 107

    static func socketFileName(port: Int) -> String { ".s.PGSQL.\(port)" }

    static func forCluster(root: URL, port: Int) -> URL {
        let preferred = root.appendingPathComponent("socket", isDirectory: true)
        if fits(preferred, port: port) { return preferred }
        return fallback(forRoot: root)
    }

    static func fits(_ directory: URL, port: Int) -> Bool {
        (directory.path + "/" + socketFileName(port: port)).utf8.count <= maximumSocketPathLength
    }

    static func fallback(forRoot root: URL) -> URL {
        let hash = String(fnv1a64(root.path), radix: 16)
        let padded = String(repeating: "0", count: 16 - hash.count) + hash
        return URL(fileURLWithPath: "/tmp/scorecard-\(padded)", isDirectory: true)
    }

    /// 64-bit FNV-1a: tiny, stable across runs and platforms (unlike `Hasher`, which is seeded per process).
    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
