import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The lock files a PostgreSQL server writes: `postmaster.pid` in its data folder and
/// `.s.PGSQL.<port>.lock` beside its socket. Both start with the server's pid and data folder.
///
/// After a crash they stay behind, and the pid in them may by now belong to another process
/// (common in containers, where pids are small and reused) or to an unreaped zombie; PostgreSQL
/// then refuses to start. So a lock file only counts when its pid is a live postgres process
/// working in our data folder.
struct PostmasterPidFile {
    let pid: Int32
    let dataDirectory: String?

    /// Nil when the file is absent, or empty/garbled (the server is still writing it, or died doing so).
    static func read(at url: URL) throws -> PostmasterPidFile? {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch CocoaError.fileReadNoSuchFile {
            return nil
        } catch {
            if !FileManager.default.fileExists(atPath: url.path) { return nil }
            throw EmbeddedClusterError(.fileSystem, "Could not read \(url.path): \(error.localizedDescription). Is the cluster owned by another user?")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, let pid = Int32(first.trimmingCharacters(in: .whitespaces)), pid > 0 else {
            return nil
        }
        return PostmasterPidFile(pid: pid, dataDirectory: lines.count > 1 ? lines[1] : nil)
    }

    /// Whether the pid is a running postgres process serving `dataDirectory`.
    func isLiveServer(of dataDirectory: URL) -> Bool {
        guard ProcessInspector.isAlive(pid), ProcessInspector.isPostgres(pid) else { return false }
        // Where /proc lets us look, the server's working directory is its data folder.
        guard let workingDirectory = ProcessInspector.workingDirectory(of: pid) else { return true }
        return workingDirectory == ProcessInspector.realPath(dataDirectory.path)
    }
}

/// Questions about other processes, answered from kill(2) and Linux's /proc.
enum ProcessInspector {
    static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        if kill(pid, 0) != 0 && errno != EPERM { return false }
        // A zombie still answers kill(0) but runs no more; our pid 1 may never reap it.
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let endOfName = stat.lastIndex(of: ")") else { return true }
        let state = stat[stat.index(after: endOfName)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X"
    }

    /// True also when /proc cannot tell (not Linux), so that a live server is never taken for stale.
    static func isPostgres(_ pid: Int32) -> Bool {
        guard let name = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8) else { return true }
        let command = name.trimmingCharacters(in: .whitespacesAndNewlines)
        return command == "postgres" || command == "postmaster"
    }

    /// Nil when it cannot be read (another user's process, or no /proc).
    static func workingDirectory(of pid: Int32) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd")
    }

    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
