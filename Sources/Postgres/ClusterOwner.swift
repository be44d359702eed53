import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// The operating-system account that owns the cluster's files and runs its server.
///
/// Normally that is whoever runs Scorecard. initdb and postgres refuse to run as root, so under
/// root it is the `postgres` system user, and initdb and pg_ctl are started through runuser.
struct ClusterOwner: Sendable {
    let userName: String
    let uid: uid_t
    let gid: gid_t
    /// The groups the account belongs to, to judge which permission bits apply to it.
    let groups: [gid_t]
    /// The command prefix that switches to this account; empty when it is us already.
    let switchUserPrefix: [String]

    var isCurrentUser: Bool { switchUserPrefix.isEmpty }

    static func forCurrentProcess(systemUserName: String = "postgres") throws -> ClusterOwner {
        guard geteuid() == 0 else {
            let uid = geteuid()
            let name = Self.account(uid: uid)?.name ?? "uid \(uid)"
            return ClusterOwner(userName: name, uid: uid, gid: getegid(), groups: [getegid()], switchUserPrefix: [])
        }
        guard let account = Self.account(named: systemUserName) else {
            throw EmbeddedClusterError(.systemUserMissing, """
                Scorecard is running as root, and PostgreSQL refuses to run as root, so its private \
                server runs as the '\(systemUserName)' system user, which does not exist here. \
                Install PostgreSQL (on Debian/Ubuntu: `apt-get install -y postgresql`, which creates \
                that user), or create the user (`useradd --system --user-group \(systemUserName)`), \
                or run Scorecard as an ordinary user.
                """)
        }
        return ClusterOwner(
            userName: systemUserName, uid: account.uid, gid: account.gid,
            groups: Self.groups(of: systemUserName, primaryGroup: account.gid),
            switchUserPrefix: try Self.switchUserPrefix(to: systemUserName, uid: account.uid, gid: account.gid)
        )
    }

    /// The executable and arguments that run `executable` as this account.
    func command(_ executable: URL, _ arguments: [String]) -> (executable: URL, arguments: [String]) {
        guard let switcher = switchUserPrefix.first else { return (executable, arguments) }
        return (URL(fileURLWithPath: switcher), Array(switchUserPrefix.dropFirst()) + [executable.path] + arguments)
    }

    /// Hands a file or folder (and, if asked, everything in it) to this account.
    func takeOwnership(of url: URL, recursively: Bool = false) throws {
        guard !isCurrentUser else { return }
        try changeOwner(url.path)
        guard recursively, let contents = FileManager.default.enumerator(atPath: url.path) else { return }
        for case let relativePath as String in contents {
            try changeOwner(url.appendingPathComponent(relativePath).path)
        }
    }

    private func changeOwner(_ path: String) throws {
        guard lchown(path, uid, gid) == 0 else {
            throw EmbeddedClusterError(.fileSystem, "Could not give \(path) to user \(userName): \(String(cString: strerror(errno)))")
        }
    }

    /// Whether `url` (and everything in it, if asked) already belongs to this account.
    func owns(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0 && status.st_uid == uid
    }

    /// Makes sure this account can reach `directory`: on each folder on the way that it may not
    /// enter, adds only the search bit of the class it falls in (usually "others", `o+x`).
    /// A root folder made under `mktemp -d` (mode 0700) is the common case.
    func grantSearchPermission(along directory: URL, logger: Logger) throws {
        guard !isCurrentUser else { return }
        let components = directory.resolvingSymlinksInPath().pathComponents.filter { $0 != "/" }
        let pathsFromTop = ["/"] + components.indices.map { "/" + components[...$0].joined(separator: "/") }
        for path in pathsFromTop {
            var status = stat()
            guard stat(path, &status) == 0 else { continue }  // not made yet: created by us, searchable
            let searchBit: mode_t
            if status.st_uid == uid {
                searchBit = S_IXUSR
            } else if groups.contains(status.st_gid) {
                searchBit = S_IXGRP
            } else {
                searchBit = S_IXOTH
            }
            guard status.st_mode & searchBit == 0 else { continue }
            let newMode = (status.st_mode & 0o7777) | searchBit
            guard chmod(path, newMode) == 0 else {
                throw EmbeddedClusterError(.fileSystem, "User \(userName) cannot enter \(path), and granting it search permission failed: \(String(cString: strerror(errno))). Move the Scorecard folder somewhere \(userName) can reach.")
            }
            logger.notice("Granted search permission on \(path) (mode now \(String(newMode, radix: 8))) so that the PostgreSQL server, which runs as user \(userName), can reach \(directory.path)")
        }
    }

    // MARK: - Accounts

    private struct Account {
        let name: String
        let uid: uid_t
        let gid: gid_t
    }

    private static func account(named name: String) -> Account? {
        lookUpAccount { entry, buffer, result in getpwnam_r(name, &entry, buffer, 16_384, &result) }
    }

    private static func account(uid: uid_t) -> Account? {
        lookUpAccount { entry, buffer, result in getpwuid_r(uid, &entry, buffer, 16_384, &result) }
    }

    private static func lookUpAccount(
        _ lookUp: (inout passwd, UnsafeMutablePointer<CChar>, inout UnsafeMutablePointer<passwd>?) -> Int32
    ) -> Account? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: 16_384)
        defer { buffer.deallocate() }
        guard lookUp(&entry, buffer, &result) == 0, result != nil else { return nil }
        return Account(name: String(cString: entry.pw_name), uid: entry.pw_uid, gid: entry.pw_gid)
    }

    private static func groups(of userName: String, primaryGroup: gid_t) -> [gid_t] {
        var count: Int32 = 64
        var groups = [gid_t](repeating: 0, count: Int(count))
        if getgrouplist(userName, primaryGroup, &groups, &count) == -1 {
            groups = [gid_t](repeating: 0, count: Int(count))
            guard getgrouplist(userName, primaryGroup, &groups, &count) != -1 else { return [primaryGroup] }
        }
        return Array(groups.prefix(Int(count)))
    }

    private static func switchUserPrefix(to userName: String, uid: uid_t, gid: gid_t) throws -> [String] {
        let systemDirectories = ["/usr/sbin", "/sbin", "/usr/bin", "/bin"]
        if let runuser = ExecutableSearchPath.find("runuser", extraDirectories: systemDirectories) {
            return [runuser.path, "-u", userName, "--"]
        }
        if let setpriv = ExecutableSearchPath.find("setpriv", extraDirectories: systemDirectories) {
            return [setpriv.path, "--reuid=\(uid)", "--regid=\(gid)", "--init-groups", "--"]
        }
        throw EmbeddedClusterError(.commandFailed, "Running as root needs runuser or setpriv (package util-linux) to start PostgreSQL as user \(userName); neither was found. Install util-linux, or run Scorecard as an ordinary user.")
    }
}
